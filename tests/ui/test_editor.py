"""The bank editor driven as an instructor uses it: filter, edit, see problems, undo, save."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from tests.bank.samples import SOURCE, every_kind
from tradequiz.bank.yaml_io import load_bank, save_bank
from tradequiz.ui import messages
from tradequiz.ui.editor.window import EditorWindow

COMMENT = "# Ms Tanaka: checked the sector questions on 3 March\n"


@pytest.fixture
def bank_path(tmp_path: Path) -> Path:
    shutil.copy(SOURCE, tmp_path / "japan-us-trade.txt")
    path = tmp_path / "every-kind.yaml"
    save_bank(every_kind(), path)
    text = path.read_text().replace("questions:\n", "questions:\n" + COMMENT, 1)
    path.write_text(text)
    return path


@pytest.fixture
def editor(qtbot: QtBot, bank_path: Path) -> EditorWindow:
    window = EditorWindow(bank_path)
    qtbot.addWidget(window)
    window.resize(1000, 720)
    window.show()
    return window


def _button(window: EditorWindow, key: str) -> QWidget:
    toolbar = window.findChild(QToolBar, "editorToolbar")
    assert toolbar is not None
    widget = toolbar.widgetForAction(window.actions_[key])
    assert widget is not None
    return widget


def _click(qtbot: QtBot, window: EditorWindow, key: str) -> None:
    qtbot.mouseClick(_button(window, key), Qt.MouseButton.LeftButton)


def _select_row(qtbot: QtBot, window: EditorWindow, qid: str) -> None:
    window.clear_filters()
    row = window.model.row_of(qid)
    index = window.proxy.mapFromSource(window.model.index(row, 3))
    rect = window.table.visualRect(index)
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.form.id_edit.text() == qid


def _preview_text(window: EditorWindow) -> str:
    assert window.preview is not None
    return " ".join(label.text() for label in window.preview.findChildren(QLabel))


def test_filters_narrow_the_table(qtbot: QtBot, editor: EditorWindow) -> None:
    assert editor.proxy.rowCount() == 8
    qtbot.keyClicks(editor.search, "semiconductors")
    assert editor.proxy.rowCount() == 2  # the prompt of mc-1 and the answer of short-1
    editor.search.clear()
    editor.kind_filter.setCurrentIndex(editor.kind_filter.findData("matching"))
    assert editor.proxy.rowCount() == 1
    editor.kind_filter.setCurrentIndex(0)
    editor.section_filter.setCurrentIndex(editor.section_filter.findData("historical-overview"))
    assert editor.proxy.rowCount() == 3
    editor.section_filter.setCurrentIndex(0)
    editor.status_filter.setCurrentIndex(editor.status_filter.findData("approved"))
    assert editor.proxy.rowCount() == 1
    assert editor.count_label.text() == "1 of 8 questions shown"


def test_typing_updates_table_and_preview_and_undo_restores(
    qtbot: QtBot, editor: EditorWindow
) -> None:
    _select_row(qtbot, editor, "tf-1")
    editor.form.prompt_edit.setFocus()
    editor.form.prompt_edit.moveCursor(editor.form.prompt_edit.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.form.prompt_edit, " Really")
    row = editor.model.row_of("tf-1")
    assert editor.model.questions[row].prompt.endswith("1980s. Really")
    assert "1980s. Really" in _preview_text(editor)
    assert editor.windowTitle().endswith("*")
    # Typing in one field is one undo step.
    assert editor.undo_stack.count() == 1
    _click(qtbot, editor, "undo")
    assert editor.model.questions[row].prompt.endswith("in the 1980s.")
    assert editor.form.prompt_edit.toPlainText().endswith("in the 1980s.")
    assert not editor.windowTitle().endswith("*")


def test_problems_show_next_to_the_field(qtbot: QtBot, editor: EditorWindow) -> None:
    _select_row(qtbot, editor, "mc-1")
    problem = editor.form.problem_labels["choices"]
    assert problem.isHidden()
    table = editor.form.choices_table
    # Tick a second option as correct, as an instructor would by clicking its box.
    item = table.item(1, 0)
    assert item is not None
    item.setCheckState(Qt.CheckState.Checked)
    assert problem.isVisible()
    assert "exactly one correct option, has 2" in problem.text()
    row = editor.model.row_of("mc-1")
    assert "✗" in str(editor.model.data(editor.model.index(row, 0)))
    _click(qtbot, editor, "undo")
    assert problem.isHidden()


def test_add_duplicate_delete_approve_reject(qtbot: QtBot, editor: EditorWindow) -> None:
    _select_row(qtbot, editor, "cloze-1")
    _click(qtbot, editor, "duplicate")
    assert len(editor.model.questions) == 9
    copy = editor.current_question()
    assert copy is not None and copy.id != "cloze-1" and copy.prompt.startswith("The formal")
    assert editor.model.row_of(copy.id) == editor.model.row_of("cloze-1") + 1
    _click(qtbot, editor, "approve")
    assert editor.current_question().status == "approved"  # type: ignore[union-attr]
    _click(qtbot, editor, "reject")
    assert editor.current_question().status == "rejected"  # type: ignore[union-attr]
    _click(qtbot, editor, "delete")
    assert len(editor.model.questions) == 8
    editor.new_kind.setCurrentIndex(editor.new_kind.findData("matching"))
    _click(qtbot, editor, "add")
    added = editor.current_question()
    assert added is not None and added.kind == "matching" and len(added.pairs) == 3
    assert editor.form.pairs_table.rowCount() == 3
    assert editor.form.rows["pairs"].isVisible() and not editor.form.rows["choices"].isVisible()
    for _ in range(5):
        _click(qtbot, editor, "undo")
    assert [q.id for q in editor.model.questions] == [q.id for q in every_kind().questions]


def test_save_keeps_comments_and_untouched_entries(
    qtbot: QtBot, editor: EditorWindow, bank_path: Path
) -> None:
    before = bank_path.read_text()
    _select_row(qtbot, editor, "card-1")
    editor.form.status_box.setCurrentIndex(editor.form.status_box.findData("approved"))
    _click(qtbot, editor, "save")
    after = bank_path.read_text()
    assert COMMENT in after
    changed = [(a, b) for a, b in zip(before.splitlines(), after.splitlines(), strict=True)
               if a != b]  # fmt: skip
    assert changed == [("    status: draft", "    status: approved")]
    assert load_bank(bank_path).bank.questions[-1].status == "approved"
    assert not editor.windowTitle().endswith("*")


def test_saving_a_bank_with_errors_asks_first(
    qtbot: QtBot, editor: EditorWindow, bank_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def refuse(parent: object, title: str, text: str) -> bool:
        asked.append(title)
        return False

    monkeypatch.setattr(messages, "confirm", refuse)
    _select_row(qtbot, editor, "cloze-1")
    editor.form.prompt_edit.selectAll()
    qtbot.keyClicks(editor.form.prompt_edit, "No blank any more")
    assert "exactly one blank" in editor.form.problem_labels["prompt"].text()
    before = bank_path.read_text()
    _click(qtbot, editor, "save")
    assert asked == ["Save a bank with errors?"]
    assert bank_path.read_text() == before


def test_file_menu_opens_the_editor(
    qtbot: QtBot, store: object, now: object, bank_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tradequiz.ui.editor import actions
    from tradequiz.ui.main_window import MainWindow

    # Not handed to qtbot: the test deletes it itself (see the end).
    window = MainWindow(store, lambda: now)  # type: ignore[arg-type, return-value]
    monkeypatch.setattr(actions, "choose_bank", lambda parent: bank_path)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    by_label = {a.text(): a for a in file_menu.actions()}
    assert {"&Edit question bank…", "E&xport bank…", "&Import bank…"} <= set(by_label)
    by_label["&Edit question bank…"].trigger()
    editors = window.findChildren(EditorWindow)
    assert len(editors) == 1 and editors[0].bank.id == "every-kind"
    editors[0].close()
    # Delete the main window now: a second live MainWindow would share its shortcuts.
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
