"""SQL behind the progress figures (the progress package turns rows into values).

Everything here is an index scan or reads the trigger-kept summaries
(``question_stats``, ``review_buckets``, migration 0002), so the figures for
100,000 questions and a million reviews take well under 200 ms.  Study days
are given as segments of equally long days (``(start, ordinal, days)``, see
``progress.calendar``) and turned into one CASE expression.
"""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from tradequiz.store.library import (
    QUEUE_BURIED,
    QUEUE_INACTIVE,
    QUEUE_LEARNING,
    QUEUE_NEW,
    QUEUE_REVIEW,
    QUEUE_SUSPENDED,
)

Segment = tuple[int, int, int]  # start epoch s, ordinal of the first day, number of days
BUCKET_SECONDS = 900


def section_counts(
    db: Database, document_id: int, now: int, day_end: int, mastered_days: float
) -> list[tuple[int, str, int, int, int, int, int, int]]:
    """(section id, title, total, new, learning, review, mastered, due today) per section.

    Suspended and buried questions count by their state; rejected or orphaned ones not at all.
    Every figure is a count over index ranges (``cards_progress``: document, section, queue,
    state, stability; ``cards_section_queue_due`` for what is due), so SQLite only steps
    through the matching index entries and evaluates nothing per question: about 10 ms
    for 100,000 questions, where one aggregate over every card took 150 ms.
    """
    count = "SELECT count(*) FROM cards c WHERE c.document_id = :document AND c.section_id = s.id"
    active = f"c.queue IN ({QUEUE_BURIED}, {QUEUE_SUSPENDED}, {QUEUE_NEW}, {QUEUE_LEARNING},"
    active += f" {QUEUE_REVIEW})"
    rows = db.execute(
        f"SELECT s.id, s.title,"
        f" ({count} AND {active}),"
        f" ({count} AND {active} AND c.state = 0),"
        f" ({count} AND {active} AND c.state IN (1, 3)),"
        f" ({count} AND {active} AND c.state = 2 AND c.stability < :mastered),"
        f" ({count} AND {active} AND c.state = 2 AND c.stability >= :mastered),"
        f" (SELECT count(*) FROM cards c WHERE c.section_id = s.id AND c.queue = {QUEUE_LEARNING}"
        f"  AND c.due <= :now)"
        f" + (SELECT count(*) FROM cards c WHERE c.section_id = s.id AND c.queue = {QUEUE_REVIEW}"
        f"  AND c.due <= :day_end)"
        " FROM sections s WHERE s.document_id = :document ORDER BY s.position",
        {"document": document_id, "mastered": mastered_days, "now": now, "day_end": day_end},
    ).fetchall()
    return [tuple(r) for r in rows]


def ensure_math_functions(db: Database) -> None:
    """Make ``pow`` available even where SQLite was built without its math functions."""
    try:
        db.execute("SELECT pow(2.0, 0.5)").fetchone()
    except sqlite3.OperationalError:
        db.conn.create_function("pow", 2, math.pow, deterministic=True)


def recall_sql(now: int, factor: float, decay: float, alias: str = "c") -> str:
    """FSRS retrievability of a card at ``now``, as fsrs computes it (whole elapsed days).

    NULL for a card never studied.  The numbers are the caller's, formatted here (no user text).
    """
    return (
        f"CASE WHEN {alias}.state != 0 AND {alias}.stability > 0"
        f" AND {alias}.last_review IS NOT NULL THEN"
        f" pow(1.0 + {float(factor)!r} * max(0, ({int(now)} - {alias}.last_review) / 86400)"
        f" / {alias}.stability, {float(decay)!r}) END"
    )


@dataclass(frozen=True)
class SectionRow:
    """Raw per-section figures: states from ``cards``, all-time totals from ``question_stats``."""

    section_id: int
    key: str
    title: str
    total: int
    new: int
    learning: int
    review: int
    mastered: int
    due_today: int
    recall_sum: float
    recall_count: int
    reviews: int
    checked: int
    correct: int
    duration_ms: int


def section_rows(
    db: Database,
    document_id: int,
    now: int,
    day_end: int,
    mastered_days: float,
    factor: float,
    decay: float,
) -> list[SectionRow]:
    """One row per section in document order; counts cover active questions only.

    Review totals cover every question of the section, also ones later rejected or
    orphaned: the time was spent all the same.
    """
    ensure_math_functions(db)
    recall = recall_sql(now, factor, decay)
    rows = db.execute(
        "SELECT s.id, s.key, s.title, coalesce(a.total, 0), coalesce(a.new, 0),"
        " coalesce(a.learning, 0), coalesce(a.review, 0), coalesce(a.mastered, 0),"
        " coalesce(a.due, 0), coalesce(a.recall_sum, 0.0), coalesce(a.recall_count, 0),"
        " coalesce(t.reviews, 0), coalesce(t.checked, 0), coalesce(t.correct, 0),"
        " coalesce(t.duration, 0)"
        " FROM sections s LEFT JOIN ("
        "  SELECT c.section_id AS section_id, count(*) AS total,"
        "  sum(c.state = 0) AS new, sum(c.state IN (1, 3)) AS learning,"
        "  sum(c.state = 2 AND c.stability < :mastered) AS review,"
        "  sum(c.state = 2 AND c.stability >= :mastered) AS mastered,"
        f"  sum((c.queue = {QUEUE_LEARNING} AND c.due <= :now)"
        f"   OR (c.queue = {QUEUE_REVIEW} AND c.due <= :day_end)) AS due,"
        f"  sum({recall}) AS recall_sum, count({recall}) AS recall_count"
        f"  FROM cards c WHERE c.document_id = :document AND c.queue != {QUEUE_INACTIVE}"
        "  GROUP BY c.section_id"
        " ) a ON a.section_id = s.id LEFT JOIN ("
        "  SELECT section_id, sum(reviews) AS reviews, sum(checked) AS checked,"
        "  sum(correct) AS correct, sum(duration_ms) AS duration FROM question_stats"
        "  WHERE section_id IN (SELECT id FROM sections WHERE document_id = :document)"
        "  GROUP BY section_id"
        " ) t ON t.section_id = s.id"
        " WHERE s.document_id = :document ORDER BY s.position",
        {"mastered": mastered_days, "now": now, "day_end": day_end, "document": document_id},
    ).fetchall()
    return [SectionRow(*r) for r in rows]


@dataclass(frozen=True)
class WindowRow:
    """Reviews of one section in a time window."""

    reviews: int = 0
    learned_reviews: int = 0
    learned_passed: int = 0
    checked: int = 0
    correct: int = 0
    duration_ms: int = 0


def section_window(db: Database, document_id: int, since: int, until: int) -> dict[int, WindowRow]:
    """Per section: reviews in [since, until) (epoch s on quarter-hour edges, as study days
    are); "learned" reviews are those of questions that were in review state."""
    rows = db.execute(
        "SELECT section_id, sum(reviews), sum(learned_reviews), sum(learned_passed),"
        " sum(checked), sum(correct), sum(duration_ms) FROM section_buckets"
        " WHERE section_id IN (SELECT id FROM sections WHERE document_id = ?)"
        " AND bucket >= ? AND bucket < ? GROUP BY section_id",
        [document_id, since // BUCKET_SECONDS, -(-until // BUCKET_SECONDS)],
    )
    return {r[0]: WindowRow(*r[1:]) for r in rows}


def day_sql(expression: str, segments: Sequence[Segment], below: int | None = None) -> str:
    """A CASE mapping epoch seconds ``expression`` to its study day's ordinal.

    Moments before the first segment map to ``below`` (NULL if None); moments after the
    last segment are clamped into its last day, so callers bound them in WHERE.
    """
    if not segments:
        return "NULL"
    parts = ["CASE"]
    for start, ordinal, days in sorted(segments, reverse=True):
        parts.append(
            f"WHEN {expression} >= {int(start)} THEN"
            f" {int(ordinal)} + min(({expression} - {int(start)}) / 86400, {int(days) - 1})"
        )
    parts.append(f"ELSE {'NULL' if below is None else int(below)} END")
    return " ".join(parts)


def due_forecast(
    db: Database, document_id: int, segments: Sequence[Segment], until: int
) -> list[tuple[int, int, int]]:
    """(section id, day ordinal, questions due) for learning and review questions due before
    ``until``; anything overdue counts on the first day."""
    first_ordinal = min(s[1] for s in segments)
    day = day_sql("c.due", segments, below=first_ordinal)
    rows = db.execute(
        # The planner prefers cards_section_queue_due, which is not covering here.
        f"SELECT c.section_id, {day} AS day, count(*) FROM cards c INDEXED BY cards_forecast"
        " WHERE c.document_id = ? AND c.queue IN (?, ?) AND c.due < ?"
        " GROUP BY c.section_id, day",
        [document_id, QUEUE_LEARNING, QUEUE_REVIEW, until],
    )
    return [(r[0], r[1], r[2]) for r in rows]


def first_activity(db: Database, document_id: int | None) -> int | None:
    """Epoch seconds of the earliest quarter hour with a review (None: no reviews)."""
    if document_id is None:
        row = db.execute("SELECT min(bucket) FROM review_buckets WHERE reviews > 0").fetchone()
    else:
        row = db.execute(
            "SELECT min(bucket) FROM review_buckets WHERE document_id = ? AND reviews > 0",
            [document_id],
        ).fetchone()
    return None if row[0] is None else int(row[0]) * BUCKET_SECONDS


@dataclass(frozen=True)
class DayRow:
    ordinal: int
    reviews: int
    learned_reviews: int
    learned_passed: int
    duration_ms: int


def activity_by_day(
    db: Database, document_id: int | None, segments: Sequence[Segment], until: int
) -> list[DayRow]:
    """Reviews per study day (from the quarter-hour summary), oldest first.

    ``document_id`` None counts every document (the learner's own streak).
    """
    if not segments:
        return []
    since = min(s[0] for s in segments)
    day = day_sql(f"(bucket * {BUCKET_SECONDS})", segments)
    where = "bucket >= ? AND bucket < ? AND reviews > 0"
    args: list[int] = [since // BUCKET_SECONDS, -(-until // BUCKET_SECONDS)]
    if document_id is not None:
        where += " AND document_id = ?"
        args.append(document_id)
    rows = db.execute(
        f"SELECT {day} AS day, sum(reviews), sum(learned_reviews), sum(learned_passed),"
        f" sum(duration_ms) FROM review_buckets WHERE {where} GROUP BY day ORDER BY day",
        args,
    )
    return [DayRow(*r) for r in rows if r[0] is not None]
