"""One view per question kind; kinds without a view of their own study as flashcards."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from tradequiz.bank.model import Question
from tradequiz.ui.question_views.base import QuestionView
from tradequiz.ui.question_views.choice import ChoiceView
from tradequiz.ui.question_views.flashcard import FlashcardView
from tradequiz.ui.question_views.matching import MatchingView
from tradequiz.ui.question_views.ordering import OrderingView
from tradequiz.ui.question_views.typed import TypedView

_VIEWS: dict[str, type[QuestionView]] = {
    "multiple_choice": ChoiceView,
    "debate": ChoiceView,
    "true_false": ChoiceView,
    "cloze": TypedView,
    "short_answer": TypedView,
    "flashcard": FlashcardView,
    "matching": MatchingView,
    "ordering": OrderingView,
}


def view_for(question: Question, parent: QWidget | None = None, seed: str = "") -> QuestionView:
    """The view for ``question``; ``seed`` varies the order of choices between reviews."""
    view = _VIEWS.get(question.kind, FlashcardView)(question, parent)
    if seed and isinstance(view, ChoiceView):
        view.shuffle(seed)
    return view


__all__ = ["QuestionView", "view_for"]
