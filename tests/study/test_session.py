from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tradequiz.scheduling import Rating, study_day
from tradequiz.scheduling.fsrs_adapter import SchedulerConfig, schedule
from tradequiz.store.cards import Scope, get_card
from tradequiz.store.opening import Store
from tradequiz.study.checking import Response
from tradequiz.study.session import Phase, StudyLimits, StudySession


def _dump(store: Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    cards = store.db.execute("SELECT * FROM cards ORDER BY question_id").fetchall()
    reviews = store.db.execute("SELECT * FROM reviews ORDER BY id").fetchall()
    return cards, reviews


def _session(store: Store, now: datetime, **limits: int) -> StudySession:
    return StudySession(store, Scope(), study_day(now), limits=StudyLimits(**limits))


def _correct_response(session: StudySession) -> Response:
    q = session.current.stored.question  # type: ignore[union-attr]
    if q.kind in ("multiple_choice", "debate"):
        return next(i for i, c in enumerate(q.choices) if c.correct)
    if q.kind == "true_false":
        return q.truth
    if q.kind in ("cloze", "short_answer"):
        return q.answers[0]
    return None


def test_grade_stores_review_and_schedules_with_fsrs(store: Store, now: datetime) -> None:
    session = _session(store, now)
    shown = session.start(now)
    assert shown is not None and shown.is_new
    qpk = shown.card.question_id
    feedback = session.answer(_correct_response(session), now + timedelta(seconds=30))
    session.grade(Rating.GOOD, now + timedelta(seconds=31))
    expected = schedule(
        shown.card.state, Rating.GOOD, now + timedelta(seconds=31), SchedulerConfig(),
        seed=shown.stored.question.id,
    )  # fmt: skip
    assert get_card(store.db, qpk).state == expected
    row = store.db.execute(
        "SELECT rating, correct, duration_ms, state_before, due_after FROM reviews"
    ).fetchone()
    assert row == (3, None if feedback.verdict.correct is None else 1, 30000, 0, expected.due)


def test_wrong_answer_proposes_again(store: Store, now: datetime) -> None:
    session = _session(store, now)
    session.start(now)
    # Find a multiple-choice question to answer wrongly.
    while session.current is not None and session.current.stored.question.kind != "multiple_choice":
        session.answer(None, now)
        session.grade(Rating.GOOD, now)
    assert session.current is not None
    q = session.current.stored.question
    wrong = next(i for i, c in enumerate(q.choices) if not c.correct)
    feedback = session.answer(wrong, now + timedelta(seconds=5))
    assert feedback.verdict.correct is False
    assert feedback.verdict.proposed is Rating.AGAIN
    assert feedback.passage is not None and feedback.passage.text


def test_undo_restores_the_database_exactly(store: Store, now: datetime) -> None:
    session = _session(store, now)
    session.start(now)
    session.answer(_correct_response(session), now)
    session.grade(Rating.GOOD, now)
    before = _dump(store)
    first = session.current
    assert first is not None
    session.answer(_correct_response(session), now + timedelta(seconds=9))
    session.grade(Rating.EASY, now + timedelta(seconds=10))
    assert _dump(store) != before
    shown = session.undo(now + timedelta(seconds=20))
    assert _dump(store) == before
    assert shown is not None and shown.card.question_id == first.card.question_id
    assert session.phase is Phase.ASKING
    assert session.summary.answered == 1


def test_daily_new_limit_ends_the_session(store: Store, now: datetime) -> None:
    session = _session(store, now, new_per_day=3)
    session.start(now)
    answered = 0
    while session.phase is not Phase.FINISHED and answered < 50:
        session.answer(None, now)
        session.grade(Rating.EASY, now)
        answered += 1
    new_seen = store.db.execute("SELECT count(*) FROM reviews WHERE state_before = 0").fetchone()
    assert new_seen[0] == 3
    # A fresh session the same day respects what was already studied.
    assert _session(store, now, new_per_day=3).start(now) is None


def test_grading_before_answering_is_refused(store: Store, now: datetime) -> None:
    session = _session(store, now)
    session.start(now)
    with pytest.raises(RuntimeError):
        session.grade(Rating.GOOD, now)
