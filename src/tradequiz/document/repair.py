"""Undo the damage a web scrape leaves in titles and text.

Wiki pages scraped as text often end their title with the "Edit" link glued
on ("…TradeEdit") and lose the dash between two names ("Japanunited States").
The repairs here are derived from the document's own text where possible, so
they work on pages nobody has looked at.
"""

from __future__ import annotations

import re

_GLUED_EDIT = re.compile(r"(?<=[a-z0-9)\]])(?:\[edit\]|Edit|\[Edit\])\s*$")
_LETTERS = re.compile(r"[^0-9a-z]+")
_DASHES = "-–—"


def _squash(text: str) -> str:
    return _LETTERS.sub("", text.lower())


def strip_edit_link(title: str) -> str:
    """Remove an "Edit" link glued to the end of a scraped heading."""
    return _GLUED_EDIT.sub("", title.strip()).strip()


def _phrase_in_body(squashed: str, body: str) -> str | None:
    """Find the body's own spelling of a title whose spaces and dashes were lost."""
    if not squashed:
        return None
    words = list(re.finditer(r"[\w’'" + _DASHES + r"]+", body[:20000]))
    for i in range(len(words)):
        acc = ""
        for j in range(i, min(i + 12, len(words))):
            acc += _squash(words[j].group())
            if acc == squashed:
                phrase = body[words[i].start() : words[j].end()]
                return phrase.strip(_DASHES)
            if not squashed.startswith(acc):
                break
    return None


def _restore_lost_dash(title: str, body: str) -> str:
    """ "Japanunited States" → "Japan–United States" when the body names "United States"."""

    def fix(match: re.Match[str]) -> str:
        word = match.group(0)
        for cut in range(2, len(word) - 1):
            head, tail = word[:cut], word[cut:]
            if head[0].isupper() and tail[0].islower():
                candidate = tail[0].upper() + tail[1:]
                if re.search(rf"\b{re.escape(candidate)}\b", body) and re.search(
                    rf"\b{re.escape(head)}\b", body
                ):
                    return f"{head}–{candidate}"
        return word

    return re.sub(r"\b[A-Z][a-z]+[a-z]+\b", fix, title)


def repair_title(raw_title: str, body: str) -> str:
    """Return the clean title a learner should see."""
    title = strip_edit_link(raw_title)
    title = title.lstrip("#").strip()
    from_body = _phrase_in_body(_squash(title), body)
    if from_body:
        return from_body
    return _restore_lost_dash(title, body)


def normalise_text(text: str) -> str:
    """Normalise newlines and strip characters that never belong in prose."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\ufeff", "").replace("\u00a0", " ").replace("\x00", "")
    return text
