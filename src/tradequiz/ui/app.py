"""Start the GUI: open the learner's data, show the main window."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from tradequiz.bank.problems import BankError
from tradequiz.desktop_entry import DESKTOP_ID, ICON_SIZES
from tradequiz.paths import DataFolder, resolve_data_dir
from tradequiz.resources import resource
from tradequiz.shipped import refusal_text
from tradequiz.store.backup import AutoBackup
from tradequiz.store.connection import StoreError
from tradequiz.ui import messages, startup, startup_checks
from tradequiz.ui.library_worker import wait_for_workers
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.single_instance import SingleInstance
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
        if not startup_checks.check_folder(root):
            return 1
        return _run_profiles(app, args, root, instance)
    finally:
        instance.release()


def _run_profiles(
    app: QApplication, args: argparse.Namespace, root: Path, instance: SingleInstance
) -> int:
    """Run the window once per profile: "Switch profile…" closes it and comes back here."""
    self_testing = bool(getattr(args, "self_test", False))
    folder = DataFolder(root)
    switching_from: str | None = None
    while True:
        try:
            # --self-test runs unattended (installers, the bundle check): it never asks.
            choice = startup.choose_profile(
                folder, getattr(args, "profile", None), utc_now, switching_from,
                ask=not self_testing,
            )  # fmt: skip
        except (StoreError, BankError, OSError) as exc:
            messages.error(None, startup_checks.CANNOT_START, startup_checks.describe(exc))
            return 1
        if choice.quit:
            return 0
        context = startup_checks.open_with_recovery(root, utc_now, choice.name)
        if context is None:
            return 1
        backups = AutoBackup(context.store.db, context.paths.backups)
        window = startup.open_window(context, utc_now, auto_backup=backups)
        instance.activation_requested.connect(window.bring_to_front)
        window.show()
        refused = refusal_text(context.loaded)
        if refused and not self_testing:
            messages.error(
                window,
                "A question bank was not loaded",
                "This question bank has errors and was not loaded:\n\n" + refused,
            )
        try:
            if self_testing:
                return self_test(app, window)
            startup_checks.install_excepthook()
            code = int(app.exec())
        finally:
            startup.remember(window, context)
            window.close()  # its close-time backup needs the store still open
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
