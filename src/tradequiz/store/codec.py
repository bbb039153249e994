"""Questions are stored as JSON of their bank content, so the app shows exactly the bank."""

from __future__ import annotations

import json
from typing import Any

from tradequiz.bank.model import Choice, Pair, Question, SourceSpan


def question_to_json(q: Question) -> str:
    data: dict[str, Any] = {
        "id": q.id,
        "kind": q.kind,
        "section": q.section,
        "prompt": q.prompt,
        "explanation": q.explanation,
        "difficulty": q.difficulty,
        "generator": q.generator,
        "status": q.status,
    }
    if q.choices:
        data["choices"] = [[c.text, c.correct, c.feedback] for c in q.choices]
    if q.truth is not None:
        data["truth"] = q.truth
    if q.answers:
        data["answers"] = list(q.answers)
    if q.pairs:
        data["pairs"] = [[p.left, p.right] for p in q.pairs]
    if q.items:
        data["items"] = list(q.items)
    if q.source is not None:
        data["source"] = [q.source.start, q.source.end]
    if q.tags:
        data["tags"] = list(q.tags)
    if q.fingerprint:
        data["fingerprint"] = q.fingerprint
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def question_from_json(raw: str) -> Question:
    data = json.loads(raw)
    source = data.get("source")
    return Question(
        id=data["id"],
        kind=data["kind"],
        section=data["section"],
        prompt=data["prompt"],
        choices=tuple(Choice(t, bool(c), f) for t, c, f in data.get("choices", ())),
        truth=data.get("truth"),
        answers=tuple(data.get("answers", ())),
        pairs=tuple(Pair(left, right) for left, right in data.get("pairs", ())),
        items=tuple(data.get("items", ())),
        explanation=data.get("explanation", ""),
        source=SourceSpan(source[0], source[1]) if source else None,
        difficulty=float(data.get("difficulty", 0.5)),
        generator=data.get("generator", ""),
        status=data.get("status", "draft"),
        tags=tuple(data.get("tags", ())),
        fingerprint=data.get("fingerprint", ""),
    )
