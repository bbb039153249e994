"""Render the app's screens offscreen into PNG files for the docs.

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshots.py docs/screenshots
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tradequiz.app_context import open_learner_store
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.theme import apply_theme

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def shoot(out: Path, theme: str, size: tuple[int, int]) -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_theme(app, theme)  # type: ignore[arg-type]
    suffix = "" if theme == "light" else f"-{theme}"
    suffix += "" if size == (1000, 720) else f"-{size[0]}x{size[1]}"
    with tempfile.TemporaryDirectory() as data:
        context = open_learner_store(data, NOW)
        window = MainWindow(context.store, lambda: NOW)
        window.resize(*size)
        window.show()
        app.processEvents()
        window.grab().save(str(out / f"home{suffix}.png"))
        section = context.store.db.execute(
            "SELECT section_id FROM questions WHERE kind = 'multiple_choice' LIMIT 1"
        ).fetchone()[0]
        window.start_section(section)
        session = window.study.session
        assert session is not None
        while session.current and session.current.stored.question.kind != "multiple_choice":
            session.answer(None, NOW)
            session.grade(session.feedback.verdict.proposed or 3, NOW)  # type: ignore[arg-type, union-attr]
            window.study._render()
        app.processEvents()
        window.grab().save(str(out / f"question{suffix}.png"))
        QTest.keyClick(window.study, Qt.Key.Key_2)
        app.processEvents()
        window.grab().save(str(out / f"feedback{suffix}.png"))
        window.close()
        context.store.close()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    for theme, size in (("light", (1000, 720)), ("dark", (1000, 720)), ("light", (800, 600))):
        shoot(out, theme, size)
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
