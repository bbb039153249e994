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

from tradequiz.generate.analysis import Analysis, View
from tradequiz.generate.candidate import Candidate, Source, build, clause_keys
from tradequiz.generate.context import attributed
from tradequiz.generate.debate_facts import holder_led
from tradequiz.generate.lexicon import (
    CON_SIDE,
    INSTITUTION_HEADS,
    LIST_TRIGGERS,
    NOUN_CLASSES,
    PRO_SIDE,
    PRONOUN_OPENERS,
    STOPWORDS,
    TOPIC_STANDINS,
    VIEW_NOUNS,
    wordset,
)
from tradequiz.generate.ordering import events
from tradequiz.generate.periods import find_periods
from tradequiz.generate.references import unresolved
from tradequiz.generate.text import (
    content_set,
    is_plural,
    normalise,
    plural_noun,
    sentence,
    stem,
    third_person_to_base,
    upper_first,
    words,
)
from tradequiz.generate.true_false import opinion_frame
from tradequiz.generate.units import Unit, split_subject
from tradequiz.generate.verbs import (
    BASE_FORMS,
    PAST_FORMS,
    PAST_TO_BASE,
    THIRD_PERSON,
    is_verb_form,
)

_SKIP_HEADS = TOPIC_STANDINS | frozenset(VIEW_NOUNS) | {
    "approach", "debate", "response", "reply", "answer", "focus", "milestone", "steps",
}  # fmt: skip
_BY = re.compile(r"^(?P<main>.+?) by (?P<means>[a-z]+ing\b.+)$")


def _list_cards(an: Analysis) -> Iterator[Candidate]:
    """ "Which sectors of Japan–United States trade does the article highlight?" → the
    list's terms: the outline a learner should be able to recall."""
    for term_list in an.term_lists:
        if not 3 <= len(term_list.items) <= 8:
            continue
        first, last = term_list.items[0], term_list.items[-1]
        if an.ctx.is_debate(term_list.section):
            prompt = f"Which issues does the article's debate on {an.ctx.topic} turn on?"
        else:
            prompt = (
                f"Which {plural_noun(term_list.category)} of {an.ctx.topic} does the article "
                f"set out under “{term_list.section.title}”?"
            )
        answer = "; ".join(term_list.terms())
        yield Candidate(
            question=build(
                kind="flashcard",
                source=Source(
                    term_list.section,
                    first,
                    start=first.start,
                    end=last.end,
                    explanation="\n".join(b.text for b in term_list.items),
                    passage=an.doc.text[first.start : last.end],
                ),
                prompt=prompt,
                generator="flashcard.list",
                essential=normalise(answer),
                difficulty=0.65,
                answers=(answer + ".",),
            ),
            fact=f"{first.id}|list-card",
            answers=(),
            score=0.6,
        )


def _term_cards(an: Analysis) -> Iterator[Candidate]:
    for term_list in an.term_lists:
        debate = an.ctx.is_debate(term_list.section)
        for block in term_list.items:
            term = block.term or ""
            description = block.description or ""
            if debate:
                prompt = (
                    f"In the article's debate on {an.ctx.topic}, what is said about "
                    f"{an.ctx.lower(term)}?"
                )
            else:
                # Not naming the category keeps "Is X one of the key elements?" a question.
                prompt = f"What does the article say about “{term}” in {an.ctx.topic}?"
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


_SUBJECT_OPENERS = wordset(
    """
    because although though whether if when while as since unless one most some many few all
    each every both either neither several such
    """
)


_VAGUE_HEADS = frozenset(
    {"questions", "issues", "problems", "concerns", "challenges", "things", "matters", "points"}
)
_CLAUSE_JOINERS = frozenset(
    {"that", "because", "although", "though", "while", "whereas", "unless", "if", "when", "who"}
)
_OBJECT_STARTS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "more", "most"})


def _worth_asking(an: Analysis, unit: Unit, subject: str) -> bool:
    ws = words(subject)
    if not ws or len(ws) > 10 or ws[0].lower() in PRONOUN_OPENERS | _SUBJECT_OPENERS:
        return False  # "Because a single buyer …", "One school of thought", "Most of these …"
    if len(content_set(subject)) < 2 or re.search(r"['’]s\b|,", subject):
        return False  # "The exchange": too vague to be the answer; possessives read badly
    if any(w.lower() in THIRD_PERSON | {"and"} for w in ws[1:]) and ws[-1].lower() == "and":
        return False  # "The bilateral agreement phases out tariffs … and": a clause cut short
    if ws[-1].lower() in {"that", "which", "who", "whom", "whose", "where"} or any(
        w.lower() in _CLAUSE_JOINERS for w in ws
    ):
        return False  # "Negotiators spent … on a text that": a relative clause, not a subject
    for k in range(1, len(ws) - 1):
        if ws[k].lower() in PAST_FORMS and ws[k + 1].lower() in _OBJECT_STARTS:
            return False  # "A transition period kept the old": a finite verb and its object
    if any(w.lower() in THIRD_PERSON for w in ws[1:] if not w.lower().endswith("ss")) and (
        " of " not in f" {subject} "
    ):
        return False  # a verb inside the "subject": the clause was split in the wrong place
    head = stem(ws[-1])
    if ws[-1].lower() in _SKIP_HEADS or head in {stem(w) for w in _SKIP_HEADS}:
        return False
    if head in NOUN_CLASSES["actor"] or ws[0].lower() in PRO_SIDE + CON_SIDE:
        return False  # people: "who …?" multiple choice asks for these
    if an.is_topic_only(subject) or find_periods(subject) or "“" in subject:
        return False
    if all(w[0].isupper() for w in ws if w.lower() not in {"and", "the", "of"}):
        return False  # "Sweden and Finland": names, not a "what"
    return an.specific(subject)


def _asking_word(subject: str) -> str | None:
    """ "what" for a singular subject; "which innovations" for "Innovations in drivetrain
    technology, …" (a plural asked with "what" reads badly: "what have benefited …?");
    None for a plural with nothing after its head to recall."""
    head = re.split(r" (?:in|of|over|for|on|from|between|across) ", subject, maxsplit=1)
    if not is_plural(head[0]):
        return "what"
    if len(head) < 2:
        return None
    return f"which {words(head[0])[-1].lower()}"


def _points_back(text: str) -> bool:
    """ "favour it because …": a pronoun in the rest leaves the question unresolved."""
    return bool(re.search(r"\b(?:it|its|they|them|this|these|those)\b", text, re.IGNORECASE))


def _subject_cards(an: Analysis) -> Iterator[Candidate]:
    for unit in an.units:
        if unit.problem:
            continue
        split = split_subject(unit.core)
        if split is None:
            continue
        intro, subject, verb, rest = split
        if not _worth_asking(an, unit, subject) or len(words(rest)) < 2 or _points_back(rest):
            continue
        if content_set(subject) <= content_set(an.ctx.title):
            continue  # "What is widely seen as good for Chile?" → "The copper trade": the topic
        # Only the verb and its object: the rest (means, lists) may be another question's answer.
        short = re.split(
            r" through | rather than |,? while | so that |, and |; ", rest, maxsplit=1
        )[0]
        by = re.search(r" by ", short)
        if by and not re.search(r"(?:ed|en|ly)$", short[: by.start()]):
            short = short[: by.start()]  # "by" of a means, not of a passive ("financed by")
        if len(words(short)) < 2 or len(words(short)) > 16:
            continue
        if subject.lower() not in unit.sentence.text.lower():
            continue  # a subject put in for a pronoun is this generator's words, not the article's
        asked = _asking_word(subject)
        if asked is None:
            continue
        body = f"{an.ctx.lower(intro)}{asked} {verb} {short}".strip()
        view_frame = (
            opinion_frame(an, an_view(an, unit)) if an.ctx.is_debate(unit.section) else None
        )
        if view_frame:
            frame = view_frame  # "which controversies are healthy …?" is the article's view
        elif unit.block.kind == "list_item" and unit.block.term and an.ctx.is_debate(unit.section):
            frame = f"In the article's debate on {an.ctx.lower(unit.block.term)}, "
        else:
            framed = an.ctx.frame(unit.section, unit.block, body)
            frame = framed[: len(framed) - len(an.ctx.lower(body))]
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
            fact=f"{unit.sentence.id}#{unit.index}|subject",
            answers=(subject,),
            score=0.6,
            **clause_keys(unit.sentence.id, unit.index),
        )


# Verbs whose object follows a preposition: "benefit from X" → "What do … benefit from?"
_PHRASAL = {
    "benefit": "from", "depend": "on", "rely": "on", "focus": "on", "center": "on",
    "centre": "on", "engage": "with", "invest": "in", "specialize": "in", "specialise": "in",
    "compete": "with", "contribute": "to", "lead": "to", "point": "to", "respond": "to",
    "adapt": "to", "turn": "to", "draw": "on", "build": "on", "insist": "on",
    "operate": "through", "coordinate": "within", "rest": "on", "deepen": "through",
    "sit": "at", "concentrate": "on", "hinge": "on", "revolve": "around", "argue": "for",
    "call": "for", "push": "for",
}  # fmt: skip
_NOT_OBJECT = wordset(
    """
    that to whether if how why when where which who as than within across through between
    among over under after before during since by with without against about around beyond
    in on at of for from into onto upon toward towards and or but
    """
)
# Verbs with two objects ("make India a regional base", "offer manufacturers land"), whose
# "what" would be half an answer.
_TWO_OBJECTS = wordset(
    "make give offer keep call find leave render bring send show grant award deny lend pay tell "
    "describe consider see"
)
_OBJECT_CUT = re.compile(
    r" by (?=[a-z]+ing\b)| through | rather than | so that |—|;|"
    r",? (?:where|which|who|while|whereas|but|so|as|with|although) |, [a-z]+(?:ing|ed)\b"
)


def _object_cards(an: Analysis) -> Iterator[Candidate]:
    """ "In a world where supply chains span oceans, what does the bilateral relationship
    emphasize?" → "Reliability, resiliency, and the capacity to respond quickly to
    disruptions." — a clause's object asked from its subject and verb.  In a debate the
    stem says whose view it is ("According to the article's market-oriented perspective, what
    does the core debate center on?")."""
    for unit in an.units:
        if unit.problem:
            continue
        view_frame = (
            opinion_frame(an, an_view(an, unit)) if an.ctx.is_debate(unit.section) else None
        )
        if (
            an.ctx.is_debate(unit.section)
            and not view_frame
            and not holder_led(unit)
            and not attributed((split_subject(unit.core) or ("",))[0])
        ):
            continue  # a debate's claim asked without its holder would state it as fact
        split = split_subject(unit.core)
        if split is None:
            continue
        intro, subject, verb, rest = split
        if " " in verb or not _plain_subject(subject):
            continue
        lower = verb.lower()
        if lower in THIRD_PERSON:
            base, aux = third_person_to_base(lower), "does"
        elif lower in PAST_TO_BASE:
            base, aux = PAST_TO_BASE[lower], "did"
        elif lower in BASE_FORMS and is_plural(subject):
            base, aux = lower, "do"
        else:
            continue
        if base in {"be", "have", "do", "seem", "appear", "become", "remain", "say"}:
            continue
        if base in _TWO_OBJECTS:
            continue
        if subject.lower() not in an.lower_text:
            continue
        particle = _PHRASAL.get(base, "")
        ws = rest.split(" ")
        if particle:
            if ws[0].lower() != particle:
                continue
            ws = ws[1:]
        if base == "help" and len(ws) > 2 and ws[0] in {"ensure", "make"} and ws[1] == "that":
            base, ws = f"help {ws[0]}", [*ws[1:]]  # "helps ensure that …"
            ws[0] = "That"
        elif particle and ws and ws[0].lower() in {"how", "whether", "what"}:
            pass  # "centers on how best to balance …": the question is the object
        elif not ws or ws[0].lower() in _NOT_OBJECT | LIST_TRIGGERS or is_verb_form(ws[0]):
            continue  # "… that …", "to …", "in …": not an object
        whole = " ".join(ws)
        if ws[0].lower() in {"how", "whether", "what"}:
            answer = re.split(r"—|;|, (?:while|but|so) ", whole, maxsplit=1)[0].strip(" ,")
        else:
            answer = _OBJECT_CUT.split(whole, maxsplit=1)[0].strip(" ,")
        answer = _cut_new_clause(answer)
        if not 2 <= len(words(answer)) <= 16 or _points_back(answer):
            continue
        if len(words(answer)) <= 3 and words(answer)[-1].lower() in _VAGUE_HEADS:
            continue  # "what does the copper trade raise?" → "Hard questions": says nothing
        if re.match(r"\s*as\s", whole[len(answer) :]) and len(words(answer)) <= 4:
            continue  # "present the deal as proof that …": what it is presented as is the point
        asked = an.ctx.lower(subject, sentence_start=True)
        question = f"what {aux} {asked} {base}{' ' + particle if particle else ''}"
        body = f"{an.ctx.lower(intro)}{question}".strip()
        if view_frame:
            framed = view_frame + body
        elif an.ctx.is_debate(unit.section) and unit.block.kind == "list_item" and unit.block.term:
            framed = f"In the article's debate on {an.ctx.lower(unit.block.term)}, {body}"
        else:
            framed = an.ctx.frame(unit.section, unit.block, body)
        yield Candidate(
            question=build(
                kind="flashcard",
                source=Source(unit.section, unit.block, unit.sentence),
                prompt=f"{framed}?",
                generator="flashcard.object",
                essential=normalise(answer),
                difficulty=0.55,
                answers=(sentence(upper_first(answer)),),
            ),
            fact=f"{unit.sentence.id}#{unit.index}|subject",
            answers=(answer,),
            score=0.58,
            **clause_keys(unit.sentence.id, unit.index),
        )


_FINITE = THIRD_PERSON | PAST_FORMS | wordset("is are was were has have had")


def _cut_new_clause(answer: str) -> str:
    """The object without a clause joined to it: "Non-tariff barriers and accelerates …",
    "The People's Republic of China in 1972, and trade grew slowly" (not "more choices and
    lower prices", nor "X, Y, and the capacity to …")."""
    for match in re.finditer(r",? and (\w+)(?: (\w+))?", answer):
        first, second = match.group(1).lower(), (match.group(2) or "").lower()
        if first in _FINITE or (second in _FINITE and first not in STOPWORDS):
            return answer[: match.start()]
    return answer


_COPULA = re.compile(
    r"^(?P<intro>(?:[A-Z][^,]{0,60}, )?)(?P<subject>[^,]{3,60}?) (?P<verb>is|are|was|were|remains|"
    r"remain|becomes|became) (?P<det>a|an|the) (?P<noun>(?:[a-z-]+ ){0,2}[a-z-]+) "
    r"(?P<prep>of|for|in|to|between|behind) (?P<what>.+)$"
)


def _copula_cards(an: Analysis) -> Iterator[Candidate]:
    """ "The United States–Japan relationship is a cornerstone of the broader U.S. strategy in
    the Indo-Pacific region" → "What is the United States–Japan relationship a cornerstone
    of?" — what a thing is part of, central to or key to."""
    for unit in an.units:
        if unit.problem or an.ctx.is_debate(unit.section):
            continue
        match = _COPULA.match(unit.core)
        if not match:
            continue
        subject, verb = match.group("subject"), match.group("verb")
        if not _plain_subject(subject) or subject.lower() not in an.lower_text:
            continue
        answer = _OBJECT_CUT.split(match.group("what"), maxsplit=1)[0].strip(" ,")
        if not 2 <= len(words(answer)) <= 14 or _points_back(answer):
            continue
        noun = f"{match.group('det')} {match.group('noun')} {match.group('prep')}"
        if verb in {"remains", "remain", "becomes", "became"}:
            aux = {"remains": "does", "remain": "do", "becomes": "does", "became": "did"}[verb]
            base = {"remains": "remain", "remain": "remain", "becomes": "become"}.get(
                verb, "become"
            )
            question = f"what {aux} {an.ctx.lower(subject)} {base} {noun}"
        else:
            question = f"what {verb} {an.ctx.lower(subject)} {noun}"
        intro = an.ctx.lower(match.group("intro"))
        framed = an.ctx.frame(unit.section, unit.block, f"{intro}{question}")
        yield Candidate(
            question=build(
                kind="flashcard",
                source=Source(unit.section, unit.block, unit.sentence),
                prompt=f"{framed}?",
                generator="flashcard.object",
                essential=normalise(answer),
                difficulty=0.55,
                answers=(sentence(upper_first(answer)),),
            ),
            fact=f"{unit.sentence.id}#{unit.index}|subject",
            answers=(answer,),
            score=0.57,
            **clause_keys(unit.sentence.id, unit.index),
        )


def an_view(an: Analysis, unit: Unit) -> View:
    """The view of a unit that holds its core alone."""
    return an.core_view(unit)


_GIVEN = re.compile(r"^(?:given|because(?: of)?) (?P<why>.+)$")
_HELPING = re.compile(
    r"^(?P<main>.+?), (?P<ing>helping|enabling|allowing|contributing to) (?P<rest>.+)$"
)


_KIND_OF = re.compile(
    r"^(?P<np>(?:An?|The) (?P<adjs>[a-z-]+,(?: [a-z-]+,)*(?: and)? [a-z-]+) "
    r"(?P<head>(?:[a-z-]+ ){0,2}[a-z-]+)) (?P<verb>[a-z]+s) (?P<rest>.+)$"
)


def _kind_cards(an: Analysis) -> Iterator[Candidate]:
    """ "An open, predictable, and fair trading regime supports regional stability" → "What
    kind of trading regime supports regional stability?" — the qualities the article names."""
    for unit in an.units:
        if unit.problem or an.ctx.is_debate(unit.section):
            continue
        match = _KIND_OF.match(unit.core)
        if not match or match.group("verb") not in THIRD_PERSON:
            continue
        rest = _OBJECT_CUT.split(match.group("rest"), maxsplit=1)[0].strip(" ,")
        if not 2 <= len(words(rest)) <= 14:
            continue
        question = f"what kind of {match.group('head')} {match.group('verb')} {rest}"
        framed = an.ctx.frame(unit.section, unit.block, question)
        answer = sentence(match.group("np"))
        yield Candidate(
            question=build(
                kind="flashcard",
                source=Source(unit.section, unit.block, unit.sentence),
                prompt=f"{framed}?",
                generator="flashcard.what",
                essential=normalise(answer),
                difficulty=0.55,
                answers=(answer,),
            ),
            fact=f"{unit.sentence.id}#{unit.index}|kind",
            answers=(),
            score=0.58,
            **clause_keys(unit.sentence.id, unit.index),
        )


_AIMED = re.compile(r"^(?:aimed at|designed to|intended to|meant to) (?P<what>.+)$")


def _aim_satellite_cards(an: Analysis) -> Iterator[Candidate]:
    """ "A notable milestone was the establishment of a formal trade agreement framework in
    the late 2010s and early 2020s. What was it aimed at?" → "Reducing tariffs on …"."""
    for unit in an.units:
        if unit.problem or an.ctx.is_debate(unit.section) or not unit.satellites:
            continue
        aimed = _AIMED.match(unit.satellites[0])
        copula = re.search(r"\b(was|is|were|are)\b", unit.core)
        if not aimed or not copula:
            continue
        answer = upper_first(aimed.group("what"))
        if not 3 <= len(words(answer)) <= 25 or _points_back(answer):
            continue
        verb = {"was": "was it", "is": "is it", "were": "were they", "are": "are they"}[
            copula.group(1)
        ]
        if aimed.group(0).startswith("aimed"):
            ask = f"What {verb} aimed at?"
        else:
            ask = f"What {verb} {aimed.group(0).split()[0]} to do?"
        framed = an.ctx.frame(unit.section, unit.block, unit.core)
        yield Candidate(
            question=build(
                kind="flashcard",
                source=Source(unit.section, unit.block, unit.sentence),
                prompt=f"{framed}. {ask}",
                generator="flashcard.purpose",
                essential=normalise(answer),
                difficulty=0.6,
                answers=(sentence(answer),),
            ),
            fact=f"{unit.sentence.id}|{unit.index}|aim",
            answers=(),
            score=0.6,
            **clause_keys(unit.sentence.id, unit.index, part=1),
        )


def _satellite_cards(an: Analysis) -> Iterator[Candidate]:
    """What a clause's trailing phrase adds, asked of the clause: "why does cooperation on
    semiconductor supply chains … underpin national competitiveness?" → "Given the
    centrality of advanced chips …"; "what do strong protections … help both economies
    do?" → "Maintain technological leadership"."""
    for unit in an.units:
        if unit.problem or an.ctx.is_debate(unit.section):
            continue
        text = ", ".join((unit.core, *unit.satellites))
        split = split_subject(unit.core)
        if split is None:
            continue
        intro, subject, verb, rest = split
        lower = verb.lower()
        if " " in verb or not _plain_subject(subject, 9) or subject not in unit.sentence.text:
            continue
        if lower in THIRD_PERSON:
            base, aux = third_person_to_base(lower), "does"
        elif lower in BASE_FORMS and is_plural(subject):
            base, aux = lower, "do"
        else:
            continue
        asked = an.ctx.lower(subject, sentence_start=True)
        made: tuple[str, str] | None = None
        for satellite in unit.satellites:
            given = _GIVEN.match(satellite)
            if given and len(words(rest)) <= 12:
                made = (f"why {aux} {asked} {base} {rest}", upper_first(satellite))
                break
        helping = _HELPING.match(text)
        if made is None and helping:
            ing, tail = helping.group("ing"), helping.group("rest")
            if ing == "contributing to":
                made = (f"what {aux} {asked} contribute to", upper_first(tail))
            else:
                who = re.match(r"^(?P<who>(?:[\w-]+ ){0,3}?[\w-]+) (?P<do>[a-z]+ .+)$", tail)
                if who and who.group("do").split()[0] in BASE_FORMS:
                    helper = {"helping": "help", "enabling": "enable", "allowing": "allow"}[ing]
                    made = (
                        f"what {aux} {asked} {helper} {who.group('who')} do",
                        upper_first(who.group("do")),
                    )
        if made is None:
            continue
        question, answer = made
        answer = _OBJECT_CUT.split(answer, maxsplit=1)[0].strip(" ,")
        if not 2 <= len(words(answer)) <= 16 or _points_back(answer):
            continue
        framed = an.ctx.frame(unit.section, unit.block, f"{an.ctx.lower(intro)}{question}")
        yield Candidate(
            question=build(
                kind="flashcard",
                source=Source(unit.section, unit.block, unit.sentence),
                prompt=f"{framed}?",
                generator="flashcard.purpose",
                essential=normalise(answer),
                difficulty=0.6,
                answers=(sentence(answer),),
            ),
            fact=f"{unit.sentence.id}|{unit.index}|purpose",
            answers=(),
            score=0.6,
            **clause_keys(unit.sentence.id, unit.index, part=len(unit.satellites) or 0),
        )


def _plain_subject(subject: str, longest: int = 6) -> bool:
    """A definite subject a stem can name ("the bilateral relationship", "Consumers"), ending
    in a noun ("Economic" of "Economic ties are …" is not one)."""
    ws = words(subject)
    if not 1 <= len(ws) <= longest or ws[0].lower() in PRONOUN_OPENERS | _SUBJECT_OPENERS:
        return False
    if ws[0].lower() in STOPWORDS - {"the"}:
        return False  # "and in 2022 Japan"
    if any(
        w.lower() in {"that", "which", "who", "reply", "replies", "argue", "argues"} for w in ws
    ):
        return False  # "Officials reply that quiet diplomacy": a clause, not a subject
    if re.search(r"['’]s?$", subject.strip()):
        return False  # "The Commission's" (answer is that …): a possessive, not a subject
    last = ws[-1].lower()
    return not (last.endswith(("ic", "al", "ive", "ous")) or last in STOPWORDS)


def _means_cards(an: Analysis) -> Iterator[Candidate]:
    for unit in an.units:
        if unit.problem:
            continue
        match = _BY.match(unit.core)
        split = split_subject(match.group("main")) if match else None
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
            # "How does X …?" names X, the answer of "What …?": one of the two per clause.
            fact=f"{unit.sentence.id}#{unit.index}|subject",
            answers=(),
            score=0.62,
            **clause_keys(unit.sentence.id, unit.index),
        )


_AIM = re.compile(
    r"^(?P<subject>.+?) (?P<verb>aims?|aimed|(?:is|are|was|were) (?:designed|aimed|meant|intended)|"
    r"(?:has|have) aimed) (?:to|at) (?P<purpose>.+)$"
)
# Nouns and words after which "to …" completes them rather than giving a purpose.
_NOT_PURPOSE = wordset(
    """
    capacity ability need needs effort efforts attempt right way chance opportunity
    opportunities commitment approach plan decision power freedom mechanisms means best how
    what whether able unable likely willing going used
    """
)
_LINKING_WORDS = wordset(
    """
    is are was were be been being
    """
)
_PURPOSE = re.compile(r"^(?P<main>.+?) to (?P<verb>[a-z]+) (?P<rest>.+)$")


def _aim_question(an: Analysis, unit: Unit) -> tuple[str, str] | None:
    """ "S aim to X" / "S are designed to X" → ("what do S aim to do", "X")."""
    match = _AIM.match(unit.core)
    if not match:
        return None
    subject, verb, purpose = match.group("subject"), match.group("verb"), match.group("purpose")
    if len(words(subject)) > 10 or re.search(r"\b(?:that|which|who)\b|,", subject):
        return None  # a clause or an opening phrase ("Launched with …, it"), not a subject
    inner = split_subject(subject + " x y")
    if inner is not None and inner[1] != subject:
        return None  # the "subject" holds a verb of its own: not a plain noun phrase
    if not an.specific(subject):
        return None
    if subject.split()[0].lower() in PRONOUN_OPENERS:
        return None
    lowered = an.ctx.lower(subject)
    if verb in {"aims", "aim"}:
        question = f"what {'does' if verb == 'aims' else 'do'} {lowered} aim to do"
    elif verb.endswith("aimed") and verb.startswith("ha"):
        question = f"what {verb.split()[0]} {lowered} aimed to do"
    elif " " in verb:
        be, participle = verb.split()
        question = f"what {be} {lowered} {participle} to do"
    else:
        return None
    return question, purpose


def _why_question(an: Analysis, unit: Unit) -> tuple[str, str] | None:
    """ "S V O to V2 X" (a purpose) → ("why does S V O", "To V2 X")."""
    match = _PURPOSE.match(unit.core)
    if not match or match.group("verb") not in BASE_FORMS:
        return None
    before = match.group("main").rsplit(" ", 1)[-1].lower()
    if before in _NOT_PURPOSE or before in _LINKING_WORDS or is_verb_form(before):
        return None  # "the capacity to respond", "how best to balance", "is to improve"
    split = split_subject(match.group("main"))
    if split is None:
        return None
    intro, subject, verb, rest = split
    last = verb.split(" ")[-1].lower()
    if last not in THIRD_PERSON or len(words(rest)) < 2 or " to " in f" {rest} ":
        return None
    if subject.split()[0].lower() in PRONOUN_OPENERS or not subject:
        return None
    adverbs = " ".join(verb.split(" ")[:-1])
    head = f"{adverbs} " if adverbs else ""
    base = third_person_to_base(last)
    question = f"{an.ctx.lower(intro)}why does {an.ctx.lower(subject)} {head}{base} {rest}"
    return question, f"to {match.group('verb')} {match.group('rest')}"


def _purpose_cards(an: Analysis) -> Iterator[Candidate]:
    for unit in an.units:
        if unit.problem:
            continue
        made = _aim_question(an, unit) or _why_question(an, unit)
        if made is None:
            continue
        question, purpose = made
        if re.search(r"\b(?:which|who|whom|whose)\b", question):
            continue  # "…, why does which stay inside …": a relative clause asked as a main one
        where = "" if an.ctx.has_topic(question + unit.core) else f" {an.ctx.about()}"
        frame = f"According to the article{where}, "
        if unit.block.kind == "list_item" and unit.block.term and an.ctx.is_debate(unit.section):
            frame = f"In the article's debate on {an.ctx.lower(unit.block.term)}, "
        yield Candidate(
            question=build(
                kind="flashcard",
                source=Source(unit.section, unit.block, unit.sentence),
                prompt=f"{frame}{question.strip()}?",
                generator="flashcard.purpose",
                essential=normalise(question),
                difficulty=0.6,
                answers=(sentence(upper_first(purpose)),),
            ),
            fact=f"{unit.sentence.id}|{unit.index}|purpose",
            answers=(),
            score=0.64,
            **clause_keys(unit.sentence.id, unit.index),
        )


_PERIOD_PREP = re.compile(
    r"\b((?:in the (?:wake|aftermath|years) of|in|during|after|before|since|by|until|following"
    r"|at the (?:end|start) of))\s+$",
    re.IGNORECASE,
)


def _period_cards(an: Analysis) -> Iterator[Candidate]:
    """ "According to the article, what happened in Japan–United States trade in the wake of
    World War II?" → "The modern trade relationship began to coalesce." — the reverse of a
    date blank: the event from its date."""
    for event in events(an):
        unit, period = event.view.unit, event.period
        before = unit.core[: period.start]
        prep = _PERIOD_PREP.search(before)
        if unresolved(event.text, "", topic_named=True):
            continue  # "Most of these measures were lifted": which measures?
        text = re.sub(r"^The ", "the ", period.text)
        when = f"{prep.group(1).lower()} {text}" if prep else f"in {text}"
        if not prep and period.start > 0:
            continue  # a date inside a phrase ("reforms of 1991"): no clean "when"
        when = re.sub(r"^in (?:the )?(\d{4})$", r"in \1", when)
        yield Candidate(
            question=build(
                kind="flashcard",
                source=Source(unit.section, unit.block, unit.sentence),
                prompt=f"According to the article, what happened in {an.ctx.topic} {when}?",
                generator="flashcard.period",
                essential=normalise(period.text),
                difficulty=0.5,
                answers=(sentence(event.text),),
            ),
            fact=f"{unit.sentence.id}|{normalise(period.text)}|event",
            answers=(),
            score=0.6,
            **clause_keys(unit.sentence.id, unit.index),
        )


def _name_cards(an: Analysis) -> Iterator[Candidate]:
    """ "What does the article say about the World Trade Organization?" → the sentences that
    mention it: for institutions and agreements the article names (not places or people)."""
    mentions: dict[str, list[Unit]] = {}
    for view in an.views:
        if view.index:
            continue
        for phrase in view.phrases:
            if phrase.kind != "name" or an.is_topic_only(phrase.text):
                continue
            head = words(phrase.text)[-1].lower()
            if phrase.cls != "institution" and head not in INSTITUTION_HEADS:
                continue
            if re.search(r"['’]s\b", phrase.text) or phrase.text not in view.unit.sentence.text:
                continue
            if re.search(r"[A-Z][\w’'-]* (?:and|of) $", view.text[: phrase.start]):
                continue  # "Special Strategic and Global Partnership": half of a longer name
            if unresolved(view.unit.sentence.text, "", topic_named=True):
                continue  # "It gives African governments …": the answer would point nowhere
            units = mentions.setdefault(phrase.text, [])
            if view.unit not in units:
                units.append(view.unit)
    for name, units in mentions.items():
        sentences = list(dict.fromkeys(u.sentence for u in units))[:2]
        first = units[0]
        answer = " ".join(s.text for s in sentences)
        if len(words(answer)) > 70:
            continue
        institution = words(name)[-1].lower() in INSTITUTION_HEADS and len(words(name)) > 1
        article = (
            "the " if institution or re.search(rf"\bthe {re.escape(name)}", an.doc.text) else ""
        )
        yield Candidate(
            question=build(
                kind="flashcard",
                source=Source(first.section, first.block, first.sentence),
                prompt=f"What does the article say about {article}{name} in {an.ctx.topic}?",
                generator="flashcard.name",
                essential=normalise(name),
                difficulty=0.55,
                answers=(answer,),
            ),
            fact=f"name|{normalise(name)}",
            answers=(),
            score=0.55,
        )


def candidates(an: Analysis) -> Iterator[Candidate]:
    yield from _list_cards(an)
    yield from _period_cards(an)
    yield from _name_cards(an)
    yield from _term_cards(an)
    yield from _subject_cards(an)
    yield from _object_cards(an)
    yield from _copula_cards(an)
    yield from _satellite_cards(an)
    yield from _aim_satellite_cards(an)
    yield from _kind_cards(an)
    yield from _means_cards(an)
    yield from _purpose_cards(an)
