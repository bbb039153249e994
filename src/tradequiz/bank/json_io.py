"""JSON export and import with full fidelity: every field of the bank, same names as the YAML.

Import parses twice on purpose: ``json`` gives exact syntax errors (line and
column) and refuses anything that is not JSON; the round-trip YAML reader
(JSON is YAML 1.2) then gives each value its line for the same FILE:LINE:COL
messages as a YAML bank.
"""

from __future__ import annotations

import json
from typing import Any

from ruamel.yaml import YAML

from tradequiz.bank.interchange import (
    MAX_IMPORT_QUESTIONS,
    Exported,
    Imported,
    check_imported,
    decode_text,
    too_many,
)
from tradequiz.bank.model import FORMAT, Bank, Question
from tradequiz.bank.problems import BankError, Problem
from tradequiz.bank.yaml_io import convert_tree, parse_tree


def question_to_dict(q: Question) -> dict[str, Any]:
    """Every field of a question, defaults included, in the YAML's key names."""
    data: dict[str, Any] = {
        "id": q.id,
        "kind": q.kind,
        "section": q.section,
        "status": q.status,
        "prompt": q.prompt,
    }
    if q.choices:
        data["choices"] = [
            {"text": c.text, "correct": c.correct, "feedback": c.feedback} for c in q.choices
        ]
    if q.truth is not None:
        data["truth"] = q.truth
    if q.answers:
        data["answers"] = list(q.answers)
    if q.pairs:
        data["pairs"] = [{"left": p.left, "right": p.right} for p in q.pairs]
    if q.items:
        data["items"] = list(q.items)
    data["explanation"] = q.explanation
    if q.source is not None:
        data["source"] = {"start": q.source.start, "end": q.source.end}
    data["difficulty"] = q.difficulty
    data["generator"] = q.generator
    data["tags"] = list(q.tags)
    data["fingerprint"] = q.fingerprint
    return data


def bank_to_dict(bank: Bank) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "bank": {
            "id": bank.id,
            "title": bank.title,
            "version": bank.version,
            "source": bank.source,
            "source_sha256": bank.source_sha256,
            "approved_only": bank.approved_only,
            "generator_version": bank.generator_version,
            "meta": dict(bank.meta),
        },
        "sections": [
            {"id": s.id, "title": s.title, "start": s.start, "end": s.end} for s in bank.sections
        ],
        "questions": [question_to_dict(q) for q in bank.questions],
    }


def export_json(bank: Bank) -> str:
    return json.dumps(bank_to_dict(bank), ensure_ascii=False, indent=2) + "\n"


def _json_reader() -> YAML:
    # JSON strings are always quoted, so YAML 1.2's own resolver types the rest exactly as JSON.
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    return yaml


def import_json(data: bytes, path: str = "<json>") -> Imported:
    """A bank from JSON; BankError with FILE:LINE:COL on any problem."""
    text = decode_text(data, path)
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BankError([Problem(path, exc.lineno, exc.colno, f"JSON: {exc.msg}")]) from exc
    except RecursionError as exc:
        raise BankError([Problem(path, 1, 1, "JSON nested too deeply")]) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise BankError([Problem(path, line, 1, "the file contains a NUL character")])
    listed = value.get("questions") if isinstance(value, dict) else None
    # Counted before the slow line-numbering parse below.
    if isinstance(listed, list) and len(listed) > MAX_IMPORT_QUESTIONS:
        raise too_many(path, f"{len(listed):,} questions")
    tree = parse_tree(text, path, reader=_json_reader())
    loaded = convert_tree(tree, path)
    lines = {q.id: loaded.where(f"questions.{i}")[0] for i, q in enumerate(loaded.bank.questions)}
    warnings = loaded.warnings + check_imported(loaded.bank, path, lines)
    return Imported(loaded.bank, warnings, versioned=True)


def export_json_bank(bank: Bank) -> Exported:
    return Exported(export_json(bank).encode("utf-8"), len(bank.questions))
