"""Documents of the same shape that the generator was not written for."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tradequiz.document import read_document
from tradequiz.generate import generate
from tradequiz.generate.analysis import analyse
from tradequiz.generate.dedup import duplicate_pairs
from tradequiz.generate.filters import leaks

from .conftest import FIXTURES

DOCUMENTS = sorted(FIXTURES.iterdir())


def test_there_are_other_documents() -> None:
    assert len(DOCUMENTS) >= 2
    assert {p.suffix for p in DOCUMENTS} >= {".md", ".txt"}


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_a_sensible_bank(path: Path) -> None:
    doc = read_document(path)
    assert not doc.title.endswith("Edit")
    result = generate(doc, path.name)
    questions = result.bank.questions
    per_section = Counter(q.section for q in questions)
    assert all(per_section[s.id] >= 3 for s in doc.sections), per_section
    kinds = {q.kind for q in questions}
    assert {"multiple_choice", "true_false", "debate", "matching", "flashcard"} <= kinds
    assert len(kinds) >= 6
    common = analyse(doc).common_stems
    for q in questions:
        if q.kind in {"multiple_choice", "debate", "cloze", "short_answer"}:
            assert not leaks(q.answer_text(), q.prompt, common), q.prompt
        if "Japan" not in doc.text:  # nothing of the shipped document leaks into another
            assert "Japan" not in q.prompt and "United States–Japan" not in q.prompt
        assert q.source is not None and q.explanation
    assert duplicate_pairs(list(questions)) == []
    debate = [q for q in questions if q.kind == "debate"]
    assert any(q.answer_text() in {"Proponents", "Critics"} for q in debate)
