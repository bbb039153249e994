"""Queue order, daily limits, interleaving, study-ahead — and that choosing is indexed."""

from __future__ import annotations

from datetime import datetime, timedelta

from tradequiz.scheduling import Rating, study_day
from tradequiz.store import cards
from tradequiz.store.cards import Scope
from tradequiz.store.opening import Store
from tradequiz.study.session import Phase, StudyLimits, StudySession


def _set(store: Store, qpk: int, queue: int, state: int, due: int) -> None:
    store.db.execute(
        "UPDATE cards SET queue=?, state=?, due=?, stability=5, difficulty=5, last_review=?"
        " WHERE question_id=?",
        [queue, state, due, due - 86400, qpk],
    )


def _ids(store: Store) -> list[int]:
    return [r[0] for r in store.db.execute("SELECT question_id FROM cards ORDER BY question_id")]


def test_learning_first_then_reviews_then_new(store: Store, now: datetime) -> None:
    t = int(now.timestamp())
    ids = _ids(store)
    _set(store, ids[5], 2, 2, t - 3600)  # review due
    _set(store, ids[6], 1, 1, t - 60)  # learning due
    _set(store, ids[7], 2, 2, t + 86400 * 5)  # review not due
    session = StudySession(store, Scope(), study_day(now))
    first = session.start(now)
    assert first is not None and first.card.question_id == ids[6]
    session.answer(None, now)
    second = session.grade(Rating.GOOD, now)
    assert second is not None and second.card.question_id == ids[5]
    session.answer(None, now)
    third = session.grade(Rating.GOOD, now)
    assert third is not None and third.is_new


def test_new_questions_are_spread_among_reviews(store: Store, now: datetime) -> None:
    t = int(now.timestamp())
    ids = _ids(store)
    for qpk in ids[:12]:
        _set(store, qpk, 2, 2, t - 100)
    session = StudySession(store, Scope(), study_day(now), limits=StudyLimits(new_per_day=3))
    shown = session.start(now)
    kinds: list[str] = []
    while shown is not None and len(kinds) < 15:
        kinds.append("new" if shown.is_new else "review")
        session.answer(None, now)
        shown = session.grade(Rating.EASY, now)
    assert kinds.count("new") == 3
    first_new = kinds.index("new")
    assert 0 < first_new < 12  # not all reviews first, not all new first


def test_nothing_due_offers_more_new_and_study_ahead(store: Store, now: datetime) -> None:
    t = int(now.timestamp())
    ids = _ids(store)
    _set(store, ids[0], 2, 2, t + 86400 * 2)  # due the day after tomorrow
    session = StudySession(store, Scope(), study_day(now), limits=StudyLimits(new_per_day=0))
    assert session.start(now) is None
    assert session.phase is Phase.FINISHED
    assert session.new_available(now) == len(ids) - 1
    assert session.due_within(3) == 1
    assert session.next_due(now) == t + 86400 * 2
    ahead = session.study_ahead(3, now)
    assert ahead is not None and ahead.card.question_id == ids[0]
    session.answer(None, now)
    session.grade(Rating.GOOD, now)
    shown = session.extend_new(2, now)
    assert shown is not None and shown.is_new


def test_bury_and_suspend_hide_a_question(store: Store, now: datetime) -> None:
    session = StudySession(store, Scope(), study_day(now))
    first = session.start(now)
    assert first is not None
    second = session.bury(now)
    assert second is not None and second.card.question_id != first.card.question_id
    third = session.suspend(now)
    assert third is not None
    queues = dict(store.db.execute("SELECT question_id, queue FROM cards"))
    assert queues[first.card.question_id] == -2
    assert queues[second.card.question_id] == -1
    # The buried question comes back the next study day.
    tomorrow = now + timedelta(days=1)
    again = StudySession(store, Scope(), study_day(tomorrow))
    again.start(tomorrow)
    assert (
        dict(store.db.execute("SELECT question_id, queue FROM cards"))[first.card.question_id] == 0
    )


def test_flag_is_stored_for_the_instructor(store: Store, now: datetime) -> None:
    session = StudySession(store, Scope(), study_day(now))
    shown = session.start(now)
    assert shown is not None
    session.flag("two answers are right")
    row = store.db.execute(
        "SELECT flagged, flag_note FROM cards WHERE question_id = ?", [shown.card.question_id]
    ).fetchone()
    assert row == (1, "two answers are right")


def test_choosing_the_next_question_uses_an_index(store: Store, now: datetime) -> None:
    """The real queue queries are index searches with no sort step, whatever the scope."""
    t = int(now.timestamp())
    queries: list[tuple[str, list[object]]] = []
    for scope in (Scope(), Scope(document_id=1), Scope(section_id=2)):
        with store.db.tracer(lambda sql, params: queries.append((sql, list(params or [])))):
            cards.next_learning(store.db, scope, t)
            cards.next_review(store.db, scope, t + 86400)
            cards.next_new(store.db, scope)
    assert len(queries) == 9
    for sql, params in queries:
        plan = store.db.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall()
        detail = " | ".join(str(row[-1]) for row in plan)
        assert detail.startswith("SEARCH cards USING"), detail
        assert "TEMP B-TREE" not in detail, detail
