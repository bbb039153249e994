"""Is the learner's database sound, and if not, bring back the newest good backup.

Checked on every start before anything writes: a read-only connection reads
the schema version (a newer app's database is refused untouched) and runs
``PRAGMA quick_check``, which walks every b-tree page and finds truncation,
flipped header bytes and broken page structure in milliseconds.  A read-only
connection also never checkpoints, so even a database left with a hot WAL by
a killed app is not rewritten by the check.

Restoring never deletes anything: the damaged file (and its -wal/-shm) is
renamed aside, and the backup is copied in with SQLite's backup API under a
temporary name, then renamed into place.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tradequiz.store.backup import list_backups, quick_check
from tradequiz.store.connection import StoreError, lenient_text

# SQLite primary result codes that mean "the bytes on disk are not a sound database".
_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26
_SIDE_FILES = ("-wal", "-shm", "-journal")


class CorruptDatabaseError(StoreError):
    """The database file is damaged; it has not been changed."""

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(
            f"{path} is damaged and cannot be used safely ({detail}). It has not been changed."
        )
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class Inspection:
    """What a read-only look at an existing database found."""

    user_version: int
    problem: str | None  # None when quick_check says "ok"


def is_corruption(exc: sqlite3.Error) -> bool:
    """True when SQLite reports damaged bytes rather than, say, a missing permission."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def inspect_database(path: Path) -> Inspection:
    """Read the schema version and run ``quick_check`` without writing to ``path``.

    Raises CorruptDatabaseError when SQLite cannot even read the header or
    schema, and StoreError when the file cannot be opened at all.
    """
    existed = {suffix: Path(f"{path}{suffix}").exists() for suffix in _SIDE_FILES}
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    # Damaged pages can hold bytes that are not UTF-8, even in quick_check's own report.
    conn.text_factory = lenient_text
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        rows = conn.execute("PRAGMA quick_check(20)").fetchall()
    except sqlite3.DatabaseError as exc:
        if is_corruption(exc):
            raise CorruptDatabaseError(path, str(exc)) from exc
        raise StoreError(f"{path}: cannot read the database: {exc}") from exc
    except UnicodeDecodeError as exc:
        # SQLite's own error message quoted damaged bytes (a broken schema entry).
        raise CorruptDatabaseError(path, "the schema holds damaged text") from exc
    finally:
        conn.close()
        _remove_created_side_files(path, existed)
    problem = None if rows == [("ok",)] else "; ".join(str(r[0]) for r in rows[:3])
    return Inspection(version, problem)


def _remove_created_side_files(path: Path, existed: dict[str, bool]) -> None:
    # A read-only open of a WAL database creates an empty -wal and a -shm index;
    # leave the folder exactly as it was found.
    for suffix, was_there in existed.items():
        side = Path(f"{path}{suffix}")
        if not was_there and side.exists() and (suffix == "-shm" or side.stat().st_size == 0):
            side.unlink(missing_ok=True)


def newest_good_backup(folder: Path) -> Path | None:
    """The newest backup in ``folder`` that passes ``quick_check``, or None."""
    for backup in list_backups(folder):
        if quick_check(backup.path):
            return backup.path
    return None


def restore_backup(backup: Path, database: Path, now: datetime) -> Path:
    """Put ``backup`` in place of ``database``; return where the damaged file was moved.

    The damaged database and its side files are renamed (not deleted) to
    ``<name>.damaged-<time>`` so nothing is lost if the learner wants it
    examined.  The copy goes through SQLite's backup API into a temporary
    file that is checked, synced and renamed, so a crash during the restore
    leaves either the old state or the restored one.
    """
    if not quick_check(backup):
        raise StoreError(f"{backup}: this backup is damaged too and was not used")
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = database.with_name(f"{database.name}.damaged-{stamp}")
    partial = database.with_name(f"{database.name}.restoring")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{backup.as_posix()}?mode=ro", uri=True)
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode=WAL")
    finally:
        target.close()
        source.close()
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    if not quick_check(partial):
        partial.unlink(missing_ok=True)
        raise StoreError(f"{backup}: the restored copy failed its check; nothing was changed")
    if database.exists():
        os.replace(database, aside)
    for suffix in _SIDE_FILES:
        side = Path(f"{database}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{aside}{suffix}"))
    os.replace(partial, database)
    return aside
