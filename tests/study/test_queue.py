"""Queue order, daily limits, interleaving, study-ahead — and that choosing is indexed."""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tradequiz.scheduling import Rating, study_day
from tradequiz.store import cards
from tradequiz.store.cards import Scope
from tradequiz.store.opening import Store, open_store
from tradequiz.study.session import Phase, StudyLimits, StudySession


def _set(store: Store, qpk: int, queue: int, state: int, due: int) -> None:
    store.db.execute(
        "UPDATE cards SET queue=?, state=?, due=?, stability=5, difficulty=5, last_review=?"
        " WHERE question_id=?",
        [queue, state, due, due - 86400, qpk],
    )


def _ids(store: Store) -> list[int]:
    """The studiable cards (a rejected question's card is inactive, queue -3)."""
    sql = "SELECT question_id FROM cards WHERE queue != -3 ORDER BY question_id"
    return [r[0] for r in store.db.execute(sql)]


def test_learning_first_then_reviews_then_new(store: Store, now: datetime) -> None:
    t = int(now.timestamp())
    ids = _ids(store)
    _set(store, ids[5], 2, 2, t - 3600)  # review due
    _set(store, ids[6], 1, 1, t - 60)  # learning due
    _set(store, ids[7], 2, 2, t + 86400 * 5)  # review not due
    session = StudySession(store, Scope(), study_day(now))
    first = session.start(now)
    assert first is not None and first.card.question_id == ids[6]
    session.answer(None, now)
    second = session.grade(Rating.GOOD, now)
    assert second is not None and second.card.question_id == ids[5]
    session.answer(None, now)
    third = session.grade(Rating.GOOD, now)
    assert third is not None and third.is_new


def test_new_questions_are_spread_among_reviews(store: Store, now: datetime) -> None:
    t = int(now.timestamp())
    ids = _ids(store)
    for qpk in ids[:12]:
        _set(store, qpk, 2, 2, t - 100)
    session = StudySession(store, Scope(), study_day(now), limits=StudyLimits(new_per_day=3))
    shown = session.start(now)
    kinds: list[str] = []
    while shown is not None and len(kinds) < 15:
        kinds.append("new" if shown.is_new else "review")
        session.answer(None, now)
        shown = session.grade(Rating.EASY, now)
    assert kinds.count("new") == 3
    first_new = kinds.index("new")
    assert 0 < first_new < 12  # not all reviews first, not all new first


def test_nothing_due_offers_more_new_and_study_ahead(store: Store, now: datetime) -> None:
    t = int(now.timestamp())
    ids = _ids(store)
    _set(store, ids[0], 2, 2, t + 86400 * 2)  # due the day after tomorrow
    session = StudySession(store, Scope(), study_day(now), limits=StudyLimits(new_per_day=0))
    assert session.start(now) is None
    assert session.phase is Phase.FINISHED
    assert session.new_available(now) == len(ids) - 1
    assert session.due_within(3) == 1
    assert session.next_due(now) == t + 86400 * 2
    ahead = session.study_ahead(3, now)
    assert ahead is not None and ahead.card.question_id == ids[0]
    session.answer(None, now)
    session.grade(Rating.GOOD, now)
    shown = session.extend_new(2, now)
    assert shown is not None and shown.is_new


def test_bury_and_suspend_hide_a_question(store: Store, now: datetime) -> None:
    session = StudySession(store, Scope(), study_day(now))
    first = session.start(now)
    assert first is not None
    second = session.bury(now)
    assert second is not None and second.card.question_id != first.card.question_id
    third = session.suspend(now)
    assert third is not None
    queues = dict(store.db.execute("SELECT question_id, queue FROM cards"))
    assert queues[first.card.question_id] == -2
    assert queues[second.card.question_id] == -1
    # The buried question comes back the next study day.
    tomorrow = now + timedelta(days=1)
    again = StudySession(store, Scope(), study_day(tomorrow))
    again.start(tomorrow)
    assert (
        dict(store.db.execute("SELECT question_id, queue FROM cards"))[first.card.question_id] == 0
    )


def test_flag_is_stored_for_the_instructor(store: Store, now: datetime) -> None:
    session = StudySession(store, Scope(), study_day(now))
    shown = session.start(now)
    assert shown is not None
    session.flag("two answers are right")
    row = store.db.execute(
        "SELECT flagged, flag_note FROM cards WHERE question_id = ?", [shown.card.question_id]
    ).fetchone()
    assert row == (1, "two answers are right")


def test_choosing_the_next_question_uses_an_index(store: Store, now: datetime) -> None:
    """The real queue queries are index searches with no sort step, whatever the scope."""
    t = int(now.timestamp())
    queries: list[tuple[str, list[object]]] = []
    for scope in (Scope(), Scope(document_id=1), Scope(section_id=2)):
        with store.db.tracer(lambda sql, params: queries.append((sql, list(params or [])))):
            cards.next_learning(store.db, scope, t)
            cards.next_review(store.db, scope, t + 86400)
            cards.next_new(store.db, scope)
    assert len(queries) == 9
    for sql, params in queries:
        plan = store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
        detail = " | ".join(str(row[-1]) for row in plan)
        assert detail.startswith("SEARCH cards USING"), detail
        assert "TEMP B-TREE" not in detail, detail


def _mixed_session_kinds(store: Store, now: datetime, answers: int) -> list[tuple[int, bool]]:
    """Study a mix of due reviews and new questions; (question, was new) in the order shown."""
    t = int(now.timestamp())
    ids = _ids(store)
    for i, qpk in enumerate(ids[:14]):
        _set(store, qpk, 2, 2, t - 100 - i)
    session = StudySession(store, Scope(), study_day(now), limits=StudyLimits(new_per_day=5))
    shown = session.start(now)
    seen: list[tuple[int, bool]] = []
    ratings = [Rating.GOOD, Rating.AGAIN, Rating.EASY, Rating.GOOD, Rating.HARD]
    while shown is not None and len(seen) < answers:
        seen.append((shown.card.question_id, shown.is_new))
        session.answer(None, now)
        shown = session.grade(ratings[len(seen) % len(ratings)], now)
    return seen


def test_due_reviews_are_counted_once_per_session(
    store: Store, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Spreading new questions among reviews needs the number of due reviews; counting
    them costs as much as there are, so the session counts once and keeps the count."""
    calls: list[int] = []
    count = cards.due_review_count

    def counting(*args: Any) -> int:
        calls.append(1)
        return count(*args)

    monkeypatch.setattr(cards, "due_review_count", counting)
    seen = _mixed_session_kinds(store, now, 24)
    assert len(seen) == 24
    assert sum(new for _, new in seen) == 5
    assert len(calls) == 1


def test_kept_count_spreads_new_questions_as_a_fresh_count_would(
    store: Store, now: datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    copy_path = tmp_path / "copy.sqlite3"
    target = sqlite3.connect(copy_path)
    store.db.conn.backup(target)
    target.close()
    kept = _mixed_session_kinds(store, now, 24)
    # The same session on the same data, counting afresh before every choice.
    monkeypatch.setattr(
        StudySession, "_track_due_reviews", lambda self, before, after: self._forget_due()
    )
    copy = open_store(copy_path, now)
    try:
        fresh = _mixed_session_kinds(copy, now, 24)
    finally:
        copy.close()
    assert kept == fresh
    assert [new for _, new in kept].count(True) == 5


def test_queue_counts_stop_at_the_caps(store: Store, now: datetime) -> None:
    t = int(now.timestamp())
    ids = _ids(store)
    for qpk in ids[:6]:
        _set(store, qpk, 2, 2, t - 100)
    full = cards.queue_counts(store.db, Scope(), t, t + 3600)
    assert (full.new, full.review) == (len(ids) - 6, 6)
    capped = cards.queue_counts(store.db, Scope(), t, t + 3600, new_cap=4, review_cap=2)
    assert (capped.new, capped.learning, capped.review) == (4, full.learning, 2)
    assert cards.queue_counts(store.db, Scope(), t, t + 3600, new_cap=0).new == 0
    session = StudySession(store, Scope(), study_day(now), limits=StudyLimits(3, 5))
    assert (session.counts(now).new, session.counts(now).review) == (3, 5)


def test_section_queue_counts_match_a_count_by_hand(store: Store, now: datetime) -> None:
    """The home page's per-section counts, against a plain count of the rows."""
    t = int(now.timestamp())
    rng = random.Random(3)
    for (qpk,) in store.db.execute("SELECT question_id FROM cards").fetchall():
        queue = rng.choice((-3, -2, -1, 0, 1, 2))
        state = {0: 0, 1: 1, 2: 2}.get(queue, rng.choice((0, 1, 2, 3)))
        _set(store, qpk, queue, state, t + rng.choice((-86400, -1, 0, 1, 3600, 86400)))
    rows = store.db.execute("SELECT section_id, queue, due FROM cards").fetchall()
    doc = store.db.execute("SELECT id FROM documents").fetchone()[0]
    got = cards.section_queue_counts(store.db, doc, t, t + 3600)
    for section in {r[0] for r in rows}:
        mine = [r for r in rows if r[0] == section]
        expected = (
            sum(q == 0 for _, q, _ in mine),
            sum(q == 1 and due <= t for _, q, due in mine),
            sum(q == 2 and due <= t + 3600 for _, q, due in mine),
        )
        c = got[section]
        assert (c.new, c.learning, c.review) == expected
    assert sum(c.new + c.learning + c.review for c in got.values()) > 0
