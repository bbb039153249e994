"""True retention week by week (share of learned questions answered right)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import QWidget

from tradequiz.ui.charts.base import Chart, ChartColours


class RetentionChart(Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Retention by week", parent)
        self.points: list[tuple[date, float | None]] = []
        self.empty_text = "No reviews of learned questions yet"
        self.setFixedHeight(170)

    def set_points(self, points: Sequence[tuple[date, float | None]]) -> None:
        self.points = list(points)
        self.update()

    def has_data(self) -> bool:
        return any(value is not None for _day, value in self.points)

    def paint_chart(self, painter: QPainter, plot: QRectF, colours: ChartColours) -> None:
        metrics = painter.fontMetrics()
        axis_w = metrics.horizontalAdvance("100%") + 6
        label_h = metrics.height() + 2
        area = QRectF(plot.left() + axis_w, plot.top() + 8, plot.width() - axis_w - 8,
                      plot.height() - label_h - 10)  # fmt: skip
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for share in (0.0, 0.5, 1.0):
            y = area.bottom() - area.height() * share
            painter.setPen(colours.grid)
            painter.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            painter.setPen(colours.muted)
            painter.drawText(QRectF(plot.left(), y - 8, axis_w - 4, 16), right, f"{share:.0%}")
        step = area.width() / max(len(self.points) - 1, 1)
        pen = QPen(colours.bar, 2.2)
        previous: QPointF | None = None
        for i, (day, value) in enumerate(self.points):
            x = area.left() + i * step
            if i % 3 == len(self.points) % 3 - 1 or i == len(self.points) - 1:
                painter.setPen(colours.muted)
                label = day.strftime("%d %b").lstrip("0")
                width = metrics.horizontalAdvance(label) + 2
                left = min(max(x - width / 2, plot.left()), plot.right() - width)
                label_rect = QRectF(left, area.bottom() + 2, width, label_h)
                painter.drawText(label_rect, Qt.AlignmentFlag.AlignLeft, label)
            if value is None:
                previous = None
                continue
            point = QPointF(x, area.bottom() - area.height() * value)
            painter.setPen(pen)
            if previous is not None:
                painter.drawLine(previous, point)
            painter.setBrush(colours.bar)
            painter.drawEllipse(point, 3.2, 3.2)
            previous = point
