"""The benchmark's data, the same for TradeQuiz and for Anki: questions and a study history.

Everything is drawn from seeded generators, so every run (and both systems) gets the
same fronts, backs, sections, card states and review log for a given N.  Nothing here
touches a database: ``tq_side`` and ``anki_side`` write the plan into each system.

The history is a learner a year in: 70% of the questions studied (98% of those in
review, about one in eleven of them due, 1% learning, 1% relearning), and 10 x N past
reviews in two sessions a day over the last 365 days.  Times are relative to the ``now``
given (the real clock: Anki's scheduler reads it itself, so both systems get the same
real moment).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

SECTIONS = 6
HISTORY_DAYS = 365
REVIEWS_PER_CARD = 10
DAY = 86400

_VOCABULARY = (
    "tariff quota export import yen dollar agreement semiconductor steel textile auto "
    "market access surplus deficit negotiation voluntary restraint section trade act "
    "ministry commerce industry policy barrier dumping retaliation currency accord plaza "
    "structural impediments initiative rice beef citrus supercomputer satellite "
    "procurement keiretsu distribution retail investment manufacturing"
)
_WORDS = _VOCABULARY.split()


def section_key(index: int) -> str:
    return f"section-{index + 1}"


def section_title(index: int) -> str:
    return f"Section {index + 1}"


def _text(rng: random.Random, length: int) -> str:
    words: list[str] = []
    size = 0
    while size < length:
        word = rng.choice(_WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:length].rstrip()


def questions(n: int) -> Iterator[tuple[int, int, str, str]]:
    """(index, section index, front ≈ 80 characters, back ≈ 20) for N questions."""
    rng = random.Random(f"questions:{n}")
    for i in range(n):
        front = f"Q{i}: " + _text(rng, 74) + "?"
        yield i, i % SECTIONS, front[:80], _text(rng, 20)


@dataclass(frozen=True)
class CardPlan:
    """One studied card.  States as in fsrs: 1 learning, 2 review, 3 relearning."""

    index: int
    state: int
    stability: float
    difficulty: float
    last_review: int  # epoch s
    due: int  # epoch s
    reps: int
    lapses: int


@dataclass(frozen=True)
class ReviewPlan:
    index: int
    at_ms: int
    rating: int
    state_before: int  # 0 new, 1 learning, 2 review, 3 relearning
    duration_ms: int


def studied_cards(n: int, now: int) -> list[CardPlan]:
    """The 70% of the N cards that have been studied, with their current state."""
    rng = random.Random(f"cards:{n}")
    chosen = sorted(rng.sample(range(n), int(n * 0.7)))
    plans = []
    for i in chosen:
        r = rng.random()
        state = 1 if r < 0.01 else 3 if r < 0.02 else 2
        stability = round(rng.uniform(0.5, 90.0), 4)
        difficulty = round(rng.uniform(2.0, 9.0), 4)
        interval = max(1, round(stability))
        if state == 2:
            # Reviewed a while ago; about one in eleven is due today or overdue.
            last = now - round(rng.uniform(0.0, interval * 1.1) * DAY)
            due = last + interval * DAY
        else:
            last = now - rng.randint(60, 6 * 3600)
            due = now + rng.randint(-3600, 3600)
        plans.append(
            CardPlan(i, state, stability, difficulty, last, due, rng.randint(1, 30),
                     rng.randint(0, 5) if state != 1 else 0)
        )  # fmt: skip
    return plans


def reviews(studied: list[CardPlan], count: int, now: int) -> Iterator[ReviewPlan]:
    """``count`` past reviews of studied cards, oldest first, strictly increasing times.

    Two sessions a day (8:00 and 18:00 UTC) over the last 365 days, an answer every 6 s.
    Ratings about 10% Again, 10% Hard, 65% Good, 15% Easy.
    """
    rng = random.Random(f"reviews:{count}")
    per_day = -(-count // HISTORY_DAYS)
    half = -(-per_day // 2)
    first_day = (now // DAY - HISTORY_DAYS) * DAY
    written = 0
    for day in range(HISTORY_DAYS):
        for i in range(min(per_day, count - written)):
            session, k = divmod(i, half)
            at = first_day + day * DAY + (8 + 10 * session) * 3600 + k * 6
            r = rng.random()
            rating = 1 if r < 0.10 else 2 if r < 0.20 else 3 if r < 0.85 else 4
            yield ReviewPlan(
                studied[rng.randrange(len(studied))].index,
                at * 1000 + rng.randrange(1000),
                rating,
                rng.choice((0, 1, 2, 2, 2, 2, 3)),
                rng.randint(1_000, 30_000),
            )
        written += min(per_day, count - written)


def ratings(count: int, seed: int = 7) -> list[int]:
    """Ratings for the study loop: about 10% Again (1), 75% Good (3), 15% Easy (4)."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        r = rng.random()
        out.append(1 if r < 0.10 else 3 if r < 0.85 else 4)
    return out
