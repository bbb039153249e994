"""Open the learner's database with the settings that keep answers safe.

WAL with ``synchronous=FULL``: a review the screen acknowledged is on disk
even after a power cut (WAL alone with NORMAL can lose the last commits).
The connection runs in autocommit mode; every write goes through
``transaction()`` so one user action is exactly one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from sqlite_utils import Database

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA temp_store=MEMORY",
    # An answer writes about 22 pages (the card and its indexes, the review and its
    # indexes, the progress summaries); with SQLite's default of 1,000 pages one answer
    # in 45 paid for a checkpoint (5-10 ms).  At 4,000 pages (16 MB of WAL) it is one in
    # 180, and pages written again and again (index tops, summaries) are copied once.
    "PRAGMA wal_autocheckpoint=4000",
)


def lenient_text(raw: bytes) -> str:
    """Decode a TEXT value; bytes a damaged page turned into invalid UTF-8 become U+FFFD."""
    return raw.decode("utf-8", "replace")


class StoreError(Exception):
    """A database problem the user must be told about (not a programming error)."""


def connect(path: Path | str, *, read_only: bool = False) -> Database:
    """Open ``path`` with the app's pragmas; the file is created if missing (not read-only)."""
    try:
        if read_only:
            conn = sqlite3.connect(
                f"file:{Path(path).as_posix()}?mode=ro", uri=True, isolation_level=None
            )
        else:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        # A damaged page must show up as odd characters, not as a crash on every read.
        conn.text_factory = lenient_text
        for pragma in PRAGMAS if not read_only else PRAGMAS[2:]:
            conn.execute(pragma)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    return Database(conn, execute_plugins=False)


# SQLite primary result codes of writes refused by the disk or the folder.
_WRITE_FAILURES = {
    13: "the disk is full",  # SQLITE_FULL
    8: "the data folder is read-only",  # SQLITE_READONLY
    10: "the disk reported an error",  # SQLITE_IOERR
    14: "the database file cannot be opened for writing",  # SQLITE_CANTOPEN
    5: "another program is using the database",  # SQLITE_BUSY
    6: "another program is using the database",  # SQLITE_LOCKED
}


class StoreWriteError(StoreError):
    """A write was refused (disk full, read-only folder, I/O error); nothing of it was stored."""


def write_failure(exc: sqlite3.Error) -> str | None:
    """Why SQLite refused a write, in the learner's words; None for other errors."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None or isinstance(exc, sqlite3.IntegrityError):
        return None
    return _WRITE_FAILURES.get(code & 0xFF)


@contextmanager
def transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """One user action: BEGIN IMMEDIATE … COMMIT, rolled back on any error.

    When the disk or folder refuses the write (also at COMMIT) the transaction
    is rolled back and StoreWriteError says why: the action was not stored.
    """
    conn = db.conn
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                # If even ROLLBACK fails, SQLite rolls back when the connection closes.
                with suppress(sqlite3.Error):
                    conn.execute("ROLLBACK")
            raise
    except sqlite3.Error as exc:
        reason = write_failure(exc)
        if reason is None:
            raise
        raise StoreWriteError(f"Not saved: {reason} ({exc}).") from exc
