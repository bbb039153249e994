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
from collections.abc import Iterator

from tradequiz.bank.model import Pair
from tradequiz.document.model import Block
from tradequiz.generate import distractors
from tradequiz.generate.analysis import Analysis
from tradequiz.generate.candidate import Candidate, Source, build, clause_keys, order_choices
from tradequiz.generate.debate_facts import Debate, Reply, SideClaim, read_debates, third_person
from tradequiz.generate.text import content_set, jaccard, normalise, sentence, upper_first, words


def _topic(an: Analysis, point: Block | None) -> str:
    return an.ctx.lower(point.term or "") if point is not None else an.ctx.topic


def _concern(an: Analysis, point: Block) -> str:
    return an.ctx.lower(point.term or "")


def _who_argues(an: Analysis, debate: Debate, claim: SideClaim) -> Candidate:
    unit = claim.unit
    others_in_point = {
        c.label for c in debate.claims if c.point is claim.point and c.side != claim.side
    }
    other = next(
        iter(others_in_point), debate.con_label if claim.side == "pro" else debate.pro_label
    )
    options = [other]
    if claim.side == "con":
        options.append(upper_first(an.ctx.view_label(debate.section)))
    topic = _topic(an, claim.point)
    prompt = f"In the article's debate on {topic}, who {third_person(claim.predicate)}?"
    return Candidate(
        question=build(
            kind="debate",
            source=Source(unit.section, unit.block, unit.sentence),
            prompt=sentence(prompt),
            generator="debate.who_argues",
            essential=normalise(claim.predicate),
            difficulty=0.3,
            choices=order_choices(unit.sentence.text, claim.label, options),
        ),
        fact=f"{unit.sentence.id}|{unit.index}|who",
        answers=(claim.label,),
        score=0.95,
        distractors=tuple(options),
    )


def _who_holds(an: Analysis, debate: Debate, reply: Reply) -> Candidate | None:
    """Which of the article's named viewpoints holds this (the others and the critics wrong).

    A reply in the debate's own paragraphs ("The right approach argues for …") is the view the
    section is written from; asked about, it is set against the critics only, since every
    named viewpoint of the article would agree with it.
    """
    point = reply.block if reply.block.kind == "list_item" else None
    if not reply.explicit and (point is not None or debate.section.id not in an.ctx.main_views):
        return None
    label = upper_first(reply.label if reply.explicit else an.ctx.view_label(debate.section))
    views = [upper_first(r.label) for r in debate.replies if r.explicit and r.label != reply.label]
    if not reply.explicit:
        views = []
    options = [*list(dict.fromkeys(views))[:2], debate.con_label]
    prompt = f"In the article's debate on {_topic(an, point)}, who {reply.statement}?"
    return Candidate(
        question=build(
            kind="debate",
            source=Source(debate.section, reply.block, reply.sentence),
            prompt=sentence(prompt),
            generator="debate.who_holds",
            essential=normalise(reply.statement),
            difficulty=0.4,
            choices=order_choices(reply.sentence.text, label, options),
        ),
        fact=f"{reply.sentence.id}|who",
        answers=(label,),
        score=0.85,
        distractors=tuple(options),
    )


def _pick_alternatives(core: str, alternatives: list[str], seed: str) -> list[str] | None:
    usable = [a for a in alternatives if not distractors.overlaps(a, core)]
    usable.sort(key=lambda a: (-len(a), hashlib.sha256(f"{seed}{a}".encode()).hexdigest()))
    chosen: list[str] = []
    for alt in usable:
        if any(distractors.overlaps(alt, c) for c in chosen):
            continue
        chosen.append(alt)
        if len(chosen) == 3:
            return chosen
    return None


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
            choices=order_choices(reply.sentence.text, reply.core, wrong),
        ),
        fact=f"{reply.block.id}|reply",
        answers=(reply.core,),
        score=1.0,
        distractors=tuple(wrong),
    )


def _concern_choice(an: Analysis, debate: Debate, reply: Reply) -> Candidate | None:
    if reply.core is None or reply.block.kind != "list_item" or len(debate.points) < 4:
        return None
    cores = {r.block.id: r.core for r in debate.replies if r.core and r.block.kind == "list_item"}
    mine = content_set(reply.core)
    others = [
        p.term or ""
        for p in debate.points
        if p.id != reply.block.id and jaccard(content_set(cores.get(p.id) or ""), mine) < 0.2
    ]
    answer = reply.block.term or ""
    wrong = distractors.pick_terms([answer, *others], answer, seed=reply.core)
    if wrong is None:
        return None
    proposal = an.ctx.lower(reply.core)
    prompt = (
        f"In the article's debate on {an.ctx.topic}, which issue does {reply.label} answer "
        f"by proposing to “{proposal}”?"
    )
    return Candidate(
        question=build(
            kind="debate",
            source=Source(debate.section, reply.block, reply.sentence),
            prompt=prompt,
            generator="debate.concern",
            essential=normalise(answer),
            difficulty=0.5,
            choices=order_choices(reply.core, answer, wrong),
        ),
        fact=f"{reply.block.id}|concern",
        answers=(answer,),
        score=0.8,
        distractors=tuple(wrong),
    )


def _side_swap(an: Analysis, debate: Debate, claim: SideClaim) -> Candidate:
    unit = claim.unit
    others_in_point = {
        c.label for c in debate.claims if c.point is claim.point and c.side != claim.side
    }
    other = next(
        iter(others_in_point), debate.con_label if claim.side == "pro" else debate.pro_label
    )
    body = f"{an.ctx.lower(other)} {claim.predicate}"
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


def _match_replies(an: Analysis, debate: Debate) -> Candidate | None:
    replies = [r for r in debate.replies if r.core and r.block.kind == "list_item"]
    by_point: dict[str, Reply] = {}
    for reply in replies:
        by_point.setdefault(reply.block.id, reply)
    chosen = list(by_point.values())[:6]
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
            yield _who_argues(an, debate, claim)
            yield _side_swap(an, debate, claim)
        for reply in debate.replies:
            made_for_reply = (
                _who_holds(an, debate, reply),
                _reply_choice(an, debate, reply),
                _concern_choice(an, debate, reply),
            )
            for made in made_for_reply:
                if made is not None:
                    yield made
            yield from _reply_statements(an, debate, reply)
        matched = _match_replies(an, debate)
        if matched is not None:
            yield matched
