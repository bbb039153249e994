"""Render the app's screens offscreen into PNG files for the docs.

Usage: QT_QPA_PLATFORM=offscreen python tools/screenshots.py [OUT_DIR]

Shows every question kind present in the shipped bank, before and after
answering (a wrong answer where the kind is checked), in light and dark.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QApplication

from tradequiz.app_context import open_learner_store
from tradequiz.bank.model import KINDS
from tradequiz.store.cards import Scope
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.question_views.matching import MatchingView
from tradequiz.ui.question_views.ordering import OrderingView
from tradequiz.ui.theme import Theme, apply_theme

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def _wrong_answer(window: MainWindow) -> None:
    """Answer the question on screen, wrongly where that is possible, through the view."""
    view = window.study.view
    assert view is not None
    q = view.question
    if q.kind in ("multiple_choice", "debate"):
        view.submit(next(i for i, c in enumerate(q.choices) if not c.correct))
    elif q.kind == "true_false":
        view.submit(not q.truth)
    elif q.kind in ("cloze", "short_answer"):
        view.edit.setText("I am not sure")  # type: ignore[attr-defined]
        view.submit(view.edit.text())  # type: ignore[attr-defined]
    elif isinstance(view, MatchingView):
        for row, combo in enumerate(view.combos):
            combo.setCurrentIndex(((row + 1) % len(view.combos)) + 1)
        view.submit(view.response())
    elif isinstance(view, OrderingView):
        view.submit(view.response())
    else:
        view.submit(None)


def shoot(out: Path, theme: Theme, size: tuple[int, int], kinds: bool) -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_theme(app, theme)
    suffix = "" if theme == "light" else f"-{theme}"
    suffix += "" if size == (1000, 720) else f"-{size[0]}x{size[1]}"
    with tempfile.TemporaryDirectory() as data:
        context = open_learner_store(data, NOW)
        db = context.store.db
        window = MainWindow(context.store, lambda: NOW)
        window.resize(*size)
        window.show()
        app.processEvents()
        window.grab().save(str(out / f"home{suffix}.png"))
        wanted = KINDS if kinds else ("multiple_choice",)
        for kind in wanted:
            row = db.execute(
                "SELECT id FROM questions WHERE kind = ? AND status != 'rejected'"
                " ORDER BY position LIMIT 1",
                [kind],
            ).fetchone()
            if row is None:
                print(f"no {kind} question in the shipped bank; skipped")
                continue
            window._start(Scope(question_ids=(row[0],)), "")
            app.processEvents()
            name = "question" if not kinds else f"kind-{kind}"
            window.grab().save(str(out / f"{name}{suffix}.png"))
            _wrong_answer(window)
            app.processEvents()
            name = "feedback" if not kinds else f"kind-{kind}-feedback"
            window.grab().save(str(out / f"{name}{suffix}.png"))
        window.close()
        context.store.close()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    shoot(out, "light", (1000, 720), kinds=False)
    shoot(out, "dark", (1000, 720), kinds=False)
    shoot(out, "light", (800, 600), kinds=False)
    (out / "kinds").mkdir(exist_ok=True)
    shoot(out / "kinds", "light", (1000, 720), kinds=True)
    shoot(out / "kinds", "dark", (1000, 720), kinds=True)
    print(f"screenshots written to {out}")


if __name__ == "__main__":
    main()
