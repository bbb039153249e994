"""Schema migrations: named, append-only, each in its own transaction.

``PRAGMA user_version`` mirrors the number of applied migrations so that a
database written by a newer TradeQuiz is recognised (and left untouched)
before anything runs.  A backup is taken before any migration touches a
database that already holds data.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("tradequiz")


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    run_script(db, _INITIAL)


def run_script(db: Database, script: str) -> None:
    """Run statements one by one inside the caller's transaction.

    ``sqlite3.executescript`` would commit the migration's transaction first.
    """
    buffer = ""
    for line in script.splitlines(keepends=True):
        buffer += line
        if sqlite3.complete_statement(buffer):
            db.execute(buffer)
            buffer = ""
    if buffer.strip():
        db.execute(buffer)


# Cards carry document_id and section_id (denormalised from questions) so the
# queue for "all", one document or one section is a single index range scan.
_INITIAL = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    bank_id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    source_name TEXT NOT NULL DEFAULT '',
    source_sha256 TEXT NOT NULL DEFAULT '',
    source_text TEXT NOT NULL DEFAULT '',
    bank_version INTEGER NOT NULL DEFAULT 1,
    bank_sha256 TEXT NOT NULL DEFAULT '',
    bank_path TEXT NOT NULL DEFAULT '',
    approved_only INTEGER NOT NULL DEFAULT 0,
    position INTEGER NOT NULL DEFAULT 0,
    added_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX documents_source_sha ON documents(source_sha256);
CREATE TABLE sections (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL DEFAULT 0,
    end INTEGER NOT NULL DEFAULT 0,
    UNIQUE (document_id, key)
) STRICT;
CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    qid TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    position INTEGER NOT NULL,
    body TEXT NOT NULL,
    UNIQUE (document_id, qid)
) STRICT;
CREATE INDEX questions_section ON questions(section_id);
CREATE TABLE cards (
    question_id INTEGER PRIMARY KEY REFERENCES questions(id) ON DELETE CASCADE,
    document_id INTEGER NOT NULL,
    section_id INTEGER NOT NULL,
    queue INTEGER NOT NULL,
    state INTEGER NOT NULL DEFAULT 0,
    step INTEGER,
    stability REAL,
    difficulty REAL,
    due INTEGER NOT NULL DEFAULT 0,
    last_review INTEGER,
    reps INTEGER NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    buried_until INTEGER,
    flagged INTEGER NOT NULL DEFAULT 0,
    flag_note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX cards_queue_due ON cards(queue, due);
CREATE INDEX cards_document_queue_due ON cards(document_id, queue, due);
CREATE INDEX cards_section_queue_due ON cards(section_id, queue, due);
CREATE TABLE reviews (
    id INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    reviewed_at INTEGER NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
    correct INTEGER,
    answer TEXT NOT NULL DEFAULT '',
    duration_ms INTEGER NOT NULL DEFAULT 0,
    queue_before INTEGER NOT NULL,
    state_before INTEGER NOT NULL,
    step_before INTEGER,
    stability_before REAL,
    difficulty_before REAL,
    due_before INTEGER NOT NULL,
    last_review_before INTEGER,
    reps_before INTEGER NOT NULL,
    lapses_before INTEGER NOT NULL,
    state_after INTEGER NOT NULL,
    step_after INTEGER,
    stability_after REAL,
    difficulty_after REAL,
    due_after INTEGER NOT NULL
) STRICT;
CREATE INDEX reviews_question_time ON reviews(question_id, reviewed_at);
CREATE INDEX reviews_time ON reviews(reviewed_at);
CREATE TRIGGER reviews_append_only BEFORE UPDATE ON reviews
BEGIN
    SELECT RAISE(ABORT, 'the review log is append-only');
END;
"""

SCHEMA_VERSION = len(migrations._migrations)
