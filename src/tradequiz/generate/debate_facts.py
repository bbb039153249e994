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
from dataclasses import dataclass, field, replace

from tradequiz.document.model import Block, Section, Sentence
from tradequiz.generate.analysis import Analysis
from tradequiz.generate.lexicon import CON_SIDE, PRO_SIDE, STOPWORDS, VIEW_NOUNS
from tradequiz.generate.shapes import HEAD_CLASSES
from tradequiz.generate.text import (
    gerund_to_base,
    is_plural,
    strip_end,
    third_person_to_base,
    upper_first,
    words,
)
from tradequiz.generate.units import Unit
from tradequiz.generate.verbs import BASE_FORMS, ING_FORMS, THIRD_PERSON

_MODALS = {"may", "might", "can", "could", "would", "will", "should", "must", "often",
           "sometimes", "also", "generally", "typically", "usually"}  # fmt: skip
_SIDE_CLAIM = re.compile(
    r"^(?:(?:some|many|most|other) )?(?P<side>" + "|".join(PRO_SIDE + CON_SIDE) + r")"
    r"(?: of (?P<of>[\w\s-]{2,40}?))?"
    r" (?P<pred>(?:(?:" + "|".join(_MODALS) + r") )*(?P<verb>[a-z]+)\b.*)$",
    re.IGNORECASE,
)
_VIEWS = "|".join(VIEW_NOUNS)
_REPLY_VERBS = {"reply", "replies", "respond", "responds", "counter", "counters", "answer",
                "answers", "retort", "retorts", "rebut", "rebuts"}  # fmt: skip
_HOLDER_VERBS = {
    "argue", "claim", "contend", "say", "maintain", "hold", "assert", "warn", "insist", "note",
    "suggest", "point", "believe", "fear", "worry", "counter", "emphasize", "emphasise",
    "stress", "favor", "favour", "complain", "respond", "reply", "answer", "urge", "oppose",
    "call", "doubt", "question", "dispute", "reject", "welcome", "expect", "hope", "see",
    "describe", "present", "propose", "accept", "acknowledge", "retort", "rebut", "predict",
    "object", "caution", "allege", "concede", "agree", "disagree",
}  # fmt: skip
# Who may hold a view: the head of the holder's noun phrase.
_GROUP_HEADS = {"groups", "lobbies", "observers", "campaigners", "unions", "associations",
                "organisations", "organizations", "commentators", "scholars", "advocates",
                "defenders", "opponents", "detractors", "skeptics", "sceptics", "critics",
                "proponents", "supporters", "backers", "commission", "government", "governments",
                "ministry", "parliament", "council", "union", "officials", "administration",
                "industry", "business", "farmers", "environmentalists", "think", "economists",
                "people", "voters", "citizens", "residents", "politicians", "lawmakers",
                "legislators", "negotiators", "diplomats", "executives", "investors"}  # fmt: skip
_INTRO = re.compile(
    r"^(?:For (?:its|their|his|her) part|In response|In reply|By contrast|However|Meanwhile|"
    r"In turn|For now|Still|Yet|Instead), "
)
_POSSESSIVE_VIEW = re.compile(
    r"^(?P<holder>.{2,60}?)['’]s (?:answer|response|reply|view|position|argument) is"
    r"(?: that)? (?P<rest>.+)$"
)
_ADVERBS = {"may", "might", "can", "could", "often", "sometimes", "also", "generally",
            "typically", "usually", "still", "instead", "further", "however", "now"}  # fmt: skip
_LABELLED = re.compile(
    rf"^(?:From )?(?P<det>an?|the|one) (?:(?P<adj>[\w-]+(?: [\w-]+)?) )??(?P<noun>{_VIEWS})"
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
# "… and that the answer is to raise competitiveness": a reply's course inside its sentence.
_ANSWER_IS = re.compile(
    r"\b(?:the|a) (?:right |best |better |only |real )?(?:answer|response|remedy|solution|"
    r"approach|way forward|priority|task) (?:is|should be|lies in|must be)(?: to)? "
    r"(?P<core>[a-z].+)$",
    re.IGNORECASE,
)
_REJECT = re.compile(r"(?:,\s*|—|\s)(?:rather than|instead of|not to|not by|and not) ")
_CORE_CUT = re.compile(r"—| through | by | without | that | to (?=[a-z]+ )|, (?:so|while) ")
_SPEECH = {"argue", "claim", "contend", "say", "maintain", "hold", "assert", "warn", "insist",
           "push", "call", "note", "suggest", "point", "believe", "fear", "worry", "counter",
           "emphasize", "emphasise", "stress", "favor", "favour", "see", "frame"}  # fmt: skip


@dataclass(frozen=True)
class SideClaim:
    """Someone the document reports arguing something: a side ("Proponents", "Critics")
    or any group it names ("Indian exporters complain that …", "The Commission's answer is
    that …")."""

    unit: Unit
    side: str  # "pro", "con", or "" for a group whose side the wording does not say
    label: str  # as the document writes it: "Proponents", "Indian exporters"
    predicate: str  # "argue that freer trade boosts …"
    point: Block | None
    role: str = "claim"  # "reply" when it answers a concern ("respond that …")


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
        if lower in THIRD_PERSON and lower not in BASE_FORMS:
            return predicate  # "answers that …" is already the third person
        if lower.endswith(("s", "sh", "ch", "x")) and not lower.endswith("ss"):
            ws[i] = w + "es" if lower.endswith(("sh", "ch", "x", "s")) else w
        elif lower.endswith("y") and lower[-2:-1] not in "aeiou":
            ws[i] = w[:-1] + "ies"
        else:
            ws[i] = w + "s"
        return " ".join(ws)
    return predicate


def agree(holder: str, predicate: str) -> str:
    """``predicate`` with its verb in the number of ``holder``: "note that …" for "the
    European Union" → "notes that …"; "answers that …" for "European farmers" → "answer"."""
    ws = predicate.split(" ")
    for i, w in enumerate(ws):
        lower = w.lower()
        if lower in _MODALS - {"often", "sometimes", "also", "generally", "typically", "usually"}:
            return predicate
        if lower in _MODALS:
            continue
        if lower in THIRD_PERSON and lower not in BASE_FORMS:
            ws[i] = third_person_to_base(lower)
        break
    base = " ".join(ws)
    plural = any(is_plural(w) for w in holder.split(" ")[:3] if w.lower() not in {"its", "this"})
    return base if plural else third_person(base)


def as_instruction(phrase: str, vocabulary: frozenset[str], infinitive: bool = False) -> str | None:
    """ "to accelerate training" / "relying on X" / "concentrates on X" → "Accelerate …".

    ``infinitive``: the phrase followed "to" ("not to reverse tariff cuts"), so its first
    word is a verb in its base form even when the word list does not know it.
    """
    phrase = strip_end(phrase)
    if re.match(r"^(?:the (?:right|best) approach is )?to ", phrase, flags=re.I):
        infinitive = True
    phrase = re.sub(r"^(?:the (?:right|best) approach is )?to ", "", phrase, flags=re.I)
    ws = phrase.split(" ")
    if not ws or not ws[0]:
        return None
    first = ws[0].lower()
    if first in ING_FORMS or (first.endswith("ing") and len(first) > 5):
        ws[0] = gerund_to_base(first, vocabulary)
    elif first not in BASE_FORMS and not (
        infinitive and first.isalpha() and first not in STOPWORDS
    ):
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


# Verbs with which a side advocates a course of action ("push for …", "seek …").
_ADVOCACY = {"push", "press", "seek", "demand", "advocate", "favour", "favor", "want", "propose",
             "support", "call", "lobby"}  # fmt: skip


def claim_as_action(claim: SideClaim) -> str | None:
    """ "may push for rapid convergence of standards" → "Push for rapid convergence …" (a
    course a side wants, not what it says: "call the project a prestige project" is not)."""
    ws = [w for w in claim.predicate.split(" ") if w.lower() not in _MODALS]
    if not ws or (len(ws) > 1 and ws[1].lower() == "that"):
        return None
    verb = third_person_to_base(ws[0].lower())
    if verb not in _ADVOCACY or (verb in {"call", "press", "lobby"} and ws[1:2] != ["for"]):
        return None
    return upper_first(" ".join([verb, *ws[1:]]))


def _split_rejected(
    text: str, vocabulary: frozenset[str], infinitive: bool = False
) -> tuple[str, tuple[str, ...]]:
    parts = _REJECT.split(text)
    kept = parts[0]
    # "…, not to reverse tariff cuts": after "not to" (or after "to …, rather than") the
    # rejected course is an infinitive.
    markers = _REJECT.findall(text)
    rejected = tuple(
        r
        for r in (
            as_instruction(p, vocabulary, infinitive or "to" in m)
            for p, m in zip(parts[1:], markers, strict=False)
        )
        if r and len(words(r)) >= 2
    )
    return kept, tuple(re.split(r"—|, ", r)[0] for r in rejected)


def _reply(an: Analysis, section: Section, block: Block, unit: Unit) -> Reply | None:
    # The whole clause (core and its trailing phrases), with pronouns already resolved.
    text = strip_end(", ".join((unit.core, *unit.satellites)))
    vocabulary = an.ctx.vocabulary
    labelled = _LABELLED.match(text)
    if labelled:
        adjective, noun = labelled.group("adj"), labelled.group("noun").lower()
        if adjective:
            label = f"the article's {adjective.lower()} {noun}"
        else:
            label = f"{labelled.group('det').lower()} {noun}"  # "one school of thought"
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
        inner = _ANSWER_IS.search(rest)
        if core is None and inner:
            # "replies that these imports are inputs … and that the answer is to raise …"
            kept, rejected = _split_rejected(inner.group("core"), vocabulary, infinitive=True)
            core = as_instruction(kept, vocabulary, infinitive=True)
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
        return _holder_claim(unit, point)
    word = match.group("side")
    side = "pro" if word.lower() in PRO_SIDE else "con"
    label = upper_first(word.lower())
    group = match.group("of")
    if group and len(words(group)) <= 5:
        label = f"{label} of {group}"  # "Supporters of the current rules": who exactly
    role = "reply" if match.group("verb").lower() in _REPLY_VERBS else "claim"
    return SideClaim(unit, side, label, match.group("pred"), point, role)


def _verb_base(verb: str) -> str:
    lower = verb.lower()
    if lower in _HOLDER_VERBS:
        return lower
    base = third_person_to_base(lower)
    return base if base in _HOLDER_VERBS else ""


def _holder_claim(unit: Unit, point: Block | None) -> SideClaim | None:
    """ "Indian exporters complain that …", "Business groups respond that …", "The
    Commission's answer is that …": a named group arguing, in a debate."""
    text = _INTRO.sub("", unit.core)
    possessive = _POSSESSIVE_VIEW.match(text)
    if possessive and _is_holder(possessive.group("holder").split()):
        label = upper_first(possessive.group("holder"))
        return SideClaim(
            unit, "", label, f"answers that {possessive.group('rest')}", point, "reply"
        )
    ws = text.split(" ")
    for cut in range(1, min(8, len(ws) - 3)):
        holder, rest = ws[:cut], ws[cut:]
        k = 0
        while k < len(rest) - 1 and rest[k].lower() in _ADVERBS:
            k += 1
        base = _verb_base(rest[k])
        if not base:
            continue
        if not _is_holder(holder):
            return None
        predicate = " ".join(rest)
        if len(words(predicate)) < 4:
            return None
        role = "reply" if base in _REPLY_BASES else "claim"
        first = next((w.lower() for w in holder if w.lower() not in {"some", "many", "most"}), "")
        side = "pro" if first in PRO_SIDE else "con" if first in CON_SIDE else ""
        return SideClaim(unit, side, upper_first(" ".join(holder)), predicate, point, role)
    return None


_REPLY_BASES = {"reply", "respond", "counter", "answer", "retort", "rebut"}
_HOLDER_STOPS = {"of", "in", "from", "at", "on", "for", "with", "sympathetic", "close", "who"}


def _is_holder(holder: list[str]) -> bool:
    """A group that can hold a view: "Indian exporters", "Business groups", "The Commission",
    "Economists sympathetic to the deal" — not "It", "This", "The debate"."""
    if not holder:
        return False
    lowered = [w.lower() for w in holder]
    if any(w in {"it", "they", "this", "these", "that", "those", "which"} for w in lowered):
        return False
    if any(w in VIEW_NOUNS for w in lowered) or any(w.endswith((",", ";", ":")) for w in holder):
        return False  # "A pragmatic view holds …" is one of the article's views (see _reply)
    if lowered[0] in {"the", "some", "many", "most"} and len(holder) == 1:
        return False
    # The head is the last word before a preposition or an adjective's complement.
    head_words: list[str] = []
    for w in lowered:
        if w in _HOLDER_STOPS:
            break
        head_words.append(w)
    head = head_words[-1] if head_words else lowered[-1]
    if head in _GROUP_HEADS or head in HEAD_CLASSES["actor"]:
        return True
    names = [w for w in holder if w[:1].isupper()]
    return len(names) == len(holder) or (lowered[0] == "the" and len(names) == len(holder) - 1)


def _full_name(an: Analysis, label: str) -> str | None:
    """ "The coalition" → "The U.S. Lumber Coalition" when the document names exactly one
    body with that head word; None when the label stands as it is."""
    match = re.fullmatch(r"[Tt]he ([a-z]+)", label)
    if not match:
        return None
    head = match.group(1)
    names = set(
        re.findall(rf"\b((?:[A-Z][\w.]*\s+){{1,4}}{head[:1].upper()}{head[1:]})\b", an.doc.text)
    )
    names = {re.sub(r"^(?:The|A|An)\s+", "", n) for n in names}
    return f"The {names.pop()}" if len(names) == 1 else None


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
                named = _full_name(an, claim.label)
                debate.claims.append(replace(claim, label=named) if named else claim)
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


def holder_led(unit: Unit) -> bool:
    """Whether a clause opens by saying whose view it is ("Critics contend …", "A practical
    view concentrates on …", "Indian exporters complain …")."""
    text = unit.core
    return bool(
        _side_claim(unit, None) or _LABELLED.match(text) or re.match(r"^According to ", text)
    )


def point_view(block: Block) -> str | None:
    """The viewpoint an issue's reply is given in ("the article's policy standpoint"), and
    so the holder of what follows it in that issue."""
    for s in block.sentences:
        match = _LABELLED.match(s.text)
        if match:
            adjective, noun = match.group("adj"), match.group("noun").lower()
            if adjective:
                return f"the article's {adjective.lower()} {noun}"
            return f"{match.group('det').lower()} {noun}"
    return None
