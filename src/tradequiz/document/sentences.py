"""Split prose into sentences, keeping character offsets."""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "u.s.",
    "u.k.",
    "e.g.",
    "i.e.",
    "etc.",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "st.",
    "vs.",
    "no.",
    "inc.",
    "ltd.",
    "co.",
    "jr.",
    "sr.",
    "fig.",
    "approx.",
}
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


def split_sentences(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    """Return (sentence, start, end) with offsets shifted by ``offset``."""
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        candidate = text[start : match.start()].rstrip()
        last_word = candidate.rsplit(None, 1)[-1].lower() if candidate.split() else ""
        if last_word in _ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.){1,3}", last_word):
            continue
        pieces.append(candidate)
        start = match.end()
    pieces.append(text[start:].rstrip())
    result: list[tuple[str, int, int]] = []
    cursor = 0
    for piece in pieces:
        if not piece.strip():
            continue
        at = text.index(piece, cursor)
        lead = len(piece) - len(piece.lstrip())
        piece_start = at + lead
        piece_end = at + len(piece)
        result.append((text[piece_start:piece_end], piece_start + offset, piece_end + offset))
        cursor = piece_end
    return result
