"""Open a learner's database: refuse newer schemas, back up, migrate."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from tradequiz.store.backup import make_backup
from tradequiz.store.connection import StoreError, connect
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


def open_store(path: Path, now: datetime, backups: Path | None = None) -> Store:
    """Open (creating if needed) and migrate the database at ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    db = connect(path)
    try:
        version = user_version(db)
        if version > SCHEMA_VERSION:
            raise NewerDatabaseError(
                f"{path} was written by a newer TradeQuiz (schema {version}, this version "
                f"understands up to {SCHEMA_VERSION}); it has not been changed"
            )
        pending = migrations.pending(db)
        if pending:
            if _has_tables(db) and backups is not None:
                make_backup(db, backups, now, f"before-migration-v{version}")
            migrations.apply(db)
        if user_version(db) != SCHEMA_VERSION:
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.DatabaseError as exc:
        db.conn.close()
        raise StoreError(f"{path}: the database cannot be used: {exc}") from exc
    except BaseException:
        db.conn.close()
        raise
    return Store(db=db, path=path)
