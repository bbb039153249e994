"""Multiple choice, debate and true/false: pick one option by click or key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from tradequiz.bank.model import Question
from tradequiz.study.session import Feedback
from tradequiz.ui.question_views.base import QuestionView


class ChoiceButton(QPushButton):
    """A push button whose text wraps (QPushButton cannot wrap on its own)."""

    def __init__(self, key_hint: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choice")
        self.setProperty("state", "")
        self.full_text = f"{key_hint}   {text}"
        self.setText(self.full_text)
        self.setAccessibleName(text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)  # type: ignore[arg-type]
        self._wrap()

    def _wrap(self) -> None:
        width = max(100, self.width() - 32)
        metrics = self.fontMetrics()
        words, lines, line = self.full_text.split(), [], ""
        for word in words:
            candidate = f"{line} {word}".strip() if line else word
            if metrics.horizontalAdvance(candidate) > width and line:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
        wrapped = "\n".join(lines)
        if wrapped != self.text():
            self.setText(wrapped)
            self.setMinimumHeight(metrics.lineSpacing() * len(lines) + 22)

    def mark(self, state: str) -> None:
        self.setProperty("state", state)
        self.style().unpolish(self)
        self.style().polish(self)


class ChoiceView(QuestionView):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.buttons: list[ChoiceButton] = []
        options: list[tuple[str, str, object]]
        if question.kind == "true_false":
            options = [("T", "True", True), ("F", "False", False)]
        else:
            options = [(str(i + 1), c.text, i) for i, c in enumerate(question.choices)]
        self._values: list[object] = []
        for hint, text, value in options:
            button = ChoiceButton(hint, text, self)
            button.clicked.connect(lambda _=False, v=value: self.submit(v))
            self.layout_.addWidget(button)
            self.buttons.append(button)
            self._values.append(value)

    def handle_key(self, event: QKeyEvent) -> bool:
        if self.locked or event.modifiers() & Qt.KeyboardModifier.AltModifier:
            return False
        lowered = event.text().lower()
        if self.question.kind == "true_false":
            if lowered in ("t", "f"):
                self.submit(lowered == "t")
                return True
            return False
        if lowered.isdigit() and 1 <= int(lowered) <= len(self.buttons):
            self.submit(int(lowered) - 1)
            return True
        return False

    def show_result(self, feedback: Feedback) -> None:
        super().show_result(feedback)
        for button, value in zip(self.buttons, self._values, strict=True):
            right = (
                value == self.question.truth
                if self.question.kind == "true_false"
                else self.question.choices[int(value)].correct  # type: ignore[call-overload]
            )
            if right:
                button.mark("right")
            elif value == feedback.response:
                button.mark("wrong")
            button.setEnabled(bool(right or value == feedback.response))

    def focus_input(self) -> None:
        if self.buttons:
            self.buttons[0].setFocus()
