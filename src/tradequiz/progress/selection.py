"""Which document a progress command is about, and the learner's study-day calendar."""

from __future__ import annotations

from sqlite_utils import Database

from tradequiz.progress.calendar import DayCalendar
from tradequiz.store import library
from tradequiz.store.library import DocumentRow
from tradequiz.store.settings import get_setting

DEFAULT_ROLLOVER_HOUR = 4


class SelectionError(Exception):
    """The user named no document, or one that is not in the library."""


def learner_calendar(db: Database) -> DayCalendar:
    """The learner's rollover hour (setting ``rollover_hour``) in the system's time zone."""
    hour = get_setting(db, "rollover_hour", DEFAULT_ROLLOVER_HOUR)
    try:
        hour = int(hour)
    except (TypeError, ValueError):
        hour = DEFAULT_ROLLOVER_HOUR
    return DayCalendar(rollover_hour=min(max(hour, 0), 23))


def choose_documents(db: Database, bank_id: str | None) -> list[DocumentRow]:
    """Every document, or the one whose bank id is ``bank_id``."""
    documents = library.documents(db)
    if bank_id is None:
        return documents
    chosen = [d for d in documents if d.bank_id == bank_id]
    if not chosen:
        known = ", ".join(d.bank_id for d in documents) or "none"
        raise SelectionError(f"no bank {bank_id!r} in your library (banks: {known})")
    return chosen


def choose_document(db: Database, bank_id: str | None) -> DocumentRow:
    """The one document meant: ``bank_id``'s, or the only one in the library."""
    documents = choose_documents(db, bank_id)
    if not documents:
        raise SelectionError("your library has no documents yet")
    if len(documents) > 1:
        known = ", ".join(d.bank_id for d in documents)
        raise SelectionError(f"several banks in your library; choose one with --bank ({known})")
    return documents[0]
