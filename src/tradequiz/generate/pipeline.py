"""Turn a Document into a question bank: analyse, generate, filter, rank, assemble."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tradequiz.bank.model import Bank, BankSection, Question
from tradequiz.document.model import Document
from tradequiz.document.reader import slugify
from tradequiz.generate import (
    cloze,
    debate,
    flashcard,
    matching,
    multiple_choice,
    ordering,
    short_answer,
    true_false,
)
from tradequiz.generate.analysis import Analysis, analyse
from tradequiz.generate.candidate import Candidate, Rejected
from tradequiz.generate.ranking import bank_order, select

GENERATOR_VERSION = "1.0"

GENERATORS: tuple[Callable[[Analysis], Iterator[Candidate]], ...] = (
    ordering.candidates,
    matching.candidates,
    debate.candidates,
    multiple_choice.candidates,
    cloze.candidates,
    short_answer.candidates,
    flashcard.candidates,
    true_false.candidates,
)


@dataclass(frozen=True)
class GenerationResult:
    bank: Bank
    rejected: tuple[Rejected, ...]
    candidates: int


def generate(doc: Document, source_name: str, bank_id: str | None = None) -> GenerationResult:
    """Every question for ``doc`` that passes the filters; deterministic for the same input."""
    an = analyse(doc)
    candidates = [c for make in GENERATORS for c in make(an)]
    title_words = an.ctx.title.split()
    selection = select(
        candidates, an.common_stems, an.ctx.topic_stems, title_words[-1] if title_words else ""
    )
    order = {s.id: s.index for s in doc.sections}
    kept: list[Question] = bank_order(
        [c.question.with_fingerprint() for c in selection.kept], order
    )
    bank = Bank(
        id=bank_id or slugify(doc.title),
        title=doc.title,
        version=1,
        source=source_name,
        source_sha256=hashlib.sha256(doc.text.encode()).hexdigest(),
        sections=tuple(BankSection(s.id, s.title, s.start, s.end) for s in doc.sections),
        questions=tuple(kept),
        generator_version=GENERATOR_VERSION,
    )
    return GenerationResult(bank, tuple(selection.rejected), len(candidates))


def generate_bank(doc: Document, source_name: str, bank_id: str | None = None) -> Bank:
    """The bank of :func:`generate`, without the report."""
    return generate(doc, source_name, bank_id).bank
