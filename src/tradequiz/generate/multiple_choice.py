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
from dataclasses import dataclass

from tradequiz.bank.model import BLANK
from tradequiz.document.model import Block
from tradequiz.generate import distractors
from tradequiz.generate.analysis import Analysis, TermList, View, in_source, option_worthy
from tradequiz.generate.candidate import Candidate, Source, build, clause_keys, order_choices
from tradequiz.generate.cloze import blank_phrase, in_view_part
from tradequiz.generate.debate_facts import third_person
from tradequiz.generate.feedback import notes, term_notes
from tradequiz.generate.lexicon import (
    CON_SIDE,
    INSTITUTION_HEADS,
    NOUN_CLASSES,
    PRO_SIDE,
    STOPWORDS,
    wordset,
)
from tradequiz.generate.periods import Period, find_periods
from tradequiz.generate.phrases import Phrase
from tradequiz.generate.shapes import HEAD_CLASSES, OPTION_CLASSES, np_problem, same_sense
from tradequiz.generate.terms import (
    category_phrase,
    clues,
    distinctive_stems,
    readable_clues,
    typed_first,
)
from tradequiz.generate.text import (
    content_set,
    is_plural,
    normalise,
    plural_noun,
    sentence,
    stem,
    upper_first,
    words,
)
from tradequiz.generate.verbs import BASE_FORMS, PAST_FORMS, is_verb_form


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
            if not an.specific(phrase.text) or phrase.text.split(" ", 1)[0].lower() in WEAK_OPENERS:
                continue  # "numerous industries": a quantifier is not a thing to know
            if not option_worthy(view.text, phrase) or not in_source(view, phrase):
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
                    choices=order_choices(
                        unit.sentence.text, answer, wrong, notes(an, wrong, unit.sentence.id)
                    ),
                ),
                # One question per list: siblings blanking another item read as a duplicate.
                fact=f"{unit.sentence.id}|list|{'|'.join(sorted(normalise(t) for t in listed))}",
                answers=(answer,),
                score=score - 0.03 * view.index,
                problem=unit.problem,
                **clause_keys(unit.sentence.id, unit.index, part=view.index),
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
            blanked, _answer = blank_phrase(view, phrase)
            after_the = blanked[: blanked.index(BLANK)].lower().endswith("the ")
            others = distractors.pick_periods(
                all_periods, period, decades_only=after_the and period.kind == "decade"
            )
            if others is None:
                continue
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
                    choices=order_choices(
                        unit.sentence.text, answer, wrong, notes(an, wrong, unit.sentence.id)
                    ),
                ),
                fact=f"{unit.sentence.id}|{normalise(answer)}",
                answers=(answer,),
                score=0.8 - 0.03 * view.index,
                problem=unit.problem,
                **clause_keys(unit.sentence.id, unit.index, part=view.index),
                distractors=tuple(wrong),
            )


def _term_questions(an: Analysis) -> Iterator[Candidate]:
    for term_list in an.term_lists:
        if len(term_list.items) < 4:
            continue
        debate = an.ctx.is_debate(term_list.section)
        terms = list(term_list.terms())
        for block in term_list.items:
            term = block.term or ""
            found = readable_clues(an, term_list, block) if debate else clues(an, term_list, block)
            for rank, clue in enumerate(found):
                if debate and (clue.sentence.id != block.sentences[0].id or clue.masks):
                    continue  # an issue's own first sentence; its replies are asked apart
                wrong = distractors.pick_terms(terms, term, seed=clue.text)
                if wrong is None:
                    continue
                if debate:
                    prompt = (
                        f"In the article's debate on {an.ctx.topic}, under which issue does the "
                        f"article say: “{clue.text}”?"
                    )
                else:
                    prompt = (
                        f"Which {category_phrase(an, term_list)} does the article describe this "
                        f"way: “{clue.text}”?"
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
                        choices=order_choices(
                            clue.text, term, wrong, term_notes(term_list.items, wrong)
                        ),
                    ),
                    fact=f"{clue.sentence.id}|{normalise(term)}",
                    answers=(term,),
                    score=(0.75 if typed_first(term) else 0.9) - 0.1 * rank - 0.05 * clue.masks,
                    distractors=tuple(wrong),
                )


ACTOR_CLAUSE = re.compile(
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


def actor_family(head: str) -> set[str]:
    """Actors that may stand for ``head`` ("firms" → companies, businesses, …)."""
    return _ACTOR_FAMILIES.get(head, {head})


def actor_words(an: Analysis) -> list[str]:
    return _actors(an)


_KNOWN_NOUNS = frozenset().union(*HEAD_CLASSES.values(), *NOUN_CLASSES.values())


def _actors(an: Analysis) -> list[str]:
    """Plural nouns naming people or organisations that the document uses."""
    found: dict[str, str] = {}
    for view in an.views:
        ws = words(view.text)
        for i, word in enumerate(ws):
            lower = word.lower()
            if not (
                lower.endswith("s") and not lower.endswith("ss") and lower in HEAD_CLASSES["actor"]
            ):
                continue
            nxt = ws[i + 1] if i + 1 < len(ws) else ""
            if nxt[:1].islower() and nxt.lower() not in STOPWORDS and not is_verb_form(nxt):
                continue  # "business groups": a modifier, not the actor
            prev = ws[i - 1].lower() if i else ""
            if prev in _KNOWN_NOUNS and not is_verb_form(prev):
                lower = f"{prev} {lower}"  # "drug makers", not "makers"
            found.setdefault(stem(lower.split()[-1]), lower)  # one per head: not "producers"
    return sorted(found.values())  # beside "large producers"


def _actor_questions(an: Analysis) -> Iterator[Candidate]:
    """ "Consumers benefit from …" → "Who benefits from …?" with other actors as options."""
    actors = _actors(an)
    for unit in an.units:
        match = ACTOR_CLAUSE.match(unit.core)
        if not match:
            continue
        subject, verb, rest = match.group("subject"), match.group("verb"), match.group("rest")
        if subject.split()[0].lower() in WEAK_OPENERS | {"most", "few", "all", "no"}:
            continue  # "Most analysts expect …": the quantifier is part of the claim
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
        family = actor_family(head)
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
WEAK_OPENERS = wordset(
    """
    both other many several numerous certain some various more new different key major main
    important specific particular general overall further additional recent
    """
)


@dataclass(frozen=True)
class Cue:
    """A telling phrase of one item's description ("export controls" for "Supply chain
    resilience and security") and the fact it would test."""

    text: str
    view: View
    fact: str


def association_cues(an: Analysis, term_list: TermList) -> dict[str, list[Cue]]:
    """For each item of a list (by block id), its telling phrases, best first: phrases no
    other item mentions, that name none of the terms' own words and are not a kind of the
    item itself ("solar manufacturing" for Clean energy)."""
    views_of = an.views_of_block
    terms = list(term_list.terms())
    all_stems = {t: distinctive_stems(an, term_list, t) for t in terms}
    described = {b.id: content_set(b.description or "") for b in term_list.items}
    cues: dict[str, list[Cue]] = {}
    for block in term_list.items:
        elsewhere = frozenset().union(*(v for k, v in described.items() if k != block.id))
        found: list[tuple[float, str, View]] = []
        for view in views_of.get(block.id, []):
            if view.unit.problem:
                continue
            for phrase in view.phrases:
                if an.is_topic_only(phrase.text) or phrase.kind not in {"name", "item", "object"}:
                    continue
                if phrase.kind == "object" and phrase.cls not in OPTION_CLASSES:
                    continue
                if phrase.cls == "action" or phrase.text.split(" ", 1)[0].lower() in WEAK_OPENERS:
                    continue  # "reduces prices", "numerous industries": not a thing to link
                if (phrase.kind == "item" and _verb_list(phrase)) or _before_a_verb(view, phrase):
                    continue  # "lets young people work and study": verbs, not things
                if any(stems & content_set(phrase.text) for stems in all_stems.values()):
                    continue  # names a term's own word: a giveaway or a trap
                n = len(words(phrase.text))
                stems = content_set(phrase.text)
                single_thing = (
                    n == 1
                    and phrase.kind != "name"
                    and phrase.cls in CUE_CLASSES
                    and phrase.text.lower() not in GENERIC_THINGS
                )
                if (n < 2 and not single_thing) or n > 5 or not an.specific(phrase.text):
                    continue  # one word ("Africa", "Shinkansen") is trivia, not the point
                if phrase.kind == "name" and phrase.cls != "institution":
                    continue  # a place or a firm: where, not what the line is about
                if phrase.kind != "name" and (
                    re.match(r"the [A-Z]", phrase.text) or an.ctx.starts_with_name(phrase.text)
                ):
                    continue  # "Latin America", "the Middle East": a place among places
                if np_problem(phrase.text) or same_sense(phrase.text, block.term or ""):
                    continue  # "solar manufacturing" → Clean energy: a kind of the answer
                if phrase.text not in view.unit.sentence.text:
                    continue
                if stems & elsewhere:
                    continue  # another item mentions it too: more than one answer
                rarity = sum(an.sentence_frequency.get(x, 1) for x in stems) / len(stems)
                kind_rank = {"name": 0.0, "item": 0.5, "object": 1.0}.get(phrase.kind, 2.0)
                found.append((kind_rank + rarity, phrase.text, view))
        found.sort(key=lambda f: (f[0], f[1]))
        seen: set[str] = set()
        for _rank, text, view in found:
            phrase = next(p for p in view.phrases if p.text == text)
            # Naming an item of a list makes this the same fact as a blank in that list.
            listed = (text, *phrase.siblings)
            fact = (
                f"{view.unit.sentence.id}|list|{'|'.join(sorted(normalise(t) for t in listed))}"
                if phrase.kind in {"item", "object"}
                else f"{view.unit.sentence.id}|{normalise(text)}"
            )  # the same key as a blank on the phrase: one of the two
            if fact not in seen:
                seen.add(fact)
                cues.setdefault(block.id, []).append(Cue(text, view, fact))
    return cues


def _verb_list(phrase: Phrase) -> bool:
    """Whether a list's items end (the first) and start (the others) with verbs."""
    last = words(phrase.text)[-1].lower() if words(phrase.text) else ""
    return last in BASE_FORMS and all(
        (words(s)[0].lower() if words(s) else "") in BASE_FORMS for s in phrase.siblings
    )


def _before_a_verb(view: View, phrase: Phrase) -> bool:
    """ "young people work and study": the phrase ends in a verb coordinated with another."""
    last = words(phrase.text)[-1].lower() if words(phrase.text) else ""
    following = re.match(r"\s+(?:and|or)\s+(\w+)", view.text[phrase.end :])
    return last in BASE_FORMS and following is not None and following.group(1).lower() in BASE_FORMS


def _association_questions(an: Analysis) -> Iterator[Candidate]:
    """ "Which key element of … does the article link to semiconductors?" — one telling phrase
    of a term's description, the other terms of its list as options."""
    for term_list in an.term_lists:
        if len(term_list.items) < 4:
            continue
        cues = association_cues(an, term_list)
        for block in term_list.items:
            made_here = 0
            for cue in cues.get(block.id, []):
                if made_here >= ASSOCIATIONS_PER_TERM:
                    break
                made = _association(an, term_list, block, cue.view, cue.text, cue.fact, made_here)
                if made is not None:
                    made_here += 1
                    yield made


def _related(stems: set[str] | frozenset[str], others: set[str] | frozenset[str]) -> bool:
    """A stem shared, or one the start of another ("fish" of "fisheries")."""
    return any(
        a == b or (min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)))
        for a in stems
        for b in others
    )


def _member_questions(an: Analysis) -> Iterator[Candidate]:
    """ "Which of these does the article list among the sectors of …?" — one term of the
    list against terms of other lists that the list's own text never mentions."""
    lists = [t for t in an.term_lists if len(t.items) >= 3]
    for term_list in lists:
        own = content_set(" ".join(b.text for b in term_list.items) + " " + term_list.category)
        longest = max(len(words(t)) for t in term_list.terms()) + 1
        outsiders = [
            (b, other)
            for other in lists
            if other.section.id != term_list.section.id and other.category != term_list.category
            and abs(other.section.index - term_list.section.index) <= 4
            for b in other.items
            if not _related(content_set(b.term or ""), own) and len(words(b.term or "")) <= longest
        ]  # fmt: skip
        if len(outsiders) < 3:
            continue
        ranked = sorted(
            term_list.items,
            key=lambda b: hashlib.sha256(f"member-mcq{b.term}".encode()).hexdigest(),
        )
        for block in ranked[:MEMBER_QUESTIONS]:
            term = block.term or ""
            chosen = distractors.pick_terms(
                [term, *(b.term or "" for b, _ in outsiders)], term, seed=f"member{term}"
            )
            if chosen is None:
                continue
            homes = {b.term: other for b, other in outsiders}
            where = (
                f"the issues in its debate on {an.ctx.topic}"
                if an.ctx.is_debate(term_list.section)
                else f"the {plural_noun(term_list.category)} of {an.ctx.topic}"
            )
            feedback = {
                t: f"The article gives “{t}” under {homes[t].section.title}, among its "
                f"{plural_noun(homes[t].category)}."
                for t in chosen
                if t in homes
            }
            yield Candidate(
                question=build(
                    kind="multiple_choice",
                    source=Source(term_list.section, block, explanation=block.text),
                    prompt=f"Which of these does the article list among {where}?",
                    generator="mcq.member",
                    essential=normalise(term),
                    difficulty=0.3,
                    choices=order_choices(f"member{term}", term, chosen, feedback),
                ),
                fact=f"{term_list.items[0].id}|member|{normalise(term)}",
                answers=(term,),
                score=0.66,
                distractors=tuple(chosen),
            )


MEMBER_QUESTIONS = 1
# One-word phrases that can still tell an item apart: things, not places or names.
CUE_CLASSES = frozenset({"goods", "digital", "instrument"})
GENERIC_THINGS = wordset(
    """
    materials products goods services components equipment parts technology technologies
    data standards rules measures tools barriers
    """
)
DESCRIBE_WORDS = 20
_DESCRIBE_CUT = re.compile(
    r",? while |, (?:helping|contributing|underwritten|given|with|reducing|including) |—|; "
)


def _describe_questions(an: Analysis) -> Iterator[Candidate]:
    """ "Which of these does the article say about “Digital trade and services”?" — the
    reverse of naming a term from its description: the term's own clue against the other
    terms' clues (their telling words masked, so no option repeats a term)."""
    for term_list in an.term_lists:
        if len(term_list.items) < 4:
            continue
        best: dict[str, str] = {}
        for block in term_list.items:
            found = [c for c in readable_clues(an, term_list, block) if not c.masks]
            if not found:
                continue  # a cut option would stand out among whole ones
            # The clause that says what the item is, without its trailing "while …" or
            # "helping …" phrase: long options are read, not compared.
            text = _DESCRIBE_CUT.split(found[0].text, maxsplit=1)[0].strip(" ,")
            if 6 <= len(words(text)) <= DESCRIBE_WORDS:
                best[block.id] = text
        if len(best) < 4:
            continue
        for block in term_list.items:
            if block.id not in best:
                continue
            term = block.term or ""
            answer = best[block.id]
            others = [t for k, t in best.items() if k != block.id]
            wrong = sorted(
                others, key=lambda t: hashlib.sha256(f"{term}|{t}".encode()).hexdigest()
            )[:3]
            if len(wrong) < 3:
                continue
            homes = {best[b.id]: b.term or "" for b in term_list.items if b.id in best}
            feedback = {w: f"The article says this about “{homes[w]}”." for w in wrong}
            if an.ctx.is_debate(term_list.section):
                prompt = (
                    f"In the article's debate on {an.ctx.topic}, which of these does it say "
                    f"under “{term}”?"
                )
            else:
                prompt = f"Which of these does the article say about “{term}”?"
            clue_sentence = next(
                (s for s in block.sentences if answer.split("…")[0][:20] in s.text),
                block.sentences[0],
            )
            yield Candidate(
                question=build(
                    kind="multiple_choice",
                    source=Source(term_list.section, block, clue_sentence, explanation=block.text),
                    prompt=prompt,
                    generator="mcq.describe",
                    essential=normalise(term),
                    difficulty=0.4,
                    choices=order_choices(f"describe{term}", answer, wrong, feedback),
                ),
                fact=f"{block.id}|describe",
                answers=(answer,),
                score=0.7,
                distractors=tuple(wrong),
            )


def _association(
    an: Analysis, term_list: TermList, block: Block, view: View, text: str, fact: str, rank: int
) -> Candidate | None:
    term = block.term or ""
    wrong = distractors.pick_terms(list(term_list.terms()), term, seed=text)
    if wrong is None:
        return None
    phrase_text = an.ctx.lower(text)
    if (
        phrase_text[:1].isupper()
        and words(phrase_text)[-1].lower() in INSTITUTION_HEADS
        and not re.search(rf"\b(?!(?:A|An|The)\b)[A-Z]\w* {re.escape(phrase_text)}", an.doc.text)
    ):
        phrase_text = f"the {phrase_text}"  # "link to the Partnership Council"
    if an.ctx.is_debate(term_list.section):
        verb = "are" if is_plural(phrase_text) or " and " in phrase_text else "is"
        prompt = (
            f"In the article's debate on {an.ctx.topic}, under which issue {verb} {phrase_text} "
            "discussed?"
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
            choices=order_choices(text, term, wrong, term_notes(term_list.items, wrong)),
        ),
        fact=fact,
        answers=(term,),
        score=0.58 - 0.1 * rank,
        distractors=tuple(wrong),
    )


def candidates(an: Analysis) -> Iterator[Candidate]:
    yield from _association_questions(an)
    yield from _member_questions(an)
    yield from _describe_questions(an)
    yield from _actor_questions(an)
    yield from _item_questions(an)
    yield from _period_questions(an)
    yield from _term_questions(an)
