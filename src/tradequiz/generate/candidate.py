"""A generated question before filtering, and the record of one that was rejected."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from typing import TypedDict

from tradequiz.bank.model import Choice, Kind, Pair, Question, SourceSpan, stable_id
from tradequiz.document.model import Block, Section, Sentence


@dataclass(frozen=True)
class Candidate:
    """A question with what the filters and the ranker need to judge it.

    ``fact`` names the fact the question tests (its source and the tested
    phrase), so two questions on the same fact compete for one place;
    ``answers`` are the strings that must not leak into the stem; ``problem``
    is set when the generator already knows the question cannot stand
    (an unresolved pronoun, say) so that it is reported rather than dropped.
    """

    question: Question
    fact: str
    answers: tuple[str, ...]
    score: float
    problem: str | None = None
    # Options (beyond the answer) and what they must be checked against.
    distractors: tuple[str, ...] = ()
    # Extra keys this question claims when kept, and keys whose holder it must not join:
    # a true restatement of a clause and any other question on that clause exclude each other.
    marks: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()


class ClauseKeys(TypedDict):
    marks: tuple[str, ...]
    avoid: tuple[str, ...]


def clause_keys(
    sentence_id: str, clause: int, restatement: bool = False, part: int = 0
) -> ClauseKeys:
    """``marks``/``avoid`` for a question on one part of a clause (see :class:`Candidate`).

    A clause has parts: its core (0) and its trailing phrases (1, 2, …).  A restatement of
    the core with trailing phrase ``part`` covers both; any other question covers its own
    part, so "the framework reinforces the alliance architecture" (true) and a blank in
    "…, in a region where competition with ____ is intensifying" can both be asked.
    """
    parts = sorted({0, part}) if restatement else [part]
    used = [f"{sentence_id}#{clause}.{p}|used" for p in parts]
    restated = [f"{sentence_id}#{clause}.{p}|restated" for p in parts]
    if restatement:
        return {"marks": (*restated, *used), "avoid": tuple(used)}
    return {"marks": tuple(used), "avoid": tuple(restated)}


@dataclass(frozen=True)
class Rejected:
    question: Question
    reason: str
    detail: str = ""


@dataclass
class Source:
    """Where a question comes from: its section, passage and sentence for the explanation."""

    section: Section
    block: Block
    sentence: Sentence | None = None
    start: int = -1
    end: int = -1
    explanation: str = ""
    passage: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.start < 0:
            self.start = self.sentence.start if self.sentence else self.block.start
            self.end = self.sentence.end if self.sentence else self.block.end
        if not self.explanation:
            self.explanation = self.sentence.text if self.sentence else self.block.text
        if not self.passage:
            self.passage = self.sentence.text if self.sentence else self.block.text


def order_choices(
    key: str, correct: str, others: list[str], feedback: dict[str, str] | None = None
) -> tuple[Choice, ...]:
    """Mix the right answer in among the others, the same way every time; ``feedback`` says
    where the document places a wrong option, shown when a learner picks it."""
    texts = [correct, *others]
    ranked = sorted(texts, key=lambda t: hashlib.sha256(f"{key}\x1f{t}".encode()).hexdigest())
    notes = feedback or {}
    return tuple(Choice(t, correct=(t == correct), feedback=notes.get(t, "")) for t in ranked)


def build(
    *,
    kind: Kind,
    source: Source,
    prompt: str,
    generator: str,
    essential: str,
    difficulty: float,
    choices: tuple[Choice, ...] = (),
    truth: bool | None = None,
    answers: tuple[str, ...] = (),
    pairs: tuple[Pair, ...] = (),
    items: tuple[str, ...] = (),
    tags: tuple[str, ...] = (),
) -> Question:
    """A question whose id depends on its passage, kind and content only (fingerprinted
    when kept: see ``pipeline``, which saves hashing every rejected candidate)."""
    qid = stable_id(source.passage, kind, generator, essential)
    question = Question(
        id=qid,
        kind=kind,
        section=source.section.id,
        prompt=prompt,
        choices=choices,
        truth=truth,
        answers=answers,
        pairs=pairs,
        items=items,
        explanation=source.explanation,
        source=SourceSpan(source.start, source.end),
        difficulty=round(min(0.95, max(0.05, difficulty)), 2),
        generator=generator,
        tags=tags,
    )
    return question


def with_choices(question: Question, choices: tuple[Choice, ...]) -> Question:
    return replace(question, choices=choices).with_fingerprint()
