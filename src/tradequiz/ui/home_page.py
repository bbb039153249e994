"""Home: the library of documents, or one document's sections, with what is due and "Study".

The library lists every document (title, sections, due today, mastery) and
studies across all of them; a document shows its sections with progress
bars, Read and Study.  Documents dropped on the page are handed on through
``files_dropped``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from tradequiz.library import library_overview
from tradequiz.progress import section_progress
from tradequiz.store import cards, library
from tradequiz.store.cards import QueueCounts, Scope
from tradequiz.store.opening import Store
from tradequiz.ui.document_view import DocumentView, SectionRow
from tradequiz.ui.library_view import LibraryView

Clock = Callable[[], datetime]
CountsFor = Callable[[Scope], QueueCounts]

__all__ = ["HomePage", "SectionRow"]


class HomePage(QWidget):
    study_all = Signal(int)  # document id
    study_section = Signal(int)  # section id
    study_everything = Signal()  # every document
    read_section = Signal(int)  # section id
    add_document = Signal()
    files_dropped = Signal(list)  # list[Path]
    undo_requested = Signal()
    remove_requested = Signal(int)  # document id

    def __init__(self, store: Store, clock: Clock, day_end: Callable[[], int],
                 parent: QWidget | None = None, counts_for: CountsFor | None = None,
                 profile: str = "") -> None:  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.day_end = day_end
        self.profile = profile
        self.counts_for = counts_for or self._raw_counts
        self.document_id: int | None = None
        self.setAcceptDrops(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)
        self.library_view = LibraryView(self)
        self.document_view = DocumentView(self)
        self.stack.addWidget(self.library_view)
        self.stack.addWidget(self.document_view)
        self.library_view.open_document.connect(self.show_document)
        self.library_view.study_document.connect(self.study_all.emit)
        self.library_view.study_everything.connect(self.study_everything.emit)
        self.library_view.add_document.connect(self.add_document.emit)
        self.library_view.undo_requested.connect(self.undo_requested.emit)
        self.library_view.remove_document.connect(self.remove_requested.emit)
        self.document_view.back.connect(self.show_library)
        self.document_view.study_all.connect(self._study_all)
        self.document_view.study_section.connect(self.study_section.emit)
        self.document_view.read_section.connect(self.read_section.emit)

    # The document view's widgets, under the names the rest of the app uses.
    @property
    def title(self) -> QLabel:
        return self.document_view.title

    @property
    def rows(self) -> list[SectionRow]:
        return self.document_view.rows

    @property
    def study_all_button(self) -> QPushButton:
        return self.document_view.study_all_button

    def _raw_counts(self, scope: Scope) -> QueueCounts:
        now = int(self.clock().timestamp())
        return cards.queue_counts(self.store.db, scope, now, self.day_end())

    def show_start(self, preferred: int | None = None) -> None:
        """Open ``preferred`` if it still exists, the only document, or else the library."""
        ids = [d.id for d in library.documents(self.store.db)]
        if preferred is not None and preferred in ids:
            self.show_document(preferred)
        elif len(ids) == 1:
            self.show_document(ids[0])
        else:
            self.show_library()

    def show_library(self) -> None:
        self.document_id = None
        self.stack.setCurrentWidget(self.library_view)
        self.refresh()

    def show_document(self, document_id: int) -> None:
        self.document_id = document_id
        self.library_view.hide_notice()
        self.stack.setCurrentWidget(self.document_view)
        self.refresh()

    def showing_library(self) -> bool:
        return self.stack.currentWidget() is self.library_view

    def refresh(self) -> None:
        db = self.store.db
        now = int(self.clock().timestamp())
        day_end = self.day_end()
        if self.document_id is not None:
            doc = next((d for d in library.documents(db) if d.id == self.document_id), None)
            if doc is None:  # removed meanwhile
                self.show_library()
                return
            self.document_view.show_document(
                doc.title,
                section_progress(db, doc.id, now, day_end),
                cards.section_queue_counts(db, doc.id, now, day_end),
                self.counts_for(Scope(document_id=doc.id)),
            )
            return
        docs = library_overview(db, now, day_end)
        self.library_view.show_library(self.profile, docs, self.counts_for(Scope()))

    def _study_all(self) -> None:
        if self.document_id is not None:
            self.study_all.emit(self.document_id)

    # --- drag and drop ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files_dropped.emit(paths)
