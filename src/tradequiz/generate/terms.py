"""Clues for "Term: description" items: the description with the term's own words removed.

A clue must not name its answer ("The US and Japan … balance of automobile
trade" names "Automobiles and parts"), so the words that distinguish the term
from the other terms of its list are replaced by "…"; a sentence that would
need more than two such cuts, or that opens with an unresolved pronoun
("This synergy …"), is not used as a clue.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass

from tradequiz.document.model import Block, Sentence
from tradequiz.generate.analysis import Analysis, TermList
from tradequiz.generate.lexicon import PRONOUN_OPENERS
from tradequiz.generate.references import unresolved
from tradequiz.generate.text import content_set, stem, strip_end, words

MASK = "…"
MAX_MASKS = 2
_WORD_OR_GAP = re.compile(r"[A-Za-z0-9][\w’'.]*|[^A-Za-z0-9]+")


@dataclass(frozen=True)
class Clue:
    block: Block
    sentence: Sentence
    text: str  # without final punctuation
    masks: int


def distinctive_stems(an: Analysis, term_list: TermList, term: str) -> frozenset[str]:
    """Stems of ``term`` that tell it apart from the other terms (topic words excepted)."""
    counts: Counter[str] = Counter()
    for other in term_list.terms():
        counts.update(content_set(other))
    limit = max(2, len(term_list.items) // 2)
    return frozenset(
        s for s in content_set(term) if s not in an.ctx.topic_stems and counts[s] < limit
    )


def _names_stem(word_stem: str, stems: frozenset[str]) -> bool:
    """``word_stem`` is one of ``stems`` or a close derivative ("farmer" of "farm")."""
    if word_stem in stems:
        return True
    return any(
        len(s) >= 4 and word_stem.startswith(s) and len(word_stem) - len(s) <= 3 for s in stems
    )


def mask(text: str, stems: frozenset[str]) -> tuple[str, int]:
    """Replace the words with those stems by "…" (runs of them by one), counting the cuts."""
    pieces = _WORD_OR_GAP.findall(text)
    hidden = [piece[0].isalnum() and _names_stem(stem(piece), stems) for piece in pieces]
    out: list[str] = []
    masks = 0
    for i, piece in enumerate(pieces):
        if hidden[i]:
            if not (i >= 2 and hidden[i - 2] and pieces[i - 1].strip(" -–") == ""):
                out.append(MASK)
                masks += 1
            continue
        joins_hidden = (
            i > 0
            and hidden[i - 1]
            and i + 1 < len(pieces)
            and hidden[i + 1]
            and piece.strip(" -–") == ""
        )
        if not joins_hidden:
            out.append(piece)
    return "".join(out), masks


def clues(an: Analysis, term_list: TermList, block: Block) -> list[Clue]:
    """Usable clue sentences for ``block``'s term, best first (fewest cuts)."""
    term = block.term or ""
    stems = distinctive_stems(an, term_list, term)
    found: list[Clue] = []
    for sentence in block.sentences:
        ws = words(sentence.text)
        if not ws or ws[0].lower() in PRONOUN_OPENERS or len(ws) < 5:
            continue
        text, masks = mask(strip_end(sentence.text), stems)
        if masks > MAX_MASKS or text.startswith(MASK):
            continue
        found.append(Clue(block, sentence, text, masks))
    found.sort(key=lambda c: (c.masks, c.sentence.start))
    return found


def typed_first(term: str) -> bool:
    """Whether a term is asked first as a typed answer rather than as multiple choice.

    Half the terms, chosen by a hash so the choice is the same on every run.
    """
    return hashlib.sha256(term.encode()).digest()[0] % 2 == 1


def category_phrase(an: Analysis, term_list: TermList) -> str:
    """ "key element of Japan–United States trade" """
    return f"{term_list.category} of {an.ctx.topic}"


def term_answers(term: str) -> tuple[str, ...]:
    """What a learner may type for a term: itself, "&" for "and", the first part of "X and Y"."""
    out = [term]
    if " and " in term:
        out.append(term.replace(" and ", " & "))
        first = term.split(" and ", 1)[0]
        if len(words(first)) >= 2:
            out.append(first)
    return tuple(out)


def readable_clues(an: Analysis, term_list: TermList, block: Block) -> list[Clue]:
    """Clues that read on their own beside the term: no "it", "they" or "these …" left
    pointing at words the mask or the line's other sentences hold ("While … are not the
    sole measure of success, some argue they …")."""
    title_words = an.ctx.title.split()
    topic_head = title_words[-1] if title_words else ""
    out = []
    for clue in clues(an, term_list, block):
        found = unresolved(clue.text, topic_head, topic_named=True)
        if found is None or found.split()[0].lower() == "the":
            out.append(clue)
    return out
