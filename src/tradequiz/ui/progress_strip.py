"""A thin bar showing how much of a section or document is mastered, learning and new."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from tradequiz.ui.theme import accent


class ProgressStrip(QWidget):
    """Mastered (green), learning (blue), new (grey), in proportion; nothing else."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new = self.learning = self.mastered = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(60)
        self.setFixedHeight(8)
        self.setAccessibleName("Progress")

    def set_counts(self, new: int, learning: int, mastered: int) -> None:
        self.new, self.learning, self.mastered = new, learning, mastered
        total = new + learning + mastered
        text = f"{mastered} mastered, {learning} learning, {new} new of {total} questions"
        self.setToolTip(text)
        self.setAccessibleDescription(text)
        self.update()

    @property
    def total(self) -> int:
        return self.new + self.learning + self.mastered

    def sizeHint(self) -> QSize:
        return QSize(200, 8)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        clip = QPainterPath()
        clip.addRoundedRect(rect, 4, 4)
        painter.setClipPath(clip)
        palette = self.palette()
        painter.fillRect(rect, palette.color(QPalette.ColorRole.Mid))
        total = self.total
        if total:
            x = rect.left()
            for count, colour in (
                (self.mastered, QColor(accent("good"))),
                (self.learning, palette.color(QPalette.ColorRole.Highlight)),
            ):
                width = rect.width() * count / total
                painter.fillRect(QRectF(x, rect.top(), width, rect.height()), colour)
                x += width
        painter.setClipping(False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.end()
