"""Start-up and shut-down around the main window: which profile, its theme, what was open.

At start the profile chooser appears only when there is more than one
profile and none was asked for (``--profile`` or ``TRADEQUIZ_PROFILE``).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import QDialog

from tradequiz.app_context import LearnerContext
from tradequiz.paths import ENV_PROFILE, DataFolder
from tradequiz.profiles import list_profiles, migrate_legacy
from tradequiz.store.backup import AutoBackup
from tradequiz.ui.app_settings import ProfileSettings, WindowSettings
from tradequiz.ui.appearance import apply_appearance, load_appearance
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.profile_dialog import ProfileDialog

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Choice:
    """``quit``: the learner closed the chooser; else ``name`` (None: the usual profile)."""

    name: str | None = None
    quit: bool = False


def choose_profile(folder: DataFolder, requested: str | None, clock: Clock,
                   switching_from: str | None = None, ask: bool = True) -> Choice:  # fmt: skip
    """Ask who is studying when that is not already clear (and ``ask`` allows it)."""
    migrate_legacy(folder, clock())
    if not ask:
        return Choice(requested or None)
    if switching_from is None:
        wanted = requested or os.environ.get(ENV_PROFILE)
        if wanted:
            return Choice(wanted)
        if len(list_profiles(folder)) <= 1:
            return Choice(None)
    dialog = ProfileDialog(folder, clock, None, switching_from)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.selected is None:
        return Choice(switching_from) if switching_from else Choice(quit=True)
    return Choice(dialog.selected)


def open_window(
    context: LearnerContext, clock: Clock, auto_backup: AutoBackup | None = None
) -> MainWindow:
    """The main window for an open profile, with its theme, last document and geometry."""
    profile = ProfileSettings(context.paths)
    apply_appearance(load_appearance(profile))
    window = MainWindow(context.store, clock, auto_backup=auto_backup)
    window.setWindowTitle(f"TradeQuiz — {context.profile}")
    WindowSettings(context.folder).restore(window)
    window.home.show_start(profile.last_document)
    return window


def remember(window: MainWindow, context: LearnerContext) -> None:
    """Save the window's geometry and the document it showed."""
    WindowSettings(context.folder).save(window)
    ProfileSettings(context.paths).last_document = window.home.document_id
