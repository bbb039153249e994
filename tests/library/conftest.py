from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest

from tradequiz.app_context import LearnerContext, open_learner_store
from tradequiz.scheduling import Rating, study_day
from tradequiz.store.cards import Scope
from tradequiz.store.opening import Store
from tradequiz.study.session import StudySession


@pytest.fixture
def learner(now: datetime) -> Iterator[LearnerContext]:
    """The default profile in the test's temporary data folder, shipped bank loaded."""
    context = open_learner_store(None, now)
    yield context
    context.store.close()


def study(store: Store, scope: Scope, now: datetime, count: int) -> list[int]:
    """Answer ``count`` questions Good (revealing them); return their question ids."""
    session = StudySession(store, scope, study_day(now))
    session.start(now)
    done = []
    for _ in range(count):
        assert session.current is not None
        done.append(session.current.card.question_id)
        session.answer(None, now)
        session.grade(Rating.GOOD, now)
    return done
