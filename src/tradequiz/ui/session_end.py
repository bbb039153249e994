"""The end of a session: what was done, per section, and what comes next.

When nothing is due, say so and offer more new questions or studying ahead,
so a learner with time to spare is never left at a dead end.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tradequiz.humanize import interval, minutes, plural
from tradequiz.study.session import StudySession
from tradequiz.ui.question_views.base import wrapping_label

EXTRA_NEW = 10
AHEAD_DAYS = 3


class SessionEndPanel(QWidget):
    leave = Signal()
    more_new = Signal(int)
    ahead = Signal(int)
    continue_learning = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.setSpacing(10)
        self.title = wrapping_label("", "pageTitle")
        self.text = wrapping_label("", "pageSubtitle")
        self.table = QWidget(self)
        self.grid = QGridLayout(self.table)
        self.grid.setContentsMargins(0, 6, 0, 6)
        self.grid.setHorizontalSpacing(24)
        self.next_text = wrapping_label("", "muted")
        buttons = QHBoxLayout()
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(lambda: self.more_new.emit(EXTRA_NEW))
        self.ahead_button = QPushButton(self)
        self.ahead_button.clicked.connect(lambda: self.ahead.emit(AHEAD_DAYS))
        self.continue_button = QPushButton(self)
        self.continue_button.setToolTip(
            "Questions you are learning come back after a short wait; go on without waiting"
        )
        self.continue_button.clicked.connect(self.continue_learning.emit)
        self.back_button = QPushButton("Back to the document", self)
        self.back_button.setObjectName("primary")
        self.back_button.clicked.connect(self.leave.emit)
        for button in (self.back_button, self.continue_button, self.new_button, self.ahead_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for widget in (self.title, self.text, self.table, self.next_text):
            layout.addWidget(widget)
        layout.addLayout(buttons)

    def show_for(self, session: StudySession, now: datetime) -> None:
        summary = session.summary
        if summary.answered == 0:
            self.title.setText("Nothing due right now")
            self.text.setText("You are up to date here: every question due today is done.")
        else:
            accuracy = summary.accuracy
            right = f", {accuracy:.0%} of them right" if accuracy is not None else ""
            self.title.setText("Session complete")
            self.text.setText(
                f"You answered {plural(summary.answered, 'question')}{right}, "
                f"in {minutes(summary.seconds)}."
            )
        self._fill_table(session)
        next_due = session.next_due(now)
        if next_due is None:
            self.next_text.setText("Nothing is scheduled yet in this part of the document.")
        else:
            wait = next_due - int(now.timestamp())
            when = datetime.fromtimestamp(next_due, UTC).astimezone()
            self.next_text.setText(
                f"Next review in {interval(wait)} ({when.strftime('%a %d %b, %H:%M')})."
            )
        soon = next_due is not None and next_due - int(now.timestamp()) <= (
            session.limits.learn_ahead_seconds
        )
        self.continue_button.setVisible(soon)
        self.continue_button.setText("Continue now")
        if soon and summary.answered == 0:
            self.title.setText("Back in a few minutes")
            self.text.setText("The questions you are learning come back after a short wait.")
        new = session.new_available(now)
        self.new_button.setVisible(new > 0)
        self.new_button.setText(f"Learn {min(EXTRA_NEW, new)} more new")
        self.new_button.setToolTip(f"{plural(new, 'new question')} not studied yet")
        ahead = session.due_within(AHEAD_DAYS)
        self.ahead_button.setVisible(ahead > 0)
        self.ahead_button.setText(f"Study ahead ({ahead} due in {AHEAD_DAYS} days)")
        self.back_button.setFocus()

    def _fill_table(self, session: StudySession) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        summary = session.summary
        sections = [s for s, n in summary.per_section.items() if n > 0]
        self.table.setVisible(bool(sections))
        if not sections:
            return
        for column, head in enumerate(("Section", "Answered", "Right")):
            label = QLabel(head, self.table)
            label.setObjectName("muted")
            self.grid.addWidget(label, 0, column)
        for row, section in enumerate(sections, start=1):
            answered = summary.per_section[section]
            checked = summary.per_section_checked[section]
            right = summary.per_section_correct[section]
            self.grid.addWidget(QLabel(section, self.table), row, 0)
            self.grid.addWidget(QLabel(str(answered), self.table), row, 1)
            score = f"{right}/{checked}" if checked else "self-rated"
            self.grid.addWidget(QLabel(score, self.table), row, 2)
