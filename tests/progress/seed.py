"""A small bank with a hand-written review log at fixed times, for checking every figure.

Times are UTC and the calendar is UTC with the rollover at 04:00, so "today" is the study
day 2026-03-02 (04:00 on 2 March to 04:00 on 3 March).  The expected figures are worked
out by hand in tests/progress/test_figures.py from the rows below.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tradequiz.bank.model import Bank, BankSection, Choice, Question
from tradequiz.progress.calendar import DayCalendar
from tradequiz.store.connection import transaction
from tradequiz.store.library import import_bank
from tradequiz.store.opening import Store

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
CALENDAR = DayCalendar(rollover_hour=4, tz=UTC)
DAY = 86_400


def _question(qid: str, section: str, prompt: str) -> Question:
    return Question(
        id=qid,
        kind="multiple_choice",
        section=section,
        prompt=prompt,
        choices=(Choice("Right", True), Choice("Wrong"), Choice("Also wrong")),
    )


BANK = Bank(
    id="seed-bank",
    title="Seeded trade bank",
    version=3,
    source="",
    sections=(
        BankSection("tariffs", "Tariffs"),
        BankSection("quotas", "Quotas, =SUM(A1) and more"),
        BankSection("outlook", "Outlook"),
    ),
    questions=(
        _question("a1", "tariffs", "What is a tariff?"),
        _question("a2", "tariffs", "Who pays a tariff?"),
        _question("a3", "tariffs", "When were tariffs cut?"),
        _question("b1", "quotas", "What is a quota?"),
        _question("b2", "quotas", "Which quota ended in 1981?"),
        _question("c1", "outlook", "What comes next?"),
    ),
)

# (question, reviewed at, state before, rating, correct, duration ms)
REVIEWS: list[tuple[str, datetime, int, int, int | None, int]] = [
    ("a1", datetime(2026, 1, 21, 12, tzinfo=UTC), 0, 3, 1, 10_000),
    ("a1", datetime(2026, 2, 20, 12, tzinfo=UTC), 2, 3, 1, 8_000),
    ("a2", datetime(2026, 2, 26, 9, tzinfo=UTC), 2, 1, 0, 12_000),
    ("a2", datetime(2026, 2, 28, 23, tzinfo=UTC), 1, 3, None, 5_000),
    ("a3", datetime(2026, 3, 2, 3, tzinfo=UTC), 0, 3, 1, 6_000),  # before 04:00: 1 March
    ("b1", datetime(2026, 3, 1, 5, tzinfo=UTC), 2, 2, 1, 7_000),
    ("b1", datetime(2026, 3, 2, 10, tzinfo=UTC), 2, 1, 0, 9_000),
    ("a3", datetime(2026, 3, 2, 14, tzinfo=UTC), 1, 3, 1, 4_000),
]

_T = int(NOW.timestamp())
# question → (queue, state, stability, due, last_review, reps, lapses)
CARDS: dict[str, tuple[int, int, float | None, int, int | None, int, int]] = {
    "a1": (2, 2, 30.0, _T + 20 * DAY, _T - 10 * DAY, 2, 0),
    "a2": (2, 2, 5.0, _T + 5 * 3600, _T - 2 * DAY - 3 * 3600, 2, 1),
    "a3": (1, 1, 1.0, _T - 60, _T - 3600, 2, 0),
    "b1": (1, 3, 2.0, _T + 600, _T - 1800, 2, 1),
}


@dataclass(frozen=True)
class Seeded:
    store: Store
    document_id: int
    ids: dict[str, int]  # bank question id → database question id
    sections: dict[str, int]  # section key → database section id


def seed(store: Store, *, learner: str | None = None) -> Seeded:
    """Import the bank, set the cards' states and write the review log."""
    db = store.db
    summary = import_bank(db, BANK, source_text="", bank_sha256="seed", bank_path="", now=NOW)
    document_id = summary.document_id
    ids = {
        qid: pk
        for qid, pk in db.execute(
            "SELECT qid, id FROM questions WHERE document_id = ?", [document_id]
        )
    }
    sections = {
        key: pk
        for key, pk in db.execute(
            "SELECT key, id FROM sections WHERE document_id = ?", [document_id]
        )
    }
    with transaction(db) as conn:
        for qid, (queue, state, stability, due, last, reps, lapses) in CARDS.items():
            conn.execute(
                "UPDATE cards SET queue=?, state=?, stability=?, difficulty=5.0, due=?,"
                " last_review=?, reps=?, lapses=? WHERE question_id=?",
                [queue, state, stability, due, last, reps, lapses, ids[qid]],
            )
        for qid, at, state_before, rating, correct, duration in REVIEWS:
            conn.execute(
                "INSERT INTO reviews (question_id, reviewed_at, rating, correct, answer,"
                " duration_ms, queue_before, state_before, due_before, reps_before,"
                " lapses_before, state_after, due_after)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [ids[qid], int(at.timestamp() * 1000), rating, correct,
                 "=HYPERLINK(\"x\")" if qid == "b1" else "Right", duration, state_before,
                 state_before, 0, 0, 0, 2 if rating > 1 else 3, 0],
            )  # fmt: skip
        if learner is not None:
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('learner_name', ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [learner],
            )
    return Seeded(store, document_id, ids, sections)


def at(days: float) -> datetime:
    return NOW + timedelta(days=days)
