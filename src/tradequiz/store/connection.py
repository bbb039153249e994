"""Open the learner's database with the settings that keep answers safe.

WAL with ``synchronous=FULL``: a review the screen acknowledged is on disk
even after a power cut (WAL alone with NORMAL can lose the last commits).
The connection runs in autocommit mode; every write goes through
``transaction()`` so one user action is exactly one transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
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
        for pragma in PRAGMAS if not read_only else PRAGMAS[2:]:
            conn.execute(pragma)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    return Database(conn, execute_plugins=False)


@contextmanager
def transaction(db: Database) -> Iterator[sqlite3.Connection]:
    """One user action: BEGIN IMMEDIATE … COMMIT, rolled back on any error."""
    conn = db.conn
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    else:
        conn.execute("COMMIT")
