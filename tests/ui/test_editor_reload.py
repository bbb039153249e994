"""An instructor's saved edit reaches the learner's questions at once, history kept."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QToolBar
from pytestqt.qtbot import QtBot

from tests.bank.samples import SOURCE, every_kind
from tradequiz.bank.yaml_io import save_bank
from tradequiz.scheduling import Rating, study_day
from tradequiz.shipped import load_bank_file
from tradequiz.store import library
from tradequiz.store.cards import Scope
from tradequiz.store.opening import Store
from tradequiz.study.session import StudySession
from tradequiz.ui.bank_review_dialog import BankReviewDialog
from tradequiz.ui.main_window import MainWindow


def _bank(tmp_path: Path) -> Path:
    shutil.copy(SOURCE, tmp_path / "japan-us-trade.txt")
    path = tmp_path / "every-kind.yaml"
    save_bank(every_kind(), path)
    return path


def test_saving_in_the_editor_reloads_the_bank_keeping_history(
    qtbot: QtBot, empty_store: Store, now: datetime, tmp_path: Path
) -> None:
    path = _bank(tmp_path)
    document_id = load_bank_file(empty_store, path, now).summary.document_id
    qpk = library.question_pk(empty_store.db, document_id, "tf-1")
    assert qpk is not None
    session = StudySession(empty_store, Scope(question_ids=(qpk,)), study_day(now))
    session.start(now)
    session.answer(None, now)
    session.grade(Rating.GOOD, now)
    # Not handed to qtbot: deleted at the end, so no later test meets a second main window.
    window = MainWindow(empty_store, lambda: now)
    editor = window.edit_bank_file(path)
    assert editor is not None
    editor.clear_filters()
    row = editor.model.row_of("tf-1")
    index = editor.proxy.mapFromSource(editor.model.index(row, 3))
    rect = editor.table.visualRect(index)
    qtbot.mouseClick(editor.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor.form.prompt_edit.setFocus()
    editor.form.prompt_edit.selectAll()
    reworded = "According to the article, the framework began in the 1980s."
    qtbot.keyClicks(editor.form.prompt_edit, reworded)
    toolbar = editor.findChild(QToolBar, "editorToolbar")
    assert toolbar is not None
    save = toolbar.widgetForAction(editor.actions_["save"])
    assert save is not None
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    stored = library.stored_question(empty_store.db, qpk)
    assert stored.question.prompt == reworded
    assert (
        empty_store.db.execute(
            "SELECT count(*) FROM reviews WHERE question_id = ?", [qpk]
        ).fetchone()[0]
        == 1
    )
    assert window.statusBar().currentMessage().startswith("Bank reloaded: 0 added, 1 changed")
    editor.close()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_review_dialog_offers_the_editor(qtbot: QtBot, empty_store: Store, now: datetime,
                                         tmp_path: Path) -> None:  # fmt: skip
    document_id = load_bank_file(empty_store, _bank(tmp_path), now).summary.document_id
    dialog = BankReviewDialog(empty_store, document_id)
    qtbot.addWidget(dialog)
    assert dialog.edit_button.isEnabled()
    dialog.edit_button.click()
    assert dialog.result() == BankReviewDialog.EDIT
