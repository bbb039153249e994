"""Ordering: put the events of a chronology in the order the document gives.

An event is a dated clause with its date taken out ("The modern trade
relationship began to coalesce" — after World War II), so the learner orders
what happened, not numbers.  A section with at least three events of
different dates makes a question; failing that, the whole document's events
do.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from tradequiz.generate.analysis import Analysis, View
from tradequiz.generate.candidate import Candidate, Source, build
from tradequiz.generate.periods import Period, find_periods
from tradequiz.generate.text import normalise, upper_first, words
from tradequiz.generate.verbs import PAST_FORMS, is_verb_form

MAX_EVENT_WORDS = 20
MAX_ITEMS = 5
_SUBJECT_PERIOD = re.compile(
    r"^(?:The |the )?(?P<period>.+?) "
    r"(?:brought|saw|marked|witnessed|produced|ushered in) (?P<event>.+)$"
)
_MILESTONE = re.compile(
    r"^(?:A|An|The) (?:\w+ )?(?:milestone|turning point|step|development|event|change) "
    r"(?:was|came with|came in) (?P<event>.+)$",
    re.IGNORECASE,
)
_PREP = (
    r"(?:,\s*)?(?:\b(?i:in the (?:wake|aftermath) of|in|during|after|since|by|from"
    r"|at the (?:end|start) of)\s+)?"
)


@dataclass(frozen=True)
class Event:
    view: View
    period: Period
    text: str


def event_text(view: View, period: Period) -> str | None:
    text = view.unit.core
    if period.start >= len(text):
        return None
    if re.search(r",\s*(?:whose|which|who|where)\b", text[: period.start]):
        return None  # "…, whose appeals process has been paralysed since 2019": not the event
    subject = _SUBJECT_PERIOD.match(text)
    if subject and normalise(subject.group("period")) == normalise(period.bare):
        event = subject.group("event")
    else:
        pattern = _PREP + re.escape(period.text)
        event = re.sub(pattern, "", text, count=1).strip(" ,")
        # "reforms of 1991", "signed in 2011": the date is inside a phrase, which would be
        # left broken ("reforms of ,"): a participle phrase goes with it, else no event.
        event = re.sub(
            r", (?:signed|launched|founded|agreed|adopted|created|concluded) ?,", "", event
        )
        event = re.sub(r"\s{2,}", " ", event)
        if re.search(r"\s,|\b(?:of|in|on|at|from|to|by|since|signed)\s*(?:,|$)", event):
            return None
        dangling = re.search(r"\b(?:of|in|on|at|from)\s+(\w+)", event)
        if (
            dangling
            and is_verb_form(dangling.group(1).lower())
            and not dangling.group(1).lower().endswith("ing")
        ):
            return None  # "The Softwood Lumber Agreement of set quotas …"
        milestone = _MILESTONE.match(event)
        if milestone:
            event = milestone.group("event")
        event = re.sub(r"^(?:In|Over|During|By) [^,]{1,30}, ", "", event)
    event = re.split(
        r"—|;|, (?=[a-z]+ing\b)|, (?:aimed|as|while|with|when|which|where|whereas)\b", event
    )[0].strip(" ,")
    if find_periods(event) or len(words(event)) < 3 or len(words(event)) > MAX_EVENT_WORDS:
        return None
    return upper_first(event)


def events(an: Analysis) -> list[Event]:
    events: list[Event] = []
    for view in an.views:
        if view.index != 0 or view.unit.problem:
            continue
        periods = find_periods(view.unit.core)
        if len(periods) != 1:
            continue
        if re.search(r"\b(?:by|until|before)\s+$", view.unit.core[: periods[0].start]):
            continue  # "stop illegal deforestation by 2030": a deadline, not a past event
        if not any(
            w.lower() in PAST_FORMS | {"was", "were", "had"}
            or (w.islower() and w.endswith("ed") and len(w) > 4)
            for w in words(view.unit.core)
        ):
            continue  # "requirements due in 2027 worry makers": no past event to recall
        text = event_text(view, periods[0])
        if text:
            events.append(Event(view, periods[0], text))
    return events


def _chronology(events: list[Event]) -> list[Event]:
    by_key: dict[float, Event] = {}
    for event in events:
        by_key.setdefault(event.period.key, event)
    ordered = [by_key[k] for k in sorted(by_key)]
    return ordered[:MAX_ITEMS]


def candidates(an: Analysis) -> Iterator[Candidate]:
    found = events(an)
    groups: dict[str, list[Event]] = {}
    for event in found:
        groups.setdefault(event.view.unit.section.id, []).append(event)
    chronologies = [_chronology(g) for g in groups.values()]
    chronologies = [c for c in chronologies if len(c) >= 3]
    if not chronologies:
        whole = _chronology(found)
        chronologies = [whole] if len(whole) >= 3 else []
    for chronology in chronologies:
        first, last = chronology[0].view.unit, chronology[-1].view.unit
        span = sorted((e.view.unit.sentence for e in chronology), key=lambda s: s.start)
        source = Source(
            first.section,
            first.block,
            start=span[0].start,
            end=span[-1].end,
            explanation="\n".join(s.text for s in span),
            passage="\n".join(e.text for e in chronology),
        )
        del last
        prompt = (
            f"Put these developments in the history of {an.ctx.topic} in the order "
            "the article gives them, earliest first."
        )
        yield Candidate(
            question=build(
                kind="ordering",
                source=source,
                prompt=prompt,
                generator="ordering.chronology",
                essential="|".join(normalise(e.text) for e in chronology),
                difficulty=0.5 + 0.05 * len(chronology),
                items=tuple(e.text for e in chronology),
            ),
            fact=f"{first.section.id}|chronology",
            answers=(),
            score=1.0,
        )
