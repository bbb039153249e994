"""Per section, one bar split into new / learning / review / mastered questions."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from tradequiz.ui.charts.base import Chart, ChartColours

STATE_NAMES = ("New", "Learning", "Review", "Mastered")
ROW_HEIGHT = 22


class SectionBars(Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Questions by state", parent)
        self.rows: list[tuple[str, tuple[int, int, int, int]]] = []
        self.setMinimumHeight(80)

    def set_rows(self, rows: Sequence[tuple[str, tuple[int, int, int, int]]]) -> None:
        self.rows = list(rows)
        self.setFixedHeight(48 + ROW_HEIGHT * max(1, len(self.rows)))
        self.update()

    def has_data(self) -> bool:
        return any(sum(parts) for _title, parts in self.rows)

    def paint_chart(self, painter: QPainter, plot: QRectF, colours: ChartColours) -> None:
        metrics = painter.fontMetrics()
        # Legend first: colour swatches with names, so the bars need no per-part labels.
        x = plot.left()
        for name, colour in zip(STATE_NAMES, colours.states, strict=True):
            painter.fillRect(QRectF(x, plot.top() + 3, 11, 11), colour)
            painter.setPen(colours.text)
            painter.drawText(QRectF(x + 15, plot.top(), 100, 18), Qt.AlignmentFlag.AlignLeft, name)
            x += 15 + metrics.horizontalAdvance(name) + 18
        label_w = min(plot.width() * 0.34, 260.0)
        count_w = 44.0
        bar_w = max(10.0, plot.width() - label_w - count_w - 8)
        y = plot.top() + 24
        for title, parts in self.rows:
            painter.setPen(colours.text)
            text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, int(label_w - 8))
            label_rect = QRectF(plot.left(), y, label_w - 8, ROW_HEIGHT - 6)
            painter.drawText(label_rect, Qt.AlignmentFlag.AlignVCenter, text)
            total = sum(parts)
            bx = plot.left() + label_w
            painter.fillRect(QRectF(bx, y + 2, bar_w, ROW_HEIGHT - 10), colours.grid)
            for value, colour in zip(parts, colours.states, strict=True):
                if total and value:
                    w = bar_w * value / total
                    painter.fillRect(QRectF(bx, y + 2, w, ROW_HEIGHT - 10), colour)
                    bx += w
            painter.setPen(colours.muted)
            count_rect = QRectF(plot.left() + label_w + bar_w, y, count_w, ROW_HEIGHT - 6)
            right = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
            painter.drawText(count_rect, right, str(total))
            y += ROW_HEIGHT
