"""Assemble questions from every generator into a Bank.

This first generator covers "Term: description" lists (multiple choice and
definition flashcards); the generation work deepens it with every kind.
"""

from __future__ import annotations

import hashlib
import re

from tradequiz.bank.model import Bank, BankSection, Choice, Question, SourceSpan, stable_id
from tradequiz.document.model import Block, Document, Section
from tradequiz.document.reader import slugify

GENERATOR_VERSION = "0.1"


def _without_term(description: str, term: str) -> str:
    return description


def _list_questions(doc: Document, section: Section) -> list[Question]:
    items = section.list_items
    out: list[Question] = []
    if len(items) < 2:
        return out
    terms = [b.term or "" for b in items]
    for index, block in enumerate(items):
        assert block.term is not None and block.description is not None
        first = block.sentences[0] if block.sentences else None
        clue = first.text if first else block.description
        span = SourceSpan(block.start, block.end)
        if len(items) >= 4:
            others = [t for t in terms if t != block.term]
            # Rotate through the other terms so each question gets a different mix.
            distractors = [others[(index + k) % len(others)] for k in range(3)]
            choices = [Choice(block.term, True)] + [Choice(t) for t in distractors]
            order = sorted(choices, key=lambda c: hashlib.sha1(c.text.encode()).hexdigest())
            out.append(
                Question(
                    id=stable_id(doc.title, section.id, block.term, "mcq"),
                    kind="multiple_choice",
                    section=section.id,
                    prompt=f"In “{section.title}”, which item does the article describe this way: "
                    f"“{_without_term(clue, block.term)}”",
                    choices=tuple(order),
                    explanation=block.text,
                    source=span,
                    difficulty=0.4,
                    generator="list.mcq",
                ).with_fingerprint()
            )
        out.append(
            Question(
                id=stable_id(doc.title, section.id, block.term, "flashcard"),
                kind="flashcard",
                section=section.id,
                prompt=f"{block.term} — what does the article say about it?",
                answers=(block.description,),
                explanation=block.text,
                source=span,
                difficulty=0.6,
                generator="list.flashcard",
            ).with_fingerprint()
        )
    return out


def _sentence_cards(doc: Document, section: Section, block: Block) -> list[Question]:
    out = []
    for sentence in block.sentences:
        years = re.search(r"\b(1[89]\d0s|20\d0s|\d{4})\b", sentence.text)
        if not years:
            continue
        out.append(
            Question(
                id=stable_id(doc.title, section.id, sentence.text, "flashcard-date"),
                kind="flashcard",
                section=section.id,
                prompt=sentence.text.replace(years.group(0), "____", 1),
                answers=(years.group(0),),
                explanation=sentence.text,
                source=SourceSpan(sentence.start, sentence.end),
                difficulty=0.5,
                generator="sentence.date",
            ).with_fingerprint()
        )
    return out


def generate_bank(doc: Document, source_name: str, bank_id: str | None = None) -> Bank:
    """Generate every question for ``doc``; deterministic for the same input."""
    questions: list[Question] = []
    for section in doc.sections:
        questions.extend(_list_questions(doc, section))
        for block in section.blocks:
            if block.kind == "paragraph":
                questions.extend(_sentence_cards(doc, section, block))
    return Bank(
        id=bank_id or slugify(doc.title),
        title=doc.title,
        version=1,
        source=source_name,
        source_sha256=hashlib.sha256(doc.text.encode()).hexdigest(),
        sections=tuple(BankSection(s.id, s.title, s.start, s.end) for s in doc.sections),
        questions=tuple(questions),
        generator_version=GENERATOR_VERSION,
    )
