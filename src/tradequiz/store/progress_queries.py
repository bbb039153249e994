"""SQL behind the progress figures (the progress package turns rows into values)."""

from __future__ import annotations

from sqlite_utils import Database

from tradequiz.store.library import QUEUE_INACTIVE, QUEUE_LEARNING, QUEUE_REVIEW


def section_counts(
    db: Database, document_id: int, now: int, day_end: int, mastered_days: float
) -> list[tuple[int, str, int, int, int, int, int, int]]:
    """(section id, title, total, new, learning, review, mastered, due today) per section.

    Suspended and buried questions count by their state; rejected or orphaned ones not at all.
    """
    rows = db.execute(
        "SELECT s.id, s.title,"
        " count(c.question_id),"
        " coalesce(sum(c.state = 0), 0),"
        " coalesce(sum(c.state IN (1, 3)), 0),"
        " coalesce(sum(c.state = 2 AND c.stability < ?), 0),"
        " coalesce(sum(c.state = 2 AND c.stability >= ?), 0),"
        f" coalesce(sum((c.queue = {QUEUE_LEARNING} AND c.due <= ?)"
        f" OR (c.queue = {QUEUE_REVIEW} AND c.due <= ?)), 0)"
        " FROM sections s"
        f" LEFT JOIN cards c ON c.section_id = s.id AND c.queue != {QUEUE_INACTIVE}"
        " WHERE s.document_id = ?"
        " GROUP BY s.id ORDER BY s.position",
        [mastered_days, mastered_days, now, day_end, document_id],
    ).fetchall()
    return [tuple(r) for r in rows]
