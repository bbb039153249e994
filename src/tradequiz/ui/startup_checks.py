"""What happens between launching the app and showing its window, when things go wrong.

Every problem a learner can meet at start (an unwritable or synced data
folder, a damaged or newer database, a full disk, a broken shipped bank) is
shown through ``ui.messages`` with what to do, never as a traceback.
"""

from __future__ import annotations

import sqlite3
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from tradequiz.app_context import LearnerContext, open_learner_store
from tradequiz.bank.problems import BankError
from tradequiz.data_folder import check_data_folder
from tradequiz.paths import DataPaths
from tradequiz.store.connection import StoreError, write_failure
from tradequiz.store.integrity import CorruptDatabaseError, newest_good_backup, restore_backup
from tradequiz.ui import messages

CANNOT_START = "TradeQuiz cannot start"
Clock = Callable[[], datetime]


def check_folder(root: Path) -> bool:
    """Show the data folder's problems; False when the app must not start."""
    problems = check_data_folder(root)
    errors = [p.message for p in problems if p.severity == "error"]
    if errors:
        messages.error(None, CANNOT_START, "\n\n".join(errors))
        return False
    warnings = [p.message for p in problems if p.severity == "warning"]
    if warnings:
        messages.warning(None, "Check your data folder", "\n\n".join(warnings))
    return True


def open_with_recovery(
    root: Path, clock: Clock, profile: str | None = None
) -> LearnerContext | None:
    """Open the learner's profile; on a damaged database offer the newest good backup.

    Returns None (after telling the learner why) when the app cannot go on.
    """
    try:
        return _open(root, clock, profile)
    except CorruptDatabaseError as exc:
        paths = DataPaths(exc.path.parent)
        backup = newest_good_backup(paths.backups)
        if backup is None:
            messages.error(
                None,
                CANNOT_START,
                f"{exc}\n\nNo usable backup was found in {paths.backups}. The damaged file "
                "has been left as it is.",
            )
            return None
        if not messages.offer_restore(None, str(exc), backup.name):
            return None
        try:
            aside = restore_backup(backup, paths.database, clock())
        except (StoreError, OSError, sqlite3.Error) as restore_exc:
            messages.error(None, CANNOT_START, f"The backup could not be restored: {restore_exc}")
            return None
        try:
            context = _open(root, clock, profile)
        except _STARTUP_ERRORS as again:
            messages.error(None, CANNOT_START, describe(again))
            return None
        messages.info(
            None,
            "Backup restored",
            f"Your data was restored from {backup.name}. The damaged file was kept as "
            f"{aside.name}.",
        )
        return context
    except _STARTUP_ERRORS as exc:
        messages.error(None, CANNOT_START, describe(exc))
        return None


_STARTUP_ERRORS = (StoreError, BankError, OSError, sqlite3.Error)


def _open(root: Path, clock: Clock, profile: str | None) -> LearnerContext:
    return open_learner_store(str(root), clock(), profile=profile)


def describe(exc: BaseException) -> str:
    """A learner-facing sentence for an error met while opening or writing data."""
    if isinstance(exc, sqlite3.Error):
        reason = write_failure(exc)
        if reason is not None:
            return f"Your data could not be saved: {reason}. Nothing was changed."
        return f"The database reported a problem: {exc}"
    if isinstance(exc, OSError):
        return f"{exc.filename or 'A file'}: {exc.strerror or exc}"
    return str(exc)


def install_excepthook() -> None:
    """Show an unexpected error as a message with details instead of only a traceback."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        previous(kind, value, tb)
        if issubclass(kind, KeyboardInterrupt):
            return
        details = "".join(traceback.format_exception(kind, value, tb))
        if isinstance(value, StoreError | sqlite3.Error | OSError):
            text = describe(value)
        else:
            text = "Something went wrong. Your answers so far are saved."
        messages.error(None, "TradeQuiz", text, details)

    sys.excepthook = hook
