"""Per-question states, the weakest list (by its documented score) and practising it."""

from __future__ import annotations

import pytest

from tests.progress.seed import CALENDAR, CARDS, NOW, seed
from tradequiz.progress.practice import PracticeSession
from tradequiz.progress.questions import (
    question_history,
    question_states,
    queue_name,
    state_name,
    weakest_questions,
)
from tradequiz.scheduling.card_state import CardState, Rating
from tradequiz.scheduling.fsrs_adapter import SchedulerConfig, retrievability
from tradequiz.scheduling.study_day import StudyDay
from tradequiz.store.cards import get_card
from tradequiz.store.opening import Store
from tradequiz.study.session import Phase


def _recall(qid: str) -> float:
    _queue, state, stability, due, last, reps, lapses = CARDS[qid]
    card = CardState(state, None, stability, 5.0, due, last, reps, lapses)
    return retrievability(card, NOW, SchedulerConfig())


def test_question_states(empty_store: Store) -> None:
    seeded = seed(empty_store)
    rows = {r.qid: r for r in question_states(empty_store.db, seeded.document_id, NOW)}
    assert list(rows) == ["a1", "a2", "a3", "b1", "b2", "c1"]
    assert [state_name(r) for r in rows.values()] == [
        "mastered", "review", "learning", "relearning", "new", "new",
    ]  # fmt: skip
    assert {queue_name(r) for r in rows.values()} == {"active"}
    a2 = rows["a2"]
    assert (a2.reviews, a2.checked, a2.correct, a2.right_answers, a2.duration_ms) == (
        2, 1, 0, 1, 17_000,
    )  # fmt: skip
    # First answer Again (wrong), last self-rated Good (right).
    assert (a2.first_right, a2.last_right) == (0, 1)
    assert a2.recall == pytest.approx(_recall("a2"))
    assert (rows["b2"].reviews, rows["b2"].recall, rows["b2"].first_right) == (0, None, None)
    assert rows["a1"].section_title == "Tariffs" and rows["b1"].section_key == "quotas"
    assert rows["a1"].prompt == "What is a tariff?"


def test_weakest_by_documented_score(empty_store: Store) -> None:
    seeded = seed(empty_store)
    weakest = weakest_questions(empty_store.db, seeded.document_id, NOW)
    # weakness = ((1 − R) + (1 − (right + 1)/(answers + 2)) + min(lapses, 4)/4) / 3
    expected = {
        "a2": ((1 - _recall("a2")) + (1 - 2 / 4) + 1 / 4) / 3,
        "b1": ((1 - _recall("b1")) + (1 - 2 / 4) + 1 / 4) / 3,
        "a1": ((1 - _recall("a1")) + (1 - 3 / 4) + 0) / 3,
        "a3": ((1 - _recall("a3")) + (1 - 3 / 4) + 0) / 3,
    }
    assert [r.qid for r in weakest] == ["a2", "b1", "a1", "a3"]  # new ones are not listed
    for row in weakest:
        assert row.weakness == pytest.approx(expected[row.qid])
    top = weakest_questions(empty_store.db, seeded.document_id, NOW, limit=1)
    assert [r.qid for r in top] == ["a2"]
    quotas = weakest_questions(
        empty_store.db, seeded.document_id, NOW, section_id=seeded.sections["quotas"]
    )
    assert [r.qid for r in quotas] == ["b1"]


def test_suspended_questions_are_not_offered(empty_store: Store) -> None:
    seeded = seed(empty_store)
    empty_store.db.execute("UPDATE cards SET queue = -1 WHERE question_id = ?", [seeded.ids["a2"]])
    weakest = weakest_questions(empty_store.db, seeded.document_id, NOW)
    assert "a2" not in [r.qid for r in weakest]


def test_history_oldest_first(empty_store: Store) -> None:
    seeded = seed(empty_store)
    history = question_history(empty_store.db, seeded.ids["b1"])
    assert [(h.rating, h.correct, h.duration_ms) for h in history] == [(2, 1, 7_000), (1, 0, 9_000)]
    assert history[0].reviewed_at_ms < history[1].reviewed_at_ms


def test_practice_asks_each_chosen_question_once_even_if_not_due(empty_store: Store) -> None:
    seeded = seed(empty_store)
    a1, a2 = seeded.ids["a1"], seeded.ids["a2"]  # a1 is due only in 20 days
    day = StudyDay(CALENDAR.start_of(CALENDAR.day_of(NOW)), CALENDAR.end_of(CALENDAR.day_of(NOW)))
    session = PracticeSession(empty_store, [a1, a2], day)
    shown = session.start(NOW)
    asked = []
    while shown is not None:
        asked.append(shown.card.question_id)
        session.reveal(NOW)
        shown = session.grade(Rating.GOOD, NOW)
    assert sorted(asked) == sorted([a1, a2])
    assert session.phase is Phase.FINISHED
    assert get_card(empty_store.db, a1).state.last_review == int(NOW.timestamp())


def test_practice_bury_hides_until_the_real_day_ends(empty_store: Store) -> None:
    seeded = seed(empty_store)
    day = StudyDay(CALENDAR.start_of(CALENDAR.day_of(NOW)), CALENDAR.end_of(CALENDAR.day_of(NOW)))
    session = PracticeSession(empty_store, [seeded.ids["a1"]], day)
    assert session.start(NOW) is not None
    assert session.bury(NOW) is None
    buried_until = empty_store.db.execute(
        "SELECT buried_until FROM cards WHERE question_id = ?", [seeded.ids["a1"]]
    ).fetchone()[0]
    assert buried_until == day.end
