"""Drive the study page as a learner would, whatever kind of question is on screen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.question_views.choice import ChoiceView
from tradequiz.ui.question_views.matching import MatchingView
from tradequiz.ui.question_views.ordering import OrderingView
from tradequiz.ui.question_views.typed import TypedView


def answer_on_screen(qtbot: QtBot, window: MainWindow, right: bool = True) -> None:
    """Answer the question on screen with keys (right or wrong); flashcards are revealed."""
    view = window.study.view
    assert view is not None
    q = view.question
    if isinstance(view, ChoiceView):
        if q.kind == "true_false":
            key = view.key_for(bool(q.truth) == right)
        else:
            key = view.key_for(next(i for i, c in enumerate(q.choices) if c.correct == right))
        qtbot.keyClick(window.study, key)
    elif isinstance(view, TypedView):
        text = q.answers[0] if right else "not this"
        if text.isascii():
            qtbot.keyClicks(view.edit, text)
        else:  # QTest types ASCII only (it aborts on "–" or "’")
            view.edit.insert(text)
        qtbot.keyClick(view.edit, Qt.Key.Key_Return)
    elif isinstance(view, MatchingView):
        count = len(view.combos)
        for row, combo in enumerate(view.combos):
            target = row if right else (row + 1) % count
            combo.setCurrentIndex(view.order.index(target) + 1)
        qtbot.keyClick(window.study, Qt.Key.Key_Return)
    elif isinstance(view, OrderingView):
        if right:
            for target in range(len(q.items)):
                current = view.response().index(target)
                view.list.setCurrentRow(current)
                for _ in range(current - target):
                    qtbot.keyClick(view.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
        qtbot.keyClick(view.list, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(window.study, Qt.Key.Key_Space)
