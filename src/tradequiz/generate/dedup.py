"""Near-duplicate detection across a bank.

Two questions are near-duplicates when
- they test the same fact: the same source sentence and tested phrase (the
  candidates' ``fact`` key), as a cloze and a false statement about the same
  date do, or two blanks in the same list of one sentence; or
- they read nearly the same and ask for the same thing: the content words a
  learner sees (the prompt without its attribution frame and blank, plus the
  pairs or items of a matching or ordering question) overlap by at least
  ``THRESHOLD`` (Jaccard similarity of the stemmed content-word sets), and
  their answers overlap too (a true/false statement counts as stating every
  answer its sentence holds); or
- they ask for the same answer about a similar passage: equal correct answers
  and a visible overlap of at least ``SAME_ANSWER_THRESHOLD``.

So a cloze and a true statement of one clause are duplicates, and so are two
questions on one date; two questions asking for different things from one
long sentence (its date and its list of aims) are not, nor are two questions
built on the same template about different issues.

Checking is near-linear: each kept question is indexed by its rarest words
(prefix filtering), which finds every pair at or above the threshold without
comparing all pairs.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict

from tradequiz.bank.model import BLANK, Question
from tradequiz.generate.filters import body
from tradequiz.generate.text import content_set, normalise

THRESHOLD = 0.8
SAME_ANSWER_THRESHOLD = 0.5
SAME_ANSWER_WINDOW = 50
FRAME_STEMS = frozenset({"accord", "articl", "debat", "view", "perspect", "viewpoint"})


def signature(q: Question) -> frozenset[str]:
    """The content stems a learner sees in the question (frame words and blank left out)."""
    parts = [body(q.prompt).replace(BLANK, " ")]
    if q.kind == "matching":
        parts.extend(f"{p.left} {p.right}" for p in q.pairs)
    elif q.kind == "ordering":
        parts.extend(q.items)
    return content_set(" ".join(parts)) - FRAME_STEMS


def answer_key(q: Question) -> str:
    """The correct answer, normalised ("" for kinds whose answer is not a phrase)."""
    if q.kind in {"true_false", "matching", "ordering"}:
        return ""
    return normalise(q.answer_text())


def _answer_words(q: Question) -> frozenset[str] | None:
    """Content stems of the correct answer; None when the question states rather than asks."""
    if q.kind in {"true_false", "matching", "ordering"}:
        return None
    return content_set(q.answer_text())


def same_target(a: Question, b: Question) -> bool:
    """Whether two questions ask for overlapping answers (a statement overlaps any answer)."""
    wa, wb = _answer_words(a), _answer_words(b)
    if wa is None or wb is None:
        return True
    if not wa or not wb:
        return wa == wb
    return len(wa & wb) * 2 >= min(len(wa), len(wb))


def similarity(a: Question, b: Question) -> float:
    sa, sb = signature(a), signature(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def near_duplicates(a: Question, b: Question) -> bool:
    sim = similarity(a, b)
    if sim >= THRESHOLD and same_target(a, b):
        return True
    key = answer_key(a)
    return bool(key) and key == answer_key(b) and sim >= SAME_ANSWER_THRESHOLD


def _prefix_length(size: int, threshold: float) -> int:
    return size - math.ceil(threshold * size) + 1


class DuplicateIndex:
    """Kept questions, indexed so that a new one's near-duplicates are found quickly."""

    def __init__(
        self, rarity: Counter[str], signatures: dict[str, frozenset[str]] | None = None
    ) -> None:
        self._rarity = rarity
        self._signatures = signatures if signatures is not None else {}
        self._postings: dict[str, list[int]] = defaultdict(list)
        self._kept: list[tuple[Question, frozenset[str]]] = []
        self._facts: dict[str, Question] = {}
        self._by_answer: dict[str, list[int]] = defaultdict(list)

    def _ordered(self, sig: frozenset[str]) -> list[str]:
        return sorted(sig, key=lambda t: (self._rarity[t], t))

    def find(self, q: Question, fact: str, avoid: tuple[str, ...] = ()) -> Question | None:
        """A kept question that ``q`` duplicates, if any."""
        for key in (fact, *avoid):
            if key in self._facts:
                return self._facts[key]
        sig = self._signature(q)
        if not sig:
            return None
        key = answer_key(q)
        # The same answer far away in a long document is another passage: look at the last few.
        for index in self._by_answer.get(key, [])[-SAME_ANSWER_WINDOW:] if key else ():
            other, other_sig = self._kept[index]
            if other_sig and len(sig & other_sig) / len(sig | other_sig) >= SAME_ANSWER_THRESHOLD:
                return other
        tokens = self._ordered(sig)
        seen: set[int] = set()
        for token in tokens[: _prefix_length(len(tokens), THRESHOLD)]:
            for index in self._postings.get(token, ()):
                if index in seen:
                    continue
                seen.add(index)
                other, other_sig = self._kept[index]
                if len(sig & other_sig) / len(sig | other_sig) >= THRESHOLD and same_target(
                    q, other
                ):
                    return other
        return None

    def _signature(self, q: Question) -> frozenset[str]:
        if q.id not in self._signatures:
            self._signatures[q.id] = signature(q)
        return self._signatures[q.id]

    def add(self, q: Question, fact: str, marks: tuple[str, ...] = ()) -> None:
        sig = self._signature(q)
        index = len(self._kept)
        self._kept.append((q, sig))
        for key in (fact, *marks):
            self._facts.setdefault(key, q)
        key = answer_key(q)
        if key:
            self._by_answer[key].append(index)
        tokens = self._ordered(sig)
        for token in tokens[: _prefix_length(len(tokens), THRESHOLD)]:
            self._postings[token].append(index)


def rarity(questions: list[Question]) -> Counter[str]:
    """How many questions use each word: the order that makes prefixes selective."""
    counts: Counter[str] = Counter()
    for q in questions:
        counts.update(signature(q))
    return counts


def duplicate_pairs(questions: list[Question]) -> list[tuple[str, str, float]]:
    """Every near-duplicate pair, comparing all pairs (for tests and audits, not for speed)."""
    pairs: list[tuple[str, str, float]] = []
    for i, a in enumerate(questions):
        for b in questions[i + 1 :]:
            if near_duplicates(a, b):
                pairs.append((a.id, b.id, similarity(a, b)))
    return pairs
