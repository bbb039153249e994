"""A question's scheduling state as stored, independent of the fsrs package's classes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Rating(IntEnum):
    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        return self.name.capitalize()


STATE_NEW, STATE_LEARNING, STATE_REVIEW, STATE_RELEARNING = 0, 1, 2, 3


@dataclass(frozen=True)
class CardState:
    """Times are epoch seconds (UTC).  ``state`` 0 means never studied."""

    state: int = STATE_NEW
    step: int | None = None
    stability: float | None = None
    difficulty: float | None = None
    due: int = 0
    last_review: int | None = None
    reps: int = 0
    lapses: int = 0

    @property
    def is_new(self) -> bool:
        return self.state == STATE_NEW
