"""Progress, cancellation and errors shared by the library's long operations."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from tradequiz.store.connection import StoreError


class LibraryError(StoreError):
    """A document or bank cannot go into the library; the message says why and names the file."""


class Cancelled(Exception):
    """The learner cancelled; nothing was written."""


@dataclass(frozen=True)
class Step:
    """Step ``index`` of ``total`` (1-based) is starting; ``label`` says what it does.

    ``cancellable`` is False from the step where the work commits: cancelling
    then would no longer undo anything.
    """

    index: int
    total: int
    label: str
    cancellable: bool = True


Report = Callable[[Step], None]


def ignore(_step: Step) -> None:
    """A Report for callers that show no progress."""


class CancelToken:
    """Set from one thread (the GUI), checked between steps in another (the worker)."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()
