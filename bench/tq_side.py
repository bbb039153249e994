"""The workloads on TradeQuiz, through its own public functions (no Qt).

Each ``w*`` function runs in a fresh child process (see ``worker.py``) and returns
its figures; timing starts and stops inside.  ``prepare_history`` writes the shared
study history (``dataset``) into a database built by the real import path; like
``progress_stats.py`` it writes the cards and the review log with plain SQL in one
transaction, through the real schema, so migration 0002's triggers keep the review
summaries exactly as they do when a learner answers.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from dataset import (
    SECTIONS,
    CardPlan,
    questions,
    reviews,
    section_key,
    section_title,
    studied_cards,
)
from floor import CommitFloor

import tradequiz.bank.apkg  # noqa: F401  (loaded before the clock, as Anki's library is)
from tradequiz.bank.formats import FORMATS, export_to
from tradequiz.bank.model import Bank, BankSection, Question
from tradequiz.progress.calendar import DayCalendar
from tradequiz.progress.figures import WINDOW_DAYS, compute_progress
from tradequiz.progress.sections import section_progress
from tradequiz.scheduling.card_state import Rating
from tradequiz.scheduling.study_day import study_day
from tradequiz.store import library, progress_queries
from tradequiz.store.cards import Scope
from tradequiz.store.connection import connect, transaction
from tradequiz.store.opening import Store, open_store
from tradequiz.store.schema import migrations
from tradequiz.study.preferences import load_preferences
from tradequiz.study.session import StudyLimits, StudySession

BANK_ID = "bench"
SUMMARIES_MIGRATION = "0002_progress_stats"
STATS_CALLS = 11  # W4: calls in one process, the median reported (the same for Anki)
SOURCE = Path(__file__).resolve().parent.parent / "question_bank" / "japan-us-trade.txt"


def _now() -> datetime:
    return datetime.now(UTC)


def build_bank(n: int, texts: list[tuple[int, int, str, str]] | None = None) -> Bank:
    """N flashcards (front ≈ 80 characters, back ≈ 20) over 6 sections."""
    qs = tuple(
        Question(id=f"q-{i:06d}", kind="flashcard", section=section_key(s), prompt=front,
                 answers=(back,), explanation="")
        for i, s, front, back in (texts if texts is not None else questions(n))
    )  # fmt: skip
    sections = tuple(BankSection(section_key(s), section_title(s)) for s in range(SECTIONS))
    return Bank(BANK_ID, "Benchmark bank", 1, "japan-us-trade.txt", sections=sections,
                questions=qs)  # fmt: skip


def _source_text() -> str:
    return SOURCE.read_text(encoding="utf-8") if SOURCE.exists() else ""


def import_n(path: Path, n: int, store: Store | None = None) -> float:
    """Import N questions into the database at ``path`` (new); seconds for build + import."""
    store = store or open_store(path, _now())
    source = _source_text()
    texts = list(questions(n))  # the same texts as Anki's, drawn before the clock starts
    started = time.perf_counter()
    bank = build_bank(n, texts)
    library.import_bank(store.db, bank, source_text=source, bank_sha256=f"bench-{n}",
                        bank_path=f"bench-{n}.yaml", now=_now())  # fmt: skip
    seconds = time.perf_counter() - started
    store.close()
    return seconds


def w1_import(path: str, n: int) -> dict[str, Any]:
    seconds = import_n(Path(path), n)
    return {"seconds": seconds, "per_second": n / seconds}


def _card_row(plan: CardPlan, question_id: int) -> tuple[object, ...]:
    queue = 2 if plan.state == 2 else 1
    step = None if plan.state == 2 else 0
    return (queue, plan.state, step, plan.stability, plan.difficulty, plan.due,
            plan.last_review, plan.reps, plan.lapses, question_id)  # fmt: skip


def prepare_history(path: str, n: int, now_epoch: int) -> dict[str, Any]:
    """Import N questions, then write the shared history: card states and 10 x N reviews.

    The database is first built at schema 0001 (before the review summaries existed),
    then opened normally, so migration 0002 builds the summaries from the log in one
    pass, as it does for a learner upgrading: much faster than a million trigger runs,
    and the triggers keep them from then on exactly as when a learner answers.
    """
    started = time.perf_counter()
    for suffix in ("", "-wal", "-shm"):
        Path(path + suffix).unlink(missing_ok=True)
    db = connect(path)
    migrations.apply(db, stop_before=SUMMARIES_MIGRATION)
    import_n(Path(path), n, Store(db, Path(path)))
    db = connect(path)
    ids = [row[0] for row in db.execute("SELECT id FROM questions ORDER BY position")]
    studied = studied_cards(n, now_epoch)
    with transaction(db) as conn:
        conn.executemany(
            "UPDATE cards SET queue=?, state=?, step=?, stability=?, difficulty=?, due=?,"
            " last_review=?, reps=?, lapses=? WHERE question_id=?",
            (_card_row(p, ids[p.index]) for p in studied),
        )
        conn.executemany(
            "INSERT INTO reviews (question_id, reviewed_at, rating, correct, duration_ms,"
            " queue_before, state_before, due_before, reps_before, lapses_before, state_after,"
            " due_after) VALUES (?, ?, ?, NULL, ?, ?, ?, 0, 0, 0, ?, 0)",
            (
                (ids[r.index], r.at_ms, r.rating, r.duration_ms,
                 min(r.state_before, 2) if r.state_before != 3 else 1, r.state_before,
                 2 if r.rating > 1 else 3)
                for r in reviews(studied, 10 * n, now_epoch)
            ),
        )  # fmt: skip
    db.conn.close()
    open_store(Path(path), _now()).close()
    return {"seconds": time.perf_counter() - started}


def _document_id(store: Any) -> int:
    return library.documents(store.db)[0].id


def w2_open(path: str) -> dict[str, Any]:
    """Open the database and get the first question to study, as the app does."""
    started = time.perf_counter()
    now = _now()
    store = open_store(Path(path), now)
    prefs = load_preferences(store.db)
    document_id = _document_id(store)
    session = StudySession(
        store,
        Scope(document_id=document_id),
        study_day(now, prefs.rollover_hour),
        config=prefs.scheduler(),
        limits=prefs.limits(),
    )
    shown = session.start(now)
    ms = (time.perf_counter() - started) * 1000
    assert shown is not None, "nothing to study"
    first = shown.stored.question.prompt
    store.close()
    return {"ms": ms, "first": first[:40]}


def w3_study(path: str, ratings: list[int], floor_path: str | None = None) -> dict[str, Any]:
    """Answer the question on screen and get the next one, committed, len(ratings) times.

    With ``floor_path``, one commit-floor write follows every other answer (not timed
    with it), so the floor is measured at the same moments as the loop.
    """
    floor = CommitFloor(floor_path) if floor_path else None
    now = _now()
    store = open_store(Path(path), now)
    prefs = load_preferences(store.db)
    session = StudySession(
        store,
        Scope(document_id=_document_id(store)),
        study_day(now, prefs.rollover_hour),
        config=prefs.scheduler(),
        limits=StudyLimits(new_per_day=10**6, reviews_per_day=10**6),
    )
    shown = session.start(now)
    samples = []
    kinds = {"new": 0, "learning": 0, "review": 0}
    for rating in ratings:
        assert shown is not None, "the queue ran dry"
        state = shown.card.state.state
        kinds["new" if state == 0 else "review" if state == 2 else "learning"] += 1
        started = time.perf_counter()
        session.reveal(_now())
        shown = session.grade(Rating(rating), _now())
        samples.append((time.perf_counter() - started) * 1000)
        if floor is not None and len(samples) % 2 == 0:
            floor.write()
    store.close()
    if floor is not None:
        floor.close()
    return {"samples": samples, "kinds": kinds, "floor": floor.samples if floor else []}


def w4_stats(path: str) -> dict[str, Any]:
    """Per-section new / learning / due, and true retention over the last 30 study days."""
    now = _now()
    store = open_store(Path(path), now)
    db = store.db
    prefs = load_preferences(db)
    calendar = DayCalendar(rollover_hour=prefs.rollover_hour, tz=UTC)
    document_id = _document_id(store)
    out: dict[str, Any] = {}

    def counts_and_retention() -> tuple[list[Any], float | None]:
        today = calendar.day_of(now)
        day_end = calendar.end_of(today)
        sections = section_progress(db, document_id, int(now.timestamp()), day_end)
        since = calendar.start_of(today - timedelta(days=WINDOW_DAYS - 1))
        window = progress_queries.section_window(db, document_id, since, day_end)
        learned = sum(w.learned_reviews for w in window.values())
        passed = sum(w.learned_passed for w in window.values())
        return sections, (passed / learned if learned else None)

    samples, full = [], []
    for _ in range(STATS_CALLS):
        started = time.perf_counter()
        sections, retention = counts_and_retention()
        samples.append((time.perf_counter() - started) * 1000)
    for _ in range(5):  # the whole progress page, for information
        started = time.perf_counter()
        report = compute_progress(db, document_id, now, calendar)
        full.append((time.perf_counter() - started) * 1000)
    out["samples"] = samples
    out["full_samples"] = full
    out["retention"] = retention
    out["new"] = sum(s.new for s in sections)
    out["learning"] = sum(s.learning for s in sections)
    out["due"] = sum(s.due_today for s in sections)
    out["full_retention"] = report.overall.retention
    store.close()
    return out


def w5_export(n: int, out_path: str) -> dict[str, Any]:
    """Export the bank of N questions to an Anki package (``tradequiz export-bank`` path)."""
    bank = build_bank(n)
    started = time.perf_counter()
    result = export_to(bank, FORMATS["apkg"], Path(out_path), _now())
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "bytes": Path(out_path).stat().st_size, "notes": result.exported}
