"""The progress page as a learner uses it: open it from the menu, read the figures, practise
the weakest questions, export from File → Export progress…; screenshots for the docs."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.progress.seed import NOW, Seeded, seed
from tradequiz.progress.export_files import ExportOptions
from tradequiz.progress.practice import PracticeSession
from tradequiz.store.opening import Store
from tradequiz.ui import messages
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.theme import apply_theme

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


class FixedClock:
    def __call__(self) -> datetime:
        return NOW


@pytest.fixture
def seeded(empty_store: Store) -> Seeded:
    return seed(empty_store, learner="Ada Lovelace")


@pytest.fixture
def window(qtbot: QtBot, seeded: Seeded, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    monkeypatch.setattr(messages, "info", lambda *a, **k: None)
    win = MainWindow(seeded.store, FixedClock())
    qtbot.addWidget(win)
    win.home.show_document(seeded.document_id)
    win.show()
    yield win
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light")


def _open_progress(qtbot: QtBot, window: MainWindow) -> None:
    window.progress_actions.show_action.trigger()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.progress_page)


def test_menu_opens_progress_with_the_figures(qtbot: QtBot, window: MainWindow) -> None:
    study_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Study")
    assert window.progress_actions.show_action in study_menu.actions()  # type: ignore[attr-defined]
    _open_progress(qtbot, window)
    page = window.progress_page
    assert page.title.text() == "Progress · Seeded trade bank"
    assert page.tiles["mastered"].value.text() == "1 of 6 (17%)"
    assert page.tiles["retention"].value.text() == "50%"
    assert page.tiles["accuracy"].value.text() == "71%"
    assert page.tiles["streak"].value.text() == "3 days"
    table = page.section_table
    assert table.rowCount() == 4
    assert [table.item(0, c).text() for c in range(8)] == [  # type: ignore[union-attr]
        "Tariffs", "3", "0", "1", "1", "1", "2", "80%",
    ]  # fmt: skip
    assert table.item(3, 0).text() == "All sections"  # type: ignore[union-attr]
    weak = page.weak_table
    assert weak.item(0, 0).text() == "Who pays a tariff?"  # type: ignore[union-attr]
    assert page.practise_button.text() == "Practise these (4)"
    qtbot.keyClick(page.back_button, Qt.Key.Key_Space)
    assert window.pages.currentWidget() is window.home


def test_practise_button_starts_a_session_on_the_weakest(
    qtbot: QtBot, window: MainWindow, seeded: Seeded
) -> None:
    _open_progress(qtbot, window)
    qtbot.mouseClick(window.progress_page.practise_button, Qt.MouseButton.LeftButton)
    assert window.pages.currentWidget() is window.study
    session = window.study.session
    assert isinstance(session, PracticeSession)
    assert session.current is not None
    # The learning question due now (a3) comes first, as in any session.
    assert session.current.card.question_id == seeded.ids["a3"]
    assert set(session.scope.question_ids) == {seeded.ids[q] for q in ("a1", "a2", "a3", "b1")}


def test_export_from_the_file_menu(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "ada.pdf"
    asked: list[Path] = []

    def ask(parent: object, suggested: Path) -> tuple[ExportOptions | None, bool]:
        asked.append(suggested)
        return ExportOptions("pdf", target), True

    window.progress_actions.ask_path = ask
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    assert file_menu.actions()[0] is window.progress_actions.export_action  # type: ignore[attr-defined]
    window.progress_actions.export_action.trigger()
    assert asked and asked[0].name == "seed-bank-progress-2026-03-02.pdf"
    reader = PdfReader(str(target))
    assert "Tariffs" in reader.pages[0].extract_text()
    seconds = window.progress_actions.last_export_seconds
    assert seconds is not None


def _is_blank(image: QImage) -> bool:
    first = image.pixelColor(0, 0)
    step = max(1, image.width() // 40)
    return all(
        image.pixelColor(x, y) == first
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("theme", "size"),
    [("light", (1000, 720)), ("dark", (1000, 720)), ("light", (800, 600)), ("dark", (800, 600))],
)
def test_screenshots(qtbot: QtBot, window: MainWindow, theme: str, size: tuple[int, int]) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, theme)  # type: ignore[arg-type]
    window.resize(*size)
    _open_progress(qtbot, window)
    page = window.progress_page
    app.processEvents()
    suffix = ("" if theme == "light" else f"-{theme}") + (
        "" if size == (1000, 720) else f"-{size[0]}x{size[1]}"
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    top = window.grab()
    assert top.width() == size[0]
    top.save(str(SCREENSHOTS / f"progress{suffix}.png"))
    page.scroll_area.verticalScrollBar().setValue(page.scroll_area.verticalScrollBar().maximum())
    app.processEvents()
    window.grab().save(str(SCREENSHOTS / f"progress-charts{suffix}.png"))
    for chart in (page.section_bars, page.forecast, page.retention, page.heatmap):
        image = chart.grab().toImage()
        assert not image.isNull() and not _is_blank(image), chart.title
    # The forecast's today bar is painted in the "today" colour.
    forecast = page.forecast.grab().toImage()
    reds = sum(
        1
        for x in range(forecast.width())
        for y in range(0, forecast.height(), 4)
        if _close(forecast.pixelColor(x, y), QColor("#ff8a80" if theme == "dark" else "#b3261e"))
    )
    assert reds > 20


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 30
