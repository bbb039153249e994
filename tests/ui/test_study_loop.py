"""Drive the real main window: start a session, answer by keyboard, rate, check the database."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.driving import answer_on_screen
from tradequiz.store.cards import get_card
from tradequiz.store.opening import Store
from tradequiz.study.session import Phase
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.question_views.choice import ChoiceView


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def test_keyboard_study_loop_stores_the_review(qtbot: QtBot, store: Store, now: datetime) -> None:
    clock = FakeClock(now)
    window = MainWindow(store, clock)
    qtbot.addWidget(window)
    window.show()
    section = store.db.execute(
        "SELECT s.id FROM sections s JOIN questions q ON q.section_id = s.id"
        " WHERE q.kind = 'multiple_choice' ORDER BY s.position LIMIT 1"
    ).fetchone()[0]
    row = next(r for r in window.home.rows if r.section_id == section)
    qtbot.mouseClick(row.button, Qt.MouseButton.LeftButton)
    session = window.study.session
    assert session is not None and session.current is not None
    # Answer the other kinds as a learner would until a multiple-choice question is on screen.
    while session.current.stored.question.kind != "multiple_choice":
        answer_on_screen(qtbot, window)
        qtbot.keyClick(window.study, Qt.Key.Key_3)
    assert isinstance(window.study.view, ChoiceView)
    question = session.current.stored.question
    qpk = session.current.card.question_id
    right = next(i for i, c in enumerate(question.choices) if c.correct)
    clock.now = now + timedelta(seconds=20)
    qtbot.keyClick(window.study, window.study.view.key_for(right))
    assert session.phase is Phase.FEEDBACK
    assert window.study.feedback.verdict.text() == "✓  Correct"
    assert window.study.feedback.passage.isVisible()
    assert window.study.rating.isVisible()
    qtbot.keyClick(window.study, Qt.Key.Key_3)  # Good
    review = store.db.execute(
        "SELECT rating, correct, answer, duration_ms FROM reviews WHERE question_id = ?", [qpk]
    ).fetchone()
    assert review == (3, 1, question.choices[right].text, 20000)
    card = get_card(store.db, qpk)
    assert card.state.due == int((now + timedelta(seconds=20)).timestamp()) + 600
    assert session.current is None or session.current.card.question_id != qpk


def test_home_lists_sections_with_counts(qtbot: QtBot, store: Store, now: datetime) -> None:
    window = MainWindow(store, FakeClock(now))
    qtbot.addWidget(window)
    titles = [r.findChild(type(window.home.title), "sectionTitle").text() for r in window.home.rows]  # type: ignore[union-attr]
    assert titles[0] == "Introduction"
    assert "Historical overview" in titles
    assert window.home.title.text() == "Japan–United States trade"
