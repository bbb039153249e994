"""Profiles through the real widgets: the chooser at start, create / rename / delete,
separate progress per learner, and what the app remembers between runs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.driving import answer_on_screen
from tradequiz.app_context import open_learner_store
from tradequiz.paths import DataFolder
from tradequiz.profiles import create_profile, list_profiles
from tradequiz.store import library
from tradequiz.ui import messages, startup
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.profile_dialog import ProfileDialog


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    return DataFolder(tmp_path / "tradequiz-home")  # TRADEQUIZ_HOME of the autouse fixture


@pytest.fixture(autouse=True)
def _plain_style(qapp: QApplication) -> Iterator[None]:
    """Themes are application-wide: put the default back for the next test."""
    yield
    qapp.setStyleSheet("")
    qapp.setPalette(qapp.style().standardPalette())
    # A window left active would keep the next test's keys from its own window.
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.close()
            widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _clock(now: datetime) -> Callable[[], datetime]:
    return lambda: now


def _when_modal(action: Callable[[ProfileDialog], None]) -> None:
    """Act on the chooser once its modal loop runs (as a person would, after it appears)."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ProfileDialog)
        action(dialog)

    QTimer.singleShot(0, run)


def _row_of(dialog: ProfileDialog, name: str) -> None:
    dialog.list.setCurrentRow(dialog.names().index(name))


def test_create_rename_and_delete_in_the_chooser(
    qtbot: QtBot, folder: DataFolder, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_profile(folder, "Ana", now)
    dialog = ProfileDialog(folder, _clock(now))
    qtbot.addWidget(dialog)
    assert dialog.names() == ["Ana"]
    answers = iter([("Bob", True), ("a/b", True), ("Robert", True)])
    monkeypatch.setattr(messages, "ask_text", lambda *_a: next(answers))
    errors: list[str] = []
    monkeypatch.setattr(messages, "error", lambda _p, _t, text, *_a: errors.append(text))
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == ["Ana", "Bob"] and dialog.selected_name() == "Bob"
    qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
    assert "not '/'" in errors[0] and dialog.names() == ["Ana", "Bob"]
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert dialog.names() == ["Ana", "Robert"] and list_profiles(folder) == ["Ana", "Robert"]

    confirmations: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        confirmations.append(text)
        return True

    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "info", lambda *_a: None)
    _row_of(dialog, "Ana")
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert "Ana" in confirmations[0] and "backup" in confirmations[0]
    assert dialog.names() == ["Robert"]
    assert [p.name.split("-")[0] for p in folder.deleted_profiles_dir.iterdir()] == ["Ana"]


def test_the_chooser_appears_only_when_there_is_a_choice(
    qtbot: QtBot, folder: DataFolder, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[bool] = []

    def exec_(_dialog: ProfileDialog) -> int:
        shown.append(True)
        return 0  # the learner closed the chooser

    monkeypatch.setattr(ProfileDialog, "exec", exec_)
    create_profile(folder, "Ana", now)
    assert startup.choose_profile(folder, None, _clock(now)) == startup.Choice(None)
    create_profile(folder, "Bob", now)
    assert startup.choose_profile(folder, "bob", _clock(now)) == startup.Choice("bob")
    assert shown == []
    assert startup.choose_profile(folder, None, _clock(now)) == startup.Choice(quit=True)
    assert shown == [True]


def test_a_second_profile_has_its_own_progress(
    qtbot: QtBot, folder: DataFolder, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = open_learner_store(None, now, profile="Ana")
    ana_window = MainWindow(ana.store, _clock(now))
    qtbot.addWidget(ana_window)
    ana_window.show()
    row = next(r for r in ana_window.home.rows if r.button.isEnabled())
    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    session = ana_window.study.session
    assert session is not None and session.current is not None
    answer_on_screen(qtbot, ana_window)
    qtbot.keyClick(ana_window.study, Qt.Key.Key_3)
    assert ana.store.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    qtbot.keyClick(ana_window.study, Qt.Key.Key_Escape)
    ana_row = next(r for r in ana_window.home.rows if r.section_id == row.section_id)
    assert ana_row.strip.learning + ana_row.strip.mastered == 1
    ana.store.close()

    # Switch profile: the chooser opens; the learner makes "Bob" and opens it.
    monkeypatch.setattr(messages, "ask_text", lambda *_a: ("Bob", True))

    def new_bob(dialog: ProfileDialog) -> None:
        assert dialog.selected_name() == "Ana" and dialog.quit_button.text() == "Cancel"
        qtbot.mouseClick(dialog.new_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)

    _when_modal(new_bob)
    choice = startup.choose_profile(folder, None, _clock(now), switching_from="Ana")
    assert choice == startup.Choice("Bob")
    bob = open_learner_store(None, now, profile=choice.name)
    bob_window = startup.open_window(bob, _clock(now))
    qtbot.addWidget(bob_window)
    assert bob_window.windowTitle() == "TradeQuiz — Bob"
    bob_row = next(r for r in bob_window.home.rows if r.section_id == row.section_id)
    assert (bob_row.strip.learning, bob_row.strip.mastered) == (0, 0)
    assert bob_row.strip.new == ana_row.strip.new + 1
    assert bob.store.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    assert bob.learner_name == "Bob"
    bob.store.close()

    # Next start: two profiles, so the chooser asks, with the last one (Bob) selected.
    def open_selected(dialog: ProfileDialog) -> None:
        assert dialog.names() == ["Ana", "Bob"] and dialog.selected_name() == "Bob"
        assert dialog.quit_button.text() == "Quit"
        _row_of(dialog, "Ana")
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    _when_modal(open_selected)
    assert startup.choose_profile(folder, None, _clock(now)) == startup.Choice("Ana")


def test_theme_document_and_geometry_are_remembered(
    qtbot: QtBot, now: datetime, tmp_path: Path
) -> None:
    from tests.sample_documents import write_document
    from tradequiz.library import add_document

    context = open_learner_store(None, now, profile="Ana")
    added = add_document(context.store, context.paths, write_document(tmp_path / "d.txt"), now)
    window = startup.open_window(context, _clock(now))
    qtbot.addWidget(window)
    assert window.home.showing_library()  # two documents, none remembered yet
    window.library_actions.theme_actions["dark"].trigger()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    window.home.show_document(added.document_id)
    window.resize(760, 560)
    window.show()
    startup.remember(window, context)
    window.close()
    context.store.close()

    app.setStyleSheet("")
    app.setPalette(app.style().standardPalette())
    again = open_learner_store(None, now)  # the last profile: Ana
    assert again.profile == "Ana"
    reopened = startup.open_window(again, _clock(now))
    qtbot.addWidget(reopened)
    assert app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    assert reopened.library_actions.theme_actions["dark"].isChecked()
    assert reopened.home.document_id == added.document_id
    assert reopened.home.title.text() == "Canada–Mexico trade"
    assert (reopened.width(), reopened.height()) == (760, 560)
    # A remembered document that was removed since falls back to the library.
    library_ids = [d.id for d in library.documents(again.store.db)]
    assert added.document_id in library_ids
    again.store.close()
