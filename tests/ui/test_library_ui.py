"""The library through the real widgets: add a document, study it with the shipped bank,
cancel, duplicates, add a bank, remove and undo, drag and drop, Read then Study."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.sample_documents import write_document
from tests.ui.driving import answer_on_screen
from tradequiz.app_context import LearnerContext, open_learner_store
from tradequiz.document.model import Document
from tradequiz.generate import GenerationResult, generate, generate_bank
from tradequiz.library import adding
from tradequiz.store import library
from tradequiz.ui import messages
from tradequiz.ui.add_dialog import AddDialog
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.reader_dialog import ReaderDialog


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


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


def _add_through_menu(
    qtbot: QtBot,
    window: MainWindow,
    path: Path,
    monkeypatch: pytest.MonkeyPatch,
    bank: bool = False,
) -> AddDialog:
    monkeypatch.setattr(messages, "choose_file", lambda *_a: path)
    actions = window.library_actions
    (actions.add_bank_action if bank else actions.add_document_action).trigger()
    dialog = actions.dialogs[-1]
    assert dialog.isVisible()
    return dialog


def _wait_done(qtbot: QtBot, dialog: AddDialog) -> None:
    qtbot.waitUntil(lambda: not dialog.working, timeout=30_000)


def _answer(qtbot: QtBot, window: MainWindow) -> int:
    """Answer the question on screen (reveal, then Good); return its document id."""
    session = window.study.session
    assert session is not None and session.current is not None
    document_id = session.current.stored.document_id
    answer_on_screen(qtbot, window)
    qtbot.keyClick(window.study, Qt.Key.Key_3)
    return document_id


def test_add_a_document_see_progress_and_study_it_with_the_shipped_bank(
    qtbot: QtBot,
    window: MainWindow,
    learner: LearnerContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = write_document(tmp_path / "readings" / "canada-mexico.txt")
    dialog = _add_through_menu(qtbot, window, source, monkeypatch)
    values: list[int] = []
    dialog.progress.valueChanged.connect(values.append)
    _wait_done(qtbot, dialog)
    # The bar went through the steps and ended full; the summary is on screen.
    assert dialog.progress.value() == dialog.progress.maximum()
    assert values == sorted(values) and len(set(values)) >= 3 and values[-1] == 5
    assert dialog.heading.text() == "Added “Canada–Mexico trade”"
    assert dialog.table is not None
    sections = [dialog.table.verticalHeaderItem(r).text() for r in range(dialog.table.rowCount())]
    assert sections == ["Introduction", "Historical overview", "Main sectors", "Debates", "Total"]
    corner = dialog.table.item(dialog.table.rowCount() - 1, dialog.table.columnCount() - 1)
    assert corner is not None
    total = int(corner.text())
    new_id = dialog.document_id
    assert new_id is not None
    assert (
        total
        == learner.store.db.execute(
            "SELECT count(*) FROM cards WHERE document_id = ?", [new_id]
        ).fetchone()[0]
    )

    # "Study now" starts a session on the new document.
    qtbot.mouseClick(dialog.study_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert window.pages.currentWidget() is window.study
    assert _answer(qtbot, window) == new_id

    # Back home, the library lists both; "Study all" studies across both documents.
    qtbot.keyClick(window.study, Qt.Key.Key_Escape)
    qtbot.mouseClick(window.home.document_view.back_button, Qt.MouseButton.LeftButton)
    assert window.home.showing_library()
    titles = [card.title.text() for card in window.home.library_view.cards]
    assert titles == ["Japan–United States trade", "Canada–Mexico trade"]
    qtbot.mouseClick(window.home.library_view.study_all_button, Qt.MouseButton.LeftButton)
    studied = {_answer(qtbot, window) for _ in range(6)}
    shipped_id = library.documents(learner.store.db)[0].id
    assert studied == {shipped_id, new_id}
    reviewed = learner.store.db.execute(
        "SELECT DISTINCT q.document_id FROM reviews r JOIN questions q ON q.id = r.question_id"
    ).fetchall()
    assert {r[0] for r in reviewed} == {shipped_id, new_id}


def test_cancel_while_generating_keeps_the_window_responsive_and_adds_nothing(
    qtbot: QtBot,
    window: MainWindow,
    learner: LearnerContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    release = threading.Event()

    def slow_generate(doc: Document, source_name: str) -> GenerationResult:
        release.wait(30)  # a long generation, until the test lets it finish
        return generate(doc, source_name=source_name)

    monkeypatch.setattr(adding, "generate", slow_generate)
    before = learner.store.db.execute("SELECT count(*) FROM questions").fetchone()[0]
    dialog = _add_through_menu(qtbot, window, write_document(tmp_path / "d.txt"), monkeypatch)
    qtbot.waitUntil(lambda: dialog.step_label.text().startswith("Step 3 of 5"), timeout=10_000)
    # The GUI thread is free: a timer fires and the home page repaints while generation runs.
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    qtbot.waitUntil(lambda: bool(fired), timeout=2_000)
    window.home.grab()
    assert dialog.close_button.text() == "Cancel" and dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with qtbot.waitSignal(dialog.worker.finished, timeout=30_000):
        release.set()
    assert learner.store.db.execute("SELECT count(*) FROM questions").fetchone()[0] == before
    library_dir = learner.paths.library
    assert not library_dir.exists() or not any(library_dir.iterdir())


def test_the_same_document_twice_is_recognised(
    qtbot: QtBot,
    window: MainWindow,
    learner: LearnerContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = write_document(tmp_path / "d.txt")
    first = _add_through_menu(qtbot, window, source, monkeypatch)
    _wait_done(qtbot, first)
    qtbot.mouseClick(first.close_button, Qt.MouseButton.LeftButton)
    count = learner.store.db.execute("SELECT count(*) FROM questions").fetchone()[0]
    again = _add_through_menu(qtbot, window, source, monkeypatch)
    _wait_done(qtbot, again)
    assert "already in your library" in again.heading.text()
    assert again.study_button.text() == "Open it"
    assert learner.store.db.execute("SELECT count(*) FROM questions").fetchone()[0] == count
    qtbot.mouseClick(again.study_button, Qt.MouseButton.LeftButton)
    assert window.home.document_id == first.document_id
    assert window.home.title.text() == "Canada–Mexico trade"


def test_a_failed_add_says_why(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\xff\xfe\x00garbage\x00")
    dialog = _add_through_menu(qtbot, window, empty, monkeypatch)
    _wait_done(qtbot, dialog)
    assert "could not be added" in dialog.heading.text()
    assert "empty.txt" in dialog.step_label.text()
    assert not dialog.study_button.isVisible()


def test_add_bank_then_review_its_questions(
    qtbot: QtBot,
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tradequiz.bank.yaml_io import save_bank
    from tradequiz.document.reader import read_document

    source = write_document(tmp_path / "mail" / "cm.txt")
    bank = generate_bank(read_document(source), source_name="cm.txt")
    save_bank(bank, tmp_path / "mail" / "cm.yaml")
    dialog = _add_through_menu(qtbot, window, tmp_path / "mail" / "cm.yaml", monkeypatch, bank=True)
    _wait_done(qtbot, dialog)
    assert dialog.heading.text() == f"Added “{bank.title}” (version 1)"

    def review() -> None:
        box = QApplication.activeModalWidget()
        assert box is not None and box.windowTitle().startswith("Questions")
        table = box.table  # type: ignore[attr-defined]
        prompts = {table.item(r, 3).text() for r in range(table.rowCount())}
        assert prompts == {q.prompt for q in bank.questions}
        box.study_button.click()  # type: ignore[attr-defined]

    QTimer.singleShot(0, review)
    qtbot.mouseClick(dialog.review_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.study
    session = window.study.session
    assert session is not None and session.current is not None
    assert session.current.stored.document_id == dialog.document_id


def test_remove_a_document_then_undo(
    qtbot: QtBot,
    window: MainWindow,
    learner: LearnerContext,
    now: datetime,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[str] = []

    def confirm(_parent: object, _title: str, text: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(messages, "confirm", confirm)
    qtbot.mouseClick(window.home.rows[1].button, Qt.MouseButton.LeftButton)
    _answer(qtbot, window)
    qtbot.keyClick(window.study, Qt.Key.Key_Escape)
    reviews = learner.store.db.execute("SELECT count(*) FROM reviews").fetchone()[0]
    assert reviews == 1
    window.library_actions.remove_action.trigger()
    assert "Japan–United States trade" in asked[0] and "undo" in asked[0]
    assert library.documents(learner.store.db) == []
    assert window.home.showing_library() and window.home.library_view.notice.isVisible()
    assert window.home.library_view.empty.isVisible()
    assert "Japan–United States trade" in window.library_actions.undo_remove_action.text()
    qtbot.mouseClick(window.home.library_view.undo_button, Qt.MouseButton.LeftButton)
    assert [d.title for d in library.documents(learner.store.db)] == ["Japan–United States trade"]
    assert learner.store.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    assert window.home.title.text() == "Japan–United States trade"
    assert not window.library_actions.undo_remove_action.isEnabled()


def test_dropping_a_document_on_home_adds_it(
    qtbot: QtBot, window: MainWindow, learner: LearnerContext, tmp_path: Path
) -> None:
    source = write_document(tmp_path / "dropped.txt", title="Chile–Peru trade")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(
        QPoint(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    # QApplication only routes drops that a platform drag started; hand the widget the event.
    window.home.event(drop)
    assert drop.isAccepted()
    dialog = window.library_actions.dialogs[-1]
    _wait_done(qtbot, dialog)
    assert "Chile–Peru trade" in [d.title for d in library.documents(learner.store.db)]


def test_read_a_section_then_study_it(qtbot: QtBot, window: MainWindow, now: datetime) -> None:
    row = window.home.rows[2]

    def study_from_reader() -> None:
        reader = QApplication.activeModalWidget()
        assert isinstance(reader, ReaderDialog)
        assert "Key elements include" in reader.browser.toPlainText()
        qtbot.mouseClick(reader.study_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, study_from_reader)
    qtbot.mouseClick(row.read_button, Qt.MouseButton.LeftButton)
    session = window.study.session
    assert window.pages.currentWidget() is window.study
    assert session is not None and session.current is not None
    assert session.current.card.section_id == row.section_id


def test_section_rows_show_progress_and_counts(
    qtbot: QtBot, window: MainWindow, learner: LearnerContext, now: datetime
) -> None:
    row = next(r for r in window.home.rows if r.button.isEnabled())
    before = row.strip.new
    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    _answer(qtbot, window)
    clock = window.clock
    assert isinstance(clock, FakeClock)
    clock.now = now + timedelta(minutes=1)
    qtbot.keyClick(window.study, Qt.Key.Key_Escape)
    after = next(r for r in window.home.rows if r.section_id == row.section_id)
    assert (after.strip.new, after.strip.learning) == (before - 1, 1)
    assert after.progress_label.text().startswith("0 mastered · 1 in progress")


def test_remove_from_a_card_in_the_library(
    qtbot: QtBot,
    window: MainWindow,
    learner: LearnerContext,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _add_through_menu(qtbot, window, write_document(tmp_path / "d.txt"), monkeypatch)
    _wait_done(qtbot, dialog)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    window.home.show_library()
    monkeypatch.setattr(messages, "confirm", lambda *_a: True)
    card = window.home.library_view.cards[1]
    assert card.title.text() == "Canada–Mexico trade"
    remove = next(a for a in card.actions() if a.text() == "Remove…")
    remove.trigger()
    assert [d.title for d in library.documents(learner.store.db)] == ["Japan–United States trade"]
    assert [c.title.text() for c in window.home.library_view.cards] == ["Japan–United States trade"]
