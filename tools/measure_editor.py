"""Measure the bank editor on a large bank (default 10,000 questions).

Usage: QT_QPA_PLATFORM=offscreen python tools/measure_editor.py [COUNT]

Prints milliseconds for: writing and loading the bank file, opening the
editor window, selecting a question, one keystroke in the prompt (model,
table row, problems and preview refreshed), filtering by text, undo, and
saving.  The shipped bank's questions are repeated with fresh ids.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tradequiz.bank.yaml_io import load_bank, save_bank
from tradequiz.resources import question_bank_dir
from tradequiz.ui.editor.window import EditorWindow


def timed(label: str, action: Callable[[], object], app: QApplication) -> object:
    start = time.perf_counter()
    result = action()
    app.processEvents()
    print(f"{label:<44} {1000 * (time.perf_counter() - start):8.1f} ms")
    return result


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    shipped = next(question_bank_dir().glob("*.yaml"))
    bank = load_bank(shipped).bank
    questions = [
        replace(q, id=f"{q.id}-{n}", fingerprint="")
        for n in range(count // len(bank.questions) + 1)
        for q in bank.questions
    ][:count]
    big = replace(bank, questions=tuple(questions))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / shipped.name
        (Path(folder) / bank.source).write_text(
            (shipped.parent / bank.source).read_text(encoding="utf-8"), encoding="utf-8"
        )
        print(f"bank of {len(questions)} questions")
        timed("write the bank file", lambda: save_bank(big, path), app)
        print(f"{'  file size':<44} {path.stat().st_size / 1e6:8.1f} MB")
        timed("load (parse) the bank file", lambda: load_bank(path), app)
        window = timed("open the editor window", lambda: EditorWindow(path), app)
        assert isinstance(window, EditorWindow)
        window.resize(1000, 720)
        timed("show the window (first paint)", window.show, app)
        middle = questions[len(questions) // 2].id
        timed("select a question in the middle", lambda: window.select(middle), app)
        edit = window.form.prompt_edit
        edit.setFocus()
        timed("one keystroke in the prompt", lambda: QTest.keyClick(edit, Qt.Key.Key_X), app)
        timed("ten more keystrokes", lambda: QTest.keyClicks(edit, "abcdefghij"), app)
        timed("filter by text 'semiconductors'",
              lambda: QTest.keyClicks(window.search, "semiconductors"), app)  # fmt: skip
        print(f"{'  rows shown':<44} {window.proxy.rowCount():8d}")
        timed("clear the filter", window.clear_filters, app)
        timed("filter 'with problems' (checks every question)",
              lambda: window.problems_filter.setChecked(True), app)  # fmt: skip
        timed("clear the filter", window.clear_filters, app)
        timed("undo the typing", window.undo_stack.undo, app)
        timed("duplicate a question", window.duplicate_question, app)
        timed("save (keeping comments and order)", window.save, app)
        window.undo_stack.setClean()
        window.close()


if __name__ == "__main__":
    main()
