"""Cloze questions: a clause with one key phrase blanked, answered by typing.

Only phrases with one sensible answer are typed: names ("World Trade
Organization"), periods ("1980s and 1990s") and the examples of a short
"such as" list ("semiconductors").  A list item in general could be filled
many ways, so it becomes a multiple-choice question instead (see
``multiple_choice``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from tradequiz.bank.model import BLANK
from tradequiz.generate.analysis import Analysis, View, in_source
from tradequiz.generate.candidate import Candidate, Source, build, clause_keys
from tradequiz.generate.lexicon import CAPITAL_CITIES, ERA_VARIANTS, STOPWORDS
from tradequiz.generate.periods import find_periods
from tradequiz.generate.phrases import Phrase
from tradequiz.generate.text import normalise, sentence, stem, words
from tradequiz.generate.variants import name_variants
from tradequiz.generate.verbs import is_verb_form

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


def typed_answers(an: Analysis, phrase: Phrase, answer: str) -> tuple[str, ...]:
    """The answer and the other forms a teacher would accept for it."""
    out = [answer]
    if phrase.kind == "period":
        for period in find_periods(answer):
            out.extend(period.answers())
    elif phrase.kind == "name":
        out.extend(name_variants(answer, an.doc.text, an.aliases, an.names))
    out.extend(ERA_VARIANTS.get(answer.lower(), ()))
    if "–" in answer:
        out.append(answer.replace("–", "-"))
    unique: list[str] = []
    for a in out:
        if a and normalise(a) not in {normalise(u) for u in unique}:
            unique.append(a)
    return tuple(unique)


# Set phrases whose last word anyone can fill: "on both sides of the ____" (Pacific).
_FILLER_FRAMES = re.compile(
    r"(?:both sides of|either side of|on the other side of|across|around) the\s*$", re.I
)


def _coordinated(text: str, start: int, end: int) -> bool:
    """One of a pair or list of names ("Washington and Beijing", "Andaman and Nicobar
    Islands"): the blank could be either, or half of one name."""
    before, after = text[:start].rstrip(), text[end:]
    if re.search(r"(?:[A-Z][\w’'-]*)(?:,| and| or)(?: the)?$", before):
        return True
    return bool(re.match(r"(?:,| and| or) (?:the )?[A-Z]", after))


_OTHER_DEMONYMS = frozenset(
    ["german", "germans", "french", "dutch", "swiss", "thai", "greek", "greeks", "irish", "welsh"]
)


def demonym(word: str, names: frozenset[str]) -> bool:
    """ "Indian", "Japanese", "Australians": a people or an adjective of a place."""
    lower = word.lower()
    if lower.endswith(("ese", "ian", "ians", "ish", "ean", "eans", "ican", "icans")):
        return True  # "Japanese", "Indian", "Korean", "American", "Mexican"
    if lower in _OTHER_DEMONYMS:
        return True
    return any(
        other != word and len(other) >= 4 and word.startswith(other[:-1])
        and 0 < len(word) - len(other) <= 3
        for other in names
    )  # fmt: skip


_MONTHS = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)


def name_worth_blanking(an: Analysis, view: View, phrase: Phrase) -> bool:
    """A name a learner should know and can only know from the document.

    Not a people or a place's adjective ("____ iron ore" → Indian: a two-way guess in a
    two-country article), not a possessive, not one of a pair of names, not a name the
    document gives in two forms (Asia-Pacific / Indo-Pacific: either fits), not the last
    word of a set phrase ("both sides of the ____").
    """
    text = phrase.text
    if re.search(r"['’]s\b", text) or an.is_topic_only(text):
        return False
    if any(
        t.startswith(stem(text.lower())) and len(stem(text.lower())) >= 4
        for t in an.ctx.topic_stems
    ):
        return False  # "added in ____" → Africa, in an article on an African agreement
    if normalise(text) in CAPITAL_CITIES:
        return False  # "____ offers loans" → Canberra: the country's name fits as well
    if normalise(text) in _MONTHS or re.match(r"\s+\d{4}\b", view.text[phrase.end :]):
        return False  # "in ____ 2019" → June, "on ____ 2020" → Christmas Eve: the year is the fact
    name_words = words(text)
    if any(demonym(w, an.ctx.keep_caps) for w in name_words):
        return False
    following = re.match(r"\s+([a-z][\w-]*)", view.text[phrase.end :])
    if following and phrase.cls != "institution" and len(name_words) <= 2:
        nxt = following.group(1)
        if nxt not in STOPWORDS and not is_verb_form(nxt):
            return False  # "Shinkansen technology", "Pilbara mines": a modifier, not a thing
    if _coordinated(view.text, phrase.start, phrase.end):
        return False
    if _FILLER_FRAMES.search(view.text[: phrase.start]):
        return False
    last = re.split(r"[\s\-–]+", text)[-1].lower()
    for other in an.names:
        parts = re.split(r"[\s\-–]+", other)
        if (
            normalise(other) != normalise(text)
            and parts[-1].lower() == last
            and len(parts) <= 2
            and len(re.split(r"[\s\-–]+", text)) <= 2
        ):
            return False  # "Indo-Pacific" beside "Asia-Pacific": more than one answer fits
    return True


def _typable(an: Analysis, view: View, phrase: Phrase) -> bool:
    if an.is_topic_only(phrase.text):
        return False
    if phrase.kind == "name":
        return name_worth_blanking(an, view, phrase)
    if phrase.kind == "period":
        # "from the 2011 agreement": a year used as a modifier reads, blanked, as a slot
        # for the agreement's name ("CEPA"); asked with year options it is fine.
        before = view.text[: phrase.start].rstrip().rsplit(" ", 1)[-1].lower()
        after = re.match(r"\s+([a-z]+)", view.text[phrase.end :])
        return not (
            re.fullmatch(r"\d{4}", phrase.text)
            and before in {"the", "a", "an", "its", "their", "this", "that"}
            and after is not None
            and after.group(1) not in STOPWORDS
        )
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
            if not _typable(an, view, phrase) or not in_view_part(view, phrase):
                continue
            if not in_source(view, phrase):
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
                    answers=typed_answers(an, phrase, answer),
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
                **clause_keys(unit.sentence.id, unit.index, part=view.index),
            )
