"""Start the GUI: open the learner's data, show the main window."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from tradequiz.app_context import open_learner_store
from tradequiz.bank.problems import BankError
from tradequiz.desktop_entry import DESKTOP_ID, ICON_SIZES
from tradequiz.paths import DataFolder, resolve_data_dir
from tradequiz.resources import resource
from tradequiz.shipped import refusal_text
from tradequiz.store.connection import StoreError
from tradequiz.ui import messages, startup
from tradequiz.ui.library_worker import wait_for_workers
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.theme import apply_theme


def utc_now() -> datetime:
    """The app's clock; the only place the GUI reads the time."""
    return datetime.now(UTC)


def app_icon() -> QIcon:
    """The icon at every rendered size (tools/make_icons.py), so no size is scaled at run time."""
    icon = QIcon()
    for size in ICON_SIZES:
        png = resource(f"icons/hicolor/{size}x{size}/apps/{DESKTOP_ID}.png")
        if png.exists():
            icon.addFile(str(png), QSize(size, size))
    return icon


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("TradeQuiz")
    app.setOrganizationName("TradeQuiz")
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    apply_theme(app, "system")  # until the profile's own appearance is known
    folder = DataFolder(resolve_data_dir(args.data_dir))
    switching_from: str | None = None
    while True:  # once per profile: "Switch profile…" closes the window and comes back here
        try:
            # --self-test runs unattended (installers, the bundle check): it never asks.
            choice = startup.choose_profile(
                folder, getattr(args, "profile", None), utc_now, switching_from,
                ask=not getattr(args, "self_test", False),
            )  # fmt: skip
            if choice.quit:
                return 0
            context = open_learner_store(args.data_dir, utc_now(), profile=choice.name)
        except (StoreError, BankError) as exc:
            messages.error(None, "TradeQuiz cannot start", str(exc))
            return 1
        window = startup.open_window(context, utc_now)
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
            code = int(app.exec())
        finally:
            startup.remember(window, context)
            wait_for_workers()
            context.store.close()
        if not window.library_actions.switch_requested:
            return code
        switching_from = context.profile


def self_test(app: QApplication, window: MainWindow) -> int:
    """Start a session on the first document and report the first question painted."""
    app.processEvents()
    if window.home.document_id is None:
        window.start_everything()
    else:
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
