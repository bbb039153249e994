from __future__ import annotations

from datetime import UTC, datetime, timedelta

import fsrs

from tradequiz.scheduling import CardState, Rating, SchedulerConfig, schedule, study_day

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


def test_good_good_again_good_matches_fsrs_itself() -> None:
    config = SchedulerConfig(fuzz=False)
    reference = fsrs.Scheduler(enable_fuzzing=False)
    ours, theirs = CardState(), fsrs.Card(card_id=1, due=T0)
    when = T0
    for rating in (Rating.GOOD, Rating.GOOD, Rating.AGAIN, Rating.GOOD):
        ours = schedule(ours, rating, when, config)
        theirs, _ = reference.review_card(theirs, fsrs.Rating(int(rating)), when)
        assert ours.due == int(theirs.due.timestamp())
        assert ours.stability == theirs.stability
        assert ours.difficulty == theirs.difficulty
        assert ours.step == theirs.step
        when = theirs.due
    assert ours.reps == 4
    assert ours.lapses == 1


def test_fuzz_is_repeatable_and_within_range() -> None:
    config = SchedulerConfig(fuzz=True)
    card = CardState(state=2, stability=30.0, difficulty=5.0, due=0,
                     last_review=int((T0 - timedelta(days=30)).timestamp()), reps=5)  # fmt: skip
    first = schedule(card, Rating.GOOD, T0, config, seed="q-1")
    again = schedule(card, Rating.GOOD, T0, config, seed="q-1")
    plain = schedule(card, Rating.GOOD, T0, SchedulerConfig(fuzz=False))
    assert first.due == again.due
    days = (first.due - plain.due) / 86400
    assert abs(days) <= 0.15 * (plain.due - T0.timestamp()) / 86400 + 1


def test_study_day_rolls_over_at_the_configured_hour() -> None:
    tz = UTC
    before = study_day(datetime(2026, 1, 5, 3, 59, tzinfo=UTC), 4, tz)
    after = study_day(datetime(2026, 1, 5, 4, 0, tzinfo=UTC), 4, tz)
    assert after.start - before.start == 86400
    assert after.start == int(datetime(2026, 1, 5, 4, tzinfo=UTC).timestamp())
