"""Question bank values: what the generator produces, instructors edit and the store imports."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal, get_args

Kind = Literal[
    "multiple_choice",
    "debate",
    "true_false",
    "cloze",
    "matching",
    "ordering",
    "short_answer",
    "flashcard",
]
Status = Literal["draft", "approved", "rejected", "orphaned"]

KINDS: tuple[str, ...] = get_args(Kind)
STATUSES: tuple[str, ...] = get_args(Status)
# Kinds whose answer the app checks itself; the rest are self-rated.
OBJECTIVE_KINDS = frozenset(
    {"multiple_choice", "debate", "true_false", "cloze", "matching", "ordering", "short_answer"}
)
CHOICE_KINDS = frozenset({"multiple_choice", "debate"})
TYPED_KINDS = frozenset({"cloze", "short_answer"})
# What each kind is called on screen and in exports.
KIND_LABELS = {
    "multiple_choice": "Multiple choice",
    "debate": "Who argues what",
    "true_false": "True or false",
    "cloze": "Fill in the blank",
    "short_answer": "Short answer",
    "matching": "Matching",
    "ordering": "Put in order",
    "flashcard": "Flashcard",
}
# Column headings where space is short (tables of counts).
SHORT_KIND_LABELS = {
    "multiple_choice": "Choice",
    "debate": "Debate",
    "true_false": "True/false",
    "cloze": "Blank",
    "short_answer": "Short",
    "matching": "Match",
    "ordering": "Order",
    "flashcard": "Card",
}
BLANK = "____"
FORMAT = "tradequiz-bank/1"


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Pair:
    left: str
    right: str


@dataclass(frozen=True)
class SourceSpan:
    """Character offsets into the bank's source document."""

    start: int
    end: int


@dataclass(frozen=True)
class Question:
    """One question.  Which fields are used depends on ``kind``:

    - multiple_choice, debate: ``choices`` (exactly one correct)
    - true_false: ``prompt`` is the statement, ``truth`` says whether it is true
    - cloze: ``prompt`` holds one ``____`` blank, ``answers`` the accepted fillings
    - short_answer: ``answers`` are accepted typed answers
    - matching: ``pairs`` (left ↔ right)
    - ordering: ``items`` in the correct order
    - flashcard: ``prompt`` is the front, ``answers[0]`` the back
    """

    id: str
    kind: Kind
    section: str
    prompt: str
    choices: tuple[Choice, ...] = ()
    truth: bool | None = None
    answers: tuple[str, ...] = ()
    pairs: tuple[Pair, ...] = ()
    items: tuple[str, ...] = ()
    explanation: str = ""
    source: SourceSpan | None = None
    difficulty: float = 0.5
    generator: str = ""
    status: Status = "draft"
    tags: tuple[str, ...] = ()
    # Hash of the content as generated; a different content hash means an instructor edited it.
    fingerprint: str = ""

    @property
    def correct_choice(self) -> Choice | None:
        return next((c for c in self.choices if c.correct), None)

    def answer_text(self) -> str:
        """The correct answer as one line a learner can read."""
        if self.kind in CHOICE_KINDS:
            choice = self.correct_choice
            return choice.text if choice else ""
        if self.kind == "true_false":
            return "True" if self.truth else "False"
        if self.kind == "matching":
            return "; ".join(f"{p.left} → {p.right}" for p in self.pairs)
        if self.kind == "ordering":
            return " → ".join(self.items)
        return self.answers[0] if self.answers else ""

    def content(self) -> dict[str, Any]:
        """What a learner sees and is checked against (no status or bookkeeping)."""
        data = asdict(self)
        for key in ("id", "status", "fingerprint", "difficulty", "generator", "tags"):
            data.pop(key)
        return data

    def content_hash(self) -> str:
        raw = json.dumps(self.content(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(raw.encode()).hexdigest()[:16]

    def with_fingerprint(self) -> Question:
        return replace(self, fingerprint=self.content_hash())

    @property
    def edited(self) -> bool:
        return bool(self.fingerprint) and self.fingerprint != self.content_hash()


@dataclass(frozen=True)
class BankSection:
    id: str
    title: str
    start: int = 0
    end: int = 0


@dataclass(frozen=True)
class Bank:
    id: str
    title: str
    version: int
    source: str
    source_sha256: str = ""
    approved_only: bool = False
    sections: tuple[BankSection, ...] = ()
    questions: tuple[Question, ...] = ()
    generator_version: str = ""
    meta: dict[str, str] = field(default_factory=dict)

    def studiable(self) -> tuple[Question, ...]:
        """Questions a learner may be given under the bank's status policy."""
        allowed = {"approved"} if self.approved_only else {"approved", "draft"}
        return tuple(q for q in self.questions if q.status in allowed)

    def section_ids(self) -> set[str]:
        return {s.id for s in self.sections}


def stable_id(*parts: str, prefix: str = "q") -> str:
    """An id derived from content, so regenerating the same passage gives the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return f"{prefix}-{digest[:12]}"
