"""Load the banks shipped in question_bank/ into a learner's database.

Runs at every start; a bank whose file has not changed is skipped by its
hash, so later launches neither duplicate questions nor pay for a re-import.
A changed bank goes through the same validation as ``tradequiz validate``:
one with errors is refused whole (nothing of it is imported) and its
FILE:LINE:COL messages are returned for the app to show.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tradequiz.bank.problems import BankError, Problem
from tradequiz.bank.source import read_source_text
from tradequiz.bank.validate import load_valid_bank
from tradequiz.resources import shipped_banks as shipped_banks
from tradequiz.store import library
from tradequiz.store.library import ImportSummary, import_bank
from tradequiz.store.opening import Store


@dataclass(frozen=True)
class LoadResult:
    """What happened to one bank file; a refused bank is skipped and carries its problems."""

    path: Path
    summary: ImportSummary
    problems: tuple[Problem, ...] = ()

    @property
    def refused(self) -> bool:
        return any(p.severity == "error" for p in self.problems)


def bank_file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_source_beside(bank_path: Path, source_name: str) -> str:
    """The bank's source document, kept next to the bank file."""
    return read_source_text(bank_path, source_name)


def load_bank_file(store: Store, path: Path, now: datetime) -> LoadResult:
    """Validate and import one bank file (and its source) in one transaction.

    Raises BankError listing every problem when the bank has errors; nothing is imported then.
    """
    try:
        sha = bank_file_sha256(path)
    except OSError as exc:
        raise BankError([Problem(str(path), 1, 1, f"cannot read: {exc.strerror}")]) from exc
    known = library.document_by_bank_file(store.db, sha, str(path))
    if known is not None:
        # Unchanged since the last start: skip the YAML parse entirely.
        return LoadResult(path, ImportSummary(document_id=known, skipped=True))
    loaded, document, warnings = load_valid_bank(path)
    source = document.text if document is not None else ""
    summary = import_bank(
        store.db, loaded.bank, source_text=source, bank_sha256=sha, bank_path=str(path), now=now
    )
    return LoadResult(path, summary, tuple(warnings))


def try_load_bank_file(store: Store, path: Path, now: datetime) -> LoadResult:
    """Like ``load_bank_file``, but a bad bank comes back refused instead of raising."""
    try:
        return load_bank_file(store, path, now)
    except BankError as exc:
        return LoadResult(path, ImportSummary(document_id=0, skipped=True), tuple(exc.problems))


def load_shipped_banks(store: Store, now: datetime) -> list[LoadResult]:
    """Load every shipped bank; a bad one is refused (see ``LoadResult.refused``), the rest load."""
    return [try_load_bank_file(store, path, now) for path in shipped_banks()]


def refusal_text(results: list[LoadResult]) -> str:
    """The messages for the banks that were refused, one FILE:LINE:COL line each."""
    lines = []
    for result in results:
        if result.refused:
            lines += [str(p) for p in result.problems if p.severity == "error"]
    return "\n".join(lines)
