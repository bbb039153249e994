"""Filter, rank and select: the best candidate of each fact, varied kinds, balanced truths.

Candidates failing a hard filter (``filters``) are rejected with the reason.  The
rest are taken best first; a candidate's score is lowered a little for every
question of its kind already kept in its section, so each section gets a mix of
kinds.  A candidate is rejected when it duplicates a kept question (``dedup``),
or when its clause already has ``PER_CLAUSE`` questions.  True and false
statements are balanced by capping the commoner value and selecting again, so
surplus statements do not crowd out questions that would have been kept.
"""

from __future__ import annotations

import heapq
from collections import Counter
from dataclasses import dataclass, field

from tradequiz.bank.model import Question
from tradequiz.generate import filters
from tradequiz.generate.candidate import Candidate, Rejected
from tradequiz.generate.dedup import DuplicateIndex, rarity
from tradequiz.generate.text import content_set

KIND_PENALTY = 0.06
# And for every question of the same generator (template) in the section: the same
# template many times over reads as a drill, not a quiz.
GENERATOR_PENALTY = 0.03
# A wrong option drawn from the document's phrases may serve this many questions: the same
# "distractor" everywhere ("any country") teaches the learner to skip it.
MAX_OPTION_USES = 3
_POOL_GENERATORS = frozenset({"mcq.list_item", "mcq.object"})
# Whether to reject a question whose answer stands in another question on the same sentence.
# Off: on a short document it leaves about one question per sentence; the same-list and
# same-clause rules (see ``candidate.clause_keys`` and the ``fact`` keys) catch the pairs
# that read as the same question.
CHECK_GIVEAWAYS = False
# True and false statements may differ by this share of all of them (45–55 %), or by one.
BALANCE_TOLERANCE = 0.1
# At most this many questions on one clause (one more on a long one): variety over depth.
PER_CLAUSE = 3
LONG_CLAUSE_WORDS = 20
# A debate section is mostly debate questions by nature: its kind is hardly penalised.
PENALTY_BY_KIND = {"debate": 0.01}


@dataclass
class Selection:
    kept: list[Candidate] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)


def _select_once(
    passing: list[Candidate],
    caps: dict[bool, int],
    selection: Selection,
    words_used: Counter[str],
    signatures: dict[str, frozenset[str]],
) -> Counter[bool]:
    index = DuplicateIndex(words_used, signatures)
    kept_per: Counter[tuple[str, str]] = Counter()
    truths: Counter[bool] = Counter()
    per_clause: Counter[str] = Counter()
    on_passage: dict[tuple[int, int], list[Question]] = {}

    option_uses: Counter[str] = Counter()
    by_generator: Counter[tuple[str, str]] = Counter()

    def priority(c: Candidate) -> float:
        penalty = PENALTY_BY_KIND.get(c.question.kind, KIND_PENALTY)
        same_template = (
            0
            if c.question.kind == "debate"
            else by_generator[(c.question.section, c.question.generator)]
        )  # a debate section is mostly "who argues …?" by nature
        return (
            c.score
            - penalty * kept_per[(c.question.section, c.question.kind)]
            - GENERATOR_PENALTY * same_template
        )

    heap = [(-priority(c), c.question.id, i) for i, c in enumerate(passing)]
    heapq.heapify(heap)
    while heap:
        negative, qid, i = heapq.heappop(heap)
        c = passing[i]
        current = priority(c)
        if current < -negative - 1e-9:
            heapq.heappush(heap, (-current, qid, i))  # its section got more of its kind meanwhile
            continue
        truth = c.question.truth
        if (
            c.question.kind == "true_false"
            and truth is not None
            and truths[truth] >= caps.get(truth, 10**9)
        ):
            selection.rejected.append(
                Rejected(c.question, "true_false_balance", f"already {truths[truth]} {truth}")
            )
            continue
        clause = next((m[: -len("|used")] for m in c.marks if m.endswith("|used")), "")
        if clause:
            length = len(c.question.explanation.split())
            limit = PER_CLAUSE + (length >= LONG_CLAUSE_WORDS) + (length >= 1.6 * LONG_CLAUSE_WORDS)
            if per_clause[clause] >= limit:
                selection.rejected.append(
                    Rejected(
                        c.question, "clause_quota", f"{limit} questions on this clause already"
                    )
                )
                continue
        if c.question.generator in _POOL_GENERATORS:
            worn = [d for d in c.distractors if option_uses[d.lower()] >= MAX_OPTION_USES]
            if worn:
                selection.rejected.append(
                    Rejected(c.question, "repeated_option", f"“{worn[0]}” used enough already")
                )
                continue
        giveaway = _gives_away(c.question, on_passage) if CHECK_GIVEAWAYS else None
        if giveaway is not None:
            selection.rejected.append(
                Rejected(c.question, "gives_away", f"{giveaway.id}: {giveaway.prompt[:80]}")
            )
            continue
        duplicate = index.find(c.question, c.fact, c.avoid)
        if duplicate is not None:
            selection.rejected.append(
                Rejected(c.question, "near_duplicate", f"{duplicate.id}: {duplicate.prompt[:80]}")
            )
            continue
        index.add(c.question, c.fact, c.marks)
        if c.question.source is not None:
            span = (c.question.source.start, c.question.source.end)
            on_passage.setdefault(span, []).append(c.question)
        if clause:
            per_clause[clause] += 1
        kept_per[(c.question.section, c.question.kind)] += 1
        by_generator[(c.question.section, c.question.generator)] += 1
        if c.question.generator in _POOL_GENERATORS:
            option_uses.update(d.lower() for d in c.distractors)
        if c.question.kind == "true_false" and truth is not None:
            truths[truth] += 1
        selection.kept.append(c)
    return truths


def _answer_stems(q: Question) -> frozenset[str]:
    if q.kind in {"true_false", "matching", "ordering", "flashcard"}:
        return frozenset()
    return content_set(q.answer_text())


def _gives_away(q: Question, on_passage: dict[tuple[int, int], list[Question]]) -> Question | None:
    """A kept question on the same passage whose stem holds this one's answer, or whose answer
    this one's stem holds: studied together, one would answer the other.

    Statements are left out (a true restatement already excludes every other question on its
    clause), as are the attribution frames ("under “Market access …”"), which name a term
    without asking about it.
    """
    if q.source is None or q.kind == "true_false":
        return None
    mine = _answer_stems(q)
    text = content_set(filters.body(q.prompt))
    for other in on_passage.get((q.source.start, q.source.end), []):
        if other.kind == "true_false":
            continue
        theirs = _answer_stems(other)
        if mine and mine <= content_set(filters.body(other.prompt)):
            return other
        if theirs and theirs <= text:
            return other
    return None


def select(
    candidates: list[Candidate],
    topic: frozenset[str],
    names: frozenset[str] = frozenset(),
    topic_head: str = "",
) -> Selection:
    """Apply the hard filters, drop duplicates, balance true/false; keep the rest."""
    filtered: list[Rejected] = []
    passing: list[Candidate] = []
    seen_ids: set[str] = set()
    for c in candidates:
        if c.question.id in seen_ids:
            continue  # the same question made twice (same passage, kind and content)
        seen_ids.add(c.question.id)
        problem = filters.check(c, topic, names, topic_head)
        if problem:
            filtered.append(Rejected(c.question, *problem))
        else:
            passing.append(c)
    caps: dict[bool, int] = {}
    words_used = rarity([c.question for c in passing])
    signatures: dict[str, frozenset[str]] = {}
    for _round in range(6):
        selection = Selection(rejected=list(filtered))
        truths = _select_once(passing, caps, selection, words_used, signatures)
        tolerance = max(1, round(BALANCE_TOLERANCE * (truths[True] + truths[False])))
        if abs(truths[True] - truths[False]) <= tolerance:
            break
        # Cap the commoner value so its surplus does not crowd out other questions, and retry:
        # fewer statements of one value can free facts for the other.
        more = truths[True] > truths[False]
        caps[more] = truths[not more] + tolerance
    return selection


def bank_order(questions: list[Question], section_order: dict[str, int]) -> list[Question]:
    """Section by section, then by position in the document, then by kind."""
    return sorted(
        questions,
        key=lambda q: (
            section_order.get(q.section, 0),
            q.source.start if q.source else 0,
            q.kind,
            q.id,
        ),
    )
