"""A learner's study preferences: daily limits, the scheduler's settings, the day rollover.

Stored in the profile's database (``settings`` table) so they travel with it;
read here with defaults and range checks so a bad value can never break a
session.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from tradequiz.scheduling.fsrs_adapter import SchedulerConfig
from tradequiz.store.settings import all_settings, set_settings
from tradequiz.study.session import StudyLimits


@dataclass(frozen=True)
class Preferences:
    new_per_day: int = 20
    reviews_per_day: int = 200
    desired_retention: float = 0.90
    learning_steps_minutes: tuple[float, ...] = (1.0, 10.0)
    relearning_steps_minutes: tuple[float, ...] = (10.0,)
    maximum_interval_days: int = 36500
    fuzz: bool = True
    rollover_hour: int = 4
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def limits(self) -> StudyLimits:
        return StudyLimits(new_per_day=self.new_per_day, reviews_per_day=self.reviews_per_day)

    def scheduler(self) -> SchedulerConfig:
        return SchedulerConfig(
            desired_retention=self.desired_retention,
            learning_steps=tuple(round(m * 60) for m in self.learning_steps_minutes),
            relearning_steps=tuple(round(m * 60) for m in self.relearning_steps_minutes),
            maximum_interval=self.maximum_interval_days,
            fuzz=self.fuzz,
        )


# name → (lowest, highest) accepted; values outside fall back to the default.
_RANGES: dict[str, tuple[float, float]] = {
    "new_per_day": (0, 9999),
    "reviews_per_day": (0, 99999),
    "desired_retention": (0.70, 0.99),
    "maximum_interval_days": (1, 36500),
    "rollover_hour": (0, 23),
}


def _steps(value: Any, default: tuple[float, ...]) -> tuple[float, ...]:
    if not isinstance(value, list) or not value:
        return default
    try:
        steps = tuple(float(v) for v in value)
    except (TypeError, ValueError):
        return default
    return steps if all(0 < s <= 60 * 24 * 7 for s in steps) else default


def load_preferences(db: Database) -> Preferences:
    stored = all_settings(db)
    defaults = Preferences()
    values: dict[str, Any] = {}
    for name, (low, high) in _RANGES.items():
        value = stored.get(name)
        default = getattr(defaults, name)
        if isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high:
            values[name] = type(default)(value)
    fuzz = stored.get("fuzz")
    if isinstance(fuzz, bool):
        values["fuzz"] = fuzz
    values["learning_steps_minutes"] = _steps(
        stored.get("learning_steps_minutes"), defaults.learning_steps_minutes
    )
    values["relearning_steps_minutes"] = _steps(
        stored.get("relearning_steps_minutes"), defaults.relearning_steps_minutes
    )
    return Preferences(**values)


def save_preferences(db: Database, prefs: Preferences) -> None:
    """Save every preference in one transaction."""
    set_settings(
        db,
        {
            "new_per_day": prefs.new_per_day,
            "reviews_per_day": prefs.reviews_per_day,
            "desired_retention": prefs.desired_retention,
            "learning_steps_minutes": list(prefs.learning_steps_minutes),
            "relearning_steps_minutes": list(prefs.relearning_steps_minutes),
            "maximum_interval_days": prefs.maximum_interval_days,
            "fuzz": prefs.fuzz,
            "rollover_hour": prefs.rollover_hour,
        },
    )


_UNITS = {"s": 1 / 60, "m": 1.0, "h": 60.0, "d": 1440.0}


def parse_steps(text: str) -> tuple[float, ...]:
    """ "1m 10m 1h" → minutes; raises ValueError with a message a learner can act on."""
    steps: list[float] = []
    for token in text.replace(",", " ").split():
        unit = token[-1].lower() if token[-1].isalpha() else "m"
        number = token[:-1] if token[-1].isalpha() else token
        if unit not in _UNITS:
            raise ValueError(f"“{token}”: use s, m, h or d, as in “1m 10m”")
        try:
            value = float(number) * _UNITS[unit]
        except ValueError:
            raise ValueError(f"“{token}” is not a duration, as in “10m”") from None
        if not 0 < value <= 60 * 24 * 7:
            raise ValueError(f"“{token}”: a step must be between 1 second and 7 days")
        steps.append(value)
    if not steps:
        raise ValueError("give at least one step, as in “10m”")
    return tuple(steps)


def format_steps(minutes: tuple[float, ...]) -> str:
    parts = []
    for m in minutes:
        if m >= 1440 and m % 1440 == 0:
            parts.append(f"{m / 1440:g}d")
        elif m >= 60 and m % 60 == 0:
            parts.append(f"{m / 60:g}h")
        elif m < 1:
            parts.append(f"{m * 60:g}s")
        else:
            parts.append(f"{m:g}m")
    return " ".join(parts)
