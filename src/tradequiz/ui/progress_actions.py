"""The main window's progress entries: the Progress page, File → Export progress…, and
practising the weakest questions.  Kept here so main_window.py only wires it in."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QWidget

from tradequiz.progress.export_files import ExportOptions, export_progress
from tradequiz.progress.practice import PracticeSession
from tradequiz.scheduling.study_day import study_day
from tradequiz.store import library
from tradequiz.ui import messages

if TYPE_CHECKING:
    from tradequiz.ui.main_window import MainWindow

FILTERS = {
    "PDF report (*.pdf)": "pdf",
    "CSV table (*.csv)": "csv",
    "JSON for instructors (*.json)": "json",
}


def ask_export_path(parent: QWidget, suggested: Path) -> tuple[ExportOptions | None, bool]:
    """Ask where to save and in which format (by the chosen filter or the file's suffix)."""
    path, chosen = QFileDialog.getSaveFileName(
        parent, "Export progress", str(suggested), ";;".join(FILTERS)
    )
    if not path:
        return None, False
    target = Path(path)
    fmt = target.suffix.lower().lstrip(".")
    if fmt not in FILTERS.values():
        fmt = FILTERS.get(chosen, "pdf")
        target = target.with_suffix(f".{fmt}")
    return ExportOptions(fmt, target, review_log=fmt == "csv"), True


class ProgressActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.ask_path = ask_export_path  # tests replace this
        self.last_export_seconds: float | None = None
        page = window.progress_page
        page.leave.connect(window.show_home)
        page.practise.connect(self.practise)
        page.export_requested.connect(self.export)
        self.show_action = QAction("&Progress", window)
        self.show_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.show_action.setToolTip("Your progress per section, charts and weakest questions")
        self.show_action.triggered.connect(self.show_progress)
        self.export_action = QAction("&Export progress…", window)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.export)

    def add_to_menus(self) -> None:
        """Progress at the top of the Study menu; Export progress… at the top of File."""
        menus = {m.title().replace("&", ""): m for m in self.window.menuBar().findChildren(QMenu)}
        for name, action in (("File", self.export_action), ("Study", self.show_action)):
            menu = menus.get(name)
            if menu is None:
                continue
            if not menu.actions():
                menu.addAction(action)
                continue
            first = menu.actions()[0]
            menu.insertAction(first, action)
            menu.insertSeparator(first)

    def current_document(self) -> int | None:
        return self.window.progress_page.document_id or self.window.home.document_id

    def show_progress(self) -> None:
        document_id = self.current_document()
        if document_id is None:
            messages.info(self.window, "Progress", "There is no document to show progress for.")
            return
        page = self.window.progress_page
        page.show_document(document_id)
        self.window.pages.setCurrentWidget(page)

    def practise(self, question_ids: list[int]) -> None:
        window = self.window
        day = study_day(window.clock(), window.rollover_hour)
        session = PracticeSession(window.store, question_ids, day)
        window.begin_session(session, f"Practising {len(question_ids)} weakest questions")

    def export(self) -> None:
        window = self.window
        document_id = self.current_document()
        if document_id is None:
            messages.info(window, "Export progress", "There is no document to export.")
            return
        now = window.clock()
        bank = next(d for d in _documents(window) if d.id == document_id)
        suggested = Path.home() / f"{bank.bank_id}-progress-{now:%Y-%m-%d}.pdf"
        options, ok = self.ask_path(window, suggested)
        if not ok or options is None:
            return
        # Measured: well under a second for banks of a few thousand questions, so it runs
        # here with a busy cursor rather than in a worker (see docs/progress-format.md).
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        started = time.perf_counter()
        try:
            written = export_progress(
                window.store.db, document_id, now, window.progress_page.calendar(), options
            )
        except OSError as exc:
            QApplication.restoreOverrideCursor()
            messages.error(window, "Export progress", f"Could not write {options.path}.",
                           exc.strerror or str(exc))  # fmt: skip
            return
        self.last_export_seconds = time.perf_counter() - started
        QApplication.restoreOverrideCursor()
        messages.info(window, "Export progress", "Saved:\n" + "\n".join(map(str, written)))


def _documents(window: MainWindow) -> list[library.DocumentRow]:
    return library.documents(window.store.db)
