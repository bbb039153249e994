"""Start the GUI: open the learner's data, show the main window."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from tradequiz.paths import DataPaths, resolve_data_dir
from tradequiz.resources import resource
from tradequiz.store.backup import AutoBackup
from tradequiz.ui import messages, startup
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.single_instance import SingleInstance
from tradequiz.ui.theme import apply_theme


def utc_now() -> datetime:
    """The app's clock; the only place the GUI reads the time."""
    return datetime.now(UTC)


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("TradeQuiz")
    app.setOrganizationName("TradeQuiz")
    icon = resource("icons/tradequiz.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    apply_theme(app, "system")
    root = resolve_data_dir(args.data_dir)
    instance = SingleInstance(root)
    if not instance.acquire():
        # Another TradeQuiz has this data folder open: bring it forward instead.
        if instance.activate_running():
            return 0
        messages.error(
            None,
            "TradeQuiz is already running",
            f"Another TradeQuiz is using {root} but does not answer. Close it and try again.",
        )
        return 1
    try:
        # After the single-instance check, so a second launch shows no warning twice.
        if not startup.check_folder(root):
            return 1
        context = startup.open_with_recovery(root, utc_now)
        if context is None:
            return 1
        backups = AutoBackup(context.store.db, DataPaths(root).backups)
        window = MainWindow(context.store, utc_now, auto_backup=backups)
        instance.activation_requested.connect(window.bring_to_front)
        window.show()
        try:
            if getattr(args, "self_test", False):
                return self_test(app, window)
            startup.install_excepthook()
            return int(app.exec())
        finally:
            context.store.close()
    finally:
        instance.release()


def self_test(app: QApplication, window: MainWindow) -> int:
    """Start a session on the first document and report the first question painted."""
    app.processEvents()
    if window.home.document_id is None:
        print("self-test: no document loaded", file=sys.stderr)
        return 1
    window.start_document(window.home.document_id)
    app.processEvents()
    session = window.study.session
    if session is None or session.current is None or window.study.view is None:
        print("self-test: no question to study", file=sys.stderr)
        return 1
    window.study.view.grab()
    print(f"self-test: first question: {session.current.stored.question.prompt}")
    window.close()
    return 0
