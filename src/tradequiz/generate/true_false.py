"""True/false statements, always attributed ("According to the article, …").

True statements restate a clause.  False ones are false because of what the
document says, never by a trick word: a period swapped for another period of
the document, two possessors swapped ("America's … and Japan's …"), or a description put
under another term of the same list.  (Swapping a list item for another of
the same type too often makes nonsense: "consumers benefit from commercial
realities".)  (Statements that swap the sides of
a debate are made in ``debate``.)  The ranker keeps trues and falses balanced.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from tradequiz.bank.model import BLANK
from tradequiz.document.model import Block
from tradequiz.generate import distractors
from tradequiz.generate.analysis import Analysis, TermList, View, in_source, option_worthy
from tradequiz.generate.candidate import Candidate, Source, build, clause_keys
from tradequiz.generate.cloze import blank_phrase, in_view_part
from tradequiz.generate.debate_facts import holder_led, point_view
from tradequiz.generate.lexicon import (
    CON_SIDE,
    LIST_TRIGGERS,
    NOUN_CLASSES,
    PRO_SIDE,
    STOPWORDS,
)
from tradequiz.generate.multiple_choice import (
    ACTOR_CLAUSE,
    GENERIC_THINGS,
    WEAK_OPENERS,
    actor_family,
    actor_words,
)
from tradequiz.generate.periods import Period, find_periods, put_period
from tradequiz.generate.shapes import SWAP_CLASSES, semantic_class
from tradequiz.generate.terms import clues, distinctive_stems
from tradequiz.generate.text import (
    content_set,
    normalise,
    sentence,
    stem,
    strip_end,
    upper_first,
    words,
)
from tradequiz.generate.variants import STANDARD_FORMS
from tradequiz.generate.verbs import is_verb_form

_POSSESSIVE = re.compile(r"\b([A-Z][\w.]*(?:[ –][A-Z][\w.]*)?)(['’]s)\b")


# Words that make a clause a judgement rather than a report of fact.
_NORMATIVE = re.compile(
    r"\b(?:should|must|ought|needs? to|the (?:right|best|better) (?:approach|response|way)|"
    r"healthy|wise|misguided|mistaken|overlook|better to|it is (?:important|essential))\b",
    re.IGNORECASE,
)


_ATTRIBUTED = re.compile(
    r"^(?:in the (?:view|opinion|eyes) of|according to|as \w+ (?:argue|argues|see|sees) it)\b",
    re.IGNORECASE,
)


def opinion_frame(an: Analysis, view: View) -> str | None:
    """Whose claim a debate clause is, when the clause itself does not say.

    "Critics who frame trade as a zero-sum race often overlook …" in an issue whose reply
    is the article's policy standpoint → "According to the article's policy standpoint";
    a judgement in the debate's own paragraphs → the article's main viewpoint.  None: the
    clause says whose it is, or it reports a fact.
    """
    unit = view.unit
    if not an.ctx.is_debate(unit.section) or holder_led(unit):
        return None
    if _ATTRIBUTED.match(view.text):
        return None  # "In the view of the African Development Bank, …" says whose it is
    if unit.block.kind == "list_item":
        label = point_view(unit.block)
        first = unit.block.sentences[0] if unit.block.sentences else None
        if label and first is not None and unit.sentence.id != first.id:
            return f"According to {label}, "
    if _NORMATIVE.search(view.text):
        return f"According to {an.ctx.view_label(unit.section)}, "
    return None


def _statement(an: Analysis, view: View, body: str) -> str:
    unit = view.unit
    frame = opinion_frame(an, view)
    if frame:
        return sentence(frame + an.ctx.lower(body))
    return sentence(an.ctx.frame(unit.section, unit.block, body))


def _candidate(
    an: Analysis, view: View, body: str, truth: bool, generator: str, essential: str, score: float
) -> Candidate:
    unit = view.unit
    source = Source(unit.section, unit.block, unit.sentence)
    fact = f"{unit.sentence.id}#{unit.index}|tf" if truth else f"{unit.sentence.id}|{essential}"
    return Candidate(
        question=build(
            kind="true_false",
            source=source,
            prompt=_statement(an, view, body),
            generator=generator,
            essential=essential,
            difficulty=0.3 if truth else 0.4,
            truth=truth,
        ),
        fact=fact,
        answers=(),
        score=score,
        problem=unit.problem,
        **clause_keys(unit.sentence.id, unit.index, restatement=truth, part=view.index),
    )


def _true_statements(an: Analysis) -> Iterator[Candidate]:
    for view in an.views:
        if "not only" in view.text or len(words(view.text)) < 6:
            continue
        yield _candidate(
            an, view, view.text, True, "tf.restate", f"view{view.index}", 0.5 - 0.05 * view.index
        )


def _item_swaps(an: Analysis) -> Iterator[Candidate]:
    """A clause with one item put in place of another of the same type that the document
    does not say there ("consumers benefit from more choices and higher tariffs"): false
    because of what the document says, with the same checks as a multiple-choice option."""
    section_index = {s.id: s.index for s in an.doc.sections}
    for view in an.views:
        unit = view.unit
        if unit.problem or "not only" in view.text or opinion_frame(an, view):
            continue
        for phrase in view.phrases:
            if phrase.kind not in {"item", "object"} or not in_view_part(view, phrase):
                continue
            if not option_worthy(view.text, phrase) or not in_source(view, phrase):
                continue
            if phrase.text[:1].isupper() or an.ctx.starts_with_name(phrase.text):
                continue  # "Indian iron ore": swapping it would change whose it is as well
            first_of_list = all(view.text.find(x) > phrase.start for x in phrase.siblings)
            if phrase.cls == "activity" and any(
                semantic_class(x) not in {"activity", "abstract"} for x in phrase.siblings
            ):
                continue  # "cooperation on technology and standards": a nested, mixed list
            concrete = phrase.cls in SWAP_CLASSES
            if an.is_topic_only(phrase.text) or not (
                concrete or (phrase.cls in {"activity", "value"} and not first_of_list)
            ):  # an abstract first item's edge is a guess: "reductions in barriers, …"
                continue
            if phrase.text.split(" ", 1)[0].lower() in WEAK_OPENERS:
                continue
            if phrase.text.lower() in GENERIC_THINGS:
                continue  # "a single market for goods and services": no thing to swap out
            if unit.block.term and content_set(phrase.text) <= content_set(unit.block.term):
                continue  # "no duty on wine and spirits" under "Wine and spirits": the heading
            blanked, answer = blank_phrase(view, phrase)
            wrong = distractors.pick(
                an,
                answer=answer,
                cls=phrase.cls,
                section_index=section_index[unit.section.id],
                sentence_id=unit.sentence.id,
                stem_text=f"{blanked} {unit.block.term or ''}",
                siblings=phrase.siblings,
                lead=phrase.lead,
                count=1,
                seed=f"{unit.sentence.text}|false",
                context=distractors.blank_context(an, blanked, answer),
            )
            if not wrong:
                continue
            swapped = wrong[0]
            if blanked[: blanked.index(BLANK)].lower().endswith(("the ", "a ", "an ")):
                swapped = re.sub(r"^(?:the|a|an) ", "", swapped)
            body = blanked.replace(BLANK, swapped)
            listed = (answer, *phrase.siblings)
            yield Candidate(
                question=build(
                    kind="true_false",
                    source=Source(unit.section, unit.block, unit.sentence),
                    prompt=_statement(an, view, body),
                    generator="tf.item_swap",
                    essential=normalise(swapped),
                    difficulty=0.45,
                    truth=False,
                ),
                fact=f"{unit.sentence.id}|list|{'|'.join(sorted(normalise(t) for t in listed))}",
                answers=(),
                score=0.6 - 0.03 * view.index,
                problem=unit.problem,
                **clause_keys(unit.sentence.id, unit.index, part=view.index),
            )


def _actor_swaps(an: Analysis) -> Iterator[Candidate]:
    """ "Consumers benefit from more choices …" → "Firms benefit from more choices …"
    (false): another actor the document names, of another kind, that it never says this of."""
    actors = actor_words(an)
    for view in an.views:
        unit = view.unit
        if view.index or unit.problem or opinion_frame(an, view):
            continue
        match = ACTOR_CLAUSE.match(unit.core)
        if not match or match.group("intro"):
            continue
        subject = match.group("subject")
        head = subject.split()[-1].lower()
        if stem(head) not in NOUN_CLASSES["actor"] or head in PRO_SIDE + CON_SIDE:
            continue
        if subject not in unit.sentence.text or len(subject.split()) > 2:
            continue
        rest = unit.core[match.end("subject") :]
        context = content_set(rest) - an.common_stems
        family = actor_family(head)
        options = sorted(
            (a for a in actors if a not in family and a not in unit.core.lower()),
            key=lambda a: hashlib.sha256(f"{unit.sentence.text}{a}".encode()).hexdigest(),
        )
        for other in options:
            if distractors.supported(an, other, context):
                continue  # the article says this of them too
            body = upper_first(other) + rest
            yield Candidate(
                question=build(
                    kind="true_false",
                    source=Source(unit.section, unit.block, unit.sentence),
                    prompt=_statement(an, view, body),
                    generator="tf.actor_swap",
                    essential=f"{normalise(subject)}>{normalise(other)}",
                    difficulty=0.35,
                    truth=False,
                ),
                fact=f"{unit.sentence.id}|{normalise(subject)}",
                answers=(),
                score=0.6,
                **clause_keys(unit.sentence.id, unit.index),
            )
            break


_ORDER_WORDS = re.compile(
    r"\b(after|before|since|until|following|earlier|later|prior to|ahead of)\b", re.I
)


def _period_swaps(an: Analysis, all_periods: list[Period]) -> Iterator[Candidate]:
    for view in an.views:
        found = find_periods(view.text)
        for period in found:
            if view.index and period.start < len(view.unit.core):
                continue
            if len(found) > 1 and _ORDER_WORDS.search(view.text):
                # "talks began in 1999, a few years after … 1991": a swapped date would be
                # caught by the sentence's own logic, not by knowing the article.
                continue
            others = sorted(
                (p for p in all_periods if abs(p.key - period.key) >= 5),
                key=lambda p: (abs(p.key - period.key), p.text),
            )
            if not others:
                continue
            body = put_period(view.text, period, others[0])
            yield _candidate(an, view, body, False, "tf.period_swap", normalise(period.text), 0.75)


def _possessive_swaps(an: Analysis) -> Iterator[Candidate]:
    for view in an.views:
        found = list(_POSSESSIVE.finditer(view.text))
        names = list(dict.fromkeys(m.group(1) for m in found))
        if len(names) != 2 or len(found) != 2:
            continue
        first, second = found
        text = view.text
        body = (
            text[: first.start(1)]
            + second.group(1)
            + text[first.end(1) : second.start(1)]
            + first.group(1)
            + text[second.end(1) :]
        )
        yield _candidate(an, view, body, False, "tf.possessive_swap", "|".join(names), 0.75)


# Demonyms of common parties that their names do not spell out.
_DEMONYMS = {
    "united states": "American", "us": "American", "america": "American",
    "european union": "European", "eu": "European", "united kingdom": "British",
    "netherlands": "Dutch", "france": "French", "china": "Chinese", "japan": "Japanese",
}  # fmt: skip


_THE_NAMES = frozenset({"United States", "European Union", "United Kingdom", "Netherlands"})


def parties(an: Analysis) -> list[dict[str, list[str]]]:
    """The two sides a bilateral title names ("India–Japan economic partnership"), each with
    the forms the document writes it in: names, a possessive and demonyms."""
    title = an.ctx.title
    match = re.match(r"^([A-Z][\w.]*(?: [A-Z][\w.]*)*)–([A-Z][\w.]*(?: [A-Z][\w.]*)*)", title)
    if not match:
        return []
    text = an.doc.text
    out: list[dict[str, list[str]]] = []
    for name in (match.group(1), match.group(2)):
        names = [name]
        for forms in STANDARD_FORMS:
            if name in forms:
                names.extend(
                    f for f in forms if f != name and re.search(rf"\b{re.escape(f)}", text)
                )
        root = name[:-1] if len(name) > 4 else name
        demonyms = sorted(
            {
                w
                for w in re.findall(r"\b[A-Z][a-z]+\b", text)
                if w != name and w.startswith(root) and 0 < len(w) - len(name) <= 3
                and not w.endswith("s")
            }
        )  # fmt: skip
        if not demonyms and name.lower() in _DEMONYMS:
            demonyms = [_DEMONYMS[name.lower()]]
        owned = [f for f in names if re.search(rf"\b{re.escape(f)}['’]s\b", text)]
        if owned:
            possessive = f"{owned[0]}'s"
        else:
            possessive = f"{name}'" if name.endswith("s") else f"{name}'s"
            possessive = f"the {possessive}" if name in _THE_NAMES else possessive
        out.append({"name": names, "demonym": demonyms, "possessive": [possessive]})
    return out


def _party_swap(text: str, sides: list[dict[str, list[str]]]) -> str | None:
    """``text`` with the two parties' roles exchanged, or None when that is not a clean
    exchange (they are coordinated, so the claim is symmetric; a form has no counterpart; a
    name is part of a longer one, like "People's Republic of China")."""
    a, b = sides
    forms = [f for side in sides for key in ("name", "demonym") for f in side[key]]
    alternation = "|".join(sorted((re.escape(f) for f in forms), key=len, reverse=True))
    if not alternation:
        return None
    pattern = re.compile(rf"(?<![\w–-])(?:(the) )?({alternation})(['’]s)?(?![\w–-])")
    found = list(pattern.finditer(text))
    owners = [0 if any(m.group(2) in a[k] for k in ("name", "demonym")) else 1 for m in found]
    if set(owners) != {0, 1}:
        return None  # one party only: swapping would not change whose claim it is
    for i in range(len(found) - 1):
        between = text[found[i].end() : found[i + 1].start()]
        if owners[i] != owners[i + 1] and re.fullmatch(
            r"\s*(?:and|or|,|–|-)\s*(?:the\s*)?", between
        ):
            return None  # "Japan and the United States …": coordinated, so symmetric
    pieces: list[str] = []
    last = 0
    for m, owner in zip(found, owners, strict=True):
        before, after = text[: m.start()], text[m.end() :]
        if re.search(r"[A-Z][\w’']*\s(?:of\s)?$", before) or re.match(r"\s[A-Z]", after):
            return None  # inside a longer name
        if not m.group(1) and re.search(r"\bthe\s+[a-z]+\s+$", before):
            return None  # "the southern United States": a region of it, not the party
        other = b if owner == 0 else a
        word = m.group(2)
        if word in a["demonym"] + b["demonym"]:
            if not other["demonym"]:
                return None
            replacement = other["demonym"][0]
            if m.group(1):
                replacement = f"the {replacement}"  # "the Indian government"
        elif m.group(3):
            replacement = other["possessive"][0]
        elif (
            m.group(1)
            and (following := re.match(r"\s([a-z]+)", after))
            and following.group(1) not in STOPWORDS | LIST_TRIGGERS
        ):
            replacement = other["possessive"][0]  # "the US leadership" → "Japan's leadership"
        elif (
            not m.group(1)
            and other["demonym"]
            and (following := re.match(r"\s([a-z]+)", after))
            and following.group(1) not in STOPWORDS | LIST_TRIGGERS
            and not is_verb_form(following.group(1))
        ):
            replacement = other["demonym"][0]  # "EU boats" → "British boats"
        else:
            replacement = other["name"][0]
            if m.group(1) or (other["name"][0] in _THE_NAMES and not before.endswith("the ")):
                replacement = ("the " if other["name"][0] in _THE_NAMES else "") + replacement
        if m.start() == 0 or text[m.start() - 2 : m.start()] in {". ", ": "}:
            replacement = replacement[:1].upper() + replacement[1:]
        pieces.append(text[last : m.start()] + replacement)
        last = m.end()
    swapped = "".join(pieces) + text[last:]
    return swapped if swapped != text else None


def _party_swaps(an: Analysis) -> Iterator[Candidate]:
    """ "Indian iron ore helped supply Japanese steel mills" → "Japanese iron ore helped supply
    Indian steel mills" (false): in a bilateral article, which way a flow goes is worth
    knowing, and the reverse is false because of what the article says."""
    sides = parties(an)
    if len(sides) != 2:
        return
    for view in an.views:
        unit = view.unit
        if view.index or unit.problem or opinion_frame(an, view) or "“" in view.text:
            continue
        swapped = _party_swap(view.text, sides)
        if swapped is None:
            continue
        yield _candidate(an, view, swapped, False, "tf.party_swap", "party-swap", 0.68)


def _term_swaps(an: Analysis) -> Iterator[Candidate]:
    for term_list in an.term_lists:
        if len(term_list.items) < 3:
            continue
        if an.ctx.is_debate(term_list.section):
            continue  # an argument moved under another issue often fits there too
        blocks = list(term_list.items)
        for i, block in enumerate(blocks):
            for clue in clues(an, term_list, block):
                if clue.masks > 1:
                    continue
                # The sentence as written (a word of its own term in it only makes the
                # heading it is moved under more plainly wrong).
                written = strip_end(clue.sentence.text)
                clue_stems = content_set(written)
                # The next term in the list whose own words the clue does not use.
                for step in range(1, len(blocks)):
                    other = blocks[(i + step) % len(blocks)]
                    other_term = other.term or ""
                    if distinctive_stems(an, term_list, other_term) & clue_stems:
                        continue
                    told = (content_set(other.description or "") - an.common_stems) & clue_stems
                    if len(told) >= 2 or any(an.sentence_frequency.get(x, 0) <= 2 for x in told):
                        continue  # the other item says some of this too: "false" is arguable
                    body = an.ctx.lower(written, sentence_start=True)
                    where = "" if an.ctx.has_topic(body + other_term) else f" {an.ctx.about()}"
                    prompt = f"According to the article{where}, under “{other_term}”, {body}"
                    source = Source(term_list.section, block, clue.sentence)
                    yield Candidate(
                        question=build(
                            kind="true_false",
                            source=source,
                            prompt=sentence(prompt),
                            generator="tf.term_swap",
                            essential=normalise(other_term),
                            difficulty=0.45,
                            truth=False,
                        ),
                        fact=f"{clue.sentence.id}|{normalise(other_term)}|tf",
                        answers=(),
                        score=0.65,
                        **clause_keys(clue.sentence.id, 0),
                    )
                    break


def plural(noun_phrase: str) -> str:
    head = noun_phrase.rsplit(" ", 1)[-1]
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        return noun_phrase[:-1] + "ies"
    if head.endswith(("s", "sh", "ch", "x")):
        return noun_phrase + "es"
    return noun_phrase + "s"


MEMBERSHIP_TRUE, MEMBERSHIP_FALSE = 3, 4


def _list_name(an: Analysis, term_list: TermList) -> str:
    if an.ctx.is_debate(term_list.section):
        return f"the issues in its debate on {an.ctx.topic}"
    return f"the {plural(term_list.category)} of {an.ctx.topic}"


def _membership(an: Analysis) -> Iterator[Candidate]:
    """ "The article lists “X” among the key elements of …" — true for a term of the list,
    false for a term of another list that the list's own text never mentions.

    A few per list (the template is the same every time); the explanation is the term's own
    line, and for a false one also where the article does put the term.
    """
    lists = [t for t in an.term_lists if len(t.items) >= 3]
    for term_list in lists:
        where = _list_name(an, term_list)
        own_text = " ".join(b.text for b in term_list.items) + " " + term_list.category
        own_stems = content_set(own_text)
        options: list[tuple[Block, TermList, bool]] = [
            (b, term_list, True) for b in term_list.items
        ]
        for other in lists:
            if other.section.id == term_list.section.id or other.category == term_list.category:
                continue
            if abs(other.section.index - term_list.section.index) > 4:
                continue  # nearby lists only: the same document's parts, and fast on long ones
            # A long term ("The critique that globalization erodes …") cannot pass for a
            # sector or an element: stating that it is one would be absurd, not fair.
            longest = max(len(words(t)) for t in term_list.terms()) + 1
            options.extend(
                (b, other, False)
                for b in other.items
                if not content_set(b.term or "") & own_stems and len(words(b.term or "")) <= longest
            )  # "Automobiles" is named inside "Market access …": calling it absent is a trap
        options.sort(
            key=lambda o: hashlib.sha256(f"{term_list.category}{o[0].term}".encode()).hexdigest()
        )
        chosen = [o for o in options if o[2]][:MEMBERSHIP_TRUE]
        chosen += [o for o in options if not o[2]][:MEMBERSHIP_FALSE]
        for block, home, truth in chosen:
            term = block.term or ""
            # The explanation is the term's own line, in the section that holds it: for a
            # false statement that is where the learner sees what the term really is.
            source = Source(home.section, block, explanation=block.text)
            yield Candidate(
                question=build(
                    kind="true_false",
                    source=source,
                    prompt=f"The article lists “{term}” among {where}.",
                    generator="tf.membership",
                    essential=normalise(term),
                    difficulty=0.3,
                    truth=truth,
                ),
                fact=f"{term_list.items[0].id}|member|{normalise(term)}",
                answers=(),
                score=0.52 if truth else 0.6,
            )


def candidates(an: Analysis) -> Iterator[Candidate]:
    all_periods = [p for v in an.views if v.index == 0 for p in find_periods(v.text)]
    yield from _true_statements(an)
    yield from _item_swaps(an)
    yield from _period_swaps(an, all_periods)
    yield from _possessive_swaps(an)
    yield from _party_swaps(an)
    yield from _term_swaps(an)
    yield from _membership(an)
