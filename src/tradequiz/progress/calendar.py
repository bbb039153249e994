"""Study days as calendar dates, and how SQL can map a moment to its study day exactly.

A study day starts at the rollover hour in the learner's time zone (Anki's
"next day starts at"), so a review at 01:30 belongs to the day before.  Days
are usually 86,400 s long, but not on the days clocks change; SQL therefore
gets the range cut into *segments* of equally long days (see
``DaySegment``), which keeps the bucketing exact and still a single pass.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo

from tradequiz.scheduling.study_day import study_day

DAY = 86_400


@dataclass(frozen=True)
class DaySegment:
    """``days`` consecutive study days of exactly 86,400 s starting at ``start`` (epoch s).

    The first of them is the date whose ordinal (``date.toordinal()``) is ``ordinal``.
    """

    start: int
    ordinal: int
    days: int


@dataclass(frozen=True)
class DayCalendar:
    """Study days for one learner: the rollover hour and the time zone (None: the system's)."""

    rollover_hour: int = 4
    tz: tzinfo | None = None

    def day_of(self, moment: datetime) -> date:
        """The calendar date of the study day containing ``moment`` (aware)."""
        start = study_day(moment, self.rollover_hour, self.tz).start
        return self._local(start).date()

    def day_of_epoch(self, epoch: int) -> date:
        return self.day_of(datetime.fromtimestamp(epoch, UTC))

    def start_of(self, day: date) -> int:
        """Epoch seconds at which study day ``day`` begins."""
        naive = datetime(day.year, day.month, day.day, self.rollover_hour)
        if self.tz is None:
            return int(naive.astimezone(UTC).timestamp())
        return int(naive.replace(tzinfo=self.tz).timestamp())

    def end_of(self, day: date) -> int:
        return self.start_of(day + timedelta(days=1))

    def segments(self, first: date, last: date) -> list[DaySegment]:
        """The days ``first`` … ``last`` (inclusive) as runs of equally long days.

        A 23 h or 25 h day (a clock change) is a segment of its own.
        """
        segments: list[DaySegment] = []
        run_is_regular = False
        day = first
        start = self.start_of(day)
        while day <= last:
            end = self.end_of(day)
            regular = end - start == DAY
            if regular and run_is_regular:
                previous = segments[-1]
                segments[-1] = DaySegment(previous.start, previous.ordinal, previous.days + 1)
            else:
                segments.append(DaySegment(start, day.toordinal(), 1))
                run_is_regular = regular
            day += timedelta(days=1)
            start = end
        return segments

    def _local(self, epoch: int) -> datetime:
        moment = datetime.fromtimestamp(epoch, UTC)
        return moment.astimezone(self.tz) if self.tz is not None else moment.astimezone()
