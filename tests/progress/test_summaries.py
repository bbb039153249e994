"""The trigger-kept review summaries (migration 0002) always equal a fresh count of the log."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from sqlite_utils import Database

from tests.progress.seed import CALENDAR, NOW, seed
from tradequiz.progress.figures import compute_progress
from tradequiz.store.cards import undo_review
from tradequiz.store.connection import transaction
from tradequiz.store.opening import Store, open_store


def _fresh_question_stats(db: Database) -> set[tuple[int, ...]]:
    return set(
        db.execute(
            "SELECT r.question_id, c.section_id, count(*), count(r.correct),"
            " coalesce(sum(r.correct), 0),"
            " sum(CASE WHEN r.correct IS NULL THEN r.rating > 1 ELSE r.correct END),"
            " sum(r.duration_ms) FROM reviews r JOIN cards c USING (question_id)"
            " GROUP BY r.question_id"
        ).fetchall()
    )


def _kept_question_stats(db: Database) -> set[tuple[int, ...]]:
    return set(
        db.execute(
            "SELECT question_id, section_id, reviews, checked, correct, right_answers,"
            " duration_ms FROM question_stats WHERE reviews > 0"
        ).fetchall()
    )


def _fresh_section_buckets(db: Database) -> set[tuple[int, ...]]:
    return set(
        db.execute(
            "SELECT c.section_id, r.reviewed_at / 900000, count(*), sum(r.state_before = 2),"
            " sum(r.state_before = 2 AND r.rating > 1), count(r.correct),"
            " coalesce(sum(r.correct), 0), sum(r.duration_ms)"
            " FROM reviews r JOIN cards c USING (question_id) GROUP BY 1, 2"
        ).fetchall()
    )


def _kept_section_buckets(db: Database) -> set[tuple[int, ...]]:
    return set(
        db.execute(
            "SELECT section_id, bucket, reviews, learned_reviews, learned_passed, checked,"
            " correct, duration_ms FROM section_buckets WHERE reviews > 0"
        ).fetchall()
    )


def _fresh_review_buckets(db: Database) -> set[tuple[int, ...]]:
    return set(
        db.execute(
            "SELECT c.document_id, r.reviewed_at / 900000, count(*), sum(r.state_before = 2),"
            " sum(r.state_before = 2 AND r.rating > 1), sum(r.duration_ms)"
            " FROM reviews r JOIN cards c USING (question_id) GROUP BY 1, 2"
        ).fetchall()
    )


def _kept_review_buckets(db: Database) -> set[tuple[int, ...]]:
    return set(
        db.execute(
            "SELECT document_id, bucket, reviews, learned_reviews, learned_passed, duration_ms"
            " FROM review_buckets WHERE reviews > 0"
        ).fetchall()
    )


def _assert_consistent(db: Database) -> None:
    assert _kept_question_stats(db) == _fresh_question_stats(db)
    assert _kept_section_buckets(db) == _fresh_section_buckets(db)
    assert _kept_review_buckets(db) == _fresh_review_buckets(db)


def test_inserts_are_counted(empty_store: Store) -> None:
    seed(empty_store)
    assert len(_kept_question_stats(empty_store.db)) == 4
    _assert_consistent(empty_store.db)


def test_undo_counts_back(empty_store: Store) -> None:
    seeded = seed(empty_store)
    db = empty_store.db
    last = db.execute("SELECT max(id) FROM reviews").fetchone()[0]
    before = compute_progress(db, seeded.document_id, NOW, CALENDAR).overall
    undo_review(db, last)
    _assert_consistent(db)
    after = compute_progress(db, seeded.document_id, NOW, CALENDAR).overall
    assert (after.reviews, after.time_studied_ms, after.reviews_30d) == (
        before.reviews - 1,
        before.time_studied_ms - 4_000,
        before.reviews_30d - 1,
    )


def test_moving_a_question_moves_its_history(empty_store: Store) -> None:
    seeded = seed(empty_store)
    db = empty_store.db
    with transaction(db) as conn:
        conn.execute(
            "UPDATE cards SET section_id = ? WHERE question_id = ?",
            [seeded.sections["outlook"], seeded.ids["a2"]],
        )
    _assert_consistent(db)
    report = compute_progress(db, seeded.document_id, NOW, CALENDAR)
    outlook = report.sections[2]
    # a2's two reviews: 12 s Again (checked, wrong) and 5 s self-rated.
    assert (outlook.reviews, outlook.time_studied_ms, outlook.checked, outlook.correct) == (
        2, 17_000, 1, 0,
    )  # fmt: skip
    assert report.sections[0].reviews == 4
    assert report.overall.reviews == 8


def test_migration_rebuilds_summaries_of_an_old_database(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    store = open_store(path, NOW)
    seeded = seed(store)
    expected = compute_progress(store.db, seeded.document_id, NOW, CALENDAR)
    # Turn it back into a schema-1 database holding the same review log.
    db = store.db
    for trigger in ("reviews_stats_insert", "reviews_stats_delete", "cards_section_moved"):
        db.execute(f"DROP TRIGGER {trigger}")
    for table in ("question_stats", "section_buckets", "review_buckets"):
        db.execute(f"DROP TABLE {table}")
    for index in ("cards_progress", "cards_forecast"):
        db.execute(f"DROP INDEX {index}")
    db.execute("DELETE FROM _sqlite_migrations WHERE name = '0002_progress_stats'")
    db.execute("PRAGMA user_version = 1")
    store.close()

    reopened = open_store(path, NOW + timedelta(seconds=1), tmp_path / "backups")
    try:
        _assert_consistent(reopened.db)
        again = compute_progress(reopened.db, seeded.document_id, NOW, CALENDAR)
        assert again.sections == expected.sections
        assert again.activity == expected.activity
        assert list((tmp_path / "backups").iterdir()), "a backup is taken before migrating"
    finally:
        reopened.close()
