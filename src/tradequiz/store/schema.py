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


@migrations(name="0002_progress_stats")
def _progress_stats(db: Database) -> None:
    run_script(db, _PROGRESS_STATS)


# Progress figures must stay fast with a million reviews (<200 ms), so summaries of
# the append-only review log are kept up to date by triggers (undo deletes a review,
# so deletes are counted back) and rebuilt from the log here:
# - question_stats: all-time totals per question, with the question's section;
# - section_buckets / review_buckets: reviews per quarter hour per section / document.
#   Quarter hours, because every time zone's offset is a multiple of 15 minutes, so
#   any study-day boundary (local rollover hour) falls on a bucket edge.
# When a re-imported bank moves a question to another section, its totals move too.
_PROGRESS_STATS = """
CREATE INDEX cards_progress
    ON cards(document_id, section_id, queue, state, stability, due, last_review);
CREATE INDEX cards_forecast ON cards(document_id, queue, due, section_id);
CREATE TABLE question_stats (
    question_id INTEGER PRIMARY KEY REFERENCES questions(id) ON DELETE CASCADE,
    section_id INTEGER NOT NULL,
    reviews INTEGER NOT NULL DEFAULT 0,
    checked INTEGER NOT NULL DEFAULT 0,
    correct INTEGER NOT NULL DEFAULT 0,
    right_answers INTEGER NOT NULL DEFAULT 0,
    duration_ms INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX question_stats_section
    ON question_stats(section_id, reviews, checked, correct, duration_ms);
CREATE TABLE section_buckets (
    section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
    bucket INTEGER NOT NULL,
    reviews INTEGER NOT NULL DEFAULT 0,
    learned_reviews INTEGER NOT NULL DEFAULT 0,
    learned_passed INTEGER NOT NULL DEFAULT 0,
    checked INTEGER NOT NULL DEFAULT 0,
    correct INTEGER NOT NULL DEFAULT 0,
    duration_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (section_id, bucket)
) STRICT, WITHOUT ROWID;
CREATE TABLE review_buckets (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    bucket INTEGER NOT NULL,
    reviews INTEGER NOT NULL DEFAULT 0,
    learned_reviews INTEGER NOT NULL DEFAULT 0,
    learned_passed INTEGER NOT NULL DEFAULT 0,
    duration_ms INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (document_id, bucket)
) STRICT, WITHOUT ROWID;
INSERT INTO question_stats
    (question_id, section_id, reviews, checked, correct, right_answers, duration_ms)
SELECT r.question_id, c.section_id, count(*), count(r.correct), coalesce(sum(r.correct), 0),
       sum(CASE WHEN r.correct IS NULL THEN r.rating > 1 ELSE r.correct END),
       sum(r.duration_ms)
FROM reviews r JOIN cards c ON c.question_id = r.question_id
GROUP BY r.question_id;
INSERT INTO section_buckets
    (section_id, bucket, reviews, learned_reviews, learned_passed, checked, correct,
     duration_ms)
SELECT c.section_id, r.reviewed_at / 900000, count(*), sum(r.state_before = 2),
       sum(r.state_before = 2 AND r.rating > 1), count(r.correct),
       coalesce(sum(r.correct), 0), sum(r.duration_ms)
FROM reviews r JOIN cards c ON c.question_id = r.question_id
GROUP BY c.section_id, r.reviewed_at / 900000;
INSERT INTO review_buckets
    (document_id, bucket, reviews, learned_reviews, learned_passed, duration_ms)
SELECT c.document_id, r.reviewed_at / 900000, count(*), sum(r.state_before = 2),
       sum(r.state_before = 2 AND r.rating > 1), sum(r.duration_ms)
FROM reviews r JOIN cards c ON c.question_id = r.question_id
GROUP BY c.document_id, r.reviewed_at / 900000;
CREATE TRIGGER reviews_stats_insert AFTER INSERT ON reviews
BEGIN
    INSERT INTO question_stats
        (question_id, section_id, reviews, checked, correct, right_answers, duration_ms)
    SELECT NEW.question_id, c.section_id, 1, NEW.correct IS NOT NULL, coalesce(NEW.correct, 0),
           CASE WHEN NEW.correct IS NULL THEN NEW.rating > 1 ELSE NEW.correct END,
           NEW.duration_ms
    FROM cards c WHERE c.question_id = NEW.question_id
    ON CONFLICT (question_id) DO UPDATE SET
        reviews = reviews + 1,
        checked = checked + excluded.checked,
        correct = correct + excluded.correct,
        right_answers = right_answers + excluded.right_answers,
        duration_ms = duration_ms + excluded.duration_ms;
    INSERT INTO section_buckets
        (section_id, bucket, reviews, learned_reviews, learned_passed, checked, correct,
         duration_ms)
    SELECT c.section_id, NEW.reviewed_at / 900000, 1, NEW.state_before = 2,
           NEW.state_before = 2 AND NEW.rating > 1, NEW.correct IS NOT NULL,
           coalesce(NEW.correct, 0), NEW.duration_ms
    FROM cards c WHERE c.question_id = NEW.question_id
    ON CONFLICT (section_id, bucket) DO UPDATE SET
        reviews = reviews + 1,
        learned_reviews = learned_reviews + excluded.learned_reviews,
        learned_passed = learned_passed + excluded.learned_passed,
        checked = checked + excluded.checked,
        correct = correct + excluded.correct,
        duration_ms = duration_ms + excluded.duration_ms;
    INSERT INTO review_buckets
        (document_id, bucket, reviews, learned_reviews, learned_passed, duration_ms)
    SELECT c.document_id, NEW.reviewed_at / 900000, 1, NEW.state_before = 2,
           NEW.state_before = 2 AND NEW.rating > 1, NEW.duration_ms
    FROM cards c WHERE c.question_id = NEW.question_id
    ON CONFLICT (document_id, bucket) DO UPDATE SET
        reviews = reviews + 1,
        learned_reviews = learned_reviews + excluded.learned_reviews,
        learned_passed = learned_passed + excluded.learned_passed,
        duration_ms = duration_ms + excluded.duration_ms;
END;
CREATE TRIGGER reviews_stats_delete AFTER DELETE ON reviews
BEGIN
    UPDATE question_stats SET
        reviews = reviews - 1,
        checked = checked - (OLD.correct IS NOT NULL),
        correct = correct - coalesce(OLD.correct, 0),
        right_answers = right_answers
            - (CASE WHEN OLD.correct IS NULL THEN OLD.rating > 1 ELSE OLD.correct END),
        duration_ms = duration_ms - OLD.duration_ms
    WHERE question_id = OLD.question_id;
    UPDATE section_buckets SET
        reviews = reviews - 1,
        learned_reviews = learned_reviews - (OLD.state_before = 2),
        learned_passed = learned_passed - (OLD.state_before = 2 AND OLD.rating > 1),
        checked = checked - (OLD.correct IS NOT NULL),
        correct = correct - coalesce(OLD.correct, 0),
        duration_ms = duration_ms - OLD.duration_ms
    WHERE bucket = OLD.reviewed_at / 900000
      AND section_id = (SELECT section_id FROM cards WHERE question_id = OLD.question_id);
    UPDATE review_buckets SET
        reviews = reviews - 1,
        learned_reviews = learned_reviews - (OLD.state_before = 2),
        learned_passed = learned_passed - (OLD.state_before = 2 AND OLD.rating > 1),
        duration_ms = duration_ms - OLD.duration_ms
    WHERE bucket = OLD.reviewed_at / 900000
      AND document_id = (SELECT document_id FROM cards WHERE question_id = OLD.question_id);
END;
CREATE TRIGGER cards_section_moved AFTER UPDATE OF section_id ON cards
WHEN OLD.section_id != NEW.section_id
BEGIN
    UPDATE question_stats SET section_id = NEW.section_id
    WHERE question_id = NEW.question_id;
    UPDATE section_buckets SET
        reviews = section_buckets.reviews - m.reviews,
        learned_reviews = section_buckets.learned_reviews - m.learned_reviews,
        learned_passed = section_buckets.learned_passed - m.learned_passed,
        checked = section_buckets.checked - m.checked,
        correct = section_buckets.correct - m.correct,
        duration_ms = section_buckets.duration_ms - m.duration_ms
    FROM (SELECT reviewed_at / 900000 AS bucket, count(*) AS reviews,
                 sum(state_before = 2) AS learned_reviews,
                 sum(state_before = 2 AND rating > 1) AS learned_passed,
                 count(correct) AS checked, coalesce(sum(correct), 0) AS correct,
                 sum(duration_ms) AS duration_ms
          FROM reviews WHERE question_id = NEW.question_id GROUP BY 1) AS m
    WHERE section_buckets.section_id = OLD.section_id AND section_buckets.bucket = m.bucket;
    INSERT INTO section_buckets
        (section_id, bucket, reviews, learned_reviews, learned_passed, checked, correct,
         duration_ms)
    SELECT NEW.section_id, reviewed_at / 900000, count(*), sum(state_before = 2),
           sum(state_before = 2 AND rating > 1), count(correct), coalesce(sum(correct), 0),
           sum(duration_ms)
    FROM reviews WHERE question_id = NEW.question_id GROUP BY 2
    ON CONFLICT (section_id, bucket) DO UPDATE SET
        reviews = reviews + excluded.reviews,
        learned_reviews = learned_reviews + excluded.learned_reviews,
        learned_passed = learned_passed + excluded.learned_passed,
        checked = checked + excluded.checked,
        correct = correct + excluded.correct,
        duration_ms = duration_ms + excluded.duration_ms;
END;
"""

SCHEMA_VERSION = len(migrations._migrations)

# Summaries kept by triggers on ``reviews``: rebuilt by inserting reviews, never copied.
DERIVED_TABLES = frozenset({"question_stats", "section_buckets", "review_buckets"})
