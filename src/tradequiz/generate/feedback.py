"""What a learner is told on picking a wrong option: where the document puts that option.

Feedback teaches when it says why an option is wrong in the document's own terms: "The
article gives “export controls” under “Supply chain resilience and security”", or quotes
the sentence the option came from.  An option the document never mentions (a decade made
up as a distractor) gets no note; the explanation of the right answer still shows.
"""

from __future__ import annotations

from collections.abc import Iterable

from tradequiz.document.model import Block
from tradequiz.generate.analysis import Analysis
from tradequiz.generate.text import shorten

MAX_QUOTE = 160


def _block_of(an: Analysis, sentence_id: str) -> Block | None:
    return an.blocks.get(sentence_id.rsplit(".s", 1)[0])


def where_said(an: Analysis, option: str, avoid: str = "") -> str:
    """ "The article gives “X” under “Term”." or the sentence that mentions X (not the
    question's own sentence ``avoid``); "" when the document does not mention it."""
    for sid in an.sentences_with(option):
        if sid == avoid:
            continue
        block = _block_of(an, sid)
        if block is not None and block.kind == "list_item" and block.term:
            return f"The article gives “{option}” under “{block.term}”."
        quote = shorten(an.sentence_texts[sid], MAX_QUOTE)
        return f"The article mentions “{option}” elsewhere: “{quote}”"
    return ""


def notes(an: Analysis, options: Iterable[str], avoid: str = "") -> dict[str, str]:
    """Feedback for each wrong option that the document mentions."""
    out: dict[str, str] = {}
    for option in options:
        note = where_said(an, option, avoid)
        if note:
            out[option] = note
    return out


def term_notes(blocks: Iterable[Block], options: Iterable[str]) -> dict[str, str]:
    """Feedback for terms of a list offered as wrong options: what the article says of them."""
    by_term = {b.term: b for b in blocks if b.term}
    out: dict[str, str] = {}
    for option in options:
        block = by_term.get(option)
        if block is None or not block.sentences:
            continue
        first = shorten(block.sentences[0].text, MAX_QUOTE)
        out[option] = f"Under “{option}” the article says: “{first}”"
    return out


def rejected_notes(an: Analysis, options: Iterable[str]) -> dict[str, str]:
    """For courses of action the article argues against ("Retreat from trade"): the sentence
    where it does."""
    out: dict[str, str] = {}
    for option in options:
        found = an.sentences_with(option)
        if found:
            quote = shorten(an.sentence_texts[found[0]], MAX_QUOTE)
            out[option] = f"The article argues against this: “{quote}”"
    return out
