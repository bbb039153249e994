"""The Qt binding itself must not crash a long study session.

PySide6 6.12.0 drops one reference to ``None`` on every Python slot call and
every ``processEvents()``.  On Python 3.11, where ``None`` is reference
counted, the app then aborts with "Fatal Python error: none_dealloc" after a
few thousand events — in the middle of a session.  pyproject.toml excludes
that version; this test catches any other binding release with the same fault.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    fired = Signal()


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_slots_and_event_processing_keep_none_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    emitter = _Emitter()
    calls: list[int] = []
    emitter.fired.connect(lambda: calls.append(1))
    before = sys.getrefcount(None)
    for _ in range(500):
        emitter.fired.emit()
        widget.update()
        QApplication.processEvents()
    after = sys.getrefcount(None)
    assert len(calls) == 500
    # A leak loses at least one reference per round; allow noise from the interpreter.
    assert before - after < 100, f"None lost {before - after} references in 500 rounds"
