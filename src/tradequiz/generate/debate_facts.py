"""Read a debate section: who argues what, and what the article replies.

A debate section reports sides ("Proponents argue that …", "Critics may push
for …") and, for each point of its "Issue: discussion" list, the article's own
reply, often attributed to a viewpoint ("A center-right viewpoint emphasizes
that the right approach is to …", "A practical view concentrates on …", "The
response should be to …").  A reply's core is put as an instruction
("Improve competitiveness and productivity"), and what it rejects ("rather
than retreat from trade") becomes a wrong answer that is wrong because the
article says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tradequiz.document.model import Block, Section, Sentence
from tradequiz.generate.analysis import Analysis
from tradequiz.generate.lexicon import CON_SIDE, PRO_SIDE, VIEW_NOUNS
from tradequiz.generate.text import (
    gerund_to_base,
    strip_end,
    third_person_to_base,
    upper_first,
    words,
)
from tradequiz.generate.units import Unit
from tradequiz.generate.verbs import BASE_FORMS, ING_FORMS

_MODALS = {"may", "might", "can", "could", "would", "will", "should", "must", "often",
           "sometimes", "also", "generally", "typically", "usually"}  # fmt: skip
_SIDE_CLAIM = re.compile(
    r"^(?:(?:some|many|most|other) )?(?P<side>" + "|".join(PRO_SIDE + CON_SIDE) + r")"
    r"(?: of (?P<of>[\w\s-]{2,40}?))?"
    r" (?P<pred>(?:(?:" + "|".join(_MODALS) + r") )*(?P<verb>[a-z]+)\b.*)$",
    re.IGNORECASE,
)
_VIEWS = "|".join(VIEW_NOUNS)
_LABELLED = re.compile(
    rf"^(?:From )?(?:an?|the) (?P<adj>[\w-]+(?: [\w-]+)?) (?P<noun>{_VIEWS})"
    rf"(?:, (?:the )?(?:reply|response|answer) is| (?P<verb>[a-z]+(?: on| for)?))"
    rf" (?:that )?(?P<rest>.+)$",
    re.IGNORECASE,
)
_UNLABELLED = re.compile(
    r"^(?:In this view, |In that view, )?(?:the |a )?"
    r"(?P<what>(?:right |best |better )?(?:response|reply|answer|remedy|solution|approach|focus))"
    r" (?P<verb>should be|is|argues for|calls for|must be|lies in)(?: on)? (?P<rest>.+)$",
    re.IGNORECASE,
)
_REJECT = re.compile(r"(?:,\s*|—|\s)(?:rather than|instead of|not to|not by|and not) ")
_CORE_CUT = re.compile(r"—| through | by | without | that | to (?=[a-z]+ )|, (?:so|while) ")
_SPEECH = {"argue", "claim", "contend", "say", "maintain", "hold", "assert", "warn", "insist",
           "push", "call", "note", "suggest", "point", "believe", "fear", "worry", "counter",
           "emphasize", "emphasise", "stress", "favor", "favour", "see", "frame"}  # fmt: skip


@dataclass(frozen=True)
class SideClaim:
    unit: Unit
    side: str  # "pro" or "con"
    label: str  # as the document writes it: "Proponents", "Critics", "Supporters"
    predicate: str  # "argue that freer trade boosts …"
    point: Block | None


@dataclass(frozen=True)
class Reply:
    section: Section
    block: Block
    sentence: Sentence
    label: str  # "the article's center-right viewpoint", or "the article" when unlabelled
    explicit: bool  # the document names the viewpoint in this sentence
    statement: str  # "emphasizes that the right approach is to …" (for "who …?")
    core: str | None  # "Improve competitiveness and productivity", None for a plain claim
    rejected: tuple[str, ...]


@dataclass
class Debate:
    section: Section
    claims: list[SideClaim] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)
    points: list[Block] = field(default_factory=list)
    pro_label: str = "Proponents"
    con_label: str = "Critics"

    def alternatives(self) -> list[str]:
        """Courses of action the article rejects, as instructions."""
        out: list[str] = []
        for reply in self.replies:
            out.extend(r for r in reply.rejected if r not in out)
        for claim in self.claims:
            action = claim_as_action(claim)
            if claim.side == "con" and action and action not in out:
                out.append(action)
        return out


def third_person(predicate: str) -> str:
    """ "sometimes claim that …" → "sometimes claims that …" (modals stay: "may push")."""
    ws = predicate.split(" ")
    for i, w in enumerate(ws):
        lower = w.lower()
        if lower in _MODALS - {"often", "sometimes", "also", "generally", "typically", "usually"}:
            return predicate
        if lower in _MODALS:
            continue
        if lower.endswith(("s", "sh", "ch", "x")) and not lower.endswith("ss"):
            ws[i] = w + "es" if lower.endswith(("sh", "ch", "x", "s")) else w
        elif lower.endswith("y") and lower[-2:-1] not in "aeiou":
            ws[i] = w[:-1] + "ies"
        else:
            ws[i] = w + "s"
        return " ".join(ws)
    return predicate


def as_instruction(phrase: str, vocabulary: frozenset[str]) -> str | None:
    """ "to accelerate training" / "relying on X" / "concentrates on X" → "Accelerate …"."""
    phrase = strip_end(phrase)
    phrase = re.sub(r"^(?:the (?:right|best) approach is )?to ", "", phrase, flags=re.I)
    ws = phrase.split(" ")
    if not ws or not ws[0]:
        return None
    first = ws[0].lower()
    if first in ING_FORMS or (first.endswith("ing") and len(first) > 5):
        ws[0] = gerund_to_base(first, vocabulary)
    elif first not in BASE_FORMS:
        base = third_person_to_base(first)
        if base.lower() not in BASE_FORMS:
            return None
        ws[0] = base
    return upper_first(" ".join(ws))


def _core(instruction: str) -> str:
    """The instruction without its trailing means and purposes, when that leaves enough."""
    match = _CORE_CUT.search(instruction, 12)
    if match and len(words(instruction[: match.start()])) >= 3:
        return instruction[: match.start()].rstrip(" ,")
    return instruction


def claim_as_action(claim: SideClaim) -> str | None:
    """ "may push for rapid convergence of standards" → "Push for rapid convergence …"."""
    ws = [w for w in claim.predicate.split(" ") if w.lower() not in _MODALS]
    if not ws or (len(ws) > 1 and ws[1].lower() == "that"):
        return None
    verb = third_person_to_base(ws[0].lower())
    if verb not in BASE_FORMS or verb in {"argue", "claim", "say", "note", "suggest", "believe"}:
        return None
    return upper_first(" ".join([verb, *ws[1:]]))


def _split_rejected(text: str, vocabulary: frozenset[str]) -> tuple[str, tuple[str, ...]]:
    parts = _REJECT.split(text)
    kept = parts[0]
    rejected = tuple(
        r for r in (as_instruction(p, vocabulary) for p in parts[1:]) if r and len(words(r)) >= 2
    )
    return kept, tuple(re.split(r"—|, ", r)[0] for r in rejected)


def _reply(an: Analysis, section: Section, block: Block, unit: Unit) -> Reply | None:
    text = strip_end(unit.sentence.text) if unit.index == 0 else unit.core
    vocabulary = an.ctx.vocabulary
    labelled = _LABELLED.match(text)
    if labelled:
        label = f"the article's {labelled.group('adj').lower()} {labelled.group('noun').lower()}"
        verb = labelled.group("verb") or "replies"
        rest = labelled.group("rest")
        statement = (
            f"{verb} that {rest}" if not verb.endswith((" on", " for")) else f"{verb} {rest}"
        )
        if labelled.group("verb") is None:
            statement = f"replies that {rest}"
        kept, rejected = _split_rejected(rest, vocabulary)
        if verb.endswith((" on", " for")):
            core = as_instruction(
                f"{third_person_to_base(verb.split()[0])} {verb.split()[1]} {kept}", vocabulary
            )
        else:
            core = as_instruction(kept, vocabulary)
        core = _core(core) if core else None
        return Reply(section, block, unit.sentence, label, True, statement, core, rejected)
    plain = _UNLABELLED.match(text)
    if plain:
        rest = plain.group("rest")
        verb = plain.group("verb").lower()
        what = plain.group("what").lower()
        kept, rejected = _split_rejected(rest, vocabulary)
        if what == "focus":
            core = as_instruction(f"focus on {kept}", vocabulary)
        elif verb in {"argues for", "calls for"}:
            core = as_instruction(f"{verb.split()[0]} for {kept}", vocabulary)
        else:
            core = as_instruction(kept, vocabulary)
        opening = re.sub(r"^In (?:this|that) view, ", "", text, flags=re.I)
        if verb in {"argues for", "calls for"}:
            statement = f"{verb} {rest}"
        else:
            statement = f"holds that {opening[:1].lower()}{opening[1:]}"
        core = _core(core) if core else None
        return Reply(section, block, unit.sentence, "the article", False, statement, core, rejected)
    return None


def _side_claim(unit: Unit, point: Block | None) -> SideClaim | None:
    match = _SIDE_CLAIM.match(unit.core)
    if not match or (
        match.group("verb").lower() not in _SPEECH | {"push", "pushes"}
        and not any(match.group("verb").lower().startswith(v) for v in _SPEECH)
    ):
        return None
    word = match.group("side")
    side = "pro" if word.lower() in PRO_SIDE else "con"
    return SideClaim(unit, side, upper_first(word.lower()), match.group("pred"), point)


def read_debates(an: Analysis) -> list[Debate]:
    debates: list[Debate] = []
    units_of: dict[str, list[Unit]] = {}
    for unit in an.units:
        units_of.setdefault(unit.section.id, []).append(unit)
    for section in an.doc.sections:
        if not an.ctx.is_debate(section):
            continue
        debate = Debate(section)
        for block in section.blocks:
            if block.kind == "list_item" and block.term:
                debate.points.append(block)
        for unit in units_of.get(section.id, []):
            point = unit.block if unit.block.kind == "list_item" else None
            claim = _side_claim(unit, point)
            if claim:
                debate.claims.append(claim)
                continue
            reply = _reply(an, section, unit.block, unit)
            if reply:
                debate.replies.append(reply)
        pro = [c.label for c in debate.claims if c.side == "pro"]
        con = [c.label for c in debate.claims if c.side == "con"]
        debate.pro_label = pro[0] if pro else "Proponents"
        debate.con_label = con[0] if con else "Critics"
        debates.append(debate)
    return debates
