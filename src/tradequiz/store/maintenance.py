"""Database chores done on a closed profile: settling the WAL before its files move.

A database in WAL mode keeps recent commits in ``<db>-wal``.  Moving or
renaming only the main file would leave them behind, so before a profile's
folder moves its WAL is checkpointed into the main file and removed.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tradequiz.store.connection import StoreError


def settle_wal(path: Path) -> None:
    """Fold ``path``'s WAL into the database file so the file alone holds every commit.

    The database must not be open elsewhere in this process.  Nothing happens
    when the file does not exist.
    """
    if not path.exists():
        return
    try:
        conn = sqlite3.connect(str(path), isolation_level=None)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: cannot open the database: {exc}") from exc
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        # Leaving WAL mode removes the -wal and -shm files on close; the next
        # open_store() switches it back on.
        conn.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.DatabaseError:
        # A damaged file is still moved with its companions (see companions()).
        pass
    finally:
        conn.close()


def companions(path: Path) -> list[Path]:
    """The database file and the SQLite files that belong with it, those that exist."""
    names = [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]
    return [p for p in names if p.exists()]


def learner_name(path: Path) -> str | None:
    """The ``learner_name`` stored in a database's meta table, read without changing anything."""
    if not path.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'learner_name'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return str(row[0]) if row else None


def glance(path: Path) -> tuple[int, int, int | None] | None:
    """(documents, reviews, time of the last review in ms) read without changing anything."""
    if not path.exists():
        return None
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            row = conn.execute(
                "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM reviews),"
                " (SELECT max(reviewed_at) FROM reviews)"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None
    return int(row[0]), int(row[1]), None if row[2] is None else int(row[2])
