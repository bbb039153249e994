"""Debate questions: who argues what, and which reply answers which concern.

Kinds made here:
- debate "who argues that …?" — the sides the document names (Proponents,
  Critics, Supporters) and, for a critic's claim, the article's own view;
- debate "who holds that …?" for the article's replies (its center-right,
  practical or market-oriented view) against the critics;
- debate "what response does … propose?" — the reply against the courses of
  action the article rejects ("retreat from trade", "rely on mercantilist
  measures");
- debate "which issue does … answer by proposing …?" — the issues as options;
- true/false with the sides swapped, or a rejected course put as the reply;
- matching of issues to replies.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from tradequiz.bank.model import Pair
from tradequiz.document.model import Block, Sentence
from tradequiz.generate import distractors
from tradequiz.generate.analysis import Analysis
from tradequiz.generate.candidate import Candidate, Source, build, clause_keys, order_choices
from tradequiz.generate.debate_facts import (
    Debate,
    Reply,
    SideClaim,
    agree,
    read_debates,
    third_person,
)
from tradequiz.generate.feedback import rejected_notes, term_notes
from tradequiz.generate.lexicon import CON_SIDE, PRO_SIDE
from tradequiz.generate.references import unresolved
from tradequiz.generate.text import (
    content_set,
    is_plural,
    jaccard,
    normalise,
    sentence,
    third_person_to_base,
    upper_first,
    words,
)


def _topic(an: Analysis, point: Block | None) -> str:
    return an.ctx.lower(point.term or "") if point is not None else an.ctx.topic


def _concern(an: Analysis, point: Block) -> str:
    return an.ctx.lower(point.term or "")


def trim_statement(statement: str) -> str:
    """A long reported view cut to what identifies it: no dashed aside, nothing after ", while"
    or "so that" ("argues for disciplined openness—keeping …—so that …" → "argues for
    disciplined openness")."""
    if len(words(statement)) <= 22:
        return statement
    short = re.sub(r"—[^—]*—", " ", statement)
    short = re.split(r",? while | so that |, (?:but|and) (?=[a-z]+ )|; ", short)[0]
    short = re.sub(r"\s{2,}", " ", short).strip(" ,")
    return short if len(words(short)) >= 3 else statement


def _holder_predicate(claim: SideClaim) -> str:
    """The predicate with a "they" that means the label's own group spelled out:
    "Supporters of the current rules argue that they protect …" → "argue that the current
    rules protect …" (the label is the answer, so the stem must not lean on it)."""
    predicate = claim.predicate
    group = re.match(r"^\w+ of (the .+)$", claim.label)
    if group and re.search(r"\bthey\b", predicate):
        predicate = re.sub(r"\bthey\b", group.group(1), predicate, count=1)
    return predicate


def _holder_notes(an: Analysis, debate: Debate, claim: SideClaim | None = None) -> dict[str, str]:
    """What each other holder argues in the article ("Critics contend that …")."""
    out: dict[str, str] = {}
    for other in debate.claims:
        if claim is not None and other is claim:
            continue
        if other.label not in out and (claim is None or other.point is claim.point):
            text = f"{other.label} {trim_statement(_holder_predicate(other))}"
            out[other.label] = f"In the article, {an.ctx.lower(text)}."
    for reply in debate.replies:
        label = upper_first(reply.label)
        if reply.explicit and label not in out:
            out[label] = f"{label} {trim_statement(reply.statement)}."
    return out


def _first_in_point(debate: Debate, claim: SideClaim) -> bool:
    same = [c for c in debate.claims if c.point is claim.point]
    return bool(same) and same[0] is claim


def _in_document(an: Analysis, label: str) -> bool:
    """Whether the document itself names this side ("Critics" is no option in an article
    that never mentions critics)."""
    return label.lower() in an.lower_text


def _partitive(label: str) -> bool:
    """ "Others" (beside "Some Canadian producers"): the rest of the same group, not a side."""
    return bool(re.match(r"(?i)others\b", label))


def _opponents(an: Analysis, debate: Debate, claim: SideClaim) -> list[str]:
    """Who argues otherwise: the other holders of the same issue (a concern's repliers, a
    reply's complainers), then the side against in general.  Never a holder who may agree."""
    out: list[str] = []
    if _partitive(claim.label):
        return []  # "Others reject any limit": the same people as "some producers"
    if claim.point is not None:
        for other in debate.claims:
            if other.point is claim.point and other.label != claim.label:
                if other.side and claim.side and other.side == claim.side:
                    continue
                out.append(other.label)
        if claim.role == "claim" and _first_in_point(debate, claim):
            out.extend(
                upper_first(r.label)
                for r in debate.replies
                if r.block is claim.point and r.explicit
            )
    if out:
        pass  # the issue's own other side is the fair wrong answer; a general label may agree
    elif claim.side == "pro":
        if _in_document(an, debate.con_label):  # not a "Critics" the article never names
            out.append(debate.con_label)
    elif claim.side == "con":
        if _in_document(an, debate.pro_label):
            out.append(debate.pro_label)
        if debate.section.id in an.ctx.main_views:
            out.append(upper_first(an.ctx.view_label(debate.section)))
    elif claim.point is not None:
        answering = claim.role == "reply" or not _first_in_point(debate, claim)
        general = debate.con_label if answering else debate.pro_label
        if " of " not in general and general.lower() in an.lower_text:
            out.append(general)  # not "Supporters of the Windsor Framework" on another issue
    mine = normalise(claim.label)
    return [o for o in dict.fromkeys(out) if normalise(o) != mine and not _partitive(o)]


def _who_argues(an: Analysis, debate: Debate, claim: SideClaim) -> Candidate | None:
    unit = claim.unit
    if not claim.side and claim.point is None:
        return None  # "Most observers agree …": nobody named argues otherwise
    options = _opponents(an, debate, claim)[:3]
    if not options or unresolved(_holder_predicate(claim), "", topic_named=True):
        return None
    topic = _topic(an, claim.point)
    predicate = third_person(trim_statement(_holder_predicate(claim)))
    prompt = f"In the article's debate on {topic}, who {predicate}?"
    return Candidate(
        question=build(
            kind="debate",
            source=Source(unit.section, unit.block, unit.sentence),
            prompt=sentence(prompt),
            generator="debate.who_argues",
            essential=normalise(claim.predicate),
            difficulty=0.3,
            choices=order_choices(
                unit.sentence.text, claim.label, options, _holder_notes(an, debate, claim)
            ),
        ),
        fact=f"{unit.sentence.id}|{unit.index}|who",
        answers=(claim.label,),
        score=0.95,
        distractors=tuple(options),
    )


_THAT_CLAUSE = re.compile(
    r"^(?P<adv>(?:(?:may|might|often|sometimes|also|generally) )*)(?P<verb>[a-z]+) that "
    r"(?P<what>.+)$"
)


def _what_held(
    an: Analysis, label: str, predicate: str, point: Block | None
) -> tuple[str, str] | None:
    """("In the article's debate on …, what do critics claim?", "trade policies …") for a
    predicate "claim that …"; None when it is not of that shape or reads badly alone."""
    match = _THAT_CLAUSE.match(predicate)
    if not match:
        return None
    verb = third_person_to_base(match.group("verb"))
    what = trim_statement(match.group("what"))
    if len(words(what)) < 5 or unresolved(what, "", topic_named=True):
        return None
    head = re.split(r" (?:of|at|in|for|from|on) ", label)[0].split()[-1].lower()
    do = "do" if head.endswith("s") and not head.endswith(("ss", "us", "is")) else "does"
    adverb = match.group("adv").strip()
    adverb = f" {adverb}" if adverb and adverb not in {"may", "might"} else ""
    lowered = label if an.ctx.starts_with_name(label) else label[:1].lower() + label[1:]
    prompt = f"In the article's debate on {_topic(an, point)}, what {do} {lowered}{adverb} {verb}?"
    return prompt, what


def _reply_card(an: Analysis, debate: Debate, reply: Reply) -> Candidate | None:
    """ "…, what does the article's center-right viewpoint emphasize?" → "That the right
    approach is to improve competitiveness and productivity …"."""
    if not reply.explicit:
        return None
    point = reply.block if reply.block.kind == "list_item" else None
    made = _what_held(an, reply.label, reply.statement, point)
    if made is None:
        return None
    prompt, what = made
    return Candidate(
        question=build(
            kind="flashcard",
            source=Source(debate.section, reply.block, reply.sentence),
            prompt=prompt,
            generator="flashcard.claim",
            essential=normalise(what),
            difficulty=0.55,
            answers=(sentence(f"That {what}"),),
        ),
        fact=f"{reply.sentence.id}|claim",
        answers=(),
        score=0.62,
    )


def _claim_card(an: Analysis, debate: Debate, claim: SideClaim) -> Candidate | None:
    """ "In the article's debate on …, what do critics claim?" → "That trade policies …":
    the reverse of "who argues that …?", recalled rather than recognised."""
    if not claim.side and claim.point is None:
        return None
    made = _what_held(an, claim.label, _holder_predicate(claim), claim.point)
    if made is None:
        return None
    prompt, what = made
    unit = claim.unit
    return Candidate(
        question=build(
            kind="flashcard",
            source=Source(unit.section, unit.block, unit.sentence),
            prompt=prompt,
            generator="flashcard.claim",
            essential=normalise(what),
            difficulty=0.55,
            answers=(sentence(f"That {what}"),),
        ),
        fact=f"{unit.sentence.id}|{unit.index}|claim",
        answers=(),
        score=0.62,
    )


def _who_holds(an: Analysis, debate: Debate, reply: Reply) -> Candidate | None:
    """Which viewpoint holds this: the article's view set against those it answers.

    Other viewpoints the article names are not offered: they argue alongside this one (a
    "practical view" and a "policy standpoint" both want productivity, not barriers), so
    which label sits on which sentence cannot be known from understanding it.  A reply in
    the debate's own paragraphs ("The right approach argues for …") is set against the
    critics only.
    """
    point = reply.block if reply.block.kind == "list_item" else None
    if not reply.explicit and (point is not None or debate.section.id not in an.ctx.main_views):
        return None
    label = upper_first(reply.label if reply.explicit else an.ctx.view_label(debate.section))
    concerns = [
        c.label
        for c in debate.claims
        if point is not None and c.point is point and c.role == "claim" and c.side != "pro"
    ]
    general = [debate.con_label] if _in_document(an, debate.con_label) else []
    options = list(dict.fromkeys([*concerns, *general]))[:2]
    if not options:
        return None
    prompt = (
        f"In the article's debate on {_topic(an, point)}, who {trim_statement(reply.statement)}?"
    )
    return Candidate(
        question=build(
            kind="debate",
            source=Source(debate.section, reply.block, reply.sentence),
            prompt=sentence(prompt),
            generator="debate.who_holds",
            essential=normalise(reply.statement),
            difficulty=0.4,
            choices=order_choices(reply.sentence.text, label, options, _holder_notes(an, debate)),
        ),
        fact=f"{reply.sentence.id}|who",
        answers=(label,),
        score=0.85,
        distractors=tuple(options),
    )


def _pick_alternatives(core: str, alternatives: list[str], seed: str) -> list[str] | None:
    """Two or three courses the article rejects, none a near-copy of the reply."""
    usable = [a for a in alternatives if not distractors.overlaps(a, core)]
    usable.sort(key=lambda a: (-len(a), hashlib.sha256(f"{seed}{a}".encode()).hexdigest()))
    chosen: list[str] = []
    for alt in usable:
        if any(distractors.overlaps(alt, c) for c in chosen):
            continue
        chosen.append(alt)
        if len(chosen) == 3:
            break
    return chosen if len(chosen) >= 2 else None


def _reply_choice(an: Analysis, debate: Debate, reply: Reply) -> Candidate | None:
    if reply.core is None or reply.block.kind != "list_item":
        return None
    wrong = _pick_alternatives(reply.core, debate.alternatives(), reply.sentence.text)
    if wrong is None:
        return None
    prompt = (
        f"In the debate over {_concern(an, reply.block)}, what response does {reply.label} propose?"
    )
    return Candidate(
        question=build(
            kind="debate",
            source=Source(debate.section, reply.block, reply.sentence),
            prompt=prompt,
            generator="debate.reply",
            essential=normalise(reply.core),
            difficulty=0.45,
            choices=order_choices(
                reply.sentence.text, reply.core, wrong, rejected_notes(an, wrong)
            ),
        ),
        fact=f"{reply.block.id}|reply",
        answers=(reply.core,),
        score=1.0,
        distractors=tuple(wrong),
    )


def _answers_of(an: Analysis, point: Block) -> frozenset[str]:
    """The telling words of everything said in reply under an issue (all but its first
    sentence, which states the concern)."""
    stems: frozenset[str] = frozenset()
    for s in point.sentences[1:]:
        stems |= content_set(s.text)
    return stems - an.common_stems


def _other_issues(an: Analysis, debate: Debate, point: Block, reply_text: str) -> list[str]:
    """Issues whose own replies share no telling word with this reply: under any of the
    others, this reply could not be read as the answer too."""
    mine = content_set(reply_text) - an.common_stems
    return [
        p.term or "" for p in debate.points if p.id != point.id and not (_answers_of(an, p) & mine)
    ]


def _concern_question(
    an: Analysis,
    debate: Debate,
    point: Block,
    holder: str,
    how: str,
    reply_text: str,
    sentence_: Sentence,
) -> Candidate | None:
    answer = point.term or ""
    others = _other_issues(an, debate, point, reply_text)
    wrong = distractors.pick_terms([answer, *others], answer, seed=reply_text)
    if wrong is None:
        wrong = distractors.pick_terms([answer, *others], answer, seed=reply_text, count=2)
    if wrong is None:
        return None
    does = (
        "do"
        if is_plural(re.split(r" (?:of|at|in|for|from|on|sympathetic|who) ", holder)[0])
        else "does"
    )
    prompt = (
        f"In the article's debate on {an.ctx.topic}, which issue {does} {an.ctx.lower(holder)} "
        f"answer {how}?"
    )
    return Candidate(
        question=build(
            kind="debate",
            source=Source(debate.section, point, sentence_),
            prompt=prompt,
            generator="debate.concern",
            essential=normalise(answer),
            difficulty=0.5,
            choices=order_choices(reply_text, answer, wrong, term_notes(debate.points, wrong)),
        ),
        fact=f"{point.id}|concern",
        answers=(answer,),
        score=0.8,
        distractors=tuple(wrong),
    )


def _concern_choice(an: Analysis, debate: Debate, reply: Reply) -> Candidate | None:
    if reply.block.kind != "list_item" or len(debate.points) < 3:
        return None
    if reply.core is not None:
        how = f"by proposing to “{an.ctx.lower(reply.core)}”"
        text = reply.core
    else:
        claim = _short_claim(reply.statement)
        if claim is None:
            return None
        how, text = f"by arguing that {claim}", claim
    return _concern_question(an, debate, reply.block, reply.label, how, text, reply.sentence)


def _short_claim(statement: str) -> str | None:
    """ "replies that X and that Y" → "X": the first thing argued, short enough to read."""
    match = re.search(r"\bthat (.+)$", statement)
    if not match:
        return None
    claim = re.split(r" and that |; | while | rather than |, (?:but|and) ", match.group(1))[0]
    claim = claim.rstrip(" ,.")
    return claim if 4 <= len(words(claim)) <= 22 else None


def _concern_of_claim(an: Analysis, debate: Debate, claim: SideClaim) -> Candidate | None:
    """ "Which issue do business groups answer by arguing that investment screening already
    protects the national interest?" — for a reply a named group makes under an issue."""
    if claim.point is None or len(debate.points) < 3 or _first_in_point(debate, claim):
        return None
    short = _short_claim(_holder_predicate(claim))
    if short is None:
        return None
    return _concern_question(
        an,
        debate,
        claim.point,
        claim.label,
        f"by arguing that {short}",
        short,
        claim.unit.sentence,
    )


def _side_swap(an: Analysis, debate: Debate, claim: SideClaim) -> Candidate | None:
    """The claim put in the mouth of those who argue otherwise (false)."""
    unit = claim.unit
    opponents = _opponents(an, debate, claim)
    if not opponents or (not claim.side and claim.point is None):
        return None
    other = opponents[0]
    if other.startswith("The article"):
        return None  # "the article's view argues X" would be false only by its label
    if unresolved(_holder_predicate(claim), "", topic_named=True):
        return None  # "worries that it would look like …": which "it"?
    body = f"{an.ctx.lower(other)} {agree(other, _holder_predicate(claim))}"
    if claim.point is not None:
        prompt = f"In the article's debate on {_topic(an, claim.point)}, {body}"
    else:
        prompt = f"According to the article, {body}"
    return Candidate(
        question=build(
            kind="true_false",
            source=Source(unit.section, unit.block, unit.sentence),
            prompt=sentence(prompt),
            generator="debate.tf_side_swap",
            essential=normalise(other),
            difficulty=0.35,
            truth=False,
        ),
        fact=f"{unit.sentence.id}|{unit.index}|tf",
        answers=(),
        score=0.8,
        **clause_keys(unit.sentence.id, unit.index),
    )


def _reply_statements(an: Analysis, debate: Debate, reply: Reply) -> Iterator[Candidate]:
    if reply.core is None or reply.block.kind != "list_item":
        return
    rejected = (
        reply.rejected
        or tuple(a for a in debate.alternatives() if not distractors.overlaps(a, reply.core))[:1]
    )
    concern = _concern(an, reply.block)
    flip = int(hashlib.sha256(reply.sentence.text.encode()).hexdigest()[:2], 16) % 2 == 0
    variants = [(True, reply.core)] + [(False, r) for r in rejected[:1]]
    for truth, course in variants:
        prompt = (
            f"According to {reply.label}, the right response to {concern} is to "
            f"{an.ctx.lower(course)}."
        )
        yield Candidate(
            question=build(
                kind="true_false",
                source=Source(debate.section, reply.block, reply.sentence),
                prompt=prompt,
                generator="debate.tf_reply",
                essential=normalise(course),
                difficulty=0.35,
                truth=truth,
            ),
            fact=f"{reply.block.id}|reply-tf",
            answers=(),
            score=0.7 + (0.02 if truth == flip else 0.0),
            # A true one restates the reply sentence: it stands in for its restatement.
            **clause_keys(reply.sentence.id, 0, restatement=truth),
        )


def _bare_side(label: str) -> str:
    """ "pro"/"con" for a label that is only a side word ("Supporters"), else ""."""
    lower = label.lower()
    if lower in PRO_SIDE:
        return "pro"
    return "con" if lower in CON_SIDE else ""


def _alike(an: Analysis, a: frozenset[str], b: frozenset[str]) -> bool:
    """Two claims that say the same thing: a quarter of their telling words in common, or
    one rare word."""
    a, b = a - an.common_stems, b - an.common_stems
    shared = a & b
    return jaccard(a, b) >= 0.25 or any(an.sentence_frequency.get(x, 0) <= 2 for x in shared)


def _match_holders(an: Analysis, debate: Debate) -> Candidate | None:
    """ "Match each side to what it argues": the debate's named sides and viewpoints, each
    with its own claim, only where no two claims share a telling word (two viewpoints that
    both ask for productivity could be matched either way)."""
    entries: list[tuple[str, str, Sentence]] = []
    for claim in debate.claims:
        predicate = _holder_predicate(claim)
        match = _THAT_CLAUSE.match(predicate)
        wants = re.match(
            r"^(?:(?:may|might|often|also) )*(?:argues?|calls?|push(?:es)?) for (.+)$", predicate
        )
        if not (claim.side or claim.point is not None):
            continue
        if match:
            entries.append((claim.label, match.group("what"), claim.unit.sentence))
        elif wants:
            entries.append((claim.label, f"for {wants.group(1)}", claim.unit.sentence))
    for reply in debate.replies:
        match = _THAT_CLAUSE.match(reply.statement)
        if reply.explicit and match:
            entries.append((upper_first(reply.label), match.group("what"), reply.sentence))
    chosen: list[tuple[str, str, Sentence]] = []
    for label, what, where in entries:
        what = trim_statement(what)
        what = re.split(r",? while | and that |; ", what)[0].rstrip(" ,.")
        stems = content_set(what) - an.common_stems
        if not 4 <= len(words(what)) <= 20 or unresolved(what, "", topic_named=True):
            continue
        if any(label == c[0] or _alike(an, stems, content_set(c[1])) for c in chosen):
            continue
        if _bare_side(label) and any(_bare_side(c[0]) == _bare_side(label) for c in chosen):
            continue  # "Proponents" and "Supporters": one word for one side, not two parties
        if label.startswith("The article's") and any(
            c[0].startswith("The article's") for c in chosen
        ):
            continue  # two of the article's own viewpoints: which label sits where is trivia
        shown = upper_first(what[4:] if what.startswith("for ") else what)
        chosen.append((label, shown + ".", where))
    chosen = chosen[:6]
    if len(chosen) < 4:
        return None
    ordered = sorted(chosen, key=lambda c: c[2].start)
    first, last = ordered[0][2], ordered[-1][2]
    pairs = tuple(Pair(label, what) for label, what, _ in chosen)
    return Candidate(
        question=build(
            kind="matching",
            source=Source(
                debate.section,
                debate.section.blocks[0],
                start=first.start,
                end=last.end,
                explanation=an.doc.text[first.start : last.end],
                passage=an.doc.text[first.start : last.end],
            ),
            prompt=f"In the article's debate on {an.ctx.topic}, match each side to what it argues.",
            generator="debate.match_holders",
            essential="|".join(normalise(p.left) for p in pairs),
            difficulty=0.55,
            pairs=pairs,
        ),
        fact=f"{debate.section.id}|match-holders",
        answers=(),
        score=0.9,
    )


def _match_replies(an: Analysis, debate: Debate) -> Candidate | None:
    replies = [r for r in debate.replies if r.core and r.block.kind == "list_item"]
    by_point: dict[str, Reply] = {}
    for reply in replies:
        by_point.setdefault(reply.block.id, reply)
    # Replies that say the same thing in other words ("improve productivity", "strengthen
    # domestic productivity") could be matched either way: only distinct ones are paired.
    chosen: list[Reply] = []
    for reply in by_point.values():
        mine = content_set(reply.core or "") - an.common_stems
        if any(mine & _answers_of(an, c.block) for c in chosen) or any(
            (content_set(c.core or "") - an.common_stems) & _answers_of(an, reply.block)
            for c in chosen
        ):
            continue
        chosen.append(reply)
    chosen = chosen[:6]
    if len(chosen) < 4:
        return None
    pairs = tuple(Pair(r.block.term or "", r.core or "") for r in chosen)
    first, last = chosen[0].block, chosen[-1].block
    source = Source(
        debate.section,
        first,
        start=first.start,
        end=last.end,
        explanation="\n".join(r.sentence.text for r in chosen),
        passage="\n".join(r.block.text for r in chosen),
    )
    prompt = (
        f"Match each issue in the article's debate on {an.ctx.topic} "
        "to the response the article proposes."
    )
    return Candidate(
        question=build(
            kind="matching",
            source=source,
            prompt=prompt,
            generator="debate.match_replies",
            essential="|".join(normalise(p.left) for p in pairs),
            difficulty=0.55,
            pairs=pairs,
        ),
        fact=f"{debate.section.id}|match-replies",
        answers=(),
        score=0.9,
    )


def candidates(an: Analysis) -> Iterator[Candidate]:
    for debate in read_debates(an):
        for claim in debate.claims:
            if len(words(claim.predicate)) < 3:
                continue
            for made_for_claim in (
                _who_argues(an, debate, claim),
                _claim_card(an, debate, claim),
                _side_swap(an, debate, claim),
                _concern_of_claim(an, debate, claim),
            ):
                if made_for_claim is not None:
                    yield made_for_claim
        for reply in debate.replies:
            made_for_reply = (
                _who_holds(an, debate, reply),
                _reply_card(an, debate, reply),
                _reply_choice(an, debate, reply),
                _concern_choice(an, debate, reply),
            )
            for made in made_for_reply:
                if made is not None:
                    yield made
            yield from _reply_statements(an, debate, reply)
        for matched in (_match_replies(an, debate), _match_holders(an, debate)):
            if matched is not None:
                yield matched
