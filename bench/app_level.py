"""App-level figures (TradeQuiz only): the SQLite commit floor, the data folder for the
cold start, answer → next question painted in the real window, and generation.

Each function runs in a fresh child process (``worker.py app FUNCTION ARGS``); the
cold start itself is timed from outside by ``run.py`` (process start → the self-test's
line saying the first question was painted).
"""

from __future__ import annotations

import os
import re
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from dataset import ratings
from floor import CommitFloor

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "question_bank" / "japan-us-trade.txt"


def _now() -> datetime:
    return datetime.now(UTC)


def sqlite_floor(path: str, writes: int = 1000) -> dict[str, Any]:
    """One committed single-row write with the app's own pragmas (WAL, synchronous=FULL)."""
    floor = CommitFloor(path)
    for _ in range(writes):
        floor.write()
    pragmas = floor.pragmas()
    floor.close()
    return {"samples": floor.samples, "pragmas": pragmas}


def prepare_data_dir(history_db: str, data_dir: str) -> dict[str, Any]:
    """A learner's data folder: the 100,000-question history first, the shipped banks after."""
    from tradequiz.app_context import open_learner_store
    from tradequiz.paths import DataPaths

    shutil.rmtree(data_dir, ignore_errors=True)
    paths = DataPaths(Path(data_dir))
    paths.ensure()
    shutil.copyfile(history_db, paths.database)
    context = open_learner_store(data_dir, _now())
    context.store.close()
    return {"database_bytes": paths.database.stat().st_size}


def answer_to_next(data_dir: str, answers: int = 200) -> dict[str, Any]:
    """In the real window (offscreen): reveal with Space, rate with 1/3/4 as a learner does.

    Times each key from the moment it is sent until the window has been repainted with
    what follows (the answer shown; the next question shown), ``answers`` times.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from tradequiz.app_context import open_learner_store
    from tradequiz.study.session import Phase
    from tradequiz.ui.appearance import apply_appearance, load_appearance
    from tradequiz.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_appearance(app, load_appearance())
    context = open_learner_store(data_dir, _now())
    window = MainWindow(context.store, _now)
    window.show()
    app.processEvents()
    assert window.home.document_id is not None
    window.start_document(window.home.document_id)
    app.processEvents()
    window.repaint()
    session = window.study.session
    assert session is not None
    reveal, answer = [], []
    keys = {1: Qt.Key.Key_1, 3: Qt.Key.Key_3, 4: Qt.Key.Key_4}
    for rating in ratings(answers, seed=11):
        if session.phase is not Phase.ASKING:
            break  # today's questions are done (only with a small collection)
        started = time.perf_counter()
        QTest.keyClick(window, Qt.Key.Key_Space)
        app.processEvents()
        window.repaint()
        reveal.append((time.perf_counter() - started) * 1000)
        assert session.phase is Phase.FEEDBACK
        started = time.perf_counter()
        QTest.keyClick(window, keys[rating])
        app.processEvents()
        window.repaint()
        answer.append((time.perf_counter() - started) * 1000)
    window.close()
    context.store.close()
    return {"answer": answer, "reveal": reveal, "size": [window.width(), window.height()],
            "answers": len(answer)}  # fmt: skip


def _synthetic(size: int) -> str:
    """A document of about ``size`` bytes with the source's shape: the source's body
    repeated, every heading numbered so that each copy's sections are new sections."""
    source = SOURCE.read_text(encoding="utf-8")
    title, body = source.split("\n", 1)
    parts, copy = [title], 0
    while sum(len(p) + 1 for p in parts) < size:
        copy += 1
        varied = re.sub(r"^([A-Z][^\n.:]{2,60})$", rf"\1 {copy}", body, flags=re.M)
        parts.append((f"Overview {copy}\n" if copy > 1 else "") + varied.rstrip("\n"))
    return "\n".join(parts) + "\n"


def _generate(text: str, name: str) -> int:
    from tradequiz.document.reader import read_text

    doc = read_text(text, name)
    try:  # the generator's newer entry point, where it exists
        from tradequiz.generate import generate  # type: ignore[attr-defined]

        return len(generate(doc, name).bank.questions)
    except ImportError:
        from tradequiz.generate.bank_builder import generate_bank

        return len(generate_bank(doc, name).questions)


def generation() -> dict[str, Any]:
    """Seconds to read and generate the source document, and a 1 MB one of its shape."""
    try:  # the generator's own benchmark makes varied copies; use it when it is there
        from generation import synthetic  # type: ignore[import-not-found]

        big = synthetic(1024)
    except ImportError:
        big = _synthetic(1024 * 1024)
    out: dict[str, Any] = {}
    for label, text in (("source", SOURCE.read_text(encoding="utf-8")), ("1 MB", big)):
        started = time.perf_counter()
        count = _generate(text, "bench.txt")
        out[label] = {"seconds": time.perf_counter() - started, "questions": count,
                      "bytes": len(text.encode())}  # fmt: skip
    return out
