"""Multiple choice, debate and true/false: pick one option by click or key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from tradequiz.bank.model import Question
from tradequiz.study.session import Feedback
from tradequiz.ui.question_views.base import QuestionView
from tradequiz.ui.question_views.shuffle import shuffled_indices


class ChoiceButton(QPushButton):
    """A push button whose text wraps (QPushButton cannot wrap on its own)."""

    def __init__(self, key_hint: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choice")
        self.setProperty("state", "")
        self.option_text = text
        self.full_text = f"{key_hint}   {text}"
        self.setText(self.full_text)
        self.setAccessibleName(text)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def set_hint(self, key_hint: str) -> None:
        self.full_text = f"{key_hint}   {self.option_text}"
        self.setText(self.full_text)
        self._wrap()

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
            # The number is the option's place on screen; the response is its bank index.
            self.submit(self._values[int(lowered) - 1])
            return True
        return False

    def key_for(self, value: object) -> str:
        """The key that gives ``value`` (an option's bank index, or True/False)."""
        if self.question.kind == "true_false":
            return "t" if value else "f"
        return str(self._values.index(value) + 1)

    def shuffle(self, seed: str) -> None:
        """Show the options in an order drawn from ``seed`` (true/false stays True, False)."""
        if self.question.kind == "true_false" or len(self.buttons) < 2:
            return
        order = shuffled_indices(len(self.buttons), seed, avoid_identity=False)
        buttons = [self.buttons[i] for i in order]
        values = [self._values[i] for i in order]
        for button in buttons:
            self.layout_.removeWidget(button)
        for place, button in enumerate(buttons):
            button.set_hint(str(place + 1))
            self.layout_.addWidget(button)
        self.buttons, self._values = buttons, values

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
        # The view, not the first option, takes the focus: Space on a focused option would
        # answer it, and Space is the key that confirms the rating a moment earlier.
        self.setFocus()
