"""A second launch raises the first window; a killed instance's lock does not block."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tradequiz.paths import DB_FILENAME
from tradequiz.store.opening import Store
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.single_instance import LOCK_NAME, SingleInstance

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL")


def _env() -> dict[str, str]:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def test_second_launch_raises_the_first_window_and_opens_nothing(
    qtbot: QtBot, tmp_path: Path, store: Store, now: datetime
) -> None:
    root = tmp_path / "data"
    first = SingleInstance(root)
    assert first.acquire()
    window = MainWindow(store, lambda: now)
    qtbot.addWidget(window)
    first.activation_requested.connect(window.bring_to_front)
    window.showMinimized()
    try:
        with qtbot.waitSignal(first.activation_requested, timeout=30000):
            second = subprocess.Popen(
                [sys.executable, "-m", "tradequiz", "--data-dir", str(root)],
                env=_env(),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
            )
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
    finally:
        first.release()
    _out, err = second.communicate()
    assert second.returncode == 0, err.decode()
    assert not (root / DB_FILENAME).exists()  # the second launch never opened the database
    assert not window.isMinimized() and window.isVisible()


def test_a_second_holder_in_the_same_folder_is_refused(tmp_path: Path) -> None:
    first, second = SingleInstance(tmp_path), SingleInstance(tmp_path)
    assert first.acquire()
    try:
        assert not second.acquire()
    finally:
        first.release()
    assert second.acquire()  # released: the next launch gets it
    second.release()


def test_stale_lock_of_a_killed_instance_does_not_block(qtbot: QtBot, tmp_path: Path) -> None:
    holder = textwrap.dedent(
        f"""
        import sys, time
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from tradequiz.ui.single_instance import SingleInstance
        app = QCoreApplication([])
        instance = SingleInstance(Path({str(tmp_path)!r}))
        assert instance.acquire()
        print("LOCKED", flush=True)
        time.sleep(60)
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", holder], env=_env(), stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "LOCKED"
    assert not SingleInstance(tmp_path).acquire()  # held by a live process
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert (tmp_path / LOCK_NAME).exists()  # the killed process left its lock behind
    after = SingleInstance(tmp_path)
    assert after.acquire()
    # It also listens again despite the killed instance's leftover socket: a later
    # launch reaches it.
    client = textwrap.dedent(
        f"""
        import sys
        from pathlib import Path
        from PySide6.QtCore import QCoreApplication
        from tradequiz.ui.single_instance import SingleInstance
        app = QCoreApplication([])
        sys.exit(0 if SingleInstance(Path({str(tmp_path)!r})).activate_running() else 3)
        """
    )
    try:
        with qtbot.waitSignal(after.activation_requested, timeout=30000):
            late = subprocess.Popen([sys.executable, "-c", client], env=_env())
        qtbot.waitUntil(lambda: late.poll() is not None, timeout=30000)
    finally:
        after.release()
    assert late.returncode == 0
