"""SQL for per-question progress: current state, totals, history, weakest, the review log."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlite_utils import Database

from tradequiz.store.library import QUEUE_LEARNING, QUEUE_REVIEW
from tradequiz.store.progress_queries import ensure_math_functions, recall_sql

_RIGHT = "CASE WHEN r.correct IS NULL THEN r.rating > 1 ELSE r.correct END"


@dataclass(frozen=True)
class QuestionRow:
    """A question's scheduling state now and its review totals."""

    question_id: int
    qid: str
    kind: str
    status: str
    section_key: str
    section_title: str
    prompt: str
    queue: int
    state: int
    stability: float | None
    difficulty: float | None
    due: int
    last_review: int | None
    reps: int
    lapses: int
    recall: float | None
    reviews: int
    checked: int
    correct: int
    right_answers: int
    duration_ms: int
    first_right: int | None = None
    last_right: int | None = None
    weakness: float | None = None


def _weakness_sql(recall: str) -> str:
    """Mean of three shortfalls, each 0…1: forgetting now (1 − R), wrong answers
    (1 − Laplace-smoothed share right) and lapses (capped at 4)."""
    return (
        f"((1.0 - coalesce({recall}, 0.0))"
        " + (1.0 - (coalesce(t.right_answers, 0) + 1.0) / (coalesce(t.reviews, 0) + 2.0))"
        " + min(c.lapses, 4) / 4.0) / 3.0"
    )


def _select(now: int, factor: float, decay: float, with_first_last: bool) -> str:
    recall = recall_sql(now, factor, decay)
    first_last = (
        f", (SELECT {_RIGHT} FROM reviews r WHERE r.question_id = q.id"
        "    ORDER BY r.reviewed_at, r.id LIMIT 1)"
        f", (SELECT {_RIGHT} FROM reviews r WHERE r.question_id = q.id"
        "    ORDER BY r.reviewed_at DESC, r.id DESC LIMIT 1)"
        if with_first_last
        else ", NULL, NULL"
    )
    return (
        "SELECT q.id, q.qid, q.kind, q.status, s.key, s.title,"
        " coalesce(json_extract(q.body, '$.prompt'), ''),"
        " c.queue, c.state, c.stability, c.difficulty, c.due, c.last_review, c.reps, c.lapses,"
        f" {recall}, coalesce(t.reviews, 0), coalesce(t.checked, 0), coalesce(t.correct, 0),"
        " coalesce(t.right_answers, 0), coalesce(t.duration_ms, 0)"
        f" {first_last}, {_weakness_sql(recall)}"
        " FROM questions q JOIN cards c ON c.question_id = q.id"
        " JOIN sections s ON s.id = c.section_id"
        " LEFT JOIN question_stats t ON t.question_id = q.id"
    )


def question_rows(
    db: Database, document_id: int, now: int, factor: float, decay: float
) -> list[QuestionRow]:
    """Every question of the document (any status) in section and bank order."""
    ensure_math_functions(db)
    rows = db.execute(
        _select(now, factor, decay, True)
        + " WHERE q.document_id = ? ORDER BY s.position, q.position",
        [document_id],
    )
    return [QuestionRow(*r) for r in rows]


def weakest_rows(
    db: Database,
    document_id: int,
    now: int,
    factor: float,
    decay: float,
    limit: int,
    section_id: int | None = None,
) -> list[QuestionRow]:
    """The studied questions in learning or review (not suspended or buried) with the
    highest weakness, weakest first."""
    ensure_math_functions(db)
    where = f"q.document_id = ? AND c.reps > 0 AND c.queue IN ({QUEUE_LEARNING}, {QUEUE_REVIEW})"
    args: list[int] = [document_id]
    if section_id is not None:
        where += " AND c.section_id = ?"
        args.append(section_id)
    recall = recall_sql(now, factor, decay)
    rows = db.execute(
        _select(now, factor, decay, False)
        + f" WHERE {where} ORDER BY {_weakness_sql(recall)} DESC, c.lapses DESC, q.position"
        " LIMIT ?",
        [*args, limit],
    )
    return [QuestionRow(*r) for r in rows]


@dataclass(frozen=True)
class HistoryRow:
    reviewed_at_ms: int
    rating: int
    correct: int | None
    answer: str
    duration_ms: int
    state_before: int
    state_after: int
    stability_after: float | None
    due_after: int


def question_history(db: Database, question_id: int) -> list[HistoryRow]:
    """The question's reviews, oldest first."""
    rows = db.execute(
        "SELECT reviewed_at, rating, correct, answer, duration_ms, state_before, state_after,"
        " stability_after, due_after FROM reviews WHERE question_id = ?"
        " ORDER BY reviewed_at, id",
        [question_id],
    )
    return [HistoryRow(*r) for r in rows]


@dataclass(frozen=True)
class LogRow:
    review_id: int
    reviewed_at_ms: int
    qid: str
    section_key: str
    kind: str
    rating: int
    correct: int | None
    answer: str
    duration_ms: int
    state_before: int
    state_after: int
    stability_after: float | None
    difficulty_after: float | None
    due_after: int


def review_log(db: Database, document_id: int) -> Iterator[LogRow]:
    """The document's whole review log, oldest first, streamed (it may be long)."""
    cursor = db.execute(
        "SELECT r.id, r.reviewed_at, q.qid, s.key, q.kind, r.rating, r.correct, r.answer,"
        " r.duration_ms, r.state_before, r.state_after, r.stability_after,"
        " r.difficulty_after, r.due_after"
        " FROM reviews r JOIN questions q ON q.id = r.question_id"
        " JOIN sections s ON s.id = q.section_id"
        " WHERE q.document_id = ? ORDER BY r.reviewed_at, r.id",
        [document_id],
    )
    for row in cursor:
        yield LogRow(*row)
