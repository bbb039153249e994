"""Cloze questions: a clause with one key phrase blanked, answered by typing.

Only phrases with one sensible answer are typed: names ("World Trade
Organization"), periods ("1980s and 1990s") and the examples of a short
"such as" list ("semiconductors").  A list item in general could be filled
many ways, so it becomes a multiple-choice question instead (see
``multiple_choice``).
"""

from __future__ import annotations

from collections.abc import Iterator

from tradequiz.bank.model import BLANK
from tradequiz.generate.analysis import Analysis, View
from tradequiz.generate.candidate import Candidate, Source, build, clause_keys
from tradequiz.generate.lexicon import ERA_VARIANTS
from tradequiz.generate.periods import find_periods
from tradequiz.generate.phrases import Phrase
from tradequiz.generate.text import acronym, normalise, sentence, words

GENERATOR = "cloze.typed"


def blank_phrase(view: View, phrase: Phrase) -> tuple[str, str]:
    """The view with the phrase blanked, and the answer (a leading "the" stays in the stem)."""
    start, answer = phrase.start, phrase.text
    if answer.lower().startswith("the ") and len(words(answer)) > 1:
        start += 4
        answer = answer[4:]
    return view.text[:start] + BLANK + view.text[phrase.end :], answer


def in_view_part(view: View, phrase: Phrase) -> bool:
    """A phrase in the core is asked in the core view; one in a satellite, in its view."""
    core_length = len(view.unit.core)
    return phrase.start >= core_length if view.index else True


def typed_answers(phrase: Phrase, answer: str) -> tuple[str, ...]:
    out = [answer]
    if phrase.kind == "period":
        for period in find_periods(answer):
            out.extend(period.answers())
    short = acronym(answer)
    if short:
        out.append(short)
    out.extend(ERA_VARIANTS.get(answer.lower(), ()))
    if "–" in answer:
        out.append(answer.replace("–", "-"))
    unique: list[str] = []
    for a in out:
        if a and normalise(a) not in {normalise(u) for u in unique}:
            unique.append(a)
    return tuple(unique)


def _typable(an: Analysis, phrase: Phrase) -> bool:
    if an.is_topic_only(phrase.text):
        return False
    if phrase.kind in {"name", "period"}:
        return True
    return (
        phrase.kind == "item"
        and phrase.example
        and len(phrase.siblings) == 1
        and len(words(phrase.text)) <= 2
    )


def candidates(an: Analysis) -> Iterator[Candidate]:
    ctx = an.ctx
    for view in an.views:
        unit = view.unit
        for phrase in view.phrases:
            if not _typable(an, phrase) or not in_view_part(view, phrase):
                continue
            blanked, answer = blank_phrase(view, phrase)
            if "not only" in blanked:
                continue
            prompt = sentence(ctx.frame(unit.section, unit.block, blanked))
            source = Source(unit.section, unit.block, unit.sentence)
            score = 0.85 if phrase.kind in {"name", "period"} else 0.75
            yield Candidate(
                question=build(
                    kind="cloze",
                    source=source,
                    prompt=prompt,
                    generator=GENERATOR,
                    essential=normalise(answer),
                    difficulty=0.55 + 0.03 * len(words(answer)),
                    answers=typed_answers(phrase, answer),
                ),
                # An item of a list is the same fact as any other blank in that list.
                fact=(
                    f"{unit.sentence.id}|list|"
                    + "|".join(sorted(normalise(t) for t in (answer, *phrase.siblings)))
                    if phrase.kind == "item"
                    else f"{unit.sentence.id}|{normalise(answer)}"
                ),
                answers=(answer,),
                score=score - 0.02 * view.index,
                problem=unit.problem,
                **clause_keys(unit.sentence.id, unit.index),
            )
