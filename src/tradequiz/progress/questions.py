"""Per question: its state now, its history, and the weakest questions to practise.

**Weakness** (0 = solid, 1 = shaky) is the mean of three shortfalls, each from 0 to 1:

- forgetting now: 1 − R, R being FSRS's probability of recalling it at this moment;
- wrong answers: 1 − (right + 1) / (answers + 2), where an answer is right when the app
  checked it correct or, for self-rated questions, when it was rated Hard or better
  (smoothed, so one lucky answer does not look like mastery);
- lapses: how often it was forgotten after being learned, capped at 4 (4 or more = 1).

Only questions already studied and now in learning or review count (not suspended,
buried or new ones).  Ties go to more lapses, then bank order.
"""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from tradequiz.progress.figures import fsrs_curve
from tradequiz.progress.sections import MASTERED_STABILITY_DAYS
from tradequiz.scheduling.fsrs_adapter import SchedulerConfig
from tradequiz.store import review_queries
from tradequiz.store.library import QUEUE_BURIED, QUEUE_INACTIVE, QUEUE_SUSPENDED
from tradequiz.store.review_queries import HistoryRow, QuestionRow

STATE_NAMES = {0: "new", 1: "learning", 2: "review", 3: "relearning"}
QUEUE_NAMES = {QUEUE_SUSPENDED: "suspended", QUEUE_BURIED: "buried", QUEUE_INACTIVE: "inactive"}


def state_name(row: QuestionRow) -> str:
    """new, learning, relearning, review or mastered (review with stability ≥ 21 days)."""
    if row.state == 2 and (row.stability or 0.0) >= MASTERED_STABILITY_DAYS:
        return "mastered"
    return STATE_NAMES.get(row.state, "new")


def queue_name(row: QuestionRow) -> str:
    """ "active", or why the question is not being scheduled."""
    return QUEUE_NAMES.get(row.queue, "active")


def question_states(
    db: Database, document_id: int, now: datetime, config: SchedulerConfig | None = None
) -> list[QuestionRow]:
    """Every question of the document with its state, recall now, totals and weakness."""
    factor, decay = fsrs_curve(config)
    return review_queries.question_rows(db, document_id, int(now.timestamp()), factor, decay)


def weakest_questions(
    db: Database,
    document_id: int,
    now: datetime,
    limit: int = 10,
    section_id: int | None = None,
    config: SchedulerConfig | None = None,
) -> list[QuestionRow]:
    """The ``limit`` weakest questions (see the module docstring), weakest first."""
    factor, decay = fsrs_curve(config)
    return review_queries.weakest_rows(
        db, document_id, int(now.timestamp()), factor, decay, limit, section_id
    )


def question_history(db: Database, question_id: int) -> list[HistoryRow]:
    """Every review of the question, oldest first."""
    return review_queries.question_history(db, question_id)
