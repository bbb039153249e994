"""Multiple-choice questions with four options.

- a clause with a list item blanked, the distractors other items of the same
  type from elsewhere in the document;
- a clause with its period blanked, the distractors other periods;
- "Which key element of … does the article describe this way: “…”?", the
  distractors the other terms of the same list.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from tradequiz.bank.model import BLANK
from tradequiz.document.model import Block
from tradequiz.generate import distractors
from tradequiz.generate.analysis import Analysis, TermList, View, option_worthy
from tradequiz.generate.candidate import Candidate, Source, build, clause_keys, order_choices
from tradequiz.generate.cloze import blank_phrase, in_view_part
from tradequiz.generate.debate_facts import third_person
from tradequiz.generate.lexicon import CON_SIDE, NOUN_CLASSES, PRO_SIDE, wordset
from tradequiz.generate.periods import Period, find_periods
from tradequiz.generate.shapes import np_problem, same_sense
from tradequiz.generate.terms import category_phrase, clues, distinctive_stems, typed_first
from tradequiz.generate.text import content_set, normalise, sentence, stem, upper_first, words
from tradequiz.generate.verbs import BASE_FORMS, PAST_FORMS


def _item_questions(an: Analysis) -> Iterator[Candidate]:
    ctx = an.ctx
    section_index = {s.id: s.index for s in an.doc.sections}
    for view in an.views:
        unit = view.unit
        for phrase in view.phrases:
            if phrase.kind not in {"item", "object"} or an.is_topic_only(phrase.text):
                continue
            if not in_view_part(view, phrase) or len(words(phrase.text)) > 6:
                continue
            if ctx.starts_with_name(view.text[phrase.start :]):
                continue  # "Sweden and Finland": names are asked as typed clozes, not as items
            if (
                not an.specific(phrase.text)
                or phrase.text.split(" ", 1)[0].lower() in _WEAK_OPENERS
            ):
                continue  # "numerous industries": a quantifier is not a thing to know
            if not option_worthy(view.text, phrase):
                continue  # not a whole noun phrase of a type its options can share
            blanked, answer = blank_phrase(view, phrase)
            if "not only" in blanked or blanked.rstrip().endswith(("a ____", "an ____")):
                continue
            answer = ctx.lower(answer)
            prompt = sentence(ctx.frame(unit.section, unit.block, blanked))
            wrong = distractors.pick(
                an,
                answer=answer,
                cls=phrase.cls,
                section_index=section_index[unit.section.id],
                sentence_id=unit.sentence.id,
                stem_text=prompt,
                siblings=phrase.siblings,
                lead=phrase.lead,
                seed=unit.sentence.text,
                context=distractors.blank_context(an, blanked, answer),
            )
            if wrong is None:
                continue
            source = Source(unit.section, unit.block, unit.sentence)
            score = 0.62 + (0.08 if phrase.example else 0.0) + 0.02 * min(3, len(words(answer)))
            if phrase.kind == "object":
                score -= 0.05
            listed = (answer, *phrase.siblings)
            yield Candidate(
                question=build(
                    kind="multiple_choice",
                    source=source,
                    prompt=prompt,
                    generator="mcq.list_item" if phrase.kind == "item" else "mcq.object",
                    essential=normalise(answer),
                    difficulty=0.4 + 0.03 * len(phrase.siblings),
                    choices=order_choices(unit.sentence.text, answer, wrong),
                ),
                # One question per list: siblings blanking another item read as a duplicate.
                fact=f"{unit.sentence.id}|list|{'|'.join(sorted(normalise(t) for t in listed))}",
                answers=(answer,),
                score=score - 0.03 * view.index,
                problem=unit.problem,
                **clause_keys(unit.sentence.id, unit.index),
                distractors=tuple(wrong),
            )


def _period_questions(an: Analysis) -> Iterator[Candidate]:
    ctx = an.ctx
    all_periods: list[Period] = []
    for view in an.views:
        if view.index == 0:
            all_periods.extend(find_periods(view.text))
    for view in an.views:
        unit = view.unit
        for phrase in view.phrases:
            if phrase.kind != "period" or not in_view_part(view, phrase):
                continue
            period = next(p for p in find_periods(view.text) if p.start == phrase.start)
            others = distractors.pick_periods(all_periods, period)
            if others is None:
                continue
            blanked, _answer = blank_phrase(view, phrase)
            after_the = blanked[: blanked.index(BLANK)].lower().endswith("the ")
            answer = distractors.period_option(period, after_the)
            wrong = [distractors.period_option(p, after_the) for p in others]
            prompt = sentence(ctx.frame(unit.section, unit.block, blanked))
            source = Source(unit.section, unit.block, unit.sentence)
            yield Candidate(
                question=build(
                    kind="multiple_choice",
                    source=source,
                    prompt=prompt,
                    generator="mcq.period",
                    essential=normalise(answer),
                    difficulty=0.35,
                    choices=order_choices(unit.sentence.text, answer, wrong),
                ),
                fact=f"{unit.sentence.id}|{normalise(answer)}",
                answers=(answer,),
                score=0.8 - 0.03 * view.index,
                problem=unit.problem,
                **clause_keys(unit.sentence.id, unit.index),
                distractors=tuple(wrong),
            )


def _term_questions(an: Analysis) -> Iterator[Candidate]:
    for term_list in an.term_lists:
        if an.ctx.is_debate(term_list.section) or len(term_list.items) < 4:
            continue
        terms = list(term_list.terms())
        for block in term_list.items:
            term = block.term or ""
            for rank, clue in enumerate(clues(an, term_list, block)):
                wrong = distractors.pick_terms(terms, term, seed=clue.text)
                if wrong is None:
                    continue
                prompt = (
                    f"Which {category_phrase(an, term_list)} does the article describe this way: "
                    f"“{clue.text}”?"
                )
                source = Source(term_list.section, block, clue.sentence, explanation=block.text)
                yield Candidate(
                    question=build(
                        kind="multiple_choice",
                        source=source,
                        prompt=prompt,
                        generator="mcq.term",
                        essential=normalise(term),
                        difficulty=0.35 + 0.05 * clue.masks,
                        choices=order_choices(clue.text, term, wrong),
                    ),
                    fact=f"{clue.sentence.id}|{normalise(term)}",
                    answers=(term,),
                    score=(0.75 if typed_first(term) else 0.9) - 0.1 * rank - 0.05 * clue.masks,
                    distractors=tuple(wrong),
                )


_ACTOR_CLAUSE = re.compile(
    r"^(?P<intro>(?:As|While|When|Although|Because|Since|If|In|Over|During|After|Before)"
    r"\b[^,]{0,80}, )?(?P<subject>(?:[A-Za-z-]+ ){0,2}[A-Za-z-]+s) (?P<verb>[a-z]+) (?P<rest>.+)$"
)
_MODAL_VERBS = wordset(
    """
    can could may might must should will would
    """
)


# Actors that can stand for one another: one of them is never a wrong answer for another.
_FAMILY_LISTS = (
    "firms companies businesses corporations enterprises multinationals carmakers makers "
    "manufacturers producers suppliers exporters",
    "workers employees labourers laborers",
    "governments officials ministers policymakers regulators authorities leaders",
    "consumers households buyers customers families",
    "farmers producers growers ranchers",
    "economists experts analysts",
)
_ACTOR_FAMILIES: dict[str, set[str]] = {}
for _family in _FAMILY_LISTS:
    for _member in _family.split():
        _ACTOR_FAMILIES.setdefault(_member, set()).update(_family.split())


def _actors(an: Analysis) -> list[str]:
    """Plural nouns naming people or organisations that the document uses."""
    found: dict[str, str] = {}
    for view in an.views:
        for word in words(view.text):
            lower = word.lower()
            if lower.endswith("s") and stem(lower) in NOUN_CLASSES["actor"]:
                found.setdefault(stem(lower), lower)
    return sorted(found.values())


def _actor_questions(an: Analysis) -> Iterator[Candidate]:
    """ "Consumers benefit from …" → "Who benefits from …?" with other actors as options."""
    actors = _actors(an)
    for unit in an.units:
        match = _ACTOR_CLAUSE.match(unit.core)
        if not match:
            continue
        subject, verb, rest = match.group("subject"), match.group("verb"), match.group("rest")
        head = subject.split()[-1].lower()
        if stem(head) not in NOUN_CLASSES["actor"] or head in PRO_SIDE + CON_SIDE:
            continue
        if re.search(r"\b(?:it|its|them|this|these|those)\b", rest, re.IGNORECASE):
            continue  # "Governments use it to …": the pronoun would be left unresolved
        if verb in BASE_FORMS:
            verb = third_person(verb)
        elif verb not in PAST_FORMS and verb not in _MODAL_VERBS:
            continue
        intro = match.group("intro") or ""
        intro = intro[:1].lower() + intro[1:]  # "After India's reforms, …" inside a sentence
        body = f"{intro}who {verb} {rest}"
        where = "" if an.ctx.has_topic(body) else f" {an.ctx.about()}"
        prompt = f"According to the article{where}, {body}?"
        answer = upper_first(subject)
        family = _ACTOR_FAMILIES.get(head, {head})
        others = [
            a for a in actors if stem(a) != stem(head) and a not in body.lower() and a not in family
        ]  # "Companies" is no wrong answer when "Japanese firms" is the right one
        others.sort(key=lambda a: hashlib.sha256(f"{unit.sentence.text}{a}".encode()).hexdigest())
        if len(others) < 3:
            continue
        wrong = [upper_first(a) for a in others[:3]]
        source = Source(unit.section, unit.block, unit.sentence)
        yield Candidate(
            question=build(
                kind="multiple_choice",
                source=source,
                prompt=prompt,
                generator="mcq.actor",
                essential=normalise(subject),
                difficulty=0.3,
                choices=order_choices(unit.sentence.text, answer, wrong),
            ),
            fact=f"{unit.sentence.id}|{normalise(subject)}",
            answers=(subject,),
            score=0.75,
            problem=unit.problem,
            **clause_keys(unit.sentence.id, unit.index),
            distractors=tuple(wrong),
        )


ASSOCIATIONS_PER_TERM = 2
_WEAK_OPENERS = wordset(
    """
    both other many several numerous certain some various more new different key major main
    important specific particular general overall further additional recent
    """
)


def _association_questions(an: Analysis) -> Iterator[Candidate]:
    """ "Which key element of … does the article link to semiconductors?" — one telling phrase
    of a term's description, the other terms of its list as options."""
    views_of: dict[str, list[View]] = {}
    for view in an.views:
        views_of.setdefault(view.unit.block.id, []).append(view)
    for term_list in an.term_lists:
        if len(term_list.items) < 4:
            continue
        terms = list(term_list.terms())
        all_stems = {t: distinctive_stems(an, term_list, t) for t in terms}
        described = {b.id: content_set(b.description or "") for b in term_list.items}
        for block in term_list.items:
            elsewhere = frozenset().union(*(v for k, v in described.items() if k != block.id))
            found: list[tuple[float, str, View]] = []
            for view in views_of.get(block.id, []):
                if view.unit.problem:
                    continue
                for phrase in view.phrases:
                    if an.is_topic_only(phrase.text) or phrase.kind not in {"name", "item"}:
                        continue
                    if phrase.cls == "action" or phrase.text.split(" ", 1)[0].lower() in {
                        "both",
                        "numerous",
                        "other",
                        "many",
                        "several",
                        "certain",
                    }:
                        continue  # "reduces prices", "numerous industries": not a thing to link
                    if any(stems & content_set(phrase.text) for stems in all_stems.values()):
                        continue  # names a term's own word: a giveaway or a trap
                    n = len(words(phrase.text))
                    stems = content_set(phrase.text)
                    if n < 2 or n > 5 or not an.specific(phrase.text):
                        continue  # one word ("Africa", "Shinkansen") is trivia, not the point
                    if phrase.kind == "name" and phrase.cls != "institution":
                        continue  # a place or a firm: where, not what the line is about
                    if np_problem(phrase.text) or same_sense(phrase.text, block.term or ""):
                        continue  # "solar manufacturing" → Clean energy: a kind of the answer
                    if stems & elsewhere:
                        continue  # another item mentions it too: more than one answer
                    rarity = sum(an.sentence_frequency.get(x, 1) for x in stems) / len(stems)
                    kind_rank = {"name": 0.0, "item": 0.5, "object": 1.0}.get(phrase.kind, 2.0)
                    found.append((kind_rank + rarity, phrase.text, view))
            if not found:
                continue
            found.sort(key=lambda f: (f[0], f[1]))
            used: set[str] = set()
            for _rank, text, view in found:
                phrase = next(p for p in view.phrases if p.text == text)
                # Naming an item of a list makes this the same fact as a blank in that list.
                listed = (text, *phrase.siblings)
                fact = (
                    f"{view.unit.sentence.id}|list|{'|'.join(sorted(normalise(t) for t in listed))}"
                    if phrase.kind == "item"
                    else f"{view.unit.sentence.id}|{normalise(text)}"
                )
                if fact in used or len(used) >= ASSOCIATIONS_PER_TERM:
                    continue
                made = _association(an, term_list, block, view, text, fact, len(used))
                if made is not None:
                    used.add(fact)
                    yield made


def _association(
    an: Analysis, term_list: TermList, block: Block, view: View, text: str, fact: str, rank: int
) -> Candidate | None:
    term = block.term or ""
    wrong = distractors.pick_terms(list(term_list.terms()), term, seed=text)
    if wrong is None:
        return None
    phrase_text = an.ctx.lower(text)
    if an.ctx.is_debate(term_list.section):
        prompt = (
            f"In the article's debate on {an.ctx.topic}, under which issue does it discuss "
            f"{phrase_text}?"
        )
    else:
        category = category_phrase(an, term_list)
        prompt = f"Which {category} does the article link to {phrase_text}?"
    unit = view.unit
    return Candidate(
        question=build(
            kind="multiple_choice",
            source=Source(unit.section, block, unit.sentence, explanation=block.text),
            prompt=prompt,
            generator="mcq.association",
            essential=normalise(text),
            difficulty=0.45,
            choices=order_choices(text, term, wrong),
        ),
        fact=fact,
        answers=(term,),
        score=0.7 - 0.1 * rank,
        distractors=tuple(wrong),
    )


def candidates(an: Analysis) -> Iterator[Candidate]:
    yield from _association_questions(an)
    yield from _actor_questions(an)
    yield from _item_questions(an)
    yield from _period_questions(an)
    yield from _term_questions(an)
