"""Matching: sets of 4–6 terms of one list paired with their descriptions, the terms'
own words removed from the descriptions (see ``terms.clues``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from tradequiz.bank.model import Pair
from tradequiz.generate.analysis import Analysis, TermList
from tradequiz.generate.candidate import Candidate, Source, build
from tradequiz.generate.multiple_choice import association_cues
from tradequiz.generate.terms import readable_clues
from tradequiz.generate.text import normalise, shorten

MIN_PAIRS, MAX_PAIRS = 4, 6
T = TypeVar("T")
MAX_RIGHT = 170


def _groups(items: list[T]) -> list[list[T]]:
    """Split into groups of 4–6 (7 → 4 + 3 is not allowed: the 3 are left out)."""
    if len(items) <= MAX_PAIRS:
        return [items] if len(items) >= MIN_PAIRS else []
    count = -(-len(items) // MAX_PAIRS)
    size = -(-len(items) // count)
    groups = [items[i : i + size] for i in range(0, len(items), size)]
    return [g for g in groups if len(g) >= MIN_PAIRS]


def _sentence_end(text: str) -> str:
    """End with a full stop unless the text was cut short ("…")."""
    text = text.rstrip(". ")
    return text if text.endswith("…") else text + "."


def _prompt(an: Analysis, term_list: TermList) -> str:
    if an.ctx.is_debate(term_list.section):
        return (
            f"Match each issue in the article's debate on {an.ctx.topic} "
            "to what the article says about it."
        )
    return f"Match each {term_list.category} of {an.ctx.topic} to the article's description of it."


def _examples(an: Analysis) -> Iterator[Candidate]:
    """Each term paired with a telling phrase of its own line ("Supply chain resilience and
    security" ↔ "export controls"): what the article files under which heading."""
    for term_list in an.term_lists:
        if an.ctx.is_debate(term_list.section):
            continue
        cues = association_cues(an, term_list)
        chosen = [(b, cues[b.id][0]) for b in term_list.items if cues.get(b.id)]
        for group in _groups([c for _, c in chosen]):
            blocks = [b for b, c in chosen if c in group]
            pairs = tuple(
                Pair(b.term or "", an.ctx.lower(c.text)) for b, c in zip(blocks, group, strict=True)
            )
            first, last = blocks[0], blocks[-1]
            yield Candidate(
                question=build(
                    kind="matching",
                    source=Source(
                        term_list.section,
                        first,
                        start=first.start,
                        end=last.end,
                        explanation="\n".join(b.text for b in blocks),
                        passage="\n".join(b.text for b in blocks),
                    ),
                    prompt=(
                        f"Match each {term_list.category} of {an.ctx.topic} to something the "
                        "article names under it."
                    ),
                    generator="matching.examples",
                    essential="|".join(normalise(p.left) for p in pairs),
                    difficulty=0.5,
                    pairs=pairs,
                ),
                fact=f"{first.id}|matching-examples",
                answers=(),
                score=0.8,
            )


def candidates(an: Analysis) -> Iterator[Candidate]:
    yield from _examples(an)
    for term_list in an.term_lists:
        best = [
            found[0] for block in term_list.items if (found := readable_clues(an, term_list, block))
        ]
        for group in _groups(best):
            pairs = tuple(
                Pair(c.block.term or "", _sentence_end(shorten(c.text, MAX_RIGHT))) for c in group
            )
            first, last = group[0].block, group[-1].block
            source = Source(
                term_list.section,
                first,
                start=first.start,
                end=last.end,
                explanation="\n".join(c.block.text for c in group),
                passage="\n".join(c.block.text for c in group),
            )
            yield Candidate(
                question=build(
                    kind="matching",
                    source=source,
                    prompt=_prompt(an, term_list),
                    generator="matching.terms",
                    essential="|".join(normalise(p.left) for p in pairs),
                    difficulty=0.45 + 0.03 * len(pairs),
                    pairs=pairs,
                ),
                fact=f"{first.id}|matching",
                answers=(),
                score=0.95,
            )
