"""Checks on one question, shared by ``tradequiz validate`` and the editor.

Each check names the field it concerns (``prompt``, ``choices``,
``pairs.2.right`` …) so the validator can turn it into FILE:LINE:COL and the
editor can show it next to the field.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from tradequiz.bank.model import BLANK, CHOICE_KINDS, KINDS, Question
from tradequiz.bank.problems import Severity

# Fields each kind uses; anything else filled in is ignored by the app (a warning).
KIND_FIELDS: dict[str, frozenset[str]] = {
    "multiple_choice": frozenset({"choices"}),
    "debate": frozenset({"choices"}),
    "true_false": frozenset({"truth"}),
    "cloze": frozenset({"answers"}),
    "short_answer": frozenset({"answers"}),
    "flashcard": frozenset({"answers"}),
    "matching": frozenset({"pairs"}),
    "ordering": frozenset({"items"}),
}
MIN_PAIRS = 3
_WORD = re.compile(r"\w+", re.UNICODE)
_STOP = frozenset(
    {
        "a",
        "an",
        "the",
        "of",
        "and",
        "or",
        "to",
        "in",
        "on",
        "for",
        "by",
        "with",
        "at",
        "from",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "its",
        "it",
        "this",
        "that",
        "these",
        "those",
        "their",
        "his",
        "her",
    }
)


@dataclass(frozen=True)
class FieldProblem:
    """A problem with one field of a question (``field`` is a dotted path inside it)."""

    field: str
    message: str
    severity: Severity = "error"


@dataclass(frozen=True)
class SourceFacts:
    """What the source document tells the checks: its length and its sections' extents."""

    length: int
    sections: dict[str, tuple[int, int]]
    name: str = "the source document"


def _stem(word: str) -> str:
    word = word.lower()
    # A crude stem is enough to catch "semiconductor" in a stem whose answer is "semiconductors".
    return word[:6] if len(word) > 6 else word.rstrip("s") or word


def _stems(text: str) -> list[str]:
    return [_stem(w) for w in _WORD.findall(text)]


def leaks(answer: str, prompt: str) -> bool:
    """True when the answer's content words (or their stems) appear in order in the prompt."""
    words = [w for w in _WORD.findall(answer) if w.lower() not in _STOP]
    if not words:
        return False
    needle = [_stem(w) for w in words]
    hay = [
        s
        for s, w in zip(_stems(prompt), _WORD.findall(prompt), strict=True)
        if w.lower() not in _STOP
    ]
    n = len(needle)
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1))


def _duplicates(values: Iterable[str]) -> list[str]:
    counts = Counter(v.strip().casefold() for v in values)
    return [v for v, n in counts.items() if n > 1 and v]


def _choice_problems(q: Question) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    if len(q.choices) < 2:
        out.append(FieldProblem("choices", f"needs at least 2 options, has {len(q.choices)}"))
    elif q.kind == "multiple_choice" and len(q.choices) < 3:
        out.append(FieldProblem("choices", "only 2 options: guessing is 50/50", "warning"))
    correct = sum(1 for c in q.choices if c.correct)
    if q.choices and correct != 1:
        out.append(FieldProblem("choices", f"needs exactly one correct option, has {correct}"))
    for i, c in enumerate(q.choices):
        if not c.text.strip():
            out.append(FieldProblem(f"choices.{i}.text", "option text is empty"))
    for dup in _duplicates(c.text for c in q.choices):
        out.append(FieldProblem("choices", f"option {dup!r} appears twice"))
    right = q.correct_choice
    if right is not None and correct == 1 and leaks(right.text, q.prompt):
        out.append(
            FieldProblem(
                "prompt",
                f"the correct option {right.text!r} is given away in the question",
                "warning",
            )
        )
    return out


def _typed_problems(q: Question) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    label = "back of the card" if q.kind == "flashcard" else "accepted answer"
    if not any(a.strip() for a in q.answers):
        out.append(FieldProblem("answers", f"needs at least one {label}"))
    if q.kind == "cloze":
        blanks = q.prompt.count(BLANK)
        if blanks != 1:
            out.append(
                FieldProblem("prompt", f"a cloze needs exactly one blank ({BLANK}), has {blanks}")
            )
    if q.kind in ("cloze", "short_answer"):
        shown = q.prompt.replace(BLANK, " ")
        for answer in q.answers:
            if leaks(answer, shown):
                out.append(
                    FieldProblem(
                        "prompt", f"the answer {answer!r} is given away in the question", "warning"
                    )
                )
                break
    return out


def _matching_problems(q: Question) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    if len(q.pairs) < MIN_PAIRS:
        out.append(FieldProblem("pairs", f"needs at least {MIN_PAIRS} pairs, has {len(q.pairs)}"))
    for side in ("left", "right"):
        for dup in _duplicates(getattr(p, side) for p in q.pairs):
            out.append(FieldProblem("pairs", f"{dup!r} appears twice on the {side}"))
    for i, p in enumerate(q.pairs):
        if not p.left.strip() or not p.right.strip():
            out.append(FieldProblem(f"pairs.{i}", "both sides of a pair need text"))
        elif leaks(p.left, p.right):
            out.append(
                FieldProblem(
                    f"pairs.{i}.right", f"the description names its match {p.left!r}", "warning"
                )
            )
    return out


def _ordering_problems(q: Question) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    if len(q.items) < 2:
        out.append(FieldProblem("items", f"needs at least 2 items, has {len(q.items)}"))
    elif len(q.items) < 3:
        out.append(FieldProblem("items", "only 2 items: guessing is 50/50", "warning"))
    for dup in _duplicates(q.items):
        out.append(FieldProblem("items", f"item {dup!r} appears twice"))
    return out


def _unused_fields(q: Question) -> list[FieldProblem]:
    used = KIND_FIELDS.get(q.kind, frozenset())
    filled = {
        "choices": bool(q.choices),
        "truth": q.truth is not None,
        "answers": bool(q.answers),
        "pairs": bool(q.pairs),
        "items": bool(q.items),
    }
    return [
        FieldProblem(name, f"'{name}' is not used by a {q.kind} question", "warning")
        for name, present in filled.items()
        if present and name not in used
    ]


def _source_problems(q: Question, source: SourceFacts) -> list[FieldProblem]:
    out: list[FieldProblem] = []
    orphan = q.status == "orphaned"
    # An orphaned question's section may have gone with its passage; that is expected.
    if q.section not in source.sections and not orphan:
        out.append(FieldProblem("section", f"section {q.section!r} is not in {source.name}"))
    span = q.source
    if span is None or orphan:
        return out
    if span.start < 0 or span.end <= span.start:
        out.append(FieldProblem("source", f"source span {span.start}–{span.end} is empty"))
    elif span.end > source.length:
        out.append(
            FieldProblem(
                "source",
                f"source span {span.start}–{span.end} lies outside "
                f"{source.name} ({source.length} characters)",
            )
        )
    elif q.section in source.sections:
        start, end = source.sections[q.section]
        if span.start < start or span.end > end:
            out.append(
                FieldProblem(
                    "source",
                    f"source span {span.start}–{span.end} is not inside section {q.section!r}",
                    "warning",
                )
            )
    return out


def question_problems(
    q: Question,
    section_ids: set[str] | None = None,
    source: SourceFacts | None = None,
) -> list[FieldProblem]:
    """Every problem with ``q`` on its own (ids across the bank are checked elsewhere).

    ``section_ids`` are the bank's sections and ``source`` the source document's facts;
    either may be None when not known (an imported bank without a document).
    """
    out: list[FieldProblem] = []
    if not q.id.strip():
        out.append(FieldProblem("id", "the id is empty"))
    if q.kind not in KINDS:
        return [*out, FieldProblem("kind", f"unknown kind {q.kind!r}")]
    if not q.prompt.strip():
        out.append(FieldProblem("prompt", "the question text is empty"))
    if not 0 <= q.difficulty <= 1:
        out.append(FieldProblem("difficulty", "difficulty must be between 0 and 1"))
    if section_ids is not None and q.section not in section_ids and q.status != "orphaned":
        out.append(FieldProblem("section", f"section {q.section!r} is not listed in 'sections'"))
    if q.kind in CHOICE_KINDS:
        out += _choice_problems(q)
    elif q.kind == "true_false":
        if q.truth is None:
            out.append(FieldProblem("truth", "a true/false question needs 'truth: true' or false"))
    elif q.kind in ("cloze", "short_answer", "flashcard"):
        out += _typed_problems(q)
    elif q.kind == "matching":
        out += _matching_problems(q)
    elif q.kind == "ordering":
        out += _ordering_problems(q)
    out += _unused_fields(q)
    if source is not None:
        out += _source_problems(q, source)
    return out
