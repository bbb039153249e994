"""Load the banks shipped in question_bank/ into a learner's database.

Runs at every start; a bank whose file has not changed is skipped by its
hash, so later launches neither duplicate questions nor pay for a re-import.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tradequiz.bank.problems import BankError, Problem
from tradequiz.bank.yaml_io import load_bank
from tradequiz.document.reader import DocumentError, decode_text
from tradequiz.document.repair import normalise_text
from tradequiz.resources import shipped_banks
from tradequiz.store import library
from tradequiz.store.library import ImportSummary, import_bank
from tradequiz.store.opening import Store


@dataclass(frozen=True)
class LoadResult:
    path: Path
    summary: ImportSummary


def bank_file_sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_source_beside(bank_path: Path, source_name: str) -> str:
    """The bank's source document, kept next to the bank file."""
    if not source_name:
        return ""
    source = (bank_path.parent / source_name).resolve()
    if bank_path.parent.resolve() not in source.parents:
        raise BankError(
            [Problem(str(bank_path), 1, 1, f"bank.source {source_name!r} must be beside the bank")]
        )
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise BankError(
            [
                Problem(
                    str(bank_path),
                    1,
                    1,
                    f"cannot read the source document {source_name}: {exc.strerror}",
                )
            ]
        ) from exc
    try:
        return normalise_text(decode_text(data, str(source)))
    except DocumentError as exc:
        raise BankError([Problem(exc.path, exc.line, 1, exc.message)]) from exc


def load_bank_file(store: Store, path: Path, now: datetime) -> LoadResult:
    """Import one bank file (and its source) in one transaction."""
    sha = bank_file_sha256(path)
    known = library.document_by_bank_file(store.db, sha, str(path))
    if known is not None:
        # Unchanged since the last start: skip the YAML parse entirely.
        return LoadResult(path, ImportSummary(document_id=known, skipped=True))
    loaded = load_bank(path)
    source = read_source_beside(path, loaded.bank.source)
    summary = import_bank(
        store.db, loaded.bank, source_text=source, bank_sha256=sha, bank_path=str(path), now=now
    )
    return LoadResult(path, summary)


def load_shipped_banks(store: Store, now: datetime) -> list[LoadResult]:
    return [load_bank_file(store, path, now) for path in shipped_banks()]
