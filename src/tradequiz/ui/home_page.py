"""Home: the document's sections with what is due and new, and "Study"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from tradequiz.humanize import plural
from tradequiz.store import cards, library
from tradequiz.store.cards import QueueCounts, Scope
from tradequiz.store.opening import Store
from tradequiz.ui.question_views.base import wrapping_label

Clock = Callable[[], datetime]


class SectionRow(QFrame):
    study = Signal(int)

    def __init__(self, section: library.SectionRow, counts: QueueCounts, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("sectionRow")
        self.section_id = section.id
        layout = QGridLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        title = wrapping_label(section.title, "sectionTitle")
        due = counts.review + counts.learning
        self.counts_label = QLabel(f"{due} due · {counts.new} new", self)
        self.counts_label.setObjectName("muted")
        self.button = QPushButton("Study", self)
        self.button.setAccessibleName(f"Study {section.title}")
        self.button.setEnabled(counts.total > 0)
        if counts.total == 0:
            self.button.setToolTip("Nothing due in this section today")
        self.button.clicked.connect(lambda: self.study.emit(self.section_id))
        layout.addWidget(title, 0, 0)
        layout.addWidget(self.counts_label, 1, 0)
        layout.addWidget(self.button, 0, 1, 2, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.setColumnStretch(0, 1)


class HomePage(QWidget):
    study_all = Signal(int)  # document id
    study_section = Signal(int)  # section id

    def __init__(self, store: Store, clock: Clock, day_end: Callable[[], int],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.day_end = day_end
        self.document_id: int | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(12)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = wrapping_label("", "pageTitle")
        self.subtitle = wrapping_label("", "pageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        self.study_all_button = QPushButton("Study all", self)
        self.study_all_button.setObjectName("primary")
        self.study_all_button.clicked.connect(self._study_all)
        header.addWidget(self.study_all_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.list = QWidget()
        self.list_layout = QVBoxLayout(self.list)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(8)
        self.scroll_area.setWidget(self.list)
        outer.addWidget(self.scroll_area, 1)
        self.rows: list[SectionRow] = []

    def show_document(self, document_id: int) -> None:
        self.document_id = document_id
        self.refresh()

    def refresh(self) -> None:
        if self.document_id is None:
            return
        db = self.store.db
        doc = next(d for d in library.documents(db) if d.id == self.document_id)
        now = int(self.clock().timestamp())
        per_section = cards.section_queue_counts(db, doc.id, now, self.day_end())
        total = cards.queue_counts(db, Scope(document_id=doc.id), now, self.day_end())
        self.title.setText(doc.title)
        due = total.review + total.learning
        self.subtitle.setText(f"{plural(due, 'question')} due today · {total.new} new to learn")
        self.study_all_button.setText(f"Study all  ({due} due)")
        self.study_all_button.setEnabled(total.total > 0)
        for row in self.rows:
            self.list_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        while self.list_layout.count():
            self.list_layout.takeAt(0)
        for section in library.sections(db, doc.id):
            counts = per_section.get(section.id, QueueCounts(0, 0, 0))
            row = SectionRow(section, counts, self.list)
            row.study.connect(self.study_section.emit)
            self.list_layout.addWidget(row)
            self.rows.append(row)
        self.list_layout.addStretch(1)

    def _study_all(self) -> None:
        if self.document_id is not None:
            self.study_all.emit(self.document_id)
