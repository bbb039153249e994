"""Scheduling rows and the review log: the study hot path.

Choosing the next question is an index range scan on ``(scope, queue, due)``;
answering is one read by primary key and one transaction that updates the
card and appends to the log.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from tradequiz.scheduling.card_state import CardState
from tradequiz.store.connection import transaction
from tradequiz.store.library import (
    QUEUE_BURIED,
    QUEUE_LEARNING,
    QUEUE_NEW,
    QUEUE_REVIEW,
    QUEUE_SUSPENDED,
    STATE_QUEUE,
)


@dataclass(frozen=True)
class Scope:
    """What a session studies: everything, one document, one section, or given questions."""

    document_id: int | None = None
    section_id: int | None = None
    question_ids: tuple[int, ...] = ()

    def where(self) -> tuple[str, list[int]]:
        if self.question_ids:
            marks = ",".join("?" * len(self.question_ids))
            return f"question_id IN ({marks})", list(self.question_ids)
        if self.section_id is not None:
            return "section_id = ?", [self.section_id]
        if self.document_id is not None:
            return "document_id = ?", [self.document_id]
        return "1", []


@dataclass(frozen=True)
class Card:
    question_id: int
    document_id: int
    section_id: int
    queue: int
    state: CardState


@dataclass(frozen=True)
class ReviewRecord:
    """What the learner did; written with the card's state before and after."""

    question_id: int
    reviewed_at_ms: int
    rating: int
    correct: bool | None
    answer: str
    duration_ms: int


@dataclass(frozen=True)
class QueueCounts:
    new: int
    learning: int
    review: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review


_CARD_COLUMNS = (
    "question_id, document_id, section_id, queue, state, step, stability, difficulty, due,"
    " last_review, reps, lapses"
)


def _card(row: tuple[object, ...]) -> Card:
    q, d, s, queue, state, step, stab, diff, due, last, reps, lapses = row
    return Card(
        int(q),  # type: ignore[call-overload]
        int(d),  # type: ignore[call-overload]
        int(s),  # type: ignore[call-overload]
        int(queue),  # type: ignore[call-overload]
        CardState(state, step, stab, diff, due, last, reps, lapses),  # type: ignore[arg-type]
    )


def get_card(db: Database, question_id: int) -> Card:
    row = db.execute(
        f"SELECT {_CARD_COLUMNS} FROM cards WHERE question_id = ?", [question_id]
    ).fetchone()
    if row is None:
        raise KeyError(question_id)
    return _card(row)


def _candidates(db: Database, scope: Scope, queue: int, due_at_most: int | None,
                exclude: int | None, limit: int) -> list[Card]:  # fmt: skip
    clause, params = scope.where()
    sql = f"SELECT {_CARD_COLUMNS} FROM cards WHERE {clause} AND queue = ?"
    args: list[int] = [*params, queue]
    if due_at_most is not None:
        sql += " AND due <= ?"
        args.append(due_at_most)
    if exclude is not None:
        sql += " AND question_id != ?"
        args.append(exclude)
    rows = db.execute(sql + " ORDER BY due, question_id LIMIT ?", [*args, limit]).fetchall()
    return [_card(row) for row in rows]


def _first(db: Database, scope: Scope, queue: int, due_at_most: int | None,
           exclude: int | None) -> Card | None:  # fmt: skip
    found = _candidates(db, scope, queue, due_at_most, exclude, 1)
    return found[0] if found else None


def next_learning(
    db: Database, scope: Scope, due_by: int, exclude: int | None = None
) -> Card | None:
    return _first(db, scope, QUEUE_LEARNING, due_by, exclude)


def next_review(db: Database, scope: Scope, due_by: int, exclude: int | None = None) -> Card | None:
    return _first(db, scope, QUEUE_REVIEW, due_by, exclude)


def next_new(db: Database, scope: Scope, exclude: int | None = None) -> Card | None:
    return _first(db, scope, QUEUE_NEW, None, exclude)


def next_new_many(db: Database, scope: Scope, limit: int) -> list[Card]:
    """The next ``limit`` new questions in order (to pass over siblings of one just seen)."""
    return _candidates(db, scope, QUEUE_NEW, None, None, limit)


def queue_counts(
    db: Database,
    scope: Scope,
    now: int,
    day_end: int,
    new_cap: int | None = None,
    review_cap: int | None = None,
) -> QueueCounts:
    """Due learning (now), due reviews (today) and available new questions.

    New questions and due reviews are counted up to ``new_cap`` / ``review_cap`` when
    given (a session shows no more than its daily limits), so the counts cost no more
    than the limits however many questions wait.
    """
    clause, params = scope.where()
    row = db.execute(
        f"SELECT"
        f" (SELECT count(*) FROM (SELECT 1 FROM cards WHERE {clause} AND queue = {QUEUE_NEW}"
        f"  LIMIT ?)),"
        f" (SELECT count(*) FROM cards WHERE {clause} AND queue = {QUEUE_LEARNING} AND due <= ?),"
        f" (SELECT count(*) FROM (SELECT 1 FROM cards WHERE {clause} AND queue = {QUEUE_REVIEW}"
        f"  AND due <= ? LIMIT ?))",
        [*params, _limit(new_cap), *params, now, *params, day_end, _limit(review_cap)],
    ).fetchone()
    return QueueCounts(new=row[0], learning=row[1], review=row[2])


def _limit(cap: int | None) -> int:
    # SQLite reads a negative LIMIT as "no limit".
    return -1 if cap is None else max(0, cap)


def due_review_count(db: Database, scope: Scope, until: int) -> int:
    """Reviews in scope due by ``until``."""
    clause, params = scope.where()
    row = db.execute(
        f"SELECT count(*) FROM cards WHERE {clause} AND queue = {QUEUE_REVIEW} AND due <= ?",
        [*params, until],
    ).fetchone()
    return int(row[0])


def section_queue_counts(
    db: Database, document_id: int, now: int, day_end: int
) -> dict[int, QueueCounts]:
    """Per section of one document: new, due learning and due reviews.

    Three index range counts per section (``cards_section_queue_due``), so SQLite steps
    only through the matching entries instead of reading every card of the document.
    """
    count = "SELECT count(*) FROM cards c WHERE c.section_id = s.id AND c.queue ="
    rows = db.execute(
        f"SELECT s.id, ({count} {QUEUE_NEW}), ({count} {QUEUE_LEARNING} AND c.due <= ?),"
        f" ({count} {QUEUE_REVIEW} AND c.due <= ?) FROM sections s WHERE s.document_id = ?",
        [now, day_end, document_id],
    )
    return {r[0]: QueueCounts(r[1], r[2], r[3]) for r in rows}


def studied_today(db: Database, day_start: int) -> tuple[int, int]:
    """(new questions introduced, reviews done) since the study day began.

    Daily limits are the learner's, not a section's, so this counts across everything.
    """
    row = db.execute(
        "SELECT sum(state_before = 0), sum(state_before != 0) FROM reviews WHERE reviewed_at >= ?",
        [day_start * 1000],
    ).fetchone()
    return (row[0] or 0, row[1] or 0)


def next_due(db: Database, scope: Scope, after: int) -> int | None:
    """When the next learning or review question in scope falls due after ``after``."""
    clause, params = scope.where()
    row = db.execute(
        f"SELECT min(due) FROM cards WHERE {clause} AND queue IN ({QUEUE_LEARNING}, {QUEUE_REVIEW})"
        " AND due > ?",
        [*params, after],
    ).fetchone()
    return None if row[0] is None else int(row[0])


def due_count(db: Database, scope: Scope, until: int) -> int:
    """Learning and review questions in scope due by ``until``."""
    clause, params = scope.where()
    row = db.execute(
        f"SELECT count(*) FROM cards WHERE {clause} AND queue IN ({QUEUE_LEARNING}, {QUEUE_REVIEW})"
        " AND due <= ?",
        [*params, until],
    ).fetchone()
    return int(row[0])


def record_review(db: Database, before: Card, after: CardState, review: ReviewRecord) -> int:
    """Store the new scheduling state and the review in one transaction; return the review id."""
    b = before.state
    queue = STATE_QUEUE[after.state]
    with transaction(db) as conn:
        cur = conn.execute(
            "UPDATE cards SET queue=?, state=?, step=?, stability=?, difficulty=?, due=?,"
            " last_review=?, reps=?, lapses=? WHERE question_id=? AND reps=?",
            [queue, after.state, after.step, after.stability, after.difficulty, after.due,
             after.last_review, after.reps, after.lapses, before.question_id, b.reps],
        )  # fmt: skip
        if cur.rowcount != 1:
            raise sqlite3.IntegrityError("the question changed since it was shown")
        review_id = conn.execute(
            "INSERT INTO reviews (question_id, reviewed_at, rating, correct, answer, duration_ms,"
            " queue_before, state_before, step_before, stability_before, difficulty_before,"
            " due_before, last_review_before, reps_before, lapses_before,"
            " state_after, step_after, stability_after, difficulty_after, due_after)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [review.question_id, review.reviewed_at_ms, review.rating,
             None if review.correct is None else int(review.correct), review.answer,
             review.duration_ms, before.queue, b.state, b.step, b.stability, b.difficulty,
             b.due, b.last_review, b.reps, b.lapses, after.state, after.step, after.stability,
             after.difficulty, after.due],
        ).lastrowid  # fmt: skip
    assert review_id is not None
    return review_id


def undo_review(db: Database, review_id: int) -> int:
    """Put the card back as it was before ``review_id`` and drop the review; return the question."""
    with transaction(db) as conn:
        row = conn.execute(
            "SELECT question_id, queue_before, state_before, step_before, stability_before,"
            " difficulty_before, due_before, last_review_before, reps_before, lapses_before"
            " FROM reviews WHERE id = ?",
            [review_id],
        ).fetchone()
        if row is None:
            raise KeyError(review_id)
        question_id = row[0]
        conn.execute(
            "UPDATE cards SET queue=?, state=?, step=?, stability=?, difficulty=?, due=?,"
            " last_review=?, reps=?, lapses=? WHERE question_id=?",
            [*row[1:], question_id],
        )
        conn.execute("DELETE FROM reviews WHERE id = ?", [review_id])
    return int(question_id)


def set_suspended(db: Database, question_id: int, suspended: bool) -> None:
    with transaction(db) as conn:
        if suspended:
            conn.execute(
                f"UPDATE cards SET queue={QUEUE_SUSPENDED} WHERE question_id=? AND queue >= 0",
                [question_id],
            )
        else:
            _restore_queue(conn, "question_id = ? AND queue = ?", [question_id, QUEUE_SUSPENDED])


def bury(db: Database, question_id: int, until: int) -> None:
    """Hide a question until the next study day."""
    with transaction(db) as conn:
        conn.execute(
            f"UPDATE cards SET queue={QUEUE_BURIED}, buried_until=?"
            " WHERE question_id=? AND queue >= 0",
            [until, question_id],
        )


def unbury_due(db: Database, now: int) -> int:
    """Return buried questions whose day has passed to their queues."""
    with transaction(db) as conn:
        return _restore_queue(conn, "queue = ? AND buried_until <= ?", [QUEUE_BURIED, now])


def _restore_queue(conn: sqlite3.Connection, where: str, params: list[int]) -> int:
    cur = conn.execute(
        f"UPDATE cards SET queue = CASE state WHEN 0 THEN {QUEUE_NEW} WHEN 2 THEN {QUEUE_REVIEW}"
        f" ELSE {QUEUE_LEARNING} END, buried_until = NULL WHERE {where}",
        params,
    )
    return cur.rowcount


def restore_queue(db: Database, question_id: int, queue: int) -> None:
    """Put a buried or suspended question back in ``queue`` (undo)."""
    with transaction(db) as conn:
        conn.execute(
            "UPDATE cards SET queue = ?, buried_until = NULL WHERE question_id = ?",
            [queue, question_id],
        )


def unsuspend_all(db: Database, scope: Scope) -> int:
    """Give every suspended question in scope back to its queue; returns how many."""
    clause, params = scope.where()
    with transaction(db) as conn:
        return _restore_queue(conn, f"{clause} AND queue = ?", [*params, QUEUE_SUSPENDED])


def set_flag(db: Database, question_id: int, flagged: bool, note: str = "") -> None:
    with transaction(db) as conn:
        conn.execute(
            "UPDATE cards SET flagged=?, flag_note=? WHERE question_id=?",
            [int(flagged), note if flagged else "", question_id],
        )
