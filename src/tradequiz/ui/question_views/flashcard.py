"""Flashcard: think of the answer, Space to reveal, then rate yourself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QWidget

from tradequiz.bank.model import Question
from tradequiz.study.session import Feedback
from tradequiz.ui.question_views.base import QuestionView, wrapping_label


class FlashcardView(QuestionView):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.reveal_button = QPushButton("Show answer   (Space)", self)
        self.reveal_button.setObjectName("primary")
        self.reveal_button.clicked.connect(lambda: self.submit(None))
        self.layout_.addWidget(self.reveal_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.back = wrapping_label("", "answer", selectable=True)
        self.back.setAccessibleName("Answer")
        self.back.hide()
        self.layout_.addWidget(self.back)

    def prompt_text(self) -> str:
        return self.question.prompt.replace("____", "_______")

    def handle_key(self, event: QKeyEvent) -> bool:
        if not self.locked and event.key() in (
            Qt.Key.Key_Space,
            Qt.Key.Key_Return,
            Qt.Key.Key_Enter,
        ):
            self.submit(None)
            return True
        return False

    def show_result(self, feedback: Feedback) -> None:
        super().show_result(feedback)
        self.reveal_button.hide()
        self.back.setText(self.question.answer_text())
        self.back.show()

    def focus_input(self) -> None:
        self.reveal_button.setFocus()
