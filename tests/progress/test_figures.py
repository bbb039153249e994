"""Every progress figure against a value worked out by hand from tests/progress/seed.py.

The study day "today" is 2026-03-02 (UTC, rollover 04:00); the 30-day window starts at
2026-02-01 04:00.  Reviews (question, study day, state before, rating, correct, seconds):

    a1 01-21 new    Good  right 10   (outside the window)
    a1 02-20 review Good  right  8
    a2 02-26 review Again wrong 12
    a2 02-28 learn  Good  —      5   (self-rated)
    a3 03-01 new    Good  right  6   (03-02 03:00, before the rollover)
    b1 03-01 review Hard  right  7
    b1 03-02 review Again wrong  9
    a3 03-02 learn  Good  right  4
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from tests.progress.seed import CALENDAR, CARDS, NOW, seed
from tradequiz.progress.figures import compute_progress, current_streak
from tradequiz.scheduling.card_state import CardState
from tradequiz.scheduling.fsrs_adapter import SchedulerConfig, retrievability
from tradequiz.store.opening import Store


def _recall(qid: str) -> float:
    _queue, state, stability, due, last, reps, lapses = CARDS[qid]
    card = CardState(state, None, stability, 5.0, due, last, reps, lapses)
    return retrievability(card, NOW, SchedulerConfig())


@pytest.fixture
def report(empty_store: Store):
    seeded = seed(empty_store)
    return compute_progress(empty_store.db, seeded.document_id, NOW, CALENDAR)


def test_document_and_sections(report) -> None:
    assert (report.bank_id, report.title, report.bank_version) == (
        "seed-bank",
        "Seeded trade bank",
        3,
    )
    assert report.today == date(2026, 3, 2)
    assert [s.key for s in report.sections] == ["tariffs", "quotas", "outlook"]


def test_state_counts(report) -> None:
    tariffs, quotas, outlook = report.sections
    # (total, new, learning, review, mastered, due today)
    assert (tariffs.total, tariffs.new, tariffs.learning, tariffs.review, tariffs.mastered) == (
        3, 0, 1, 1, 1,
    )  # fmt: skip
    assert (quotas.total, quotas.new, quotas.learning, quotas.review, quotas.mastered) == (
        2, 1, 1, 0, 0,
    )  # fmt: skip
    assert (outlook.total, outlook.new) == (1, 1)
    # a3 is learning and due a minute ago, a2 is a review due at 20:00 today; b1 is
    # relearning but due in ten minutes, not now.
    assert [s.due_today for s in report.sections] == [2, 0, 0]
    overall = report.overall
    assert (overall.total, overall.new, overall.learning, overall.review, overall.mastered) == (
        6, 2, 2, 1, 1,
    )  # fmt: skip
    assert overall.due_today == 2


def test_true_retention_last_30_days(report) -> None:
    tariffs, quotas, outlook = report.sections
    # Reviews of learned questions in the window: a1 02-20 Good, a2 02-26 Again.
    assert (tariffs.learned_reviews_30d, tariffs.learned_passed_30d) == (2, 1)
    assert tariffs.retention == pytest.approx(0.5)
    # b1 03-01 Hard (passes), b1 03-02 Again.
    assert quotas.retention == pytest.approx(0.5)
    assert outlook.retention is None
    assert report.overall.retention == pytest.approx(2 / 4)


def test_accuracy_counts_checked_answers_only(report) -> None:
    tariffs, quotas, outlook = report.sections
    # a2 on 02-28 was self-rated: not checked.
    assert (tariffs.checked, tariffs.correct) == (5, 4)
    assert tariffs.accuracy == pytest.approx(0.8)
    assert quotas.accuracy == pytest.approx(0.5)
    assert outlook.accuracy is None
    assert report.overall.accuracy == pytest.approx(5 / 7)


def test_time_studied_and_reviews_per_day(report) -> None:
    tariffs = report.sections[0]
    assert [s.reviews for s in report.sections] == [6, 2, 0]
    assert [s.time_studied_ms for s in report.sections] == [45_000, 16_000, 0]
    assert report.overall.time_studied_ms == 61_000
    # The a1 review of 01-21 is outside the last 30 study days.
    assert [s.reviews_30d for s in report.sections] == [5, 2, 0]
    assert tariffs.reviews_per_day == pytest.approx(5 / 30)
    assert report.overall.reviews_per_day == pytest.approx(7 / 30)


def test_recall_now_is_fsrs_retrievability(report) -> None:
    tariffs, quotas, outlook = report.sections
    expected = (_recall("a1") + _recall("a2") + _recall("a3")) / 3
    assert tariffs.recall == pytest.approx(expected, rel=1e-9)
    assert _recall("a3") == pytest.approx(1.0)  # reviewed an hour ago
    assert 0.9 < _recall("a1") < 1.0  # 10 days into a 30-day stability
    assert quotas.recall == pytest.approx(_recall("b1"), rel=1e-9)
    assert outlook.recall is None
    overall = (_recall("a1") + _recall("a2") + _recall("a3") + _recall("b1")) / 4
    assert report.overall.recall == pytest.approx(overall, rel=1e-9)


def test_due_forecast(report) -> None:
    tariffs, quotas, _outlook = report.sections
    # Today: a3 (overdue), a2 (20:00), b1 (15:10); a1 in exactly 20 days.
    assert len(tariffs.forecast) == 30
    assert tariffs.forecast[0] == 2 and tariffs.forecast[20] == 1
    assert sum(tariffs.forecast) == 3
    assert quotas.forecast[0] == 1 and sum(quotas.forecast) == 1
    assert report.overall.forecast[0] == 3 and report.overall.forecast[20] == 1
    assert report.forecast_days[20] == date(2026, 3, 22)


def test_streak_and_activity(report) -> None:
    # Study days with reviews: 01-21, 02-20, 02-26, 02-28, 03-01, 03-02; no 02-27.
    assert report.streak == 3
    assert report.studied_today
    days = {a.day: (a.reviews, a.time_ms) for a in report.activity}
    assert days == {
        date(2026, 1, 21): (1, 10_000),
        date(2026, 2, 20): (1, 8_000),
        date(2026, 2, 26): (1, 12_000),
        date(2026, 2, 28): (1, 5_000),
        date(2026, 3, 1): (2, 13_000),
        date(2026, 3, 2): (2, 13_000),
    }


def test_retention_over_time_by_week(report) -> None:
    weeks = report.retention_weeks
    assert len(weeks) == 12
    last, before = weeks[-1], weeks[-2]
    assert last.last_day == date(2026, 3, 2)
    # 02-24 … 03-02: a2 Again, b1 Hard, b1 Again.
    assert (last.reviews, last.passed) == (3, 1)
    # 02-17 … 02-23: a1 Good.
    assert (before.reviews, before.passed) == (1, 1)
    assert weeks[0].retention is None


def test_streak_waits_for_today() -> None:
    today = date(2026, 3, 2)
    yesterday = today - timedelta(days=1)
    assert current_streak({yesterday, yesterday - timedelta(days=1)}, today) == 2
    assert current_streak({today - timedelta(days=2)}, today) == 0
    assert current_streak(set(), today) == 0


def test_later_moment_changes_the_day(empty_store: Store) -> None:
    seeded = seed(empty_store)
    # Two days later nothing was studied on 03-03 or 03-04: the streak is broken.
    later = compute_progress(empty_store.db, seeded.document_id, NOW + timedelta(days=2), CALENDAR)
    assert later.today == date(2026, 3, 4)
    assert later.streak == 0 and not later.studied_today
    # The window now starts on 02-03: a1 of 02-20 is still in it, a1 of 01-21 is not.
    assert later.overall.reviews_30d == 7


def test_unknown_document(empty_store: Store) -> None:
    with pytest.raises(KeyError):
        compute_progress(empty_store.db, 99, datetime(2026, 1, 1, tzinfo=NOW.tzinfo), CALENDAR)
