"""How far the learner is in each section: new / learning / review / mastered, due today.

"Mastered" means a question in review whose FSRS stability is at least
``MASTERED_STABILITY_DAYS`` days: the learner would still recall it with 90%
probability three weeks after the last review.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from tradequiz.store import progress_queries

MASTERED_STABILITY_DAYS = 21.0


@dataclass(frozen=True)
class SectionProgress:
    section_id: int
    title: str
    total: int
    new: int
    learning: int
    review: int
    mastered: int
    due_today: int

    @property
    def started(self) -> int:
        return self.total - self.new


def section_progress(
    db: Database, document_id: int, now: int, day_end: int
) -> list[SectionProgress]:
    """One row per section of the document, in document order (active questions only)."""
    rows = progress_queries.section_counts(db, document_id, now, day_end, MASTERED_STABILITY_DAYS)
    return [SectionProgress(*row) for row in rows]
