"""Validate a bank file: schema, ids, each question, and the source document beside it.

Every problem is reported (not only the first) as FILE:LINE:COL with a
severity.  ``tradequiz validate`` and the app's loader both come through
here, so an instructor sees the same messages in a terminal and in a dialog.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tradequiz.bank.checks import SourceFacts, question_problems
from tradequiz.bank.problems import BankError, Problem, Severity
from tradequiz.bank.source import read_source_document
from tradequiz.bank.yaml_io import LoadedBank, load_bank
from tradequiz.document.model import Document
from tradequiz.resources import resource

if TYPE_CHECKING:  # jsonschema is imported when a bank is validated, not at every start
    from jsonschema import Draft7Validator
    from jsonschema.exceptions import ValidationError


@dataclass
class Report:
    """The outcome of validating one bank file."""

    path: Path
    problems: list[Problem] = field(default_factory=list)
    loaded: LoadedBank | None = None
    document: Document | None = None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return self.loaded is not None and not self.errors


@functools.cache
def _schema_validator() -> Draft7Validator:
    from jsonschema import Draft7Validator

    schema = json.loads(resource("schema/bank.schema.json").read_text(encoding="utf-8"))
    return Draft7Validator(schema)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _dotted(parts: Any) -> str:
    return ".".join(str(p) for p in parts)


def _schema_message(error: ValidationError) -> tuple[str, str]:
    """(dotted key the message is about, readable message)."""
    key = _dotted(error.absolute_path)
    name = f"'{key}'" if key else "the bank"
    if error.validator == "required" and isinstance(error.instance, dict):
        wanted = error.validator_value if isinstance(error.validator_value, list) else []
        missing = next((p for p in wanted if p not in error.instance), str(error.message))
        return (f"{key}.{missing}".lstrip("."), f"'{f'{key}.{missing}'.lstrip('.')}' is required")
    if error.validator == "additionalProperties":
        return (key, f"{name}: {error.message}")
    if error.validator == "pattern":
        return (key, f"{name} may use only letters, digits and . _ : - (got {error.instance!r})")
    return (key, f"{name}: {error.message}")


def schema_problems(loaded: LoadedBank, covered: set[str]) -> list[Problem]:
    """The JSON Schema's verdict on the (typed) tree; keys in ``covered`` are already reported."""
    out = []
    path = str(loaded.path)
    for error in _schema_validator().iter_errors(_plain(loaded.tree)):
        key, message = _schema_message(error)
        if key in covered or "allOf" in error.schema_path:
            continue  # the question checks say the same thing more precisely
        parts = list(error.absolute_path)
        in_question = len(parts) == 2 and parts[0] == "questions"
        if error.validator == "additionalProperties" and in_question:
            continue  # the loader already warned about unknown question fields
        severity: Severity = "warning" if error.validator == "additionalProperties" else "error"
        line, col = loaded.where(key)
        out.append(Problem(path, line, col, message, severity))
    return out


def source_facts(document: Document, name: str) -> SourceFacts:
    return SourceFacts(
        length=len(document.text),
        sections={s.id: (s.start, s.end) for s in document.sections},
        name=name,
    )


def bank_problems(loaded: LoadedBank, document: Document | None) -> list[Problem]:
    """Checks across the bank: ids, sections, every question, and the source document."""
    bank = loaded.bank
    path = str(loaded.path)
    out: list[Problem] = []

    def add(key: str, message: str, severity: str = "error") -> None:
        line, col = loaded.where(key)
        out.append(Problem(path, line, col, message, severity))  # type: ignore[arg-type]

    facts = source_facts(document, bank.source) if document is not None else None
    if document is not None and bank.source_sha256:
        actual = hashlib.sha256(document.text.encode()).hexdigest()
        if actual != bank.source_sha256:
            add(
                "bank.source_sha256",
                f"{bank.source} changed since the bank was generated; "
                "run 'tradequiz generate DOCUMENT --update BANK' to refresh it",
                "warning",
            )
    first_seen: dict[str, int] = {}
    for i, s in enumerate(bank.sections):
        if s.id in first_seen:
            add(f"sections.{i}.id", f"duplicate section id {s.id!r}")
        first_seen.setdefault(s.id, i)
        if facts is not None and s.id not in facts.sections:
            # A section kept only for orphaned questions is expected after a regeneration.
            used = any(q.section == s.id and q.status != "orphaned" for q in bank.questions)
            add(
                f"sections.{i}.id",
                f"section {s.id!r} is not in {facts.name}",
                "error" if used else "warning",
            )
    section_ids = bank.section_ids() if bank.sections else None
    seen: dict[str, int] = {}
    for i, q in enumerate(bank.questions):
        if q.id in seen:
            line, _col = loaded.where(f"questions.{seen[q.id]}.id")
            add(f"questions.{i}.id", f"duplicate id {q.id!r} (first used on line {line})")
        seen.setdefault(q.id, i)
        for problem in question_problems(q, section_ids, facts):
            add(f"questions.{i}.{problem.field}", problem.message, problem.severity)
    if bank.approved_only and not any(q.status == "approved" for q in bank.questions):
        add(
            "bank.approved_only",
            "approved_only is set but no question is approved: learners will have nothing to study",
            "warning",
        )
    return out


def validate_loaded(loaded: LoadedBank, document: Document | None) -> list[Problem]:
    """Every problem in an already parsed bank, sorted by position."""
    found = list(loaded.warnings) + bank_problems(loaded, document)
    keys = {where: key for key, where in loaded.locations.items()}
    covered = {keys.get((p.line, p.col), "") for p in found}
    found += schema_problems(loaded, covered)
    return sorted(set(found), key=lambda p: (p.line, p.col, p.severity, p.message))


def validate_file(path: str | os.PathLike[str]) -> Report:
    """Validate one bank file and its source document; never raises for a user's mistake."""
    report = Report(Path(path))
    try:
        loaded = load_bank(report.path)
    except BankError as exc:
        report.problems = exc.problems
        return report
    report.loaded = loaded
    try:
        report.document = read_source_document(report.path, loaded.bank.source)
    except BankError as exc:
        report.problems.extend(exc.problems)
    report.problems.extend(validate_loaded(loaded, report.document))
    report.problems = sorted(set(report.problems), key=lambda p: (p.line, p.col, p.message))
    return report


def load_valid_bank(
    path: str | os.PathLike[str],
) -> tuple[LoadedBank, Document | None, list[Problem]]:
    """Load a bank that passes validation, with its document and warnings; else BankError."""
    report = validate_file(path)
    if not report.ok or report.loaded is None:
        raise BankError(report.problems)
    return report.loaded, report.document, report.warnings
