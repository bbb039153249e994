"""Cloze and short answer: type the answer, Enter to check."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QWidget

from tradequiz.bank.model import BLANK, Question
from tradequiz.study.session import Feedback
from tradequiz.ui.question_views.base import QuestionView


class AnswerEdit(QLineEdit):
    """A line edit that keeps the Enter it used.

    QLineEdit passes Enter on to its parents after ``returnPressed``; here that
    would reach the study page as "confirm the rating" for the answer just given.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        super().keyPressEvent(event)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()


class TypedView(QuestionView):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        row = QHBoxLayout()
        self.edit = AnswerEdit(self)
        self.edit.setObjectName("typed")
        self.edit.setPlaceholderText("Type your answer and press Enter")
        self.edit.setAccessibleName("Your answer")
        self.edit.returnPressed.connect(self._check)
        self.check_button = QPushButton("Check", self)
        self.check_button.setObjectName("primary")
        self.check_button.clicked.connect(self._check)
        row.addWidget(self.edit, 1)
        row.addWidget(self.check_button)
        self.layout_.addLayout(row)

    def prompt_text(self) -> str:
        if self.question.kind == "cloze":
            return self.question.prompt.replace(BLANK, "_______")
        return self.question.prompt

    def _check(self) -> None:
        if self.edit.text().strip():
            self.submit(self.edit.text())

    def show_result(self, feedback: Feedback) -> None:
        super().show_result(feedback)
        self.edit.setReadOnly(True)
        self.check_button.setEnabled(False)

    def focus_input(self) -> None:
        self.edit.setFocus()
