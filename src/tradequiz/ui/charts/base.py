"""What every chart shares: palette-aware colours, a title and an empty-state message."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from tradequiz.ui.theme import is_dark


@dataclass(frozen=True)
class ChartColours:
    text: QColor
    muted: QColor
    grid: QColor
    bar: QColor
    today: QColor
    states: tuple[QColor, QColor, QColor, QColor]  # new, learning, review, mastered
    heat: tuple[QColor, QColor, QColor, QColor, QColor]


def chart_colours(widget: QWidget) -> ChartColours:
    """Colours that read on the current palette (light or dark) and differ in lightness."""
    palette = widget.palette()
    text = palette.color(QPalette.ColorRole.WindowText)
    if is_dark():
        return ChartColours(
            text, QColor("#a3adbb"), QColor("#3a4250"), QColor("#5b93f0"), QColor("#ff8a80"),
            (QColor("#3a4250"), QColor("#f0a03c"), QColor("#6ea6ee"), QColor("#b9d3ff")),
            (QColor("#2b323e"), QColor("#1f3b6b"), QColor("#2f5fb0"), QColor("#5b93f0"),
             QColor("#b9d3ff")),
        )  # fmt: skip
    return ChartColours(
        text, QColor("#5d6776"), QColor("#dde2e8"), QColor("#2f6fde"), QColor("#b3261e"),
        (QColor("#dde2e8"), QColor("#f0a03c"), QColor("#78aae6"), QColor("#1e4696")),
        (QColor("#eceff3"), QColor("#bed6f5"), QColor("#78aae6"), QColor("#2f6fde"),
         QColor("#143c8c")),
    )  # fmt: skip


class Chart(QWidget):
    """A titled chart; subclasses paint into ``plot_rect``."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.empty_text = "Nothing to show yet"
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(title)

    def has_data(self) -> bool:
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colours = chart_colours(self)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(colours.text)
        title_h = painter.fontMetrics().height() + 6
        painter.drawText(
            QRectF(0, 0, self.width(), title_h), Qt.AlignmentFlag.AlignLeft, self.title
        )
        painter.setFont(self.small_font())
        plot = QRectF(0, title_h, self.width(), self.height() - title_h)
        if not self.has_data():
            painter.setPen(colours.muted)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
        else:
            self.paint_chart(painter, plot, colours)
        painter.end()

    def small_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return font

    def paint_chart(self, painter: QPainter, plot: QRectF, colours: ChartColours) -> None:
        raise NotImplementedError
