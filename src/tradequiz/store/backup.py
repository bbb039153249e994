"""Backups with ``VACUUM INTO``: a consistent copy even while the app writes.

A plain file copy of a live WAL database can miss committed pages still in
the -wal file; VACUUM INTO reads through SQLite and writes a compact, checked
copy.  The copy is written under a temporary name and renamed, so a backup
file that exists is complete.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

BACKUP_SUFFIX = ".sqlite3"


def backup_name(now: datetime, reason: str) -> str:
    return f"{now.strftime('%Y%m%d-%H%M%S')}-{reason}{BACKUP_SUFFIX}"


def backup_to(db: Database, target: Path) -> Path:
    """Write a consistent copy of ``db`` to ``target`` and return it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    db.conn.execute("VACUUM INTO ?", [str(partial)])
    with open(partial, "rb+") as handle:
        os.fsync(handle.fileno())
    os.replace(partial, target)
    return target


def make_backup(db: Database, folder: Path, now: datetime, reason: str) -> Path:
    target = folder / backup_name(now, reason)
    n = 2
    while target.exists():
        target = folder / backup_name(now, f"{reason}-{n}")
        n += 1
    return backup_to(db, target)


def quick_check(path: Path) -> bool:
    """True when SQLite's quick_check finds the file sound."""
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]
