"""Render the bank editor offscreen into docs/screenshots/editor*.png.

Usage: QT_QPA_PLATFORM=offscreen python tools/editor_screenshots.py docs/screenshots
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tradequiz.resources import question_bank_dir
from tradequiz.ui.editor.window import EditorWindow
from tradequiz.ui.theme import apply_theme


def shoot(out: Path, theme: str, size: tuple[int, int], folder: Path) -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_theme(app, theme)  # type: ignore[arg-type]
    suffix = "" if theme == "light" else f"-{theme}"
    suffix += "" if size == (1000, 720) else f"-{size[0]}x{size[1]}"
    bank = next(folder.glob("*.yaml"))
    window = EditorWindow(bank)
    window.resize(*size)
    window.show()
    mc = next(q for q in window.model.questions if q.kind == "multiple_choice")
    window.select(mc.id)
    app.processEvents()
    window.grab().save(str(out / f"editor{suffix}.png"))
    if theme == "light" and size == (1000, 720):
        # A problem shown beside its field: a second option ticked as correct.
        item = window.form.choices_table.item(0, 0)
        assert item is not None
        item.setCheckState(Qt.CheckState.Checked)
        app.processEvents()
        window.grab().save(str(out / "editor-problem.png"))
        window.undo_stack.undo()
    window.undo_stack.setClean()
    window.close()


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for f in question_bank_dir().iterdir():
            shutil.copy(f, folder / f.name)
        for theme, size in (("light", (1000, 720)), ("dark", (1000, 720)), ("light", (800, 600))):
            shoot(out, theme, size, folder)
    print(f"editor screenshots written to {out}")


if __name__ == "__main__":
    main()
