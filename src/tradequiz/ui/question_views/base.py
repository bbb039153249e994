"""A question view shows one question and emits the learner's response.

Views are passive: they never check answers or touch the database.  The
study page forwards ``answered(response)`` to the session and calls
``show_result`` with what the session decided.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from tradequiz.bank.model import KIND_LABELS, Question
from tradequiz.study.session import Feedback


def wrapping_label(text: str, name: str = "", selectable: bool = False) -> QLabel:
    """A label for learner-facing text: plain text only (never HTML), wrapped."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if name:
        label.setObjectName(name)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class QuestionView(QWidget):
    answered = Signal(object)
    # True when the view itself shows the right answer after checking (item by item).
    shows_answer = False

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.locked = False
        # Focusable itself, so a question can hold the keyboard without an option selected.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setSpacing(12)
        self.kind_label = wrapping_label(KIND_LABELS.get(question.kind, question.kind), "kindLabel")
        self.layout_.addWidget(self.kind_label)
        self.prompt_label = wrapping_label(self.prompt_text(), "prompt", selectable=True)
        self.prompt_label.setAccessibleName("Question")
        self.layout_.addWidget(self.prompt_label)

    def prompt_text(self) -> str:
        return self.question.prompt

    def submit(self, response: object) -> None:
        if not self.locked:
            self.locked = True
            self.answered.emit(response)

    def handle_key(self, event: QKeyEvent) -> bool:
        """Handle a key while the question waits for an answer; True when used."""
        return False

    def show_result(self, feedback: Feedback) -> None:
        """Mark the response right or wrong in place."""
        self.locked = True

    def focus_input(self) -> None:
        self.setFocus()
