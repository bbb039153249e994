"""Look through a document's questions before studying them.

This is the plain list shown until the bank editor (the instructor view) is
in the app: section, kind, status, question and answer for each question.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tradequiz.bank.model import KIND_LABELS
from tradequiz.humanize import plural
from tradequiz.store import documents
from tradequiz.store.opening import Store

COLUMNS = ("Section", "Kind", "Status", "Question", "Answer")


class BankReviewDialog(QDialog):
    """Every question of one document, read-only; "Study now" closes with ``STUDY``."""

    STUDY = 2
    EDIT = 3

    def __init__(self, store: Store, document_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        known = documents.by_id(store.db, document_id)
        title = known.title if known else "Questions"
        self.setWindowTitle(f"Questions — {title}")
        self.resize(900, 560)
        rows = documents.questions_of(store.db, document_id)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{plural(len(rows), 'question')} in “{title}”", self))
        self.table = QTableWidget(len(rows), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Questions")
        for r, (_pk, section, q) in enumerate(rows):
            cells = (section, KIND_LABELS.get(q.kind, q.kind), q.status, q.prompt, q.answer_text())
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        header = self.table.horizontalHeader()
        for c in range(3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(4, 220)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.study_button = QPushButton("Study now", self)
        self.study_button.setObjectName("primary")
        buttons.addButton(self.study_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.study_button.clicked.connect(lambda: self.done(self.STUDY))
        self.edit_button = QPushButton("Edit questions…", self)
        self.edit_button.setToolTip("Open the bank editor: reword, approve or reject questions")
        self.edit_button.setEnabled(bool(known and known.bank_path))
        buttons.addButton(self.edit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.edit_button.clicked.connect(lambda: self.done(self.EDIT))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
