"""Remove a document from the library, and put it back.

Before anything is deleted the database is backed up (``VACUUM INTO``), so
the review history survives in ``backups/``; the document's copied files move
there too.  Undo copies the rows back from that backup; the GUI offers it
until the app closes, and the backup stays afterwards.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tradequiz.document.reader import slugify
from tradequiz.library.steps import LibraryError
from tradequiz.paths import DataPaths
from tradequiz.store import documents
from tradequiz.store.backup import make_backup
from tradequiz.store.opening import Store

REMOVED_FILES = "removed-documents"


@dataclass(frozen=True)
class Removal:
    """A removed document and where its history and files are kept."""

    bank_id: str
    title: str
    backup: Path
    files_kept: Path | None
    files_home: Path | None


def remove_document(store: Store, paths: DataPaths, document_id: int, now: datetime) -> Removal:
    """Back up, then delete the document with its questions, progress and reviews."""
    known = documents.by_id(store.db, document_id)
    if known is None:
        raise LibraryError(f"document {document_id} is not in the library")
    safe = slugify(known.bank_id)
    backup = make_backup(store.db, paths.backups, now, f"before-removing-{safe}")
    documents.delete_document(store.db, document_id)
    home = paths.library / safe
    kept: Path | None = None
    if home.is_dir() and Path(known.bank_path).parent == home:
        kept = paths.backups / REMOVED_FILES / f"{now.strftime('%Y%m%d-%H%M%S')}-{safe}"
        kept.parent.mkdir(parents=True, exist_ok=True)
        os.rename(home, kept)
    return Removal(known.bank_id, known.title, backup, kept, home if kept else None)


def undo_removal(store: Store, removal: Removal) -> int:
    """Put a removed document back with all its history; return its (new) id."""
    document_id = documents.restore_document(store.db, removal.backup, removal.bank_id)
    if removal.files_kept and removal.files_home and not removal.files_home.exists():
        os.rename(removal.files_kept, removal.files_home)
    return document_id
