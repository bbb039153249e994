"""One document on the home page: its sections with progress, what is due, Read and Study."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
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
from tradequiz.progress import SectionProgress
from tradequiz.store.cards import QueueCounts
from tradequiz.ui.progress_strip import ProgressStrip
from tradequiz.ui.question_views.base import wrapping_label


def counts_text(due: int, new: int, waiting: int = 0) -> str:
    """What studying now would bring; ``waiting``: new ones beyond today's limit."""
    text = f"{due} due today · {new} new"
    if waiting > new:
        text += f" ({waiting - new} more after today's limit)"
    return text


class SectionRow(QFrame):
    """A section: title, progress bar, due and new today, Read and Study."""

    study = Signal(int)
    read = Signal(int)

    def __init__(
        self,
        progress: SectionProgress,
        counts: QueueCounts,
        parent: QWidget,
        new_left: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sectionRow")
        self.section_id = progress.section_id
        # Keep the height the content needs: a short window scrolls the list instead.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QGridLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setHorizontalSpacing(12)
        layout.setVerticalSpacing(6)
        title = wrapping_label(progress.title, "sectionTitle")
        due = counts.review + counts.learning
        # New questions are limited per day across everything, not per section.
        new_today = counts.new if new_left is None else min(counts.new, new_left)
        self.counts_label = QLabel(counts_text(due, new_today, counts.new), self)
        self.counts_label.setObjectName("muted")
        self.strip = ProgressStrip(self)
        # In progress = started but not mastered yet (FSRS learning and young reviews).
        learning = progress.total - progress.new - progress.mastered
        self.strip.set_counts(progress.new, learning, progress.mastered)
        self.progress_label = QLabel(
            f"{progress.mastered} mastered · {learning} in progress · {progress.new} not started"
            if progress.total
            else "No questions in this section",
            self,
        )
        self.progress_label.setObjectName("muted")
        self.read_button = QPushButton("Read", self)
        self.read_button.setAccessibleName(f"Read {progress.title}")
        self.read_button.setToolTip("Read the section, then study it")
        self.read_button.clicked.connect(lambda: self.read.emit(self.section_id))
        self.button = QPushButton("Study", self)
        self.button.setAccessibleName(f"Study {progress.title}")
        self.button.setEnabled(counts.total > 0)
        if counts.total == 0:
            self.button.setToolTip("Nothing due in this section today")
        elif due + new_today == 0:
            self.button.setToolTip("Today's new questions are done; you can still learn more")
        self.button.clicked.connect(lambda: self.study.emit(self.section_id))
        layout.addWidget(title, 0, 0, 1, 2)
        layout.addWidget(self.strip, 1, 0, 1, 2)
        layout.addWidget(self.progress_label, 2, 0)
        layout.addWidget(self.counts_label, 2, 1, Qt.AlignmentFlag.AlignRight)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.read_button)
        buttons.addWidget(self.button)
        layout.addLayout(buttons, 0, 2, 3, 1, Qt.AlignmentFlag.AlignVCenter)
        layout.setColumnStretch(0, 1)


class DocumentView(QWidget):
    """The sections of one document; "Study all sections" studies what is due in all of it."""

    back = Signal()
    study_all = Signal()
    study_section = Signal(int)
    read_section = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 14, 24, 18)
        outer.setSpacing(12)
        self.back_button = QPushButton("◀  Library", self)
        self.back_button.setToolTip("All your documents")
        self.back_button.clicked.connect(self.back.emit)
        outer.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.title = wrapping_label("", "pageTitle")
        self.subtitle = wrapping_label("", "pageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        header.addLayout(titles, 1)
        self.study_all_button = QPushButton("Study all sections", self)
        self.study_all_button.setObjectName("primary")
        self.study_all_button.clicked.connect(self.study_all.emit)
        header.addWidget(self.study_all_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)
        self.strip = ProgressStrip(self)
        outer.addWidget(self.strip)
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

    def show_document(
        self,
        title: str,
        sections: list[SectionProgress],
        per_section: dict[int, QueueCounts],
        today: QueueCounts,
    ) -> None:
        self.title.setText(title)
        due = today.review + today.learning
        total = sum(p.total for p in sections)
        mastered = sum(p.mastered for p in sections)
        new = sum(p.new for p in sections)
        share = f"{mastered / total:.0%}" if total else "0%"
        self.subtitle.setText(
            f"{plural(len(sections), 'section')} · {plural(total, 'question')} · "
            f"{share} mastered · {plural(due, 'question')} due today"
        )
        self.strip.set_counts(new, total - new - mastered, mastered)
        self.study_all_button.setText(f"Study all sections  ({due} due · {today.new} new)")
        self.study_all_button.setEnabled(today.total > 0)
        for row in self.rows:
            self.list_layout.removeWidget(row)
            row.deleteLater()
        self.rows = []
        while self.list_layout.count():
            self.list_layout.takeAt(0)
        for progress in sections:
            counts = per_section.get(progress.section_id, QueueCounts(0, 0, 0))
            row = SectionRow(progress, counts, self.list, today.new)
            row.study.connect(self.study_section.emit)
            row.read.connect(self.read_section.emit)
            self.list_layout.addWidget(row)
            self.rows.append(row)
        self.list_layout.addStretch(1)
        # QScrollArea re-measures its widget on resize only; new rows need it now.
        QCoreApplication.postEvent(self.scroll_area, QEvent(QEvent.Type.LayoutRequest))
