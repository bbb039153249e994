"""The targets of the generation issue, measured on the source document."""

from __future__ import annotations

from collections import Counter

from tradequiz.bank.model import KINDS
from tradequiz.document import Document, read_document
from tradequiz.generate import GenerationResult, generate
from tradequiz.generate.dedup import duplicate_pairs
from tradequiz.generate.filters import leaks

from .conftest import SOURCE


def test_enough_questions_everywhere(result: GenerationResult) -> None:
    bank = result.bank
    per_section = Counter(q.section for q in bank.questions)
    assert len(bank.questions) >= 150
    assert all(per_section[s.id] >= 10 for s in bank.sections), per_section
    assert per_section["controversies-and-debates"] >= 25
    assert {q.kind for q in bank.questions} == set(KINDS)


def test_no_answer_leaks(result: GenerationResult, common: frozenset[str]) -> None:
    """The answer, or its head word's stem, is never in the question (nor in a matching's
    description of it); the topic's words and words in a third of the sentences ("trade")
    give nothing away and do not count."""
    assert "trade" in common and "friction" not in common
    for q in result.bank.questions:
        if q.kind in {"multiple_choice", "debate", "cloze", "short_answer"}:
            assert not leaks(q.answer_text(), q.prompt, common), q.prompt
        for pair in q.pairs:
            assert not leaks(pair.left, pair.right, common), pair


def test_no_near_duplicate_pairs(result: GenerationResult) -> None:
    assert duplicate_pairs(list(result.bank.questions)) == []


def test_every_question_has_a_section_and_a_span_inside_it(
    result: GenerationResult, source_doc: Document
) -> None:
    for q in result.bank.questions:
        section = source_doc.section(q.section)
        assert q.source is not None
        assert section.start <= q.source.start < q.source.end <= section.end
        assert q.explanation and q.generator and 0 < q.difficulty < 1
        assert q.fingerprint == q.content_hash()


def test_same_document_same_questions_and_ids(result: GenerationResult) -> None:
    again = generate(read_document(SOURCE), SOURCE.name).bank
    assert [q.id for q in again.questions] == [q.id for q in result.bank.questions]
    assert again.questions == result.bank.questions
    assert len({q.id for q in again.questions}) == len(again.questions)


def test_ids_survive_an_edit_elsewhere(result: GenerationResult) -> None:
    """Ids hang on the passage and content, not on positions that shift."""
    text = SOURCE.read_text(encoding="utf-8")
    marker = "Historical overview\n"
    edited = text.replace(marker, marker + "A sentence added at the top of the section.\n")
    from tradequiz.document import read_text

    again = generate(read_text(edited, SOURCE.name), SOURCE.name).bank
    before = {q.id for q in result.bank.questions if q.section == "introduction"}
    after = {q.id for q in again.questions if q.section == "introduction"}
    assert len(before & after) >= 0.9 * len(before)


def test_rejections_carry_reasons(result: GenerationResult) -> None:
    reasons = Counter(r.reason for r in result.rejected)
    assert reasons["near_duplicate"] > 0
    assert reasons["unresolved_pronoun"] > 0
    assert all(r.reason for r in result.rejected)
