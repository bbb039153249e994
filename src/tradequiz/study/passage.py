"""The source passage behind a question, with the part to highlight."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradequiz.bank.model import Question


@dataclass(frozen=True)
class Passage:
    text: str
    # Character range in ``text`` to highlight (the answer, else the source sentence).
    highlight: tuple[int, int] | None
    start: int  # offset of ``text`` in the source document


def passage_for(question: Question, source: str) -> Passage | None:
    """The paragraph (line) holding the question's source span."""
    if question.source is None or not source:
        if question.explanation:
            return Passage(question.explanation, _find(question.explanation, question), 0)
        return None
    start = max(0, min(question.source.start, len(source)))
    end = max(start, min(question.source.end, len(source)))
    para_start = source.rfind("\n", 0, start) + 1
    para_end = source.find("\n", end)
    para_end = len(source) if para_end == -1 else para_end
    text = source[para_start:para_end].strip()
    offset = para_start + (
        len(source[para_start:para_end]) - len(source[para_start:para_end].lstrip())
    )
    highlight = _find(text, question)
    if highlight is None and end > start:
        highlight = (start - offset, end - offset)
    if highlight is not None and (highlight[1] - highlight[0]) > 0.6 * len(text):
        highlight = None  # marking nearly all of it would point at nothing
    return Passage(text, highlight, offset)


def _find(text: str, question: Question) -> tuple[int, int] | None:
    candidates: list[str] = []
    if question.kind in ("cloze", "short_answer", "flashcard"):
        candidates.extend(question.answers)
    else:
        answer = question.answer_text()
        if answer and question.kind in ("multiple_choice", "debate"):
            candidates.append(answer)
    for candidate in candidates:
        candidate = candidate.strip()
        if len(candidate) < 2:
            continue
        match = re.search(re.escape(candidate), text, re.IGNORECASE)
        if match:
            return (match.start(), match.end())
    return None
