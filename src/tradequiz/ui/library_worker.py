"""Run a library job (add a document, add a bank) off the GUI thread.

The worker opens its own connection to the learner's database (SQLite
connections are not shared between threads) and never touches a widget: it
only emits signals, which Qt delivers to the GUI thread.  A cancelled job
stops at its next step; nothing is written after cancel.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QThread, Signal

from tradequiz.bank.problems import BankError
from tradequiz.document.reader import DocumentError
from tradequiz.library import Cancelled, CancelToken, Step
from tradequiz.library.steps import Report
from tradequiz.paths import DataPaths
from tradequiz.store.connection import StoreError
from tradequiz.store.opening import Store, open_store

Job = Callable[[Store, Report, CancelToken], Any]

# Workers still running; kept referenced so that closing a dialog never
# destroys a running thread (wait_for_workers() lets them end before exit).
_running: set[LibraryWorker] = set()


class LibraryWorker(QThread):
    progressed = Signal(int, int, str, bool)  # step, total, label, cancellable
    succeeded = Signal(object)
    failed = Signal(str, str)  # message, details
    cancelled = Signal()

    def __init__(self, paths: DataPaths, now: datetime, job: Job) -> None:
        super().__init__()
        self.paths = paths
        self.now = now
        self.job = job
        self.token = CancelToken()
        self.finished.connect(self._forget)

    def start_job(self) -> None:
        _running.add(self)
        self.start()

    def cancel(self) -> None:
        self.token.cancel()

    def _report(self, step: Step) -> None:
        self.progressed.emit(step.index, step.total, step.label, step.cancellable)

    def run(self) -> None:
        try:
            store = open_store(self.paths.database, self.now, self.paths.backups)
        except StoreError as exc:
            self.failed.emit(str(exc), "")
            return
        try:
            result = self.job(store, self._report, self.token)
        except Cancelled:
            self.cancelled.emit()
        except (BankError, DocumentError, StoreError, OSError) as exc:
            self.failed.emit(str(exc), "")
        except Exception as exc:  # a bug: say so, with the details, rather than die silently
            self.failed.emit(f"Something went wrong: {exc}", traceback.format_exc())
        else:
            self.succeeded.emit(result)
        finally:
            store.close()

    def _forget(self) -> None:
        _running.discard(self)


def wait_for_workers(timeout_ms: int = 60_000) -> None:
    """Let running jobs finish (they stop at their next step once cancelled)."""
    for worker in list(_running):
        worker.cancel()
        worker.wait(timeout_ms)
    _running.clear()
