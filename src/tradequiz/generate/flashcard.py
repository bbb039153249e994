"""Flashcards (self-rated): a term's description, what does something, and how.

- term → description: the reverse of the short-answer definition;
- "What can influence competitiveness?" → "Exchange-rate movements and
  monetary policy": a clause's subject asked from the rest of the clause,
  when the subject is something to know (not "the relationship" or a pronoun);
- "How does an open trading regime support regional stability?" → "By tying
  economic success to …": a clause's means ("by …ing").
Answers are whole phrases of the document, so these are rated by the learner
rather than checked letter by letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tradequiz.generate.analysis import Analysis
from tradequiz.generate.candidate import Candidate, Source, build, clause_keys
from tradequiz.generate.lexicon import (
    CON_SIDE,
    NOUN_CLASSES,
    PRO_SIDE,
    PRONOUN_OPENERS,
    TOPIC_STANDINS,
    VIEW_NOUNS,
)
from tradequiz.generate.periods import find_periods
from tradequiz.generate.terms import category_phrase
from tradequiz.generate.text import (
    normalise,
    sentence,
    stem,
    third_person_to_base,
    upper_first,
    with_article,
    words,
)
from tradequiz.generate.units import Unit
from tradequiz.generate.verbs import BASE_FORMS, PAST_FORMS, THIRD_PERSON

_INTRO = re.compile(
    r"^(?P<intro>(?:As|While|When|In|Over|During|From|Under|Since|After|Before|Within|Given)"
    r"\b[^,]{0,100}?, (?:especially [^,]{0,60}, )?)"
)
_LINKING = frozenset({"is", "are", "was", "were", "becomes", "become", "remains", "remain"})
_MODALS = frozenset({"can", "could", "may", "might", "must", "should", "will", "would"})
_SKIP_HEADS = TOPIC_STANDINS | frozenset(VIEW_NOUNS) | {
    "approach", "debate", "response", "reply", "answer", "focus", "milestone", "steps",
}  # fmt: skip
_BY = re.compile(r"^(?P<main>.+?) by (?P<means>[a-z]+ing\b.+)$")


def _term_cards(an: Analysis) -> Iterator[Candidate]:
    for term_list in an.term_lists:
        debate = an.ctx.is_debate(term_list.section)
        for block in term_list.items:
            term = block.term or ""
            description = block.description or ""
            if debate:
                prompt = (
                    f"In the article's debate on {an.ctx.title}, what is said about "
                    f"{an.ctx.lower(term)}?"
                )
            else:
                kind_of = with_article(category_phrase(an, term_list))
                prompt = f"What does the article say about “{term}”, {kind_of}?"
            yield Candidate(
                question=build(
                    kind="flashcard",
                    source=Source(term_list.section, block, explanation=block.text),
                    prompt=prompt,
                    generator="flashcard.term",
                    essential=normalise(term),
                    difficulty=0.5 + min(0.3, len(words(description)) / 150),
                    answers=(description,),
                ),
                fact=f"{block.id}|flashcard",
                answers=(),
                score=0.72,
            )


_ADVERBS = frozenset({"also", "often", "sometimes", "long", "still", "now", "thus", "already"})


def _split_subject(core: str) -> tuple[str, str, str, str] | None:
    """(intro, subject, verb, rest) of a clause whose verb the word list knows.

    A present-tense or linking verb is preferred to a past form, which may be a
    participle ("keeping trade policies aligned with … becomes more important").
    """
    intro_match = _INTRO.match(core)
    intro = intro_match.group("intro") if intro_match else ""
    main = core[len(intro) :]
    ws = main.split(" ")

    def verb_at(i: int, allow_past: bool) -> int:
        word = ws[i].lower()
        if word in _MODALS or word in {"has", "have", "had"}:
            return i + 2  # "can influence", "have benefited"
        if word in _LINKING or word in THIRD_PERSON:
            return i + 1
        if word in BASE_FORMS and ws[i - 1].endswith("s"):
            return i + 1
        if allow_past and word in PAST_FORMS:
            return i + 1
        return 0

    for allow_past in (False, True):
        for i in range(1, min(len(ws) - 1, 12)):
            end = verb_at(i, allow_past)
            if not end:
                continue
            start = i
            while start > 1 and ws[start - 1].lower() in _ADVERBS | {w for w in [ws[start - 1].lower()] if w.endswith("ly")}:
                start -= 1
            return intro, " ".join(ws[:start]), " ".join(ws[start:end]), " ".join(ws[end:])
    return None


def _worth_asking(an: Analysis, unit: Unit, subject: str) -> bool:
    ws = words(subject)
    if not ws or len(ws) > 10 or ws[0].lower() in PRONOUN_OPENERS:
        return False
    head = stem(ws[-1])
    if ws[-1].lower() in _SKIP_HEADS or head in {stem(w) for w in _SKIP_HEADS}:
        return False
    if head in NOUN_CLASSES["actor"] or ws[0].lower() in PRO_SIDE + CON_SIDE:
        return False  # people: "who …?" multiple choice asks for these
    if an.is_topic_only(subject) or find_periods(subject) or "“" in subject:
        return False
    return an.specific(subject)


def _subject_cards(an: Analysis) -> Iterator[Candidate]:
    for unit in an.units:
        if unit.problem:
            continue
        split = _split_subject(unit.core)
        if split is None:
            continue
        intro, subject, verb, rest = split
        if not _worth_asking(an, unit, subject) or len(words(rest)) < 2:
            continue
        body = f"{an.ctx.lower(intro)}what {verb} {rest}".strip()
        where = "" if an.ctx.has_topic(body) else f" {an.ctx.about()}"
        frame = f"According to the article{where}, "
        if unit.block.kind == "list_item" and unit.block.term:
            frame = (
                f"In the article's debate on {an.ctx.lower(unit.block.term)}, "
                if an.ctx.is_debate(unit.section)
                else f"According to the article{where}, under “{unit.block.term}”, "
            )
        yield Candidate(
            question=build(
                kind="flashcard",
                source=Source(unit.section, unit.block, unit.sentence),
                prompt=f"{frame}{body}?",
                generator="flashcard.what",
                essential=normalise(subject),
                difficulty=0.55,
                answers=(sentence(upper_first(subject)),),
            ),
            fact=f"{unit.sentence.id}|{normalise(subject)}",
            answers=(subject,),
            score=0.6,
            **clause_keys(unit.sentence.id, unit.index),
        )


def _means_cards(an: Analysis) -> Iterator[Candidate]:
    for unit in an.units:
        if unit.problem:
            continue
        match = _BY.match(unit.core)
        split = _split_subject(match.group("main")) if match else None
        if match is None or split is None or " that " in match.group("main"):
            continue  # "argue that X … by Y": the means belongs to a reported claim
        intro, subject, verb, rest = split
        first = verb.split(" ")[-1].lower()
        if first in THIRD_PERSON:
            question = f"how does {an.ctx.lower(subject)} {third_person_to_base(first)} {rest}"
        elif first in BASE_FORMS:
            question = f"how do {an.ctx.lower(subject)} {first} {rest}"
        else:
            continue
        body = f"{an.ctx.lower(intro)}{question}".strip()
        where = "" if an.ctx.has_topic(body) else f" {an.ctx.about()}"
        yield Candidate(
            question=build(
                kind="flashcard",
                source=Source(unit.section, unit.block, unit.sentence),
                prompt=f"According to the article{where}, {body}?",
                generator="flashcard.how",
                essential=normalise(rest),
                difficulty=0.6,
                answers=(sentence(f"By {match.group('means')}"),),
            ),
            fact=f"{unit.sentence.id}|{unit.index}|how",
            answers=(),
            score=0.62,
            **clause_keys(unit.sentence.id, unit.index),
        )


def candidates(an: Analysis) -> Iterator[Candidate]:
    yield from _term_cards(an)
    yield from _subject_cards(an)
    yield from _means_cards(an)
