"""Definitions: name the term from its description, typed (the reverse is in ``flashcard``)."""

from __future__ import annotations

from collections.abc import Iterator

from tradequiz.generate.analysis import Analysis
from tradequiz.generate.candidate import Candidate, Source, build
from tradequiz.generate.terms import category_phrase, clues, term_answers, typed_first
from tradequiz.generate.text import normalise, words


def _name_the_term(an: Analysis) -> Iterator[Candidate]:
    for term_list in an.term_lists:
        if an.ctx.is_debate(term_list.section):
            continue
        for block in term_list.items:
            term = block.term or ""
            if len(words(term)) > 6:
                continue
            for rank, clue in enumerate(clues(an, term_list, block)):
                prompt = (
                    f"Which {category_phrase(an, term_list)} does the article describe this way: "
                    f"“{clue.text}”? Type its name."
                )
                source = Source(term_list.section, block, clue.sentence, explanation=block.text)
                yield Candidate(
                    question=build(
                        kind="short_answer",
                        source=source,
                        prompt=prompt,
                        generator="short_answer.term",
                        essential=normalise(term),
                        difficulty=0.6 + 0.05 * clue.masks + 0.02 * len(words(term)),
                        answers=term_answers(term),
                    ),
                    fact=f"{clue.sentence.id}|{normalise(term)}",
                    answers=(term,),
                    score=(0.9 if typed_first(term) else 0.75) - 0.1 * rank - 0.05 * clue.masks,
                )


def candidates(an: Analysis) -> Iterator[Candidate]:
    yield from _name_the_term(an)
