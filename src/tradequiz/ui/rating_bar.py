"""Again / Hard / Good / Easy with the next interval on each, keys 1–4."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from tradequiz.humanize import interval
from tradequiz.scheduling.card_state import Rating


class RatingBar(QWidget):
    rated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel("Space confirms the suggestion", self)
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        self.hint.setMinimumWidth(120)
        layout.addWidget(self.hint, 1)
        self.buttons: dict[Rating, QPushButton] = {}
        for rating in Rating:
            button = QPushButton(self)
            button.setObjectName("rating")
            button.setAccessibleName(f"Rate {rating.label}")
            button.clicked.connect(lambda _=False, r=rating: self.rated.emit(int(r)))
            layout.addWidget(button)
            self.buttons[rating] = button
        self.proposed: Rating | None = None

    def prepare(self, intervals: dict[Rating, int], proposed: Rating | None) -> None:
        self.proposed = proposed
        for rating, button in self.buttons.items():
            button.setText(f"{int(rating)}  {rating.label}\n{interval(intervals.get(rating, 0))}")
            button.setDefault(rating == proposed)
            button.setObjectName("primary" if rating == proposed else "rating")
            button.style().unpolish(button)
            button.style().polish(button)
        self.hint.setText(
            f"Suggested: {proposed.label}. Space confirms; 1–4 to choose"
            if proposed
            else "How well did you know it? Space = Good, or 1–4"
        )
