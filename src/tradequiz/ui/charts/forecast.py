"""Questions due on each of the next 30 days; today (with anything overdue) stands out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from tradequiz.ui.charts.base import Chart, ChartColours


class ForecastChart(Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Due in the next 30 days", parent)
        self.values: list[int] = []
        self.days: list[date] = []
        self.setFixedHeight(170)

    def set_forecast(self, values: Sequence[int], days: Sequence[date]) -> None:
        self.values, self.days = list(values), list(days)
        self.setToolTip(f"Today: {values[0] if values else 0} due; next 30 days: {sum(values)}")
        self.update()

    def has_data(self) -> bool:
        return any(self.values)

    def paint_chart(self, painter: QPainter, plot: QRectF, colours: ChartColours) -> None:
        metrics = painter.fontMetrics()
        axis_w = metrics.horizontalAdvance("0000") + 6
        label_h = metrics.height() + 2
        area = QRectF(plot.left() + axis_w, plot.top() + 6, plot.width() - axis_w,
                      plot.height() - label_h - 8)  # fmt: skip
        peak = max(max(self.values), 1)
        painter.setPen(colours.grid)
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.topLeft(), area.topRight())
        painter.setPen(colours.muted)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRectF(plot.left(), area.top() - 8, axis_w - 4, 16), right, str(peak))
        painter.drawText(QRectF(plot.left(), area.bottom() - 8, axis_w - 4, 16), right, "0")
        slot = area.width() / len(self.values)
        for i, value in enumerate(self.values):
            h = area.height() * value / peak
            colour = colours.today if i == 0 else colours.bar
            if value:
                painter.fillRect(
                    QRectF(area.left() + i * slot + slot * 0.15, area.bottom() - h, slot * 0.7, h),
                    colour,
                )
            if i % 7 == 0 and i < len(self.days):
                label = "Today" if i == 0 else self.days[i].strftime("%d %b").lstrip("0")
                painter.setPen(colours.muted)
                width = metrics.horizontalAdvance(label) + 2
                x = min(area.left() + i * slot, area.right() - width)
                painter.drawText(
                    QRectF(x, area.bottom() + 2, width, label_h), Qt.AlignmentFlag.AlignLeft, label
                )
