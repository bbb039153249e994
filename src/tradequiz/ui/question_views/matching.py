"""Matching: pick, for each term on the left, its description from a list.

Keyboard: Tab moves between rows, arrow keys or the row's letter choose,
Enter checks.  Each row's choices are the same shuffled list, lettered A, B, …
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QPushButton, QSizePolicy, QWidget

from tradequiz.bank.model import Question
from tradequiz.study.session import Feedback
from tradequiz.ui.question_views.base import QuestionView, wrapping_label
from tradequiz.ui.question_views.shuffle import shuffled_indices
from tradequiz.ui.theme import accent

PLACEHOLDER = "Choose…"


class MatchingView(QuestionView):
    shows_answer = True

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.order = shuffled_indices(len(question.pairs), question.id)
        letters = [chr(ord("A") + i) for i in range(len(self.order))]
        # The descriptions, lettered, listed once above the rows.
        for letter, index in zip(letters, self.order, strict=True):
            label = wrapping_label(f"{letter}.  {question.pairs[index].right}")
            self.layout_.addWidget(label)
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.combos: list[QComboBox] = []
        self.marks: list[QLabel] = []
        for row, pair in enumerate(question.pairs):
            term = wrapping_label(pair.left, "sectionTitle")
            combo = QComboBox(self)
            combo.addItem(PLACEHOLDER, -1)
            for letter, index in zip(letters, self.order, strict=True):
                combo.addItem(letter, index)
            combo.setAccessibleName(f"Description for {pair.left}")
            combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            combo.setMinimumWidth(110)
            mark = QLabel(self)
            grid.addWidget(term, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(mark, row, 2)
            self.combos.append(combo)
            self.marks.append(mark)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        self.layout_.addLayout(grid)
        self.check_button = QPushButton("Check   (Enter)", self)
        self.check_button.setObjectName("primary")
        self.check_button.clicked.connect(self._check)
        self.layout_.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hint = wrapping_label("Match every term to a description.", "muted")
        self.layout_.addWidget(self.hint)

    def response(self) -> tuple[int, ...]:
        return tuple(int(c.currentData()) for c in self.combos)

    def _check(self) -> None:
        if any(c.currentData() == -1 for c in self.combos):
            self.hint.setText("Choose a description for every term first.")
            return
        self.submit(self.response())

    def handle_key(self, event: QKeyEvent) -> bool:
        if self.locked:
            return False
        key, text = event.key(), event.text()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._check()
            return True
        letter = text.upper()
        if len(letter) == 1 and "A" <= letter < chr(ord("A") + len(self.order)):
            focused = next((c for c in self.combos if c.hasFocus()), None)
            if focused is not None:
                focused.setCurrentIndex(ord(letter) - ord("A") + 1)
                index = self.combos.index(focused)
                if index + 1 < len(self.combos):
                    self.combos[index + 1].setFocus()
                return True
        return False

    def show_result(self, feedback: Feedback) -> None:
        super().show_result(feedback)
        self.check_button.hide()
        self.hint.hide()
        letter_of = {index: chr(ord("A") + i) for i, index in enumerate(self.order)}
        for row, combo in enumerate(self.combos):
            combo.setEnabled(False)
            mark = self.marks[row]
            if combo.currentData() == row:
                mark.setText("✓")
                mark.setStyleSheet(f"color: {accent('good')}; font-weight: 600")
            else:
                mark.setText(f"✗  it is {letter_of[row]}")
                mark.setStyleSheet(f"color: {accent('bad')}; font-weight: 600")

    def focus_input(self) -> None:
        if self.combos:
            self.combos[0].setFocus()
