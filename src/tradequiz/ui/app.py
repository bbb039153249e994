"""Start the GUI: open the learner's data, show the main window."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from tradequiz.app_context import open_learner_store
from tradequiz.bank.problems import BankError
from tradequiz.resources import resource
from tradequiz.shipped import refusal_text
from tradequiz.store.connection import StoreError
from tradequiz.ui import messages
from tradequiz.ui.appearance import apply_appearance, load_appearance
from tradequiz.ui.main_window import MainWindow


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
    apply_appearance(app, load_appearance())
    try:
        context = open_learner_store(args.data_dir, utc_now())
    except (StoreError, BankError) as exc:
        messages.error(None, "TradeQuiz cannot start", str(exc))
        return 1
    window = MainWindow(context.store, utc_now)
    window.show()
    refused = refusal_text(context.loaded)
    if refused and not getattr(args, "self_test", False):
        messages.error(
            window,
            "A question bank was not loaded",
            "This question bank has errors and was not loaded:\n\n" + refused,
        )
    try:
        if getattr(args, "self_test", False):
            return self_test(app, window)
        return int(app.exec())
    finally:
        context.store.close()


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
