"""The learner's "today": it starts at a configurable hour in local time (Anki's rollover)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo


@dataclass(frozen=True)
class StudyDay:
    """Epoch-second bounds of the study day containing a moment."""

    start: int
    end: int


def study_day(now: datetime, rollover_hour: int = 4, tz: tzinfo | None = None) -> StudyDay:
    """The study day around ``now``; ``tz`` defaults to the system's local zone."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    local = now.astimezone(tz) if tz is not None else now.astimezone()
    start = local.replace(hour=rollover_hour, minute=0, second=0, microsecond=0)
    if local < start:
        start -= timedelta(days=1)
    # Add a calendar day in local time, so days across a DST change stay whole days.
    end = (start.replace(tzinfo=None) + timedelta(days=1)).replace(tzinfo=start.tzinfo)
    return StudyDay(int(start.timestamp()), int(end.astimezone(UTC).timestamp()))
