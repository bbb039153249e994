"""File → Add bank… with files from Anki, Moodle and spreadsheets, through the real widgets:
the file dialog offers them, the import runs in the worker with progress and Cancel, a refused
file says why, and the added bank is studied."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from tests.bank.anki_decks import anki_deck
from tests.bank.samples import every_kind
from tests.ui.test_library_ui import FakeClock, _add_through_menu, _answer, _wait_done
from tradequiz.app_context import LearnerContext, open_learner_store
from tradequiz.bank.apkg import export_apkg
from tradequiz.library import banks
from tradequiz.store import library
from tradequiz.ui import messages
from tradequiz.ui.main_window import MainWindow

pytest.importorskip("anki.collection")


@pytest.fixture
def learner(now: datetime) -> Iterator[LearnerContext]:
    context = open_learner_store(None, now)
    yield context
    context.store.close()


@pytest.fixture
def window(qtbot: QtBot, learner: LearnerContext, now: datetime) -> MainWindow:
    main = MainWindow(learner.store, FakeClock(now))
    qtbot.addWidget(main)
    main.show()
    return main


def test_the_file_dialog_offers_every_format(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def choose(_parent: Any, _title: str, filters: str) -> None:
        offered.append(filters)

    monkeypatch.setattr(messages, "choose_file", choose)
    window.library_actions.add_bank_action.trigger()
    first = offered[0].split(";;")[0]
    for pattern in ("*.yaml", "*.json", "*.gift", "*.xml", "*.apkg", "*.csv", "*.tsv"):
        assert pattern in first
    assert "Anki (*.apkg)" in offered[0]


def test_add_an_anki_deck_and_study_it(
    qtbot: QtBot, window: MainWindow, learner: LearnerContext, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    deck = tmp_path / "mail" / "trade-words.apkg"
    deck.parent.mkdir()
    deck.write_bytes(anki_deck(tmp_path / "anki", legacy=False))
    dialog = _add_through_menu(qtbot, window, deck, monkeypatch, bank=True)
    _wait_done(qtbot, dialog)
    assert dialog.heading.text() == "Added “Trade words” (version 1)"
    assert dialog.step_label.text() == "4 questions in 1 section."
    # What the deck held that could not come along is said, not dropped silently.
    qtbot.waitUntil(dialog.result_label.isVisible, timeout=5_000)
    left_out = dialog.result_label.text()
    assert left_out.startswith("Not imported:\n• ") and "the front has no text" in left_out
    assert "• 2 images or sounds left out (text only)" in left_out
    # The table is shown once the layout has processed its new child.
    qtbot.waitUntil(lambda: dialog.table is not None and dialog.table.isVisible(), timeout=5_000)
    qtbot.mouseClick(dialog.study_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.study
    document_id = _answer(qtbot, window)
    assert document_id == dialog.document_id
    titles = [d.title for d in library.documents(learner.store.db)]
    assert titles[-1] == "Trade words"


def test_a_newer_package_of_a_bank_updates_it(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = every_kind()
    first = tmp_path / "v2.apkg"
    first.write_bytes(export_apkg(bank, timestamp=1_700_000_000).data)
    dialog = _add_through_menu(qtbot, window, first, monkeypatch, bank=True)
    _wait_done(qtbot, dialog)
    assert dialog.heading.text() == f"Added “{bank.title}” (version 2)"
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    newer = tmp_path / "v3.apkg"
    from dataclasses import replace

    newer.write_bytes(export_apkg(replace(bank, version=3), timestamp=1_700_000_500).data)
    again = _add_through_menu(qtbot, window, newer, monkeypatch, bank=True)
    _wait_done(qtbot, again)
    assert again.heading.text().startswith(f"Updated “{bank.title}” from version 2 to 3")
    assert again.document_id == dialog.document_id


def test_a_refused_package_says_why(
    qtbot: QtBot, window: MainWindow, learner: LearnerContext, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    evil = tmp_path / "evil.apkg"
    evil.write_bytes(b"PK\x03\x04 truncated")
    before = library.documents(learner.store.db)
    dialog = _add_through_menu(qtbot, window, evil, monkeypatch, bank=True)
    _wait_done(qtbot, dialog)
    assert dialog.heading.text() == "“evil.apkg” could not be added"
    assert "not a zip package" in dialog.step_label.text()
    assert library.documents(learner.store.db) == before


def test_a_large_csv_converts_off_the_gui_thread_and_cancel_adds_nothing(
    qtbot: QtBot, window: MainWindow, learner: LearnerContext, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    big = tmp_path / "glossary.csv"
    big.write_text("".join(f"term {i},definition of term {i}\n" for i in range(10_000)))
    release = threading.Event()

    def slow_save(*_args: Any) -> None:
        release.wait(30)  # writing a 10,000-question bank takes seconds: hold it here

    monkeypatch.setattr(banks, "save_bank", slow_save)
    before = learner.store.db.execute("SELECT count(*) FROM questions").fetchone()[0]
    dialog = _add_through_menu(qtbot, window, big, monkeypatch, bank=True)
    qtbot.waitUntil(lambda: dialog.step_label.text().startswith("Step 3 of 5"), timeout=10_000)
    assert dialog.progress.maximum() == 5 and dialog.progress.value() == 2
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=2_000)  # the GUI thread is free
    assert dialog.close_button.text() == "Cancel" and dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.worker.finished, timeout=30_000):
        release.set()
    assert learner.store.db.execute("SELECT count(*) FROM questions").fetchone()[0] == before
    library_dir = learner.paths.library
    assert not library_dir.exists() or not any(library_dir.iterdir())
