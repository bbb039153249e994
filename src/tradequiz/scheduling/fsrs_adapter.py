"""Schedule with the `fsrs` package; values in, new values out.

Interval fuzz is applied here rather than by fsrs: fsrs draws from the global
``random`` module, which would make schedules unrepeatable.  Like Anki, we
seed the fuzz with the question and its review count, so the same history
always gives the same due date (and tests can assert exact intervals).
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import fsrs
from fsrs.scheduler import FUZZ_RANGES

from tradequiz.scheduling.card_state import (
    STATE_LEARNING,
    STATE_NEW,
    STATE_RELEARNING,
    STATE_REVIEW,
    CardState,
    Rating,
)

_TO_FSRS = {STATE_LEARNING: fsrs.State.Learning, STATE_REVIEW: fsrs.State.Review,
            STATE_RELEARNING: fsrs.State.Relearning}  # fmt: skip
_FROM_FSRS = {v: k for k, v in _TO_FSRS.items()}


@dataclass(frozen=True)
class SchedulerConfig:
    desired_retention: float = 0.90
    learning_steps: tuple[int, ...] = (60, 600)  # seconds
    relearning_steps: tuple[int, ...] = (600,)
    maximum_interval: int = 36500  # days
    fuzz: bool = True
    parameters: tuple[float, ...] = field(default=tuple(fsrs.scheduler.DEFAULT_PARAMETERS))

    def fsrs_scheduler(self) -> fsrs.Scheduler:
        return _scheduler(self)


_CACHE: dict[SchedulerConfig, fsrs.Scheduler] = {}


def _scheduler(config: SchedulerConfig) -> fsrs.Scheduler:
    scheduler = _CACHE.get(config)
    if scheduler is None:
        scheduler = fsrs.Scheduler(
            parameters=config.parameters,
            desired_retention=config.desired_retention,
            learning_steps=tuple(timedelta(seconds=s) for s in config.learning_steps),
            relearning_steps=tuple(timedelta(seconds=s) for s in config.relearning_steps),
            maximum_interval=config.maximum_interval,
            enable_fuzzing=False,
        )
        _CACHE[config] = scheduler
    return scheduler


def _dt(epoch: int | None) -> datetime | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC)


def to_fsrs(card: CardState) -> fsrs.Card:
    if card.state == STATE_NEW:
        return fsrs.Card(card_id=1, state=fsrs.State.Learning, step=0, due=_dt(card.due))
    return fsrs.Card(
        card_id=1,
        state=_TO_FSRS[card.state],
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=_dt(card.due),
        last_review=_dt(card.last_review),
    )


def _fuzz_days(interval_days: int, maximum: int, seed: str) -> int:
    """fsrs's own fuzz range, drawn from a generator seeded per question and review."""
    if interval_days < 2.5:
        return interval_days
    delta = 1.0
    for fuzz_range in FUZZ_RANGES:
        delta += fuzz_range["factor"] * max(
            min(float(interval_days), fuzz_range["end"]) - fuzz_range["start"], 0.0
        )
    low = max(2, round(interval_days - delta))
    high = min(round(interval_days + delta), maximum)
    low = min(low, high)
    rng = random.Random(hashlib.sha256(seed.encode()).digest())
    return min(round(rng.random() * (high - low + 1) + low), maximum)


def schedule(
    card: CardState, rating: Rating, now: datetime, config: SchedulerConfig, seed: str = ""
) -> CardState:
    """Return the card's state after ``rating`` at ``now`` (aware UTC)."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(UTC)
    result, _log = _scheduler(config).review_card(to_fsrs(card), fsrs.Rating(int(rating)), now)
    due = result.due
    if config.fuzz and result.state == fsrs.State.Review:
        days = (due - now).days
        fuzzed = _fuzz_days(days, config.maximum_interval, f"{seed}:{card.reps}")
        due = now + timedelta(days=fuzzed)
    lapse = card.state == STATE_REVIEW and rating == Rating.AGAIN
    return CardState(
        state=_FROM_FSRS[result.state],
        step=result.step,
        stability=result.stability,
        difficulty=result.difficulty,
        due=int(due.timestamp()),
        last_review=int(now.timestamp()),
        reps=card.reps + 1,
        lapses=card.lapses + (1 if lapse else 0),
    )


def retrievability(card: CardState, now: datetime, config: SchedulerConfig) -> float:
    """Probability of recalling the card at ``now`` (0 for a card never studied)."""
    if card.state == STATE_NEW or card.stability is None:
        return 0.0
    return float(_scheduler(config).get_card_retrievability(to_fsrs(card), now.astimezone(UTC)))
