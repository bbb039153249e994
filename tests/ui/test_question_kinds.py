"""Each question kind end to end through the real widgets, by keyboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from tests.kinds_bank import load_kinds_bank, question_pk
from tradequiz.scheduling import Rating, SchedulerConfig, schedule
from tradequiz.store.cards import Scope, get_card
from tradequiz.store.opening import Store
from tradequiz.study.session import Phase
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.question_views.choice import ChoiceView
from tradequiz.ui.question_views.matching import MatchingView
from tradequiz.ui.question_views.ordering import OrderingView


def _open(qtbot: QtBot, store: Store, clock: Clock) -> MainWindow:
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _answer_mcq(qtbot: QtBot, window: MainWindow) -> None:
    view = window.study.view
    assert isinstance(view, ChoiceView)
    key = view.key_for(1)  # "Tariffs" is the bank's second choice, shown wherever it fell
    assert view.buttons[int(key) - 1].option_text == "Tariffs"
    qtbot.keyClick(window.study, key)


def _answer_debate(qtbot: QtBot, window: MainWindow) -> None:
    view = window.study.view
    assert isinstance(view, ChoiceView)
    qtbot.keyClick(window.study, view.key_for(0))


def _answer_tf(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.study, "f")


def _type(text: str) -> Callable[[QtBot, MainWindow], None]:
    def answer(qtbot: QtBot, window: MainWindow) -> None:
        edit = window.study.view.edit  # type: ignore[union-attr]
        qtbot.waitUntil(edit.hasFocus)
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, Qt.Key.Key_Return)

    return answer


def _answer_matching(qtbot: QtBot, window: MainWindow) -> None:
    view = window.study.view
    assert isinstance(view, MatchingView)
    letters = {index: chr(ord("a") + i) for i, index in enumerate(view.order)}
    for row, combo in enumerate(view.combos):
        qtbot.waitUntil(combo.hasFocus)
        qtbot.keyClick(window.study, letters[row])
    assert view.response() == (0, 1, 2)
    qtbot.keyClick(window.study, Qt.Key.Key_Return)


def _answer_ordering(qtbot: QtBot, window: MainWindow) -> None:
    view = window.study.view
    assert isinstance(view, OrderingView)
    # Selection sort with the keyboard: select an item, move it up with Alt+Up.
    for target in range(len(view.question.items)):
        current = view.response().index(target)
        view.list.setCurrentRow(current)
        for _ in range(current - target):
            qtbot.keyClick(view.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.response() == (0, 1, 2)
    qtbot.keyClick(view.list, Qt.Key.Key_Return)


def _reveal(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.study, Qt.Key.Key_Space)


CASES = [
    ("k-mcq", _answer_mcq, True),
    ("k-debate", _answer_debate, True),
    ("k-tf", _answer_tf, True),
    ("k-cloze", _type("tarifs"), True),  # a small typo is forgiven
    ("k-short", _type("the quotas!"), True),  # article and punctuation are ignored
    ("k-match", _answer_matching, True),
    ("k-order", _answer_ordering, True),
    ("k-card", _reveal, None),
]


@pytest.mark.parametrize(("qid", "answer", "correct"), CASES, ids=[c[0] for c in CASES])
def test_each_kind_by_keyboard(
    qtbot: QtBot,
    empty_store: Store,
    now: datetime,
    qid: str,
    answer: Callable[[QtBot, MainWindow], None],
    correct: bool | None,
) -> None:
    load_kinds_bank(empty_store, now)
    clock = Clock(now)
    window = _open(qtbot, empty_store, clock)
    qpk = question_pk(empty_store, qid)
    window._start(Scope(question_ids=(qpk,)), "test")
    session = window.study.session
    assert session is not None and session.current is not None
    assert session.current.stored.question.id == qid
    clock.now = now + timedelta(seconds=30)
    answer(qtbot, window)
    assert session.phase is Phase.FEEDBACK
    assert session.feedback is not None and session.feedback.verdict.correct is correct
    assert window.study.rating.isVisible()
    # Space confirms the suggestion (Good for a slow right answer, Good when self-rated).
    before = get_card(empty_store.db, qpk)
    qtbot.keyClick(window.study, Qt.Key.Key_Space)
    expected = schedule(before.state, Rating.GOOD, clock.now, SchedulerConfig(), seed=qid)
    assert get_card(empty_store.db, qpk).state == expected
    row = empty_store.db.execute(
        "SELECT rating, correct, duration_ms FROM reviews WHERE question_id = ?", [qpk]
    ).fetchone()
    assert row == (3, None if correct is None else int(correct), 30000)


def test_wrong_typed_answer_shows_the_accepted_answer(
    qtbot: QtBot, empty_store: Store, now: datetime
) -> None:
    load_kinds_bank(empty_store, now)
    window = _open(qtbot, empty_store, Clock(now))
    window._start(Scope(question_ids=(question_pk(empty_store, "k-cloze"),)), "test")
    _type("subsidies")(qtbot, window)
    assert window.study.feedback.expected.text() == "Correct answer: Tariffs"
    assert window.study.rating.proposed is Rating.AGAIN
    qtbot.keyClick(window.study, Qt.Key.Key_4)  # the learner overrides the suggestion
    rating = empty_store.db.execute("SELECT rating, correct FROM reviews").fetchone()
    assert rating == (4, 0)


def test_matching_needs_every_row(qtbot: QtBot, empty_store: Store, now: datetime) -> None:
    load_kinds_bank(empty_store, now)
    window = _open(qtbot, empty_store, Clock(now))
    window._start(Scope(question_ids=(question_pk(empty_store, "k-match"),)), "test")
    view = window.study.view
    assert isinstance(view, MatchingView)
    qtbot.keyClick(window.study, Qt.Key.Key_Return)
    assert window.study.session is not None
    assert window.study.session.phase is Phase.ASKING
    assert "every term" in view.hint.text()
    assert all(isinstance(c, QComboBox) for c in view.combos)


def test_ctrl_z_undoes_the_last_answer(qtbot: QtBot, empty_store: Store, now: datetime) -> None:
    load_kinds_bank(empty_store, now)
    window = _open(qtbot, empty_store, Clock(now))
    db = empty_store.db
    before = db.execute("SELECT * FROM cards ORDER BY question_id").fetchall()
    window._start(Scope(question_ids=(question_pk(empty_store, "k-tf"),)), "test")
    qtbot.keyClick(window.study, "f")
    qtbot.keyClick(window.study, Qt.Key.Key_3)
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    window.undo_action.trigger()
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    assert db.execute("SELECT * FROM cards ORDER BY question_id").fetchall() == before
    assert window.study.session is not None
    assert window.study.session.phase is Phase.ASKING


def test_space_never_answers_a_choice_question(
    qtbot: QtBot, empty_store: Store, now: datetime
) -> None:
    load_kinds_bank(empty_store, now)
    window = _open(qtbot, empty_store, Clock(now))
    window._start(Scope(question_ids=(question_pk(empty_store, "k-mcq"),)), "test")
    qtbot.keyClick(window.study, Qt.Key.Key_Space)
    assert window.study.session is not None
    assert window.study.session.phase is Phase.ASKING


def test_options_move_between_reviews_and_keys_follow_them(
    qtbot: QtBot, empty_store: Store, now: datetime
) -> None:
    load_kinds_bank(empty_store, now)
    window = _open(qtbot, empty_store, Clock(now))
    qpk = question_pk(empty_store, "k-mcq")
    orders = set()
    for reps in range(6):
        empty_store.db.execute("UPDATE cards SET reps = ? WHERE question_id = ?", [reps, qpk])
        window._start(Scope(question_ids=(qpk,)), "test")
        view = window.study.view
        assert isinstance(view, ChoiceView)
        orders.add(tuple(b.option_text for b in view.buttons))
        assert [b.text().split()[0] for b in view.buttons] == ["1", "2", "3", "4"]
    assert len(orders) > 1


def test_leaving_during_feedback_saves_the_checked_answer(
    qtbot: QtBot, empty_store: Store, now: datetime
) -> None:
    load_kinds_bank(empty_store, now)
    window = _open(qtbot, empty_store, Clock(now))
    window._start(Scope(question_ids=(question_pk(empty_store, "k-tf"),)), "test")
    qtbot.keyClick(window.study, "f")
    qtbot.keyClick(window.study, Qt.Key.Key_Escape)
    assert empty_store.db.execute("SELECT rating, correct FROM reviews").fetchone() == (4, 1)
    assert window.pages.currentWidget() is window.home
    assert "saved as Easy" in window.statusBar().currentMessage()
