"""Check a learner's response and propose a rating.

Typed answers are forgiving the way a teacher is: case, punctuation, a
leading article and one small typo (two in long answers) do not make an
answer wrong.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tradequiz.bank.model import CHOICE_KINDS, TYPED_KINDS, Question
from tradequiz.scheduling.card_state import Rating

Response = int | bool | str | tuple[int, ...] | None

# A correct objective answer given faster than this is proposed as Easy.
FAST_SECONDS = {"true_false": 4.0, "multiple_choice": 8.0, "debate": 10.0, "cloze": 10.0,
                "short_answer": 12.0, "matching": 25.0, "ordering": 20.0}  # fmt: skip


@dataclass(frozen=True)
class Verdict:
    correct: bool | None  # None: self-rated (flashcard)
    proposed: Rating | None
    expected: str
    detail: str = ""


_ARTICLES = re.compile(r"^(?:the|a|an)\s+")


def normalise_answer(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().strip()
    text = text.replace("&", " and ")
    text = re.sub(r"[–—-]", " ", text)
    text = re.sub(r"[^\w\s]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return _ARTICLES.sub("", text)


def _distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, stopping early once above ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def typed_matches(response: str, accepted: tuple[str, ...]) -> bool:
    given = normalise_answer(response)
    if not given:
        return False
    for answer in accepted:
        target = normalise_answer(answer)
        if given == target:
            return True
        allowed = 0 if len(target) < 5 else 1 if len(target) < 12 else 2
        # A typo is tolerated, but not one that turns a number into another number.
        if (
            allowed
            and not re.search(r"\d", target)
            and _distance(given, target, allowed) <= allowed
        ):
            return True
    return False


def is_correct(question: Question, response: Response) -> bool | None:
    kind = question.kind
    if kind == "flashcard" or response is None:
        # Revealed rather than answered: the learner rates themselves.
        return None
    if kind in CHOICE_KINDS:
        return (
            isinstance(response, int)
            and 0 <= response < len(question.choices)
            and (question.choices[response].correct)
        )
    if kind == "true_false":
        return isinstance(response, bool) and response == question.truth
    if kind in TYPED_KINDS:
        return isinstance(response, str) and typed_matches(response, question.answers)
    if kind == "matching":
        # response[i] is the index of the right-hand side chosen for pair i
        return isinstance(response, tuple) and list(response) == list(range(len(question.pairs)))
    if kind == "ordering":
        return isinstance(response, tuple) and list(response) == list(range(len(question.items)))
    return False


def check(question: Question, response: Response, seconds: float) -> Verdict:
    correct = is_correct(question, response)
    if correct is None:
        proposed = None
    elif not correct:
        proposed = Rating.AGAIN
    elif seconds <= FAST_SECONDS.get(question.kind, 8.0):
        proposed = Rating.EASY
    else:
        proposed = Rating.GOOD
    detail = ""
    chosen = response if isinstance(response, int) else -1
    if correct is False and question.kind in CHOICE_KINDS and 0 <= chosen < len(question.choices):
        # The instructor's note on why this option is wrong, where the bank has one.
        detail = question.choices[chosen].feedback
    return Verdict(correct, proposed, question.answer_text(), detail)


def describe_response(question: Question, response: Response) -> str:
    """The response as text for the review log."""
    if response is None:
        return ""
    in_range = isinstance(response, int) and 0 <= response < len(question.choices)
    if question.kind in CHOICE_KINDS and in_range:
        return question.choices[response].text  # type: ignore[index]
    if isinstance(response, bool):
        return "True" if response else "False"
    if isinstance(response, tuple):
        return ",".join(str(i) for i in response)
    return str(response)
