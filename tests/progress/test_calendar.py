"""Study days across a clock change, in Python and in the SQL that buckets reviews."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from tradequiz.progress.calendar import DayCalendar, DaySegment
from tradequiz.store.progress_queries import day_sql

BERLIN = DayCalendar(rollover_hour=4, tz=ZoneInfo("Europe/Berlin"))


def test_day_of_respects_rollover_and_zone() -> None:
    # 02:30 UTC on 30 March is 04:30 CEST: already the 30th; 01:30 UTC is 03:30: the 29th.
    assert BERLIN.day_of(datetime(2026, 3, 30, 2, 30, tzinfo=UTC)) == date(2026, 3, 30)
    assert BERLIN.day_of(datetime(2026, 3, 30, 1, 30, tzinfo=UTC)) == date(2026, 3, 29)
    tokyo = DayCalendar(4, ZoneInfo("Asia/Tokyo"))
    # 20:00 UTC on 1 March is 05:00 on 2 March in Tokyo.
    assert tokyo.day_of(datetime(2026, 3, 1, 20, tzinfo=UTC)) == date(2026, 3, 2)


def test_clock_change_day_is_its_own_segment() -> None:
    # Clocks go forward on 29 March 2026 at 02:00: the study day 28 March (04:00 CET to
    # 04:00 CEST) lasts 23 hours.
    segments = BERLIN.segments(date(2026, 3, 26), date(2026, 4, 2))
    start = BERLIN.start_of(date(2026, 3, 26))
    assert segments == [
        DaySegment(start, date(2026, 3, 26).toordinal(), 2),
        DaySegment(start + 2 * 86400, date(2026, 3, 28).toordinal(), 1),
        DaySegment(start + 3 * 86400 - 3600, date(2026, 3, 29).toordinal(), 5),
    ]
    assert sum(s.days for s in segments) == 8


def test_sql_buckets_match_python_across_the_change() -> None:
    segments = BERLIN.segments(date(2026, 3, 20), date(2026, 4, 5))
    expression = day_sql(":t", [(s.start, s.ordinal, s.days) for s in segments])
    conn = sqlite3.connect(":memory:")
    first = BERLIN.start_of(date(2026, 3, 20))
    last = BERLIN.end_of(date(2026, 4, 5))
    for moment in range(first, last, 900):
        (ordinal,) = conn.execute(f"SELECT {expression}", {"t": moment}).fetchone()
        expected = BERLIN.day_of(datetime.fromtimestamp(moment, UTC))
        assert date.fromordinal(ordinal) == expected, datetime.fromtimestamp(moment, UTC)
    # Before the first segment: NULL unless a value is given.
    assert conn.execute(f"SELECT {expression}", {"t": first - 1}).fetchone() == (None,)
