"""Code the crash tests run in child processes that are then killed with SIGKILL.

Each child runs the app's real code (StudySession on an open_store, import_bank,
open_store's migrations) and reports over a pipe what the learner would have
seen *after* it happened: ``ACK`` is sent once a grade is committed and the next
question chosen, which is the moment the study screen shows the next question.
Messages are written straight to the pipe (no buffering thread), so whatever
the parent reads was acknowledged before the kill.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from multiprocessing.connection import Connection
from pathlib import Path

from tradequiz.bank.model import Bank, Question
from tradequiz.scheduling.card_state import Rating
from tradequiz.scheduling.study_day import study_day
from tradequiz.store.backup import AutoBackup
from tradequiz.store.cards import Scope
from tradequiz.store.library import import_bank
from tradequiz.store.opening import open_store
from tradequiz.study.checking import Response
from tradequiz.study.session import StudySession

# The modules a forkserver loads once, so each child starts in milliseconds.
PRELOAD = [
    "tradequiz.study.session",
    "tradequiz.store.opening",
    "tradequiz.store.library",
    "tradequiz.store.backup",
    "tests.reliability.crash_children",
]


def _response(question: Question, rng: random.Random) -> Response:
    if question.kind in ("multiple_choice", "debate") and question.choices:
        return rng.randrange(len(question.choices))
    if question.kind == "true_false":
        return rng.random() < 0.5
    if question.kind in ("cloze", "short_answer"):
        return rng.choice([*question.answers, "not sure"])
    return None  # flashcard: reveal


def _last_review(db: object) -> tuple[int, int, int]:
    """The newest review as (id, question, time): ids are reused after an undo, this is not."""
    from sqlite_utils import Database

    assert isinstance(db, Database)
    row = db.execute(
        "SELECT id, question_id, reviewed_at FROM reviews ORDER BY id DESC LIMIT 1"
    ).fetchone()
    return (int(row[0]), int(row[1]), int(row[2]))


def study(db_path: str, backups: str, start: float, seed: int, pipe: Connection) -> None:
    """Study for ever: answer, grade, sometimes undo, sometimes back up; report each step."""
    rng = random.Random(seed)
    now = datetime.fromtimestamp(start, UTC)
    store = open_store(Path(db_path), now, Path(backups))
    auto = AutoBackup(store.db, Path(backups), interval=timedelta(0))
    session = StudySession(store, Scope(), study_day(now, 4))
    session.start(now)
    pipe.send(("READY",))
    graded = 0
    while True:
        now += timedelta(seconds=rng.randint(5, 90))
        if session.current is None:
            now += timedelta(days=1)
            session = StudySession(store, Scope(), study_day(now, 4))
            session.start(now)
            continue
        question = session.current.stored.question
        session.answer(_response(question, rng), now)
        session.grade(Rating(rng.randint(1, 4)), now)
        last = _last_review(store.db)
        pipe.send(("ACK", last))
        graded += 1
        if rng.random() < 0.1 and session.can_undo and session.current is not None:
            pipe.send(("UNDOING", last))
            session.undo(now)  # the question is back on screen, its review gone
            pipe.send(("UNDONE", last))
        if graded % 15 == 0:
            auto.backup(now, "auto")


def import_a_bank(db_path: str, bank: Bank, start: float, pipe: Connection) -> None:
    """Import ``bank`` in one transaction (as shipped.load_bank_file does) and report."""
    now = datetime.fromtimestamp(start, UTC)
    store = open_store(Path(db_path), now)
    pipe.send(("BEGIN", time.monotonic()))
    import_bank(store.db, bank, source_text="", bank_sha256=bank.id, bank_path=bank.id, now=now)
    pipe.send(("DONE", time.monotonic()))
    store.close()


SLOW_TABLE = "slow_migration_rows"
SLOW_ROWS = 400


def migrate_slowly(db_path: str, backups: str, start: float, pipe: Connection | None) -> None:
    """Open the database with one extra, slow migration registered (this process only)."""
    from tradequiz.store import opening, schema

    @schema.migrations(name="9999_slow_test_migration")
    def _slow(db: object) -> None:
        from sqlite_utils import Database

        assert isinstance(db, Database)
        if pipe is not None:
            pipe.send(("MIGRATING", time.monotonic()))
        db.execute(f"CREATE TABLE {SLOW_TABLE} (n INTEGER PRIMARY KEY, text TEXT) STRICT")
        db.execute("ALTER TABLE cards ADD COLUMN slow_note TEXT NOT NULL DEFAULT ''")
        for n in range(SLOW_ROWS):
            db.execute(f"INSERT INTO {SLOW_TABLE} VALUES (?, ?)", [n, "x" * 200])
            db.execute("UPDATE cards SET slow_note = ?", [str(n)])
            time.sleep(0.001)  # a migration that takes its time

    # open_store compares against its own copy of the version number.
    setattr(opening, "SCHEMA_VERSION", len(schema.migrations._migrations))  # noqa: B010
    now = datetime.fromtimestamp(start, UTC)
    store = open_store(Path(db_path), now, Path(backups))
    if pipe is not None:
        pipe.send(("DONE", time.monotonic()))
    store.close()
