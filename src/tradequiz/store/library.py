"""Documents, sections and questions: importing banks and reading them back.

A bank is imported in one transaction: either all of it is in the database
or none of it is.  Questions are matched by their stable id, so a newer
version of a bank keeps every learner's review history attached.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from tradequiz.bank.model import Bank, Question
from tradequiz.store.codec import question_from_json, question_to_json
from tradequiz.store.connection import transaction

QUEUE_NEW, QUEUE_LEARNING, QUEUE_REVIEW = 0, 1, 2
QUEUE_SUSPENDED, QUEUE_BURIED, QUEUE_INACTIVE = -1, -2, -3
# FSRS-side state: 0 new, 1 learning, 2 review, 3 relearning.
STATE_QUEUE = {0: QUEUE_NEW, 1: QUEUE_LEARNING, 2: QUEUE_REVIEW, 3: QUEUE_LEARNING}


@dataclass(frozen=True)
class ImportSummary:
    document_id: int
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    orphaned: int = 0
    skipped: bool = False


@dataclass(frozen=True)
class DocumentRow:
    id: int
    bank_id: str
    title: str
    source_name: str
    bank_version: int
    approved_only: bool


@dataclass(frozen=True)
class SectionRow:
    id: int
    document_id: int
    key: str
    title: str
    position: int
    start: int
    end: int


@dataclass(frozen=True)
class StoredQuestion:
    """A question as the study screens need it: content plus where it lives."""

    question_id: int
    document_id: int
    section_id: int
    question: Question


def _epoch(now: datetime) -> int:
    return int(now.timestamp())


def _active(status: str, approved_only: bool) -> bool:
    return status == "approved" or (status == "draft" and not approved_only)


def import_bank(
    db: Database,
    bank: Bank,
    *,
    source_text: str,
    bank_sha256: str,
    bank_path: str,
    now: datetime,
) -> ImportSummary:
    """Add or update ``bank``; unchanged banks (same hash) are skipped cheaply."""
    row = db.execute(
        "SELECT id, bank_sha256 FROM documents WHERE bank_id = ?", [bank.id]
    ).fetchone()
    if row is not None and row[1] == bank_sha256:
        return ImportSummary(document_id=row[0], skipped=True)
    stamp = _epoch(now)
    with transaction(db) as conn:
        if row is None:
            position = conn.execute(
                "SELECT coalesce(max(position), 0) + 1 FROM documents"
            ).fetchone()[0]
            document_id = conn.execute(
                "INSERT INTO documents (bank_id, title, source_name, source_sha256, source_text,"
                " bank_version, bank_sha256, bank_path, approved_only, position, added_at,"
                " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [bank.id, bank.title, bank.source, bank.source_sha256, source_text, bank.version,
                 bank_sha256, bank_path, int(bank.approved_only), position, stamp, stamp],
            ).lastrowid  # fmt: skip
        else:
            document_id = row[0]
            conn.execute(
                "UPDATE documents SET title=?, source_name=?, source_sha256=?, source_text=?,"
                " bank_version=?, bank_sha256=?, bank_path=?, approved_only=?, updated_at=?"
                " WHERE id=?",
                [bank.title, bank.source, bank.source_sha256, source_text, bank.version,
                 bank_sha256, bank_path, int(bank.approved_only), stamp, document_id],
            )  # fmt: skip
        assert document_id is not None
        section_ids = _upsert_sections(conn, document_id, bank)
        summary = _upsert_questions(conn, document_id, bank, section_ids)
    return summary


def _upsert_sections(conn: sqlite3.Connection, document_id: int, bank: Bank) -> dict[str, int]:
    existing = dict(
        conn.execute("SELECT key, id FROM sections WHERE document_id = ?", [document_id])
    )
    known = {s.id for s in bank.sections}
    # Sections named by questions but missing from the section list still get a row.
    extra = [q.section for q in bank.questions if q.section not in known]
    sections = [(s.id, s.title, s.start, s.end) for s in bank.sections]
    sections += [(key, key.replace("-", " ").capitalize(), 0, 0) for key in dict.fromkeys(extra)]
    for position, (key, title, start, end) in enumerate(sections):
        if key in existing:
            conn.execute(
                "UPDATE sections SET title=?, position=?, start=?, end=? WHERE id=?",
                [title, position, start, end, existing[key]],
            )
        else:
            existing[key] = conn.execute(
                "INSERT INTO sections (document_id, key, title, position, start, end)"
                " VALUES (?,?,?,?,?,?)",
                [document_id, key, title, position, start, end],
            ).lastrowid
    return existing


def _upsert_questions(
    conn: sqlite3.Connection, document_id: int, bank: Bank, section_ids: dict[str, int]
) -> ImportSummary:
    existing = {
        qid: (qpk, body, status)
        for qid, qpk, body, status in conn.execute(
            "SELECT qid, id, body, status FROM questions WHERE document_id = ?", [document_id]
        )
    }
    added = updated = unchanged = 0
    new_rows = []
    for position, q in enumerate(bank.questions):
        body = question_to_json(q)
        section_id = section_ids[q.section]
        active = _active(q.status, bank.approved_only)
        if q.id not in existing:
            new_rows.append((document_id, section_id, q.id, q.kind, q.status, position, body,
                             active))  # fmt: skip
            added += 1
            continue
        qpk, old_body, _old_status = existing.pop(q.id)
        if old_body == body:
            unchanged += 1
        else:
            updated += 1
        conn.execute(
            "UPDATE questions SET section_id=?, kind=?, status=?, position=?, body=? WHERE id=?",
            [section_id, q.kind, q.status, position, body, qpk],
        )
        _set_active(conn, qpk, section_id, active)
    for document, section, qid, kind, status, position, body, active in new_rows:
        qpk = conn.execute(
            "INSERT INTO questions (document_id, section_id, qid, kind, status, position, body)"
            " VALUES (?,?,?,?,?,?,?)",
            [document, section, qid, kind, status, position, body],
        ).lastrowid
        conn.execute(
            "INSERT INTO cards (question_id, document_id, section_id, queue, due)"
            " VALUES (?,?,?,?,?)",
            [qpk, document, section, QUEUE_NEW if active else QUEUE_INACTIVE, position],
        )
    # Questions that left the bank keep their history but are no longer studied.
    orphaned = 0
    for qpk, _body, status in existing.values():
        if status != "orphaned":
            conn.execute("UPDATE questions SET status='orphaned' WHERE id=?", [qpk])
            orphaned += 1
        conn.execute("UPDATE cards SET queue=? WHERE question_id=?", [QUEUE_INACTIVE, qpk])
    return ImportSummary(document_id, added, updated, unchanged, orphaned)


def _set_active(conn: sqlite3.Connection, qpk: int, section_id: int, active: bool) -> None:
    row = conn.execute("SELECT queue, state FROM cards WHERE question_id=?", [qpk]).fetchone()
    queue, state = row
    if active and queue == QUEUE_INACTIVE:
        queue = STATE_QUEUE[state]
    elif not active:
        queue = QUEUE_INACTIVE
    conn.execute(
        "UPDATE cards SET queue=?, section_id=? WHERE question_id=?", [queue, section_id, qpk]
    )


def documents(db: Database) -> list[DocumentRow]:
    return [
        DocumentRow(r[0], r[1], r[2], r[3], r[4], bool(r[5]))
        for r in db.execute(
            "SELECT id, bank_id, title, source_name, bank_version, approved_only"
            " FROM documents ORDER BY position, id"
        )
    ]


def sections(db: Database, document_id: int) -> list[SectionRow]:
    return [
        SectionRow(*r)
        for r in db.execute(
            "SELECT id, document_id, key, title, position, start, end FROM sections"
            " WHERE document_id = ? ORDER BY position",
            [document_id],
        )
    ]


def section(db: Database, section_id: int) -> SectionRow:
    row = db.execute(
        "SELECT id, document_id, key, title, position, start, end FROM sections WHERE id = ?",
        [section_id],
    ).fetchone()
    if row is None:
        raise KeyError(section_id)
    return SectionRow(*row)


def source_text(db: Database, document_id: int) -> str:
    row = db.execute("SELECT source_text FROM documents WHERE id = ?", [document_id]).fetchone()
    return str(row[0]) if row else ""


def stored_question(db: Database, question_id: int) -> StoredQuestion:
    row = db.execute(
        "SELECT id, document_id, section_id, body FROM questions WHERE id = ?", [question_id]
    ).fetchone()
    if row is None:
        raise KeyError(question_id)
    return StoredQuestion(row[0], row[1], row[2], question_from_json(row[3]))


def question_pk(db: Database, document_id: int, qid: str) -> int | None:
    row = db.execute(
        "SELECT id FROM questions WHERE document_id = ? AND qid = ?", [document_id, qid]
    ).fetchone()
    return int(row[0]) if row else None


def document_by_bank_file(db: Database, bank_sha256: str, bank_path: str) -> int | None:
    row = db.execute(
        "SELECT id FROM documents WHERE bank_sha256 = ? AND bank_path = ?", [bank_sha256, bank_path]
    ).fetchone()
    return int(row[0]) if row else None
