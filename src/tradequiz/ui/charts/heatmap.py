"""Study days as a calendar grid (weeks as columns, Monday on top); darker = more reviews."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from tradequiz.progress.formatting import heat_level
from tradequiz.ui.charts.base import Chart, ChartColours

WEEKS = 53


class StudyHeatmap(Chart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Study days", parent)
        self.counts: dict[date, int] = {}
        self.last_day = date.today()
        self.streak = 0
        self.setFixedHeight(160)

    def set_days(self, counts: Mapping[date, int], last_day: date, streak: int) -> None:
        self.counts, self.last_day, self.streak = dict(counts), last_day, streak
        studied = sum(1 for c in counts.values() if c)
        self.setToolTip(f"{studied} study days in the last year; streak {streak} days")
        self.update()

    def paint_chart(self, painter: QPainter, plot: QRectF, colours: ChartColours) -> None:
        metrics = painter.fontMetrics()
        label_w = metrics.horizontalAdvance("Wed") + 8
        top = plot.top() + metrics.height() + 2
        legend_h = metrics.height() + 6
        cell_h = (plot.height() - (top - plot.top()) - legend_h) / 7
        weeks = WEEKS
        cell_w = (plot.width() - label_w) / weeks
        cell = max(4.0, min(cell_w, cell_h) - 2)
        first = self.last_day - timedelta(days=self.last_day.weekday(), weeks=weeks - 1)
        peak = max(self.counts.values(), default=0)
        painter.setPen(colours.muted)
        for name, row in (("Mon", 0), ("Wed", 2), ("Fri", 4)):
            painter.drawText(QRectF(plot.left(), top + row * cell_h, label_w, cell_h),
                             Qt.AlignmentFlag.AlignVCenter, name)  # fmt: skip
        for week in range(weeks):
            monday = first + timedelta(weeks=week)
            x = plot.left() + label_w + week * cell_w
            month = monday.strftime("%b")
            if monday.day <= 7 and x + metrics.horizontalAdvance(month) <= plot.right():
                painter.setPen(colours.muted)
                painter.drawText(QRectF(x, plot.top(), 40, metrics.height()),
                                 Qt.AlignmentFlag.AlignLeft, month)  # fmt: skip
            for weekday in range(7):
                day = monday + timedelta(days=weekday)
                if day > self.last_day:
                    continue
                level = heat_level(self.counts.get(day, 0), peak)
                rect = QRectF(x, top + weekday * cell_h, cell, cell)
                painter.fillRect(rect, colours.heat[level])
                if day == self.last_day:
                    painter.setPen(colours.text)
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRect(rect)
        y = top + 7 * cell_h + 4
        painter.setPen(colours.muted)
        streak = f"Current streak: {self.streak} day{'s' if self.streak != 1 else ''}"
        painter.drawText(QRectF(plot.left(), y, plot.width() / 2, metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, streak)  # fmt: skip
        x = plot.right() - 5 * (cell + 3) - metrics.horizontalAdvance("Less  More") - 8
        painter.drawText(QRectF(x, y, 40, metrics.height()), Qt.AlignmentFlag.AlignLeft, "Less")
        x += metrics.horizontalAdvance("Less ") + 4
        for colour in colours.heat:
            painter.fillRect(QRectF(x, y + 2, cell, cell), colour)
            x += cell + 3
        painter.drawText(QRectF(x + 2, y, 40, metrics.height()), Qt.AlignmentFlag.AlignLeft, "More")
