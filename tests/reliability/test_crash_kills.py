"""SIGKILL at random moments: no acknowledged answer lost, nothing half-written.

Children are forked from a forkserver that has the app's modules loaded, so a
kill cycle costs milliseconds of start-up instead of an interpreter launch.
Set TRADEQUIZ_KILLS to run more kills than the default (the figures in
docs/reliability.md come from such a run).
"""

from __future__ import annotations

import dataclasses
import itertools
import multiprocessing
import os
import random
import shutil
import signal
import sqlite3
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import NOW
from tests.reliability import crash_children
from tradequiz.bank.model import Bank
from tradequiz.bank.yaml_io import load_bank
from tradequiz.resources import shipped_banks
from tradequiz.shipped import load_shipped_banks
from tradequiz.store.backup import list_backups, quick_check
from tradequiz.store.library import import_bank
from tradequiz.store.opening import open_store
from tradequiz.store.schema import SCHEMA_VERSION

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and forkserver are POSIX"),
]
KILLS = int(os.environ.get("TRADEQUIZ_KILLS", "100"))


@pytest.fixture(scope="module")
def ctx() -> Any:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(crash_children.PRELOAD)
    return context


@dataclass
class Run:
    """What one child reported before it was killed."""

    messages: list[tuple[Any, ...]] = field(default_factory=list)
    exitcode: int | None = None

    def of(self, kind: str) -> list[tuple[Any, ...]]:
        return [m for m in self.messages if m[0] == kind]


def _run_and_kill(
    ctx: Any, target: Callable[..., None], args: tuple[Any, ...], kill_after: Callable[[Run], bool]
) -> Run:
    """Start ``target`` in a child; SIGKILL it once ``kill_after`` says so (or it ends)."""
    reader, writer = ctx.Pipe(duplex=False)
    child = ctx.Process(target=target, args=(*args, writer), daemon=True)
    child.start()
    writer.close()
    run = Run()
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline:
            if kill_after(run) or not child.is_alive():
                break
            if reader.poll(0.002):
                try:
                    run.messages.append(reader.recv())
                except EOFError:
                    break
        else:
            raise AssertionError("the child neither finished nor was killed in time")
        if child.is_alive():
            with suppress(ProcessLookupError):  # it may finish between the check and the kill
                os.kill(child.pid, signal.SIGKILL)
        child.join(10)
        # Whatever reached the pipe before the kill was shown to the learner.
        while True:
            try:
                if not reader.poll(0):
                    break
                run.messages.append(reader.recv())
            except (EOFError, OSError):
                break
    finally:
        reader.close()
    run.exitcode = child.exitcode
    return run


def _timer(seconds: float) -> Callable[[Run], bool]:
    start = time.monotonic()
    return lambda _run: time.monotonic() - start >= seconds


def _integrity(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []


def _check_scheduling_matches_log(conn: sqlite3.Connection) -> None:
    """Every card's state is exactly what its review log says, and the reverse."""
    cards = conn.execute("SELECT question_id, state, due, reps FROM cards").fetchall()
    log: dict[int, list[tuple[int, int, int, int, int]]] = {}
    for qid, rid, reps_before, state_before, state_after, due_after in conn.execute(
        "SELECT question_id, id, reps_before, state_before, state_after, due_after"
        " FROM reviews ORDER BY id"
    ):
        log.setdefault(qid, []).append((rid, reps_before, state_before, state_after, due_after))
    for qid, state, due, reps in cards:
        history = log.get(qid, [])
        assert reps == len(history), f"question {qid}: {reps} reps but {len(history)} reviews"
        assert [h[1] for h in history] == list(range(len(history)))
        for earlier, later in itertools.pairwise(history):
            assert later[2] == earlier[3], f"question {qid}: review chain broken"
        if history:
            assert (state, due) == (history[-1][3], history[-1][4])
        else:
            assert state == 0


def test_kill_during_study_loses_no_acknowledged_answer(ctx: Any, tmp_path: Path) -> None:
    db_path, backups = tmp_path / "collection.sqlite3", tmp_path / "backups"
    store = open_store(db_path, NOW, backups)
    load_shipped_banks(store, NOW)
    store.close()
    rng = random.Random(2026)
    # Reviews as (id, question, time): an id freed by an undo is given to the next review.
    acknowledged: set[tuple[int, int, int]] = set()
    undone: set[tuple[int, int, int]] = set()
    maybe_undone: set[tuple[int, int, int]] = set()
    acks = kills_mid_session = 0
    start = NOW.timestamp()
    for kill in range(KILLS):
        # A fifth of the kills land during start-up (opening, checks), the rest mid-study.
        delay = rng.uniform(0, 0.04) if kill % 5 == 0 else rng.uniform(0.01, 0.25)
        run = _run_and_kill(
            ctx,
            crash_children.study,
            (str(db_path), str(backups), start, rng.randrange(2**32)),
            _timer(delay),
        )
        assert run.exitcode == -signal.SIGKILL, f"kill {kill}: the child ended by itself"
        start += 7 * 86400  # the next launch is a week later: new questions and reviews due
        kills_mid_session += bool(run.of("READY"))
        for message in run.messages:
            if message[0] == "ACK":
                acknowledged.add(message[1])
                acks += 1
            elif message[0] == "UNDOING":
                maybe_undone.add(message[1])
            elif message[0] == "UNDONE":
                undone.add(message[1])
                acknowledged.discard(message[1])
                maybe_undone.discard(message[1])
        conn = sqlite3.connect(db_path)
        try:
            _integrity(conn)
            stored = set(conn.execute("SELECT id, question_id, reviewed_at FROM reviews"))
            lost = acknowledged - maybe_undone - stored
            assert not lost, f"kill {kill}: acknowledged reviews lost: {sorted(lost)}"
            assert not (undone & stored), f"kill {kill}: an undone review came back"
            _check_scheduling_matches_log(conn)
        finally:
            conn.close()
        # Reviews whose undo was in flight are settled by what the database now says.
        acknowledged -= maybe_undone - stored
        maybe_undone.clear()
    for backup in list_backups(backups):
        assert quick_check(backup.path), backup.path
    print(
        f"\nstudy kills: {KILLS} ({kills_mid_session} mid-session), answers acknowledged: "
        f"{acks}, reviews lost: 0, backups checked: {len(list_backups(backups))}"
    )
    assert acks > KILLS  # the kills really landed among answers


def _big_bank(version: int, copies: int) -> Bank:
    shipped = load_bank(shipped_banks()[0]).bank
    questions = tuple(
        dataclasses.replace(q, id=f"{q.id}-{n}", prompt=f"{q.prompt} (v{version})")
        for n in range(copies)
        for q in shipped.questions
    )
    return dataclasses.replace(shipped, id="stress-bank", questions=questions)


def _prompt_versions(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute(
        "SELECT q.body FROM questions q JOIN documents d ON d.id = q.document_id"
        " WHERE d.bank_id = 'stress-bank'"
    )
    return {body.split("(v", 1)[1][0] for (body,) in rows}


def test_kill_during_bank_import_leaves_old_or_new_bank(ctx: Any, tmp_path: Path) -> None:
    v1, v2 = _big_bank(1, 40), _big_bank(2, 60)
    template = tmp_path / "template.sqlite3"
    store = open_store(template, NOW)
    import_bank(store.db, v1, source_text="", bank_sha256="1", bank_path="1", now=NOW)
    store.close()
    # One uncut run to know how long the import transaction takes.
    timing_db = tmp_path / "timing.sqlite3"
    shutil.copy(template, timing_db)
    run = _run_and_kill(
        ctx, crash_children.import_a_bank, (str(timing_db), v2, NOW.timestamp()), lambda r: False
    )
    duration = run.of("DONE")[0][1] - run.of("BEGIN")[0][1]
    rng = random.Random(7)
    outcomes = {"1": 0, "2": 0}
    for kill in range(12):
        db = tmp_path / f"import-{kill}.sqlite3"
        shutil.copy(template, db)
        delay = rng.uniform(0, duration * 2.5)
        began: list[float] = []

        def after(run: Run, delay: float = delay, began: list[float] = began) -> bool:
            if not began and run.of("BEGIN"):
                began.append(time.monotonic())
            return bool(began) and time.monotonic() - began[0] >= delay

        run = _run_and_kill(
            ctx, crash_children.import_a_bank, (str(db), v2, NOW.timestamp()), after
        )
        conn = sqlite3.connect(db)
        try:
            _integrity(conn)
            versions = _prompt_versions(conn)
            assert versions in ({"1"}, {"2"}), f"kill {kill}: half-imported: {versions}"
            count = conn.execute("SELECT count(*) FROM questions").fetchone()[0]
            assert count == len(v1.questions if versions == {"1"} else v2.questions)
            assert conn.execute("SELECT count(*) FROM cards").fetchone()[0] == count
            outcomes[versions.pop()] += 1
        finally:
            conn.close()
        # A rerun succeeds and gives the whole new bank.
        store = open_store(db, NOW)
        try:
            import_bank(store.db, v2, source_text="", bank_sha256="2", bank_path="2", now=NOW)
            assert store.db.execute("SELECT count(*) FROM questions").fetchone()[0] == len(
                v2.questions
            )
        finally:
            store.close()
    print(
        f"\nimport kills: 12 during a {duration * 1000:.0f} ms import of "
        f"{len(v2.questions)} questions: {outcomes['1']} left the old bank, "
        f"{outcomes['2']} the new one, 0 half-imported"
    )


def test_kill_during_a_slow_migration_leaves_old_or_new_schema(ctx: Any, tmp_path: Path) -> None:
    template = tmp_path / "template.sqlite3"
    store = open_store(template, NOW)
    load_shipped_banks(store, NOW)
    store.db.execute("INSERT INTO settings VALUES ('kept', '\"yes\"')")
    store.close()
    rng = random.Random(9)
    outcomes = {SCHEMA_VERSION: 0, SCHEMA_VERSION + 1: 0}
    for kill in range(8):
        folder = tmp_path / f"m{kill}"
        folder.mkdir()
        db, backups = folder / "collection.sqlite3", folder / "backups"
        shutil.copy(template, db)
        began: list[float] = []
        delay = rng.uniform(0, 0.6)

        def after(run: Run, delay: float = delay, began: list[float] = began) -> bool:
            if not began and run.of("MIGRATING"):
                began.append(time.monotonic())
            return bool(began) and time.monotonic() - began[0] >= delay

        args = (str(db), str(backups), NOW.timestamp())
        run = _run_and_kill(ctx, crash_children.migrate_slowly, args, after)
        assert run.of("MIGRATING"), "the migration never started"
        conn = sqlite3.connect(db)
        try:
            _integrity(conn)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            recorded = conn.execute(
                "SELECT count(*) FROM _sqlite_migrations WHERE name = '9999_slow_test_migration'"
            ).fetchone()[0]
            if version == SCHEMA_VERSION:
                assert crash_children.SLOW_TABLE not in tables and recorded == 0
            else:
                assert version == SCHEMA_VERSION + 1 and recorded == 1
                rows = conn.execute(f"SELECT count(*) FROM {crash_children.SLOW_TABLE}")
                assert rows.fetchone()[0] == crash_children.SLOW_ROWS
            assert conn.execute("SELECT value FROM settings WHERE key='kept'").fetchone()
            outcomes[version] += 1
        finally:
            conn.close()
        taken = list_backups(backups)
        assert [b.reason for b in taken] == [f"before-migration-v{SCHEMA_VERSION}"]
        assert quick_check(taken[0].path)
        # A rerun (not killed) finishes the migration.
        rerun = _run_and_kill(ctx, crash_children.migrate_slowly, args, lambda r: False)
        assert rerun.exitcode == 0 and rerun.of("DONE")
        conn = sqlite3.connect(db)
        try:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
            _integrity(conn)
        finally:
            conn.close()
    print(f"\nmigration kills: 8, left at old schema: {outcomes[SCHEMA_VERSION]}, "
          f"at new schema: {outcomes[SCHEMA_VERSION + 1]}, mixed: 0")  # fmt: skip
