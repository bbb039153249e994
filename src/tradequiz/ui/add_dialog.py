"""File → Add document… and Add bank…: the job runs in a worker; this dialog shows its progress.

While the worker runs, the dialog shows the step and a progress bar and
offers Cancel (the window keeps repainting and answering: nothing blocks the
GUI thread).  When it is done it shows what was made: questions per section
and kind, and rejected ones per reason; then "Review questions…" and
"Study now".
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tradequiz.bank.model import KIND_LABELS, SHORT_KIND_LABELS
from tradequiz.humanize import plural
from tradequiz.library import AddedBank, AddedDocument, CancelToken, add_bank_file, add_document
from tradequiz.library.steps import Report
from tradequiz.library.summary import BankSummary
from tradequiz.paths import DataPaths
from tradequiz.store.opening import Store
from tradequiz.ui.bank_review_dialog import BankReviewDialog
from tradequiz.ui.library_worker import Job, LibraryWorker
from tradequiz.ui.question_views.base import wrapping_label

JobKind = Literal["document", "bank"]


def summary_table(summary: BankSummary, parent: QWidget) -> QTableWidget:
    """Sections down, question kinds across, totals at the right and bottom."""
    kinds = list(summary.kinds)
    table = QTableWidget(len(summary.sections) + 1, len(kinds) + 1, parent)
    table.setHorizontalHeaderLabels([SHORT_KIND_LABELS.get(k, k) for k in kinds] + ["Total"])
    for c, kind in enumerate(kinds):
        header_item = table.horizontalHeaderItem(c)
        if header_item is not None:
            header_item.setToolTip(KIND_LABELS.get(kind, kind))
    table.setVerticalHeaderLabels([title for _s, title in summary.sections] + ["Total"])
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.setAccessibleName("Questions per section and kind")

    def put(row: int, col: int, value: int) -> None:
        item = QTableWidgetItem(str(value))
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(row, col, item)

    for r, (sid, _title) in enumerate(summary.sections):
        for c, kind in enumerate(kinds):
            put(r, c, summary.counts.get((sid, kind), 0))
        put(r, len(kinds), summary.section_total(sid))
    for c, kind in enumerate(kinds):
        put(len(summary.sections), c, summary.kind_total(kind))
    put(len(summary.sections), len(kinds), summary.total)
    # Columns as wide as their headings need; the table scrolls rather than clip them.
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    return table


class AddDialog(QDialog):
    """Adds one document or bank file to the open profile, in a worker thread."""

    library_changed = Signal()
    study_requested = Signal(int)  # document id
    open_requested = Signal(int)  # document id
    edit_requested = Signal(int)  # document id: open its bank in the editor

    def __init__(self, store: Store, paths: DataPaths, now: datetime, file: Path,
                 kind: JobKind, parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.file = file
        self.kind = kind
        self.document_id: int | None = None
        self.working = False
        self.setWindowTitle("Add document" if kind == "document" else "Add bank")
        self.setMinimumWidth(520)
        self.resize(600, 190)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.heading = wrapping_label(f"Adding “{file.name}”", "sectionTitle")
        self.step_label = wrapping_label("Starting…", "muted")
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Progress")
        self.progress.setTextVisible(False)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.result_label = wrapping_label("", "")
        self.result_label.hide()
        layout.addWidget(self.heading)
        layout.addWidget(self.step_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        self.table: QTableWidget | None = None
        self.table_slot = QVBoxLayout()
        layout.addLayout(self.table_slot)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.review_button = QPushButton("Review questions…", self)
        self.review_button.setToolTip("Look through the questions before you study them")
        self.review_button.clicked.connect(self._review)
        self.study_button = QPushButton("Study now", self)
        self.study_button.setObjectName("primary")
        self.study_button.clicked.connect(self._study)
        self.close_button = QPushButton("Cancel", self)
        self.close_button.clicked.connect(self._close_clicked)
        for button in (self.review_button, self.study_button, self.close_button):
            button.setAutoDefault(False)
        for button in (self.review_button, self.study_button):
            button.hide()
            buttons.addWidget(button)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self.worker = LibraryWorker(paths, now, self._job(paths, now))
        self.worker.progressed.connect(self._progressed)
        self.worker.succeeded.connect(self._succeeded)
        self.worker.failed.connect(self._failed)
        self.worker.cancelled.connect(self._cancelled)

    def _job(self, paths: DataPaths, now: datetime) -> Job:
        file, kind = self.file, self.kind

        def job(store: Store, report: Report, token: CancelToken) -> AddedDocument | AddedBank:
            if kind == "bank":
                return add_bank_file(store, paths, file, now, report=report, cancel=token)
            return add_document(store, paths, file, now, report=report, cancel=token)

        return job

    def start(self) -> None:
        """Show the dialog (window-modal) and start the work."""
        self.working = True
        self.open()
        self.worker.start_job()

    # --- worker signals ---------------------------------------------------------------------

    def _progressed(self, step: int, total: int, label: str, cancellable: bool = True) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(step - 1)
        self.step_label.setText(f"Step {step} of {total}: {label}…")
        # From the commit on, Cancel could not undo anything: it is not offered.
        self.close_button.setEnabled(cancellable)

    def _finish(self) -> None:
        self.working = False
        self.close_button.setEnabled(True)
        self.close_button.setText("Close")

    def _succeeded(self, result: AddedDocument | AddedBank) -> None:
        self._finish()
        self.progress.setValue(self.progress.maximum())
        self.document_id = result.document_id
        self.result_label.show()
        self.study_button.show()
        if isinstance(result, AddedDocument) and result.duplicate:
            self.heading.setText(f"“{result.title}” is already in your library")
            self.step_label.setText(
                f"{self.file.name} has the same text as a document you added before; "
                "it was not added twice."
            )
            self.result_label.hide()
            self.study_button.setText("Open it")
            return
        self.library_changed.emit()
        summary = result.summary
        assert summary is not None
        if isinstance(result, AddedBank):
            self.heading.setText(self._bank_heading(result))
        else:
            self.heading.setText(f"Added “{result.title}”")
        self.step_label.setText(
            f"{plural(summary.total, 'question')} in {plural(len(summary.sections), 'section')}."
        )
        rejected = "; ".join(f"{n} {reason}" for reason, n in sorted(summary.rejected.items()))
        lines = [f"Rejected by the quality checks: {rejected}."] if rejected else []
        if isinstance(result, AddedBank) and result.left_out:
            lines.append(self._left_out(result.left_out))
        self.result_label.setText("\n".join(lines))
        self.result_label.setVisible(bool(lines))
        self.table = summary_table(summary, self)
        self.table_slot.addWidget(self.table)
        self.review_button.show()
        self.study_button.setDefault(True)
        self.resize(max(self.width(), 640), max(self.height(), 440))

    @staticmethod
    def _left_out(notes: tuple[str, ...], shown: int = 3) -> str:
        """What the file held that TradeQuiz could not take, a few lines of it."""
        more = f"\n… and {len(notes) - shown} more" if len(notes) > shown else ""
        return "Not imported:\n" + "\n".join(f"• {n}" for n in notes[:shown]) + more

    @staticmethod
    def _bank_heading(result: AddedBank) -> str:
        i = result.imported
        if result.up_to_date:
            return f"“{result.title}” (version {result.version}) is already in your library"
        if result.previous_version is None:
            return f"Added “{result.title}” (version {result.version})"
        return (
            f"Updated “{result.title}” from version {result.previous_version} to "
            f"{result.version}: {i.added} added, {i.updated} changed, {i.orphaned} retired — "
            "your progress is kept"
        )

    def _failed(self, message: str, details: str) -> None:
        self._finish()
        self.heading.setText(f"“{self.file.name}” could not be added")
        self.step_label.setText(message)
        self.step_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if details:
            self.result_label.setText(details)
            self.result_label.show()
        self.progress.hide()

    def _cancelled(self) -> None:
        self._finish()

    # --- buttons ----------------------------------------------------------------------------

    def _close_clicked(self) -> None:
        if self.working:
            self.worker.cancel()
        self.reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.working:
            self.worker.cancel()
        super().closeEvent(event)

    def _review(self) -> None:
        if self.document_id is None:
            return
        review = BankReviewDialog(self.store, self.document_id, self)
        outcome = review.exec()
        if outcome == BankReviewDialog.STUDY:
            self._study()
        elif outcome == BankReviewDialog.EDIT:
            self.edit_requested.emit(self.document_id)

    def _study(self) -> None:
        if self.document_id is None:
            return
        document_id = self.document_id
        self.accept()
        if self.study_button.text() == "Open it":
            self.open_requested.emit(document_id)
        else:
            self.study_requested.emit(document_id)
