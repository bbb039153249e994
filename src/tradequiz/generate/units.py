"""Cut sentences into clauses that can stand alone as statements.

A long sentence carries several facts; a question about one of them should
show the clause it needs, not the whole sentence.  A sentence becomes one or
more units (split at semicolons and at ", while …" between independent
clauses); each unit has a core (its main clause) and satellites (trailing
participle or "with …" phrases) that are shown only when a question is about
them.  A unit whose subject is a pronoun is resolved when the document makes
it safe ("it" after a semicolon → the first clause's subject; "This" opening a
list item's description → the item's term; "These policy tools" → "the policy
tools of <title>" when the section is about policy tools), and otherwise
marked with the problem so the question is rejected with that reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tradequiz.document.model import Block, Document, Section, Sentence
from tradequiz.generate.context import DocContext
from tradequiz.generate.lexicon import (
    INSTITUTION_HEADS,
    LIST_TRIGGERS,
    PHRASE_BREAKERS,
    PRONOUN_OPENERS,
    PRONOUN_PHRASES,
)
from tradequiz.generate.phrases import find_lists
from tradequiz.generate.references import resolve
from tradequiz.generate.text import content_set, is_plural, strip_end, words
from tradequiz.generate.verbs import BASE_FORMS, PAST_FORMS, THIRD_PERSON, is_verb_form

_NOT_SATELLITE = {"including", "during", "according", "regarding", "following", "concerning",
                  "notwithstanding", "excluding", "bring", "thing", "spring", "king"}  # fmt: skip
_SATELLITE_OPENERS = {"while", "with", "as", "aimed", "designed", "given", "thereby", "so",
                      "reflecting", "because", "since", "whereas"}  # fmt: skip
_COMMA = re.compile(r",\s+")
_SUBORDINATOR = re.compile(
    r"^(?:As|While|Although|Though|When|If|Because|Since|Whereas|Once|Unless)\b"
)
_SUBJECT = re.compile(
    r"^(.{3,80}?) (?:is|are|was|were|has|have|had|remains|remain|can|will|would|should)\b"
)


_INTRO = re.compile(
    r"^(?P<intro>(?:As|While|When|In|Over|During|From|Under|Since|After|Before|Within|Given)"
    r"\b[^,]{0,100}?, (?:especially [^,]{0,60}, )?)"
)
_FINITE = PAST_FORMS | THIRD_PERSON
_LINKING = frozenset({"is", "are", "was", "were", "becomes", "become", "remains", "remain"})
_MODALS = frozenset({"can", "could", "may", "might", "must", "should", "will", "would"})
_ADVERBS = frozenset({"also", "often", "sometimes", "long", "still", "now", "thus", "already"})


def split_subject(core: str) -> tuple[str, str, str, str] | None:
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
        plural_before = is_plural(" ".join(ws[:i])) and not any(
            w.lower() in _FINITE for w in ws[1:i]
        )
        if word in BASE_FORMS and (ws[i - 1].endswith("s") or plural_before):
            return i + 1  # "Strong protections for Intellectual property foster …"
        if allow_past and word in PAST_FORMS:
            return i + 1
        return 0

    for allow_past in (False, True):
        for i in range(1, min(len(ws) - 1, 12)):
            end = verb_at(i, allow_past)
            if not end:
                continue
            start = i
            while start > 1 and ws[start - 1].lower() in _ADVERBS | {
                w for w in [ws[start - 1].lower()] if w.endswith("ly")
            }:
                start -= 1
            return intro, " ".join(ws[:start]), " ".join(ws[start:end]), " ".join(ws[end:])
    return None


@dataclass(frozen=True)
class Unit:
    section: Section
    block: Block
    sentence: Sentence
    index: int
    core: str
    satellites: tuple[str, ...] = ()
    problem: str | None = None

    def views(self) -> tuple[str, ...]:
        """The core alone, then the core with each satellite."""
        return (self.core, *(f"{self.core}, {s}" for s in self.satellites))


def _is_satellite_start(rest: str) -> bool:
    first = rest.split(" ", 1)[0].lower().strip('“"(')
    if first in _SATELLITE_OPENERS:
        return True
    return first.endswith("ing") and first not in _NOT_SATELLITE and len(first) > 4


def _independent_start(rest: str) -> bool:
    """ "while firms gain …" starts a clause; "while adapting …" does not."""
    parts = rest.split()
    return len(parts) > 2 and not parts[1].lower().endswith(("ing", "ed"))


def _has_main_clause(core: str) -> bool:
    """ "As X grows, firms adapt" has one; "As X grows, especially in Y" does not."""
    if "," not in core:
        return False
    after = core.split(",", 1)[1].split()
    return (
        bool(after)
        and not after[0].lower().endswith("ly")
        and after[0].lower() not in LIST_TRIGGERS
    )


def _has_gerund(chunk: str) -> bool:
    return any(
        w.lower().endswith("ing") and w.lower() not in _NOT_SATELLITE and len(w) > 4
        for w in words(chunk)
    )


def split_clause(text: str) -> tuple[str, tuple[str, ...]]:
    """Split a clause into its core and trailing satellites."""
    pieces: list[str] = []
    start = 0
    chunk_start = 0
    # Commas inside a list ("patient capital, engineering know-how and …") do not end a core.
    list_spans = [(items[0][0], items[-1][1]) for items in find_lists(text)]
    for match in _COMMA.finditer(text):
        rest = text[match.end() :]
        chunk = text[chunk_start : match.start()]
        chunk_start = match.end()
        if not _is_satellite_start(rest) or match.start() < 15:
            continue
        if any(a < match.start() < b for a, b in list_spans):
            continue
        opener = rest.split(" ", 1)[0].lower()
        if opener.endswith("ing") and _has_gerund(chunk):
            continue  # "aimed at reducing X, expanding Y": a list of gerunds, not a new phrase
        if not pieces and _SUBORDINATOR.match(text) and not _has_main_clause(text[: match.start()]):
            continue  # "As competition intensifies, …": the main clause comes after the comma
        pieces.append(text[start : match.start()])
        start = match.end()
    pieces.append(text[start:])
    core, satellites = pieces[0], tuple(p for p in pieces[1:] if len(words(p)) >= 3)
    return core.strip(), satellites


def _clauses(text: str) -> list[str]:
    parts = [p for p in re.split(r";\s+", strip_end(text)) if p.strip()]
    out: list[str] = []
    for part in parts:
        pieces = re.split(r",\s+(?=(?:while|whereas|but)\s)", part)
        first = pieces[0]
        for piece in pieces[1:]:
            _conj, rest = piece.split(" ", 1)
            if ":" in first:
                # "a simple bargain: Japan brings …, while India offers …": both halves
                # belong to what the colon announces.
                first = f"{first}, {piece}"
            elif _independent_start(piece):
                out.append(first)
                first = rest
            else:
                first = f"{first}, {piece}"
        out.append(first)
    return out


def _previous_subject(previous: str | None, plural: bool) -> str | None:
    """The definite subject of the previous clause ("the bilateral relationship"), if its
    number agrees with the pronoun that points back at it."""
    if not previous:
        return None
    split = split_subject(previous)
    if split is None:
        return None
    subject = split[1]
    ws = subject.split()
    if not ws or ws[0].lower() != "the" or len(ws) > 7 or "," in subject:
        return None
    if is_plural(subject) != plural:
        return None
    return "the " + subject.split(" ", 1)[1]


def _resolve_opening(
    clause: str,
    index: int,
    first_clause: str,
    section: Section,
    block: Block,
    ctx: DocContext,
    previous: str | None = None,
) -> tuple[str, str | None]:
    """Replace a pronoun subject with what it stands for, or say why that is unsafe."""
    lowered = clause.lower()
    if (
        ctx.is_debate(section)
        and block.kind == "list_item"
        and re.match(r"in (?:this|that) view, ", lowered)
    ):
        # Inside a debate point the view is the point's reply, which the frame names.
        return clause[len("in this view, ") :], None
    for phrase in PRONOUN_PHRASES:
        if lowered.startswith(phrase + " ") or lowered.startswith(phrase + ","):
            return clause, f"starts with an unresolved reference (“{clause.split(',')[0]}”)"
    ws = clause.split()
    first = ws[0].lower().strip('“"(') if ws else ""
    if first not in PRONOUN_OPENERS:
        return clause, None
    rest = clause[len(ws[0]) :].lstrip()
    next_word = rest.split(" ", 1)[0].lower() if rest else ""
    if first in {"it", "they"} and index > 0:
        subject = _SUBJECT.match(first_clause)
        if subject and subject.group(1).split()[0].lower() not in PRONOUN_OPENERS:
            return f"{subject.group(1)} {rest}", None
    if (
        first in {"it", "they"}
        and index == 0
        and is_verb_form(next_word.lower()) | (next_word in _LINKING)
    ):
        antecedent = _previous_subject(previous, plural=first == "they")
        if antecedent:
            return f"{antecedent} {rest}", None
    if (
        first in {"this", "it"}
        and block.kind == "list_item"
        and block.term
        and is_verb_form(next_word)
    ):
        return f"“{block.term}” {rest}", None
    if first in {"these", "this", "those"}:
        noun_words: list[str] = []
        for w in rest.split():
            if w.lower() in PHRASE_BREAKERS or is_verb_form(w):
                break
            noun_words.append(w)
        noun = " ".join(noun_words)
        about = content_set(section.title) | content_set(block.lead_in or "")
        if noun and content_set(noun) and content_set(noun) <= about:
            remainder = rest[len(noun) :]
            return f"the {noun} of {ctx.topic}{remainder}", None
        if (
            noun
            and first == "this"
            and block.kind == "list_item"
            and block.term
            and len(noun.split()) <= 2
        ):
            # "This synergy supports …" in an item's description: the synergy in that item.
            return f"the {noun} in {ctx.lower(block.term)}{rest[len(noun) :]}", None
    return clause, f"starts with an unresolved pronoun (“{ws[0]}”)"


def _term_subject(ctx: DocContext, block: Block) -> str | None:
    """A list item's term as the subject its description's "it" stands for."""
    term = block.term
    if not term or is_plural(term):
        return None
    if ctx.starts_with_name(term) and words(term)[-1].lower() not in INSTITUTION_HEADS | {
        "initiative",
        "arrangement",
        "corridor",
        "strategy",
        "programme",
        "program",
        "scheme",
    }:
        return term  # "ChAFTA"
    return f"the {ctx.lower(term)}"


def sentence_units(
    ctx: DocContext,
    section: Section,
    block: Block,
    sentence: Sentence,
    previous: str | None = None,
    previous_text: str | None = None,
) -> list[Unit]:
    clauses = _clauses(sentence.text)
    units: list[Unit] = []
    # The first sentence of a "Term: description" line is about the term.
    subject = _term_subject(ctx, block) if previous is None and block.kind == "list_item" else None
    for index, clause in enumerate(clauses):
        resolved, problem = _resolve_opening(
            clause, index, clauses[0], section, block, ctx, previous
        )
        if problem is None:
            resolved = resolve(resolved, previous_text or previous, subject)
        core, satellites = split_clause(resolved)
        units.append(Unit(section, block, sentence, index, core, satellites, problem))
    return units


def document_units(ctx: DocContext, doc: Document) -> Iterator[Unit]:
    for section in doc.sections:
        for block in section.blocks:
            previous: str | None = None
            previous_text: str | None = None
            for sentence in block.sentences:
                if sentence.text.rstrip().endswith(":"):
                    continue  # a lead-in ("Key elements include:") is not a statement
                units = sentence_units(ctx, section, block, sentence, previous, previous_text)
                previous = units[-1].core if units and not units[-1].problem else None
                previous_text = sentence.text
                yield from units
