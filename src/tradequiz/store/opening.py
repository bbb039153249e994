"""Open a learner's database: check it, refuse newer schemas, back up, migrate.

An existing file is first inspected read-only (``store.integrity``): a
damaged file raises CorruptDatabaseError and a newer app's file raises
NewerDatabaseError, both before any write, so neither is changed.  Pending
migrations then run together with the ``user_version`` update in one
transaction: a crash leaves the database at the old version or the new one.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from tradequiz.store.backup import make_backup
from tradequiz.store.connection import StoreError, connect
from tradequiz.store.integrity import CorruptDatabaseError, inspect_database, is_corruption
from tradequiz.store.schema import SCHEMA_VERSION, migrations


class NewerDatabaseError(StoreError):
    """The database was written by a newer TradeQuiz; it is left untouched."""


@dataclass
class Store:
    """An open database and where it lives."""

    db: Database
    path: Path

    def close(self) -> None:
        self.db.conn.close()


def user_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def _has_tables(db: Database) -> bool:
    return bool(db.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0])


def _refuse_newer(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise NewerDatabaseError(
            f"{path} was written by a newer TradeQuiz (schema {version}, this version "
            f"understands up to {SCHEMA_VERSION}); it has not been changed"
        )


def open_store(path: Path, now: datetime, backups: Path | None = None) -> Store:
    """Open (creating if needed) and migrate the database at ``path``.

    Raises NewerDatabaseError or CorruptDatabaseError (both leave the file as
    it was) and StoreError for anything else SQLite refuses.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > 0:
        found = inspect_database(path)
        _refuse_newer(path, found.user_version)
        if found.problem is not None:
            raise CorruptDatabaseError(path, found.problem)
    db = connect(path)
    try:
        version = user_version(db)
        _refuse_newer(path, version)
        pending = migrations.pending(db)
        if pending:
            if _has_tables(db) and backups is not None:
                make_backup(db, backups, now, f"before-migration-v{version}")
            # One transaction for every pending migration and the version mirror
            # (sqlite-utils nests each migration in a savepoint inside it).
            with db.atomic():
                migrations.apply(db)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        if user_version(db) != SCHEMA_VERSION:
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.DatabaseError as exc:
        db.conn.close()
        if is_corruption(exc):
            raise CorruptDatabaseError(path, str(exc)) from exc
        raise StoreError(f"{path}: the database cannot be used: {exc}") from exc
    except BaseException:
        db.conn.close()
        raise
    return Store(db=db, path=path)
