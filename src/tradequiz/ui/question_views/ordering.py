"""Ordering: put items in the order the document gives.

Drag items with the mouse, or select one and move it with Alt+Up / Alt+Down
(or the buttons); Enter checks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tradequiz.bank.model import Question
from tradequiz.study.session import Feedback
from tradequiz.ui.question_views.base import QuestionView, wrapping_label
from tradequiz.ui.question_views.shuffle import shuffled_indices
from tradequiz.ui.theme import accent

_INDEX = Qt.ItemDataRole.UserRole


class OrderingView(QuestionView):
    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        row = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.setAccessibleName("Items to put in order")
        self.list.setWordWrap(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSpacing(3)
        for index in shuffled_indices(len(question.items), question.id):
            item = QListWidgetItem(question.items[index])
            item.setData(_INDEX, index)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        rows = sum(
            self.list.sizeHintForRow(i) + 2 * self.list.spacing()
            for i in range(len(question.items))
        )
        self.list.setFixedHeight(min(360, rows + 2 * self.list.frameWidth() + 8))
        buttons = QVBoxLayout()
        self.up = QPushButton("▲  Up", self)
        self.up.setToolTip("Move the selected item up (Alt+Up)")
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down = QPushButton("▼  Down", self)
        self.down.setToolTip("Move the selected item down (Alt+Down)")
        self.down.clicked.connect(lambda: self.move_selected(1))
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        self.layout_.addLayout(row)
        self.check_button = QPushButton("Check   (Enter)", self)
        self.check_button.setObjectName("primary")
        self.check_button.clicked.connect(lambda: self.submit(self.response()))
        self.layout_.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hint = wrapping_label(
            "First at the top. Drag, or select and press Alt+↑ / Alt+↓.", "muted"
        )
        self.layout_.addWidget(self.hint)

    def response(self) -> tuple[int, ...]:
        return tuple(int(self.list.item(i).data(_INDEX)) for i in range(self.list.count()))

    def move_selected(self, step: int) -> None:
        if self.locked:
            return
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def handle_key(self, event: QKeyEvent) -> bool:
        if self.locked:
            return False
        key = event.key()
        alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
        if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.move_selected(-1 if key == Qt.Key.Key_Up else 1)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit(self.response())
            return True
        return False

    def show_result(self, feedback: Feedback) -> None:
        super().show_result(feedback)
        self.check_button.hide()
        self.hint.hide()
        self.up.setEnabled(False)
        self.down.setEnabled(False)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        for position in range(self.list.count()):
            item = self.list.item(position)
            right = item.data(_INDEX) == position
            item.setText(f"{'✓' if right else '✗'}  {self.question.items[int(item.data(_INDEX))]}")
            item.setForeground(QColor(accent("good" if right else "bad")))

    def focus_input(self) -> None:
        self.list.setFocus()
