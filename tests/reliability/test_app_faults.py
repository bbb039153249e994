"""What the learner sees when the disk fills, a backup fails or the database is damaged."""

from __future__ import annotations

import argparse
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.ui.driving import answer_on_screen
from tradequiz.app_context import open_learner_store
from tradequiz.paths import DataPaths
from tradequiz.store.backup import AutoBackup, list_backups, make_backup, quick_check
from tradequiz.store.opening import Store
from tradequiz.study.session import Phase
from tradequiz.ui import app as app_module
from tradequiz.ui import messages
from tradequiz.ui import startup_checks as startup
from tradequiz.ui.main_window import BACKUP_TICK_MS, MainWindow


class Recorder:
    """Stands in for message boxes: records what the learner would have been told."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, restore: bool = True) -> None:
        self.shown: list[tuple[str, str, str]] = []
        for kind in ("error", "warning", "info"):
            monkeypatch.setattr(messages, kind, self._make(kind))
        monkeypatch.setattr(messages, "offer_restore", self._offer)
        self.restore = restore

    def _make(self, kind: str):
        def show(_parent: object, title: str, text: str, *_rest: object) -> None:
            self.shown.append((kind, title, text))

        return show

    def _offer(self, _parent: object, problem: str, backup: str) -> bool:
        self.shown.append(("offer_restore", backup, problem))
        return self.restore


def _reviews(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM reviews").fetchone()[0])


def _answer_on_screen(qtbot: QtBot, window: MainWindow) -> None:
    answer_on_screen(qtbot, window)


def test_disk_full_during_an_answer_says_not_saved_and_keeps_the_question(
    qtbot: QtBot, store: Store, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = Recorder(monkeypatch)
    clock = [now]
    window = MainWindow(store, lambda: clock[0])
    qtbot.addWidget(window)
    window.show()
    document = window.home.document_id
    assert document is not None
    window.start_document(document)
    # From here on the database cannot grow: SQLite reports SQLITE_FULL exactly as
    # it does when the disk itself is full.  VACUUM first so no free page is left.
    store.db.execute("VACUUM")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    acknowledged = 0
    for _ in range(400):
        session = window.study.session
        assert session is not None
        if session.current is None:  # done for today: study again tomorrow
            clock[0] += timedelta(days=1)
            window.start_document(document)
            continue
        _answer_on_screen(qtbot, window)
        assert session.phase is Phase.FEEDBACK
        on_screen = session.current.card.question_id
        qtbot.keyClick(window.study, "3")
        if told.shown:
            break
        acknowledged += 1
    assert told.shown, "the disk never filled"
    session = window.study.session
    assert session is not None and session.current is not None
    kind, title, text = told.shown[0]
    assert (kind, title) == ("error", "Your answer was not saved")
    assert "the disk is full" in text and "Nothing was changed" in text
    assert _reviews(store) == acknowledged  # stored: every acknowledged one; this one: not
    assert session.phase is Phase.FEEDBACK and session.current is not None
    assert session.current.card.question_id == on_screen  # same question, ready to rate
    assert window.study.rating.isVisible()
    # Space is freed: the same key press now stores it and the next question appears.
    store.db.execute("PRAGMA max_page_count = 1073741823")
    qtbot.keyClick(window.study, "3")
    assert _reviews(store) == acknowledged + 1
    assert len(told.shown) == 1
    session = window.study.session
    assert session is not None
    assert session.current is None or session.phase is Phase.ASKING
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_window_backs_up_on_its_timer_and_on_close(
    qtbot: QtBot, store: Store, now: datetime, tmp_path: Path
) -> None:
    clock = [now]
    folder = tmp_path / "backups-window"
    window = MainWindow(store, lambda: clock[0], auto_backup=AutoBackup(store.db, folder))
    qtbot.addWidget(window)
    window.show()
    assert window.backup_timer.isActive() and BACKUP_TICK_MS <= 30 * 60 * 1000
    window.backup_timer.timeout.emit()
    assert list_backups(folder) == []  # nothing changed yet
    document = window.home.document_id
    assert document is not None
    window.start_document(document)
    _answer_on_screen(qtbot, window)
    qtbot.keyClick(window.study, "3")
    clock[0] = now + timedelta(minutes=5)
    window.backup_timer.timeout.emit()
    assert [b.reason for b in list_backups(folder)] == ["auto"]
    _answer_on_screen(qtbot, window)
    qtbot.keyClick(window.study, "3")
    clock[0] = now + timedelta(minutes=10)
    window.backup_timer.timeout.emit()  # changed, but the last backup is 5 minutes old
    assert len(list_backups(folder)) == 1
    window.close()
    newest = list_backups(folder)[0]
    assert newest.reason == "close" and quick_check(newest.path)
    copy = sqlite3.connect(newest.path)
    assert copy.execute("SELECT count(*) FROM reviews").fetchone()[0] == _reviews(store) == 2
    copy.close()


def test_a_failing_backup_warns_once_and_study_goes_on(
    qtbot: QtBot, store: Store, now: datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = Recorder(monkeypatch)
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the backups folder should be")
    clock = [now]
    window = MainWindow(store, lambda: clock[0], auto_backup=AutoBackup(store.db, blocked))
    qtbot.addWidget(window)
    store.db.execute("INSERT INTO settings VALUES ('x', '1')")
    for minutes in (0, 31, 62):
        clock[0] = now + timedelta(minutes=minutes)
        window.backup_timer.timeout.emit()
    assert [(k, t) for k, t, _ in told.shown] == [("warning", "Backup failed")]
    assert "still saved" in told.shown[0][2]


def _damaged_data_folder(root: Path, now: datetime) -> Path:
    context = open_learner_store(str(root), now)
    make_backup(context.store.db, context.paths.backups, now, "close")
    context.store.close()
    database = context.paths.database
    with open(database, "rb+") as handle:
        handle.truncate(database.stat().st_size // 3)
    return database


def test_damaged_database_at_start_offers_and_restores_the_backup(
    tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = Recorder(monkeypatch, restore=True)
    root = tmp_path / "home"
    database = _damaged_data_folder(root, now)
    context = startup.open_with_recovery(root, lambda: now)
    assert context is not None
    try:
        assert context.store.db.execute("SELECT count(*) FROM questions").fetchone()[0] > 0
    finally:
        context.store.close()
    assert [k for k, _t, _x in told.shown] == ["offer_restore", "info"]
    assert "damaged" in told.shown[0][2]
    assert list(database.parent.glob("collection.sqlite3.damaged-*"))


def test_declining_the_restore_changes_nothing(
    tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = Recorder(monkeypatch, restore=False)
    root = tmp_path / "home"
    database = _damaged_data_folder(root, now)
    before = database.read_bytes()
    assert startup.open_with_recovery(root, lambda: now) is None
    assert database.read_bytes() == before
    assert [k for k, _t, _x in told.shown] == ["offer_restore"]


def test_damaged_database_without_backup_is_a_clear_message(
    tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = Recorder(monkeypatch)
    root = tmp_path / "home"
    database = _damaged_data_folder(root, now)
    for backup in list_backups(DataPaths(database.parent).backups):
        backup.path.unlink()
    assert startup.open_with_recovery(root, lambda: now) is None
    assert [(k, t) for k, t, _ in told.shown] == [("error", "TradeQuiz cannot start")]
    assert "No usable backup" in told.shown[0][2]


def test_the_app_itself_recovers_and_studies(
    qtbot: QtBot,
    tmp_path: Path,
    now: datetime,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    told = Recorder(monkeypatch, restore=True)
    monkeypatch.setattr(app_module, "apply_theme", lambda *_a: None)
    root = tmp_path / "home"
    _damaged_data_folder(root, now)
    args = argparse.Namespace(data_dir=str(root), self_test=True)
    assert app_module.run_gui(args) == 0
    assert "self-test: first question:" in capsys.readouterr().out
    assert [k for k, _t, _x in told.shown] == ["offer_restore", "info"]
    assert not (root / "tradequiz.lock").exists()  # released on exit


def test_unwritable_data_folder_stops_the_app_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    told = Recorder(monkeypatch)
    monkeypatch.setattr(app_module, "apply_theme", lambda *_a: None)
    root = tmp_path / "occupied"
    root.write_text("a file, not a folder")  # cannot hold a database: mkdir fails
    args = argparse.Namespace(data_dir=str(root), self_test=True)
    assert app_module.run_gui(args) == 1
    assert [(k, t) for k, t, _ in told.shown] == [("error", "TradeQuiz cannot start")]
    assert str(root) in told.shown[0][2]
