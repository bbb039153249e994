"""The study session as a state machine the UI drives.

    ASKING --answer()/reveal()--> FEEDBACK --grade()--> ASKING (next) … FINISHED

Every ``grade`` is committed before the next question is chosen.  ``undo``
takes back the last graded answer: the card's previous scheduling state is
restored and the review is removed from the log.  Time is always passed in.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum

from tradequiz.scheduling.card_state import CardState, Rating
from tradequiz.scheduling.fsrs_adapter import SchedulerConfig, schedule
from tradequiz.scheduling.study_day import StudyDay
from tradequiz.store import cards as card_store
from tradequiz.store import library
from tradequiz.store.cards import Card, QueueCounts, ReviewRecord, Scope
from tradequiz.store.library import QUEUE_REVIEW, STATE_QUEUE, StoredQuestion
from tradequiz.store.opening import Store
from tradequiz.study.checking import Response, Verdict, check, describe_response
from tradequiz.study.passage import Passage, passage_for


class Phase(Enum):
    ASKING = "asking"
    FEEDBACK = "feedback"
    FINISHED = "finished"


@dataclass(frozen=True)
class StudyLimits:
    new_per_day: int = 20
    reviews_per_day: int = 200
    learn_ahead_seconds: int = 20 * 60


@dataclass(frozen=True)
class Shown:
    card: Card
    stored: StoredQuestion
    section_title: str
    shown_at: datetime

    @property
    def is_new(self) -> bool:
        return self.card.state.is_new


@dataclass(frozen=True)
class Feedback:
    verdict: Verdict
    response: Response
    seconds: float
    passage: Passage | None


@dataclass
class SessionSummary:
    answered: int = 0
    correct: int = 0
    checked: int = 0
    seconds: float = 0.0
    per_section: Counter[str] = field(default_factory=Counter)
    per_section_correct: Counter[str] = field(default_factory=Counter)
    per_section_checked: Counter[str] = field(default_factory=Counter)

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.checked if self.checked else None


@dataclass(frozen=True)
class _Undo:
    """One step to take back: a graded review, or a question buried or suspended."""

    card: Card
    section_title: str
    review_id: int | None = None  # None: a bury or suspend
    was_new: bool = False
    correct: bool | None = None
    seconds: float = 0.0


# Like Anki: a learner who left a question on screen for an hour did not study for an hour.
MAX_ANSWER_SECONDS = 60.0
# New questions looked at when choosing one that is not a sibling of a question just seen.
SIBLING_LOOKAHEAD = 8


def _ms(now: datetime) -> int:
    return int(now.timestamp() * 1000)


class StudySession:
    def __init__(
        self,
        store: Store,
        scope: Scope,
        day: StudyDay,
        config: SchedulerConfig | None = None,
        limits: StudyLimits | None = None,
    ) -> None:
        self.store = store
        self.scope = scope
        self.day = day
        self.config = config or SchedulerConfig()
        self.limits = limits or StudyLimits()
        self.phase = Phase.FINISHED
        self.current: Shown | None = None
        self.feedback: Feedback | None = None
        self.summary = SessionSummary()
        self._undo: list[_Undo] = []
        self._new_today, self._reviews_today = card_store.studied_today(store.db, day.start)
        self._since_new = 0
        self._sections: dict[int, str] = {}
        self._sources: dict[int, str] = {}
        self._extra_new = 0
        # Reviews due in scope (up to ``_review_until``), counted once and then kept as
        # questions are answered: counting them on every answer costs O(due).
        self._due_reviews: int | None = None
        # Reviews due up to this moment are shown; later than today only when studying ahead.
        self._review_until = day.end
        # Passages of questions shown this session: a new question from the same passage
        # waits (Anki buries siblings), so one question does not give away the next.
        self._passages_seen: set[str] = set()

    # --- choosing -------------------------------------------------------------------------

    def start(self, now: datetime) -> Shown | None:
        card_store.unbury_due(self.store.db, int(now.timestamp()))
        return self._advance(now)

    def counts(self, now: datetime) -> QueueCounts:
        """What is left today in this session's scope, after the daily limits."""
        reviews_left = max(0, self.limits.reviews_per_day - self._reviews_today)
        # Learning questions within the learn-ahead window will be shown now: count them.
        raw = card_store.queue_counts(
            self.store.db,
            self.scope,
            int(now.timestamp()) + self.limits.learn_ahead_seconds,
            self.day.end,
            new_cap=self.new_left,
            review_cap=reviews_left,
        )
        return QueueCounts(
            new=min(raw.new, self.new_left),
            learning=raw.learning,
            review=min(raw.review, reviews_left),
        )

    @property
    def new_left(self) -> int:
        return max(0, self.limits.new_per_day + self._extra_new - self._new_today)

    def extend_new(self, count: int, now: datetime) -> Shown | None:
        """Learn ``count`` new questions beyond today's limit (asked for by the learner)."""
        self._extra_new += count
        self._forget_due()
        return self._advance(now)

    def study_ahead(self, days: int, now: datetime) -> Shown | None:
        """Review questions due in the next ``days`` days, as Anki's "review ahead"."""
        self._review_until = max(self._review_until, self.day.end + days * 86400)
        self._forget_due()
        return self._advance(now)

    def next_due(self, now: datetime) -> int | None:
        """Epoch seconds when something in this session's scope is next due."""
        return card_store.next_due(self.store.db, self.scope, int(now.timestamp()))

    def new_available(self, now: datetime) -> int:
        """New questions in scope, ignoring today's limit."""
        epoch = int(now.timestamp())
        return card_store.queue_counts(self.store.db, self.scope, epoch, self.day.end).new

    def due_within(self, days: int) -> int:
        """Learning and review questions in scope due before ``days`` days after today."""
        return card_store.due_count(self.store.db, self.scope, self.day.end + days * 86400)

    def _pick(self, now: datetime) -> Card | None:
        db, scope = self.store.db, self.scope
        epoch = int(now.timestamp())
        exclude = self.current.card.question_id if self.current else None
        learning = card_store.next_learning(db, scope, epoch, exclude)
        if learning:
            return learning
        reviews_left = self.limits.reviews_per_day - self._reviews_today
        review_until = self._review_until
        review = card_store.next_review(db, scope, review_until) if reviews_left > 0 else None
        new = self._pick_new() if self.new_left > 0 else None
        if review and new:
            # Spread new questions among the reviews instead of front-loading them.
            if self._due_reviews is None:
                self._due_reviews = card_store.due_review_count(db, scope, review_until)
            due = self._due_reviews
            gap = max(1, min(due, reviews_left) // max(1, self.new_left))
            if self._since_new >= gap:
                return new
            return review
        if review or new:
            return review or new
        # Nothing else to do: learning questions due within the learn-ahead window come early,
        # but not the one just answered: seeing it again at once teaches nothing.
        return card_store.next_learning(db, scope, epoch + self.limits.learn_ahead_seconds, exclude)

    def _pick_new(self) -> Card | None:
        candidates = card_store.next_new_many(self.store.db, self.scope, SIBLING_LOOKAHEAD)
        for card in candidates:
            stored = library.stored_question(self.store.db, card.question_id)
            if _passage_key(stored) not in self._passages_seen:
                return card
        return candidates[0] if candidates else None

    def continue_learning(self, now: datetime) -> Shown | None:
        """Show learning questions due within the learn-ahead window, the last one included."""
        self.current = None
        return self._advance(now)

    def _show(self, card: Card, now: datetime) -> Shown:
        stored = library.stored_question(self.store.db, card.question_id)
        self._passages_seen.add(_passage_key(stored))
        title = self._sections.get(card.section_id)
        if title is None:
            title = library.section(self.store.db, card.section_id).title
            self._sections[card.section_id] = title
        return Shown(card, stored, title, now)

    def _advance(self, now: datetime) -> Shown | None:
        card = self._pick(now)
        self.feedback = None
        if card is None:
            self.current = None
            self.phase = Phase.FINISHED
            return None
        self.current = self._show(card, now)
        self.phase = Phase.ASKING
        return self.current

    # --- answering ------------------------------------------------------------------------

    def answer(self, response: Response, now: datetime) -> Feedback:
        """Check an objective answer (or reveal a flashcard when ``response`` is None)."""
        if self.phase is not Phase.ASKING or self.current is None:
            raise RuntimeError("no question is waiting for an answer")
        question = self.current.stored.question
        seconds = max(0.0, (now - self.current.shown_at).total_seconds())
        verdict = check(question, response, seconds)
        document_id = self.current.stored.document_id
        source = self._sources.get(document_id)
        if source is None:
            source = self._sources[document_id] = library.source_text(self.store.db, document_id)
        self.feedback = Feedback(verdict, response, seconds, passage_for(question, source))
        self.phase = Phase.FEEDBACK
        return self.feedback

    def reveal(self, now: datetime) -> Feedback:
        return self.answer(None, now)

    def grade(self, rating: Rating, now: datetime) -> Shown | None:
        """Store the review (committed), then move to the next question."""
        if self.phase is not Phase.FEEDBACK or self.current is None or self.feedback is None:
            raise RuntimeError("answer the question before rating it")
        shown, feedback = self.current, self.feedback
        before = card_store.get_card(self.store.db, shown.card.question_id)
        after: CardState = schedule(
            before.state, rating, now, self.config, seed=shown.stored.question.id
        )
        review = ReviewRecord(
            question_id=before.question_id,
            reviewed_at_ms=_ms(now),
            rating=int(rating),
            correct=feedback.verdict.correct,
            answer=describe_response(shown.stored.question, feedback.response),
            duration_ms=int(_capped(feedback.seconds) * 1000),
        )
        review_id = card_store.record_review(self.store.db, before, after, review)
        seconds = _capped(feedback.seconds)
        self._track_due_reviews(before, after)
        self._undo.append(
            _Undo(
                before,
                shown.section_title,
                review_id,
                before.state.is_new,
                feedback.verdict.correct,
                seconds,
            )
        )
        self._count(shown.section_title, feedback.verdict.correct, seconds, +1)
        if before.state.is_new:
            self._new_today += 1
            self._since_new = 0
        else:
            self._reviews_today += 1
            # Only reviews space out new questions; learning steps come back on their own.
            self._since_new += int(before.queue == QUEUE_REVIEW)
        return self._advance(now)

    def _forget_due(self) -> None:
        self._due_reviews = None

    def _track_due_reviews(self, before: Card, after: CardState) -> None:
        """Keep the count of due reviews as one question moves in or out of them."""
        if self._due_reviews is None:
            return
        if before.queue == QUEUE_REVIEW and before.state.due <= self._review_until:
            self._due_reviews = max(0, self._due_reviews - 1)
        if STATE_QUEUE[after.state] == QUEUE_REVIEW and after.due <= self._review_until:
            self._due_reviews += 1

    def _count(self, section: str, correct: bool | None, seconds: float, sign: int) -> None:
        s = self.summary
        s.answered += sign
        s.seconds += sign * seconds
        s.per_section[section] += sign
        if correct is not None:
            s.checked += sign
            s.correct += sign * int(correct)
            s.per_section_correct[section] += sign * int(correct)
            s.per_section_checked[section] += sign

    @property
    def can_undo(self) -> bool:
        return self.phase is Phase.FEEDBACK or bool(self._undo)

    @property
    def pending(self) -> bool:
        """An answer is on screen and not rated yet."""
        return self.phase is Phase.FEEDBACK and self.feedback is not None

    def finish_pending(self, now: datetime) -> Rating | None:
        """Leaving with an answer on screen: store it with the suggested rating.

        A checked answer is a real answer and is kept; a revealed flashcard has no
        suggestion (the learner never said how well they knew it) and is dropped.
        Returns the rating stored, if any.
        """
        if not self.pending or self.feedback is None:
            return None
        proposed = self.feedback.verdict.proposed
        if proposed is None:
            return None
        self.grade(proposed, now)
        return proposed

    def undo(self, now: datetime) -> Shown | None:
        """Take back the answer on screen, or else the last graded, buried or suspended one."""
        if self.phase is Phase.FEEDBACK and self.current is not None:
            self.feedback = None
            self.phase = Phase.ASKING
            self.current = Shown(self.current.card, self.current.stored,
                                 self.current.section_title, now)  # fmt: skip
            return self.current
        if not self._undo:
            return None
        last = self._undo.pop()
        self._forget_due()
        if last.review_id is None:
            card_store.restore_queue(self.store.db, last.card.question_id, last.card.queue)
        else:
            card_store.undo_review(self.store.db, last.review_id)
            self._count(last.section_title, last.correct, last.seconds, -1)
            if last.was_new:
                self._new_today -= 1
            else:
                self._reviews_today -= 1
        card = card_store.get_card(self.store.db, last.card.question_id)
        self.current = self._show(card, now)
        self.feedback = None
        self.phase = Phase.ASKING
        return self.current

    def preview(self, now: datetime) -> dict[Rating, int]:
        """Seconds until the current question would be due again after each rating."""
        if self.current is None:
            return {}
        state = self.current.card.state
        seed = self.current.stored.question.id
        epoch = int(now.timestamp())
        return {
            rating: schedule(state, rating, now, self.config, seed=seed).due - epoch
            for rating in Rating
        }

    # --- managing the current question ----------------------------------------------------

    def bury(self, now: datetime) -> Shown | None:
        """Hide the current question until tomorrow and move on."""
        if self.current is None:
            return None
        self._undo.append(_Undo(self.current.card, self.current.section_title))
        card_store.bury(self.store.db, self.current.card.question_id, self.day.end)
        self._forget_due()
        self.current = None
        return self._advance(now)

    def suspend(self, now: datetime) -> Shown | None:
        """Stop scheduling the current question until it is unsuspended."""
        if self.current is None:
            return None
        self._undo.append(_Undo(self.current.card, self.current.section_title))
        card_store.set_suspended(self.store.db, self.current.card.question_id, True)
        self._forget_due()
        self.current = None
        return self._advance(now)

    def flag(self, note: str = "") -> None:
        """Mark the current question for the instructor's attention."""
        if self.current is not None:
            card_store.set_flag(self.store.db, self.current.card.question_id, True, note)


def _capped(seconds: float) -> float:
    return min(seconds, MAX_ANSWER_SECONDS)


def _passage_key(stored: StoredQuestion) -> str:
    """Questions from one source sentence share a key (their explanation, else their span)."""
    q = stored.question
    if q.explanation:
        return f"{stored.document_id}:{q.explanation}"
    span = q.source.start if q.source else q.id
    return f"{stored.document_id}:{span}"
