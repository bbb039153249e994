from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from tradequiz.resources import shipped_banks
from tradequiz.shipped import load_shipped_banks
from tradequiz.store import NewerDatabaseError, Store, open_store
from tradequiz.store.schema import SCHEMA_VERSION


def test_pragmas_keep_answers_safe(store: Store) -> None:
    db = store.db
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # Checkpoints less often than SQLite's default (1,000 pages): see connection.PRAGMAS.
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 4000
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_shipped_bank_loads_once(store: Store, now: datetime) -> None:
    count = store.db.execute("SELECT count(*) FROM questions").fetchone()[0]
    assert count > 0
    assert store.db.execute("SELECT count(*) FROM cards").fetchone()[0] == count
    results = load_shipped_banks(store, now)
    assert all(r.summary.skipped for r in results)
    assert store.db.execute("SELECT count(*) FROM questions").fetchone()[0] == count
    assert store.db.execute("SELECT count(*) FROM documents").fetchone()[0] == len(shipped_banks())


def test_review_log_is_append_only(store: Store) -> None:
    qpk = store.db.execute("SELECT id FROM questions LIMIT 1").fetchone()[0]
    store.db.execute(
        "INSERT INTO reviews (question_id, reviewed_at, rating, queue_before, state_before,"
        " due_before, reps_before, lapses_before, state_after, due_after)"
        " VALUES (?, 1, 3, 0, 0, 0, 0, 0, 1, 60)",
        [qpk],
    )
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        store.db.execute("UPDATE reviews SET rating = 1")


def test_newer_database_is_refused_untouched(tmp_path: Path, now: datetime) -> None:
    path = tmp_path / "c.sqlite3"
    open_store(path, now).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer TradeQuiz"):
        open_store(path, now)
    assert path.read_bytes() == before


def test_backup_before_migrating_existing_data(tmp_path: Path, now: datetime) -> None:
    path = tmp_path / "c.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE legacy (x)")
    conn.execute("INSERT INTO legacy VALUES (1)")
    conn.commit()
    conn.close()
    store = open_store(path, now, tmp_path / "backups")
    store.close()
    backups = list((tmp_path / "backups").glob("*.sqlite3"))
    assert len(backups) == 1
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT x FROM legacy").fetchall() == [(1,)]
    copy.close()
