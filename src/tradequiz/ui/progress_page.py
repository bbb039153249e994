"""Progress: key figures, the section table, charts and the weakest questions to practise.

A passive view: figures come from the Qt-free ``progress`` package; the page only
shows them and forwards "practise these" and "export" to the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tradequiz.progress.calendar import DayCalendar
from tradequiz.progress.figures import ProgressReport, compute_progress
from tradequiz.progress.formatting import SECTION_HEADERS, duration, per_day, percent, section_cells
from tradequiz.progress.questions import weakest_questions
from tradequiz.store.opening import Store
from tradequiz.store.review_queries import QuestionRow
from tradequiz.ui.charts import ForecastChart, RetentionChart, SectionBars, StudyHeatmap
from tradequiz.ui.question_views.base import wrapping_label

Clock = Callable[[], datetime]
WEAKEST = 10
NARROW_WIDTH = 900
OPTIONAL_COLUMNS = (SECTION_HEADERS.index("Reviews/day"), SECTION_HEADERS.index("Time"))
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class FigureTile(QFrame):
    """A big value over a small label."""

    def __init__(self, label: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("sectionRow")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(0)
        self.value = QLabel("–", self)
        self.value.setObjectName("sectionTitle")
        self.label = QLabel(label, self)
        self.label.setObjectName("muted")
        self.label.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.label)

    def set_value(self, value: str, tooltip: str = "") -> None:
        self.value.setText(value)
        self.setToolTip(tooltip)


def _table(headers: tuple[str, ...] | list[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fit_height(table: QTableWidget) -> None:
    """Show every row: the page scrolls, not the table."""
    height = table.horizontalHeader().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(table.rowCount()))
    if table.horizontalScrollBar().isVisible():
        height += table.horizontalScrollBar().height()
    table.setFixedHeight(height + 2)


class ProgressPage(QWidget):
    leave = Signal()
    practise = Signal(list)  # question ids
    export_requested = Signal()

    TILES = (
        ("mastered", "Mastered"),
        ("retention", "Remembered at review, 30 days"),
        ("accuracy", "Accuracy of checked answers"),
        ("recall", "Recall probability now"),
        ("due", "Due today"),
        ("streak", "Study streak"),
        ("per_day", "Reviews per day (30 days)"),
        ("time", "Time studied"),
    )

    def __init__(self, store: Store, clock: Clock, calendar: Callable[[], DayCalendar],
                 parent: QWidget | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.calendar = calendar
        self.document_id: int | None = None
        self.report: ProgressReport | None = None
        self.weakest: list[QuestionRow] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 18, 24, 18)
        outer.setSpacing(10)
        header = QHBoxLayout()
        self.back_button = QPushButton("◀  Back", self)
        self.back_button.setToolTip("Back to the document (Esc)")
        self.back_button.clicked.connect(self.leave.emit)
        titles = QVBoxLayout()
        self.title = wrapping_label("Progress", "pageTitle")
        self.subtitle = wrapping_label("", "pageSubtitle")
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        self.export_button = QPushButton("Export…", self)
        self.export_button.setToolTip("Save this progress as PDF, CSV or JSON")
        self.export_button.clicked.connect(self.export_requested.emit)
        header.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addSpacing(8)
        header.addLayout(titles, 1)
        header.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        outer.addLayout(header)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 8, 0)
        self.body_layout.setSpacing(14)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)

        tiles = QGridLayout()
        tiles.setSpacing(8)
        self.tiles: dict[str, FigureTile] = {}
        for i, (key, label) in enumerate(self.TILES):
            tile = FigureTile(label, body)
            self.tiles[key] = tile
            tiles.addWidget(tile, i // 4, i % 4)
        self.body_layout.addLayout(tiles)

        self.section_table = _table(SECTION_HEADERS, body)
        self.section_table.setAccessibleName("Progress per section")
        self.body_layout.addWidget(self.section_table)
        self.section_bars = SectionBars(body)
        self.body_layout.addWidget(self.section_bars)
        charts = QHBoxLayout()
        charts.setSpacing(18)
        self.forecast = ForecastChart(body)
        self.retention = RetentionChart(body)
        charts.addWidget(self.forecast, 1)
        charts.addWidget(self.retention, 1)
        self.body_layout.addLayout(charts)
        self.heatmap = StudyHeatmap(body)
        self.body_layout.addWidget(self.heatmap)

        weak_header = QHBoxLayout()
        weak_title = QLabel("Weakest questions", body)
        weak_title.setObjectName("sectionTitle")
        self.practise_button = QPushButton("Practise these", body)
        self.practise_button.setObjectName("primary")
        self.practise_button.setToolTip(
            "Study these questions now, even those not due yet (an early review)"
        )
        self.practise_button.clicked.connect(self._practise)
        weak_header.addWidget(weak_title, 1)
        weak_header.addWidget(self.practise_button)
        self.body_layout.addLayout(weak_header)
        self.weak_note = wrapping_label(
            "Lowest recall now, most wrong answers and most lapses first.", "muted"
        )
        self.body_layout.addWidget(self.weak_note)
        self.weak_table = _table(["Question", "Section", "Recall", "Lapses", "Right"], body)
        self.weak_table.setAccessibleName("Weakest questions")
        self.body_layout.addWidget(self.weak_table)
        self.body_layout.addStretch(1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._adapt_columns()

    def _adapt_columns(self) -> None:
        """On a narrow window, leave out per-day pace and time so section names stay readable
        (the tiles above still show them for the whole bank)."""
        narrow = self.width() < NARROW_WIDTH
        for column in OPTIONAL_COLUMNS:
            self.section_table.setColumnHidden(column, narrow)

    # --- data ------------------------------------------------------------------------------

    def show_document(self, document_id: int) -> None:
        self.document_id = document_id
        self.refresh()

    def refresh(self) -> None:
        if self.document_id is None:
            return
        now = self.clock()
        db = self.store.db
        report = compute_progress(
            db, self.document_id, now, self.calendar(), activity_of_all_documents=True
        )
        self.report = report
        self.weakest = weakest_questions(db, self.document_id, now, WEAKEST)
        self.title.setText(f"Progress · {report.title}")
        o = report.overall
        self.subtitle.setText(
            f"{o.studied} of {o.total} questions started · {o.mastered} mastered · "
            f"{report.today.strftime('%A %d %B %Y')}"
        )
        self._fill_tiles(report)
        self._fill_sections(report)
        self.section_bars.set_rows(
            [(s.title, (s.new, s.learning, s.review, s.mastered)) for s in report.sections]
        )
        self.forecast.set_forecast(o.forecast, report.forecast_days)
        self.retention.set_points([(w.last_day, w.retention) for w in report.retention_weeks])
        self.heatmap.set_days({a.day: a.reviews for a in report.activity}, report.today,
                              report.streak)  # fmt: skip
        self._fill_weakest()

    def _fill_tiles(self, report: ProgressReport) -> None:
        o = report.overall
        share = f" ({o.mastered_share:.0%})" if o.total else ""
        values = {
            "mastered": (
                f"{o.mastered} of {o.total}{share}",
                "Mastered: you would still remember it three weeks after your last review "
                "(FSRS stability of 21 days or more).",
            ),
            "retention": (
                percent(o.retention),
                "True retention: of the reviews of questions you had already learnt, the share "
                f"you remembered — {o.learned_passed_30d} of {o.learned_reviews_30d} "
                "in the last 30 days.",
            ),
            "accuracy": (percent(o.accuracy), f"{o.correct} of {o.checked} checked answers"),
            "recall": (percent(o.recall), "FSRS: chance of recalling a studied question now"),
            "due": (str(o.due_today), ""),
            "streak": (f"{report.streak} day{'s' if report.streak != 1 else ''}", ""),
            "per_day": (per_day(o.reviews_per_day), f"{o.reviews_30d} reviews in 30 days"),
            "time": (duration(o.time_studied_ms), f"{o.reviews} reviews in all"),
        }
        for key, (value, tip) in values.items():
            self.tiles[key].set_value(value, tip)

    def _fill_sections(self, report: ProgressReport) -> None:
        rows = [section_cells(s) for s in report.sections] + [section_cells(report.overall)]
        table = self.section_table
        table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if r == len(rows) - 1:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, c, item)
        _fit_height(table)

    def _fill_weakest(self) -> None:
        table = self.weak_table
        table.setRowCount(len(self.weakest))
        for r, q in enumerate(self.weakest):
            right = f"{q.right_answers}/{q.reviews}"
            for c, text in enumerate(
                [q.prompt, q.section_title, percent(q.recall), str(q.lapses), right]
            ):
                item = QTableWidgetItem(text)
                item.setToolTip(q.prompt if c == 0 else "")
                if c >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                table.setItem(r, c, item)
        _fit_height(table)
        count = len(self.weakest)
        self.practise_button.setEnabled(count > 0)
        self.practise_button.setText(f"Practise these ({count})" if count else "Practise these")
        self.weak_table.setVisible(count > 0)
        self.weak_note.setText(
            "Lowest recall now, most wrong answers and most lapses first."
            if count
            else "Questions you have studied will be listed here once you have answered some."
        )

    def _practise(self) -> None:
        if self.weakest:
            self.practise.emit([q.question_id for q in self.weakest])
