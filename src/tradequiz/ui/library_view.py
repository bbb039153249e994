"""The library on the home page: every document with what is due and how much is mastered."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from tradequiz.humanize import plural
from tradequiz.library import DocumentSummary
from tradequiz.store.cards import QueueCounts
from tradequiz.ui.progress_strip import ProgressStrip
from tradequiz.ui.question_views.base import wrapping_label


class DocumentCard(QFrame):
    """One document: title, sections and questions, progress, due today; Open and Study."""

    open = Signal(int)
    study = Signal(int)
    remove = Signal(int)

    def __init__(self, doc: DocumentSummary, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("sectionRow")
        self.document_id = doc.id
        # Keep the height the content needs: a short window scrolls the list instead.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        c = doc.counts
        layout = QGridLayout(self)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(6)
        self.title = wrapping_label(doc.title, "sectionTitle")
        details = QLabel(
            f"{plural(c.sections, 'section')} · {plural(c.total, 'question')} · "
            f"{doc.mastery:.0%} mastered",
            self,
        )
        details.setObjectName("muted")
        self.due_label = QLabel(f"{c.due_today} due today · {c.new_available} new", self)
        self.due_label.setObjectName("muted")
        self.strip = ProgressStrip(self)
        self.strip.set_counts(c.new, c.total - c.new - c.mastered, c.mastered)
        self.open_button = QPushButton("Open", self)
        self.open_button.setAccessibleName(f"Open {doc.title}")
        self.open_button.setToolTip("Its sections, progress and reading")
        self.open_button.clicked.connect(lambda: self.open.emit(self.document_id))
        self.study_button = QPushButton("Study", self)
        self.study_button.setAccessibleName(f"Study {doc.title}")
        self.study_button.setEnabled(c.due_today + c.new_available > 0)
        self.study_button.clicked.connect(lambda: self.study.emit(self.document_id))
        layout.addWidget(self.title, 0, 0, 1, 2)
        layout.addWidget(self.strip, 1, 0, 1, 2)
        layout.addWidget(details, 2, 0)
        layout.addWidget(self.due_label, 2, 1, Qt.AlignmentFlag.AlignRight)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.study_button)
        layout.addLayout(buttons, 0, 2, 3, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.setColumnStretch(0, 1)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for text, signal in (("Open", self.open), ("Study", self.study), ("Remove…", self.remove)):
            action = QAction(text, self)
            action.triggered.connect(lambda _c=False, s=signal: s.emit(self.document_id))
            self.addAction(action)

    def mouseDoubleClickEvent(self, event: object) -> None:
        self.open.emit(self.document_id)


class LibraryView(QWidget):
    """All documents; "Study all documents" studies what is due across every one of them."""

    open_document = Signal(int)
    study_document = Signal(int)
    remove_document = Signal(int)
    study_everything = Signal()
    add_document = Signal()
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(12)
        # A note after removing a document, with its Undo button.
        self.notice = QFrame(self)
        self.notice.setObjectName("notice")
        notice_layout = QHBoxLayout(self.notice)
        notice_layout.setContentsMargins(12, 6, 8, 6)
        self.notice_label = QLabel(self.notice)
        self.undo_button = QPushButton("Undo", self.notice)
        self.undo_button.clicked.connect(self.undo_requested.emit)
        notice_layout.addWidget(self.notice_label, 1)
        notice_layout.addWidget(self.undo_button)
        self.notice.hide()
        outer.addWidget(self.notice)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = wrapping_label("Your library", "pageTitle")
        self.subtitle = wrapping_label("", "pageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        self.add_button = QPushButton("Add document…", self)
        self.add_button.setToolTip("Make questions from a .txt or .md document (or drop one here)")
        self.add_button.clicked.connect(self.add_document.emit)
        self.study_all_button = QPushButton("Study all documents", self)
        self.study_all_button.setObjectName("primary")
        self.study_all_button.setToolTip("Study what is due in every document")
        self.study_all_button.clicked.connect(self.study_everything.emit)
        header.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignTop)
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
        self.empty = wrapping_label(
            "No documents yet. Add a .txt or .md document with “Add document…”, "
            "or drop one on this window: TradeQuiz makes its questions.",
            "muted",
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        outer.insertWidget(outer.count() - 1, self.empty)
        self.cards: list[DocumentCard] = []

    def show_library(self, profile: str, docs: list[DocumentSummary], today: QueueCounts) -> None:
        due = today.review + today.learning
        self.subtitle.setText(
            f"{profile} · {plural(len(docs), 'document')} · {plural(due, 'question')} due today"
        )
        self.study_all_button.setText(f"Study all documents  ({due} due · {today.new} new)")
        self.study_all_button.setEnabled(today.total > 0)
        for card in self.cards:
            self.list_layout.removeWidget(card)
            card.deleteLater()
        self.cards = []
        while self.list_layout.count():
            self.list_layout.takeAt(0)
        self.empty.setVisible(not docs)
        for doc in docs:
            card = DocumentCard(doc, self.list)
            card.open.connect(self.open_document.emit)
            card.study.connect(self.study_document.emit)
            card.remove.connect(self.remove_document.emit)
            self.list_layout.addWidget(card)
            self.cards.append(card)
        self.list_layout.addStretch(1)
        # QScrollArea re-measures its widget on resize only; new rows need it now.
        QCoreApplication.postEvent(self.scroll_area, QEvent(QEvent.Type.LayoutRequest))

    def show_notice(self, text: str, undo: bool) -> None:
        self.notice_label.setText(text)
        self.undo_button.setVisible(undo)
        self.notice.show()

    def hide_notice(self) -> None:
        self.notice.hide()
