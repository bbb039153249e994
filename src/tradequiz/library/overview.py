"""The library at a glance: every document with its sections, what is due and how much is known."""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from tradequiz.progress import MASTERED_STABILITY_DAYS
from tradequiz.store import documents
from tradequiz.store import library as store_library
from tradequiz.store.documents import DocumentCounts

_EMPTY = DocumentCounts(0, 0, 0, 0, 0, 0, 0, 0, 0)


@dataclass(frozen=True)
class DocumentSummary:
    id: int
    title: str
    bank_id: str
    bank_version: int
    counts: DocumentCounts

    @property
    def mastery(self) -> float:
        """Share of the document's questions mastered (0–1)."""
        return self.counts.mastered / self.counts.total if self.counts.total else 0.0

    @property
    def due_today(self) -> int:
        return self.counts.due_today


def library_overview(db: Database, now: int, day_end: int) -> list[DocumentSummary]:
    """Every document in library order with its figures (active questions only)."""
    counts = documents.document_counts(db, now, day_end, MASTERED_STABILITY_DAYS)
    return [
        DocumentSummary(d.id, d.title, d.bank_id, d.bank_version, counts.get(d.id, _EMPTY))
        for d in store_library.documents(db)
    ]
