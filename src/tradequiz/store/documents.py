"""SQL for the learner's library of documents: finding, counting, removing and restoring.

Removing a document deletes its rows (sections, questions, cards and reviews
follow by ``ON DELETE CASCADE``) after a backup; restoring copies them back
from that backup.  Row ids are given anew on restore, because SQLite may have
handed the old ones to rows added in between; every reference is remapped.
"""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from tradequiz.bank.model import Question
from tradequiz.store.codec import question_from_json
from tradequiz.store.connection import StoreError, transaction
from tradequiz.store.library import QUEUE_INACTIVE, QUEUE_LEARNING, QUEUE_NEW, QUEUE_REVIEW
from tradequiz.store.schema import DERIVED_TABLES

REMOVED_BANKS_KEY = "library.removed_banks"
_ROOT = "documents"
# cards carries document_id and section_id without foreign keys (for its indexes).
_BY_NAME = {"document_id": "documents", "section_id": "sections", "question_id": "questions"}


@dataclass(frozen=True)
class KnownDocument:
    id: int
    bank_id: str
    title: str
    bank_version: int
    bank_sha256: str
    source_sha256: str
    bank_path: str


@dataclass(frozen=True)
class DocumentCounts:
    """One document's figures for the library (active questions only)."""

    document_id: int
    sections: int
    total: int
    new: int
    learning: int
    review: int
    mastered: int
    due_today: int
    new_available: int


_KNOWN = "id, bank_id, title, bank_version, bank_sha256, source_sha256, bank_path"


def _known(row: tuple[Any, ...] | None) -> KnownDocument | None:
    return KnownDocument(*row) if row else None


def by_source(db: Database, source_sha256: str, source_text: str) -> KnownDocument | None:
    """The document made from this exact text, found by hash or (for banks from
    elsewhere whose hash was computed differently) by the text itself."""
    row = db.execute(
        f"SELECT {_KNOWN} FROM documents WHERE source_sha256 = ?"
        " OR (length(source_text) = ? AND source_text = ?) ORDER BY id LIMIT 1",
        [source_sha256, len(source_text), source_text],
    ).fetchone()
    return _known(row)


def by_bank_id(db: Database, bank_id: str) -> KnownDocument | None:
    return _known(db.execute(f"SELECT {_KNOWN} FROM documents WHERE bank_id = ?", [bank_id])
                  .fetchone())  # fmt: skip


def by_id(db: Database, document_id: int) -> KnownDocument | None:
    return _known(db.execute(f"SELECT {_KNOWN} FROM documents WHERE id = ?", [document_id])
                  .fetchone())  # fmt: skip


def by_bank_path(db: Database, bank_path: str) -> KnownDocument | None:
    return _known(db.execute(f"SELECT {_KNOWN} FROM documents WHERE bank_path = ?", [bank_path])
                  .fetchone())  # fmt: skip


def bank_ids(db: Database) -> set[str]:
    return {str(r[0]) for r in db.execute("SELECT bank_id FROM documents")}


def document_counts(
    db: Database, now: int, day_end: int, mastered_days: float
) -> dict[int, DocumentCounts]:
    """Per document: sections, new / learning / review / mastered, due today, new available."""
    rows = db.execute(
        "SELECT d.id,"
        " (SELECT count(*) FROM sections s WHERE s.document_id = d.id),"
        " count(c.question_id),"
        " coalesce(sum(c.state = 0), 0),"
        " coalesce(sum(c.state IN (1, 3)), 0),"
        " coalesce(sum(c.state = 2 AND c.stability < ?), 0),"
        " coalesce(sum(c.state = 2 AND c.stability >= ?), 0),"
        f" coalesce(sum((c.queue = {QUEUE_LEARNING} AND c.due <= ?)"
        f" OR (c.queue = {QUEUE_REVIEW} AND c.due <= ?)), 0),"
        f" coalesce(sum(c.queue = {QUEUE_NEW}), 0)"
        " FROM documents d"
        f" LEFT JOIN cards c ON c.document_id = d.id AND c.queue != {QUEUE_INACTIVE}"
        " GROUP BY d.id",
        [mastered_days, mastered_days, now, day_end],
    ).fetchall()
    return {int(r[0]): DocumentCounts(*r) for r in rows}


def removed_banks(db: Database) -> dict[str, str]:
    """Bank id → hash of the shipped file, for shipped banks the learner removed."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [REMOVED_BANKS_KEY]).fetchone()
    return dict(json.loads(row[0])) if row else {}


def _write_removed(conn: sqlite3.Connection, removed: dict[str, str]) -> None:
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [REMOVED_BANKS_KEY, json.dumps(removed, sort_keys=True)],
    )


def delete_document(db: Database, document_id: int) -> None:
    """Delete a document and everything hanging on it, remembering its bank as removed.

    Remembering it stops a shipped bank from coming back at the next start.
    """
    known = by_id(db, document_id)
    if known is None:
        raise KeyError(document_id)
    removed = removed_banks(db)
    removed[known.bank_id] = known.bank_sha256
    with transaction(db) as conn:
        conn.execute("DELETE FROM documents WHERE id = ?", [document_id])
        _write_removed(conn, removed)


def _columns(conn: sqlite3.Connection, schema: str, table: str) -> list[tuple[str, str, int]]:
    """(name, declared type, pk position) of each column."""
    return [
        (r[1], r[2].upper(), r[5]) for r in conn.execute(f"PRAGMA {schema}.table_info({table})")
    ]


def _foreign_keys(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Column → referenced table."""
    return {r[3]: r[2] for r in conn.execute(f"PRAGMA main.foreign_key_list({table})")}


def _restore_order(conn: sqlite3.Connection) -> list[tuple[str, dict[str, str]]]:
    """``documents`` and every table that hangs on it, each after the tables it references."""
    tables = [
        r[0]
        for r in conn.execute(
            "SELECT name FROM main.sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY rootpage"
        )
    ]
    refs = {t: _foreign_keys(conn, t) for t in tables}
    order: list[tuple[str, dict[str, str]]] = [(_ROOT, refs.get(_ROOT, {}))]
    placed = {_ROOT}
    progress = True
    while progress:
        progress = False
        for table in tables:
            targets = set(refs[table].values())
            if table in placed or not targets or not targets & placed:
                continue
            if targets <= placed | {table}:
                order.append((table, refs[table]))
                placed.add(table)
                progress = True
    return order


def restore_document(db: Database, backup: Path, bank_id: str) -> int:
    """Copy the document ``bank_id`` and all that hangs on it back from ``backup``.

    Returns the document's new id.  Raises StoreError when the backup lacks it
    or the library already holds a document with that bank id again.
    """
    if not backup.exists():
        raise StoreError(f"{backup}: the backup is missing")
    if by_bank_id(db, bank_id) is not None:
        raise StoreError(f"the library already holds a document with the bank id {bank_id!r}")
    conn = db.conn
    conn.execute("ATTACH DATABASE ? AS bak", [str(backup)])
    try:
        row = conn.execute("SELECT id FROM bak.documents WHERE bank_id = ?", [bank_id]).fetchone()
        if row is None:
            raise StoreError(f"{backup}: the backup does not hold {bank_id!r}")
        with transaction(db) as tx:
            new_id = _copy_tree(tx, int(row[0]))
            removed = removed_banks(db)
            if removed.pop(bank_id, None) is not None:
                _write_removed(tx, removed)
    finally:
        conn.execute("DETACH DATABASE bak")
    return new_id


def _copy_tree(conn: sqlite3.Connection, old_document: int) -> int:
    ids: dict[str, dict[int, int]] = defaultdict(dict)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS restore_ids (tbl TEXT, old INTEGER)")
    conn.execute("DELETE FROM temp.restore_ids")
    for table, fks in _restore_order(conn):
        if table in DERIVED_TABLES:
            continue  # the reviews' triggers rebuild these as the reviews are copied
        backup_cols = {c[0] for c in _columns(conn, "bak", table)}
        if not backup_cols:
            continue  # a table added after the backup was taken holds nothing to restore
        cols = [c for c in _columns(conn, "main", table) if c[0] in backup_cols]
        names = [c[0] for c in cols]
        pks = [c for c in cols if c[2]]
        rowid = pks[0][0] if len(pks) == 1 and pks[0][1] == "INTEGER" else None
        mapped = {**{c: t for c, t in _BY_NAME.items() if c in names}, **fks}
        if table == _ROOT:
            where, params = "id = ?", [old_document]
        else:
            where = " OR ".join(
                f"{c} IN (SELECT old FROM temp.restore_ids WHERE tbl = '{t}')"
                for c, t in fks.items()
            )
            params = []
        rows = conn.execute(f"SELECT {', '.join(names)} FROM bak.{table} WHERE {where}", params)
        keep = [n for n in names if n != rowid or n in mapped]
        insert = (
            f"INSERT INTO main.{table} ({', '.join(keep)}) VALUES ({', '.join('?' * len(keep))})"
        )
        for values in rows.fetchall():
            record = dict(zip(names, values, strict=True))
            for column, target in mapped.items():
                old = record[column]
                if old is not None and target in ids:
                    record[column] = ids[target].get(old, old)
            cur = conn.execute(insert, [record[n] for n in keep])
            if rowid is not None and rowid not in mapped:
                ids[table][values[names.index(rowid)]] = int(cur.lastrowid or 0)
        if ids[table]:
            conn.executemany(
                "INSERT INTO temp.restore_ids (tbl, old) VALUES (?, ?)",
                [(table, old) for old in ids[table]],
            )
    return ids[_ROOT][old_document]


def forget_removed(db: Database, bank_id: str) -> None:
    """The learner added ``bank_id`` again: a shipped copy may load once more."""
    removed = removed_banks(db)
    if bank_id in removed:
        del removed[bank_id]
        with transaction(db) as conn:
            _write_removed(conn, removed)


def questions_of(db: Database, document_id: int) -> list[tuple[int, str, Question]]:
    """(question row id, section title, question) for every question, in bank order."""
    rows = db.execute(
        "SELECT q.id, s.title, q.body FROM questions q JOIN sections s ON s.id = q.section_id"
        " WHERE q.document_id = ? ORDER BY q.position",
        [document_id],
    )
    return [(int(r[0]), str(r[1]), question_from_json(r[2])) for r in rows]
