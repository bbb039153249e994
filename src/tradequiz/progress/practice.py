"""Practise chosen questions now (e.g. the weakest), even those not due yet.

An early review is a normal review for FSRS: it sees the short elapsed time and
grows stability less.  Each question is asked once per practice session; a
question that goes back to learning is then studied in the normal sessions.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from tradequiz.scheduling.card_state import Rating
from tradequiz.scheduling.study_day import StudyDay
from tradequiz.store import cards as card_store
from tradequiz.store.cards import Scope
from tradequiz.store.opening import Store
from tradequiz.study.session import Shown, StudyLimits, StudySession

# Scope(question_ids=()) would mean "everything"; this id matches no question.
_NOTHING = (-1,)


class PracticeSession(StudySession):
    """A study session over ``question_ids`` in which every one of them is due."""

    def __init__(self, store: Store, question_ids: Sequence[int], day: StudyDay) -> None:
        ids = tuple(question_ids) or _NOTHING
        placeholders = ",".join("?" * len(ids))
        latest = store.db.execute(
            f"SELECT max(due) FROM cards WHERE question_id IN ({placeholders})", list(ids)
        ).fetchone()[0]
        # A study "day" reaching past the last due date makes every question due now.
        until = max(day.end, int(latest or 0) + 1)
        # The learner chose these questions: the daily limits do not apply.
        limits = StudyLimits(new_per_day=1_000_000, reviews_per_day=1_000_000)
        super().__init__(store, Scope(question_ids=ids), StudyDay(day.start, until), limits=limits)
        self.real_day = day

    def _drop(self, question_id: int) -> None:
        left = tuple(q for q in self.scope.question_ids if q != question_id)
        self.scope = Scope(question_ids=left or _NOTHING)

    def grade(self, rating: Rating, now: datetime) -> Shown | None:
        if self.current is not None:
            # Drop it before the next question is chosen: once per practice.
            self._drop(self.current.card.question_id)
        return super().grade(rating, now)

    def bury(self, now: datetime) -> Shown | None:
        """Skip the question: hidden until the real study day ends, not the practice's."""
        if self.current is None:
            return None
        question_id = self.current.card.question_id
        card_store.bury(self.store.db, question_id, self.real_day.end)
        self._drop(question_id)
        self.current = None
        return self.start(now)
