"""Add a source document to the library: read it, generate its bank, keep copies, import.

The document and its bank are copied into the profile's ``library/<bank id>/``
folder, so the library does not depend on where the learner found the file.
A document already in the library (same text, whatever the file's name) is
recognised and not added twice.  Nothing is written before generation has
finished, and the import is one transaction: a cancelled or failed add
leaves neither files nor rows behind.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from tradequiz.bank.model import Bank
from tradequiz.bank.yaml_io import save_bank
from tradequiz.document.reader import read_document, slugify
from tradequiz.generate import generate
from tradequiz.library.steps import CancelToken, LibraryError, Report, Step, ignore
from tradequiz.library.summary import BankSummary, summarise
from tradequiz.paths import DataPaths
from tradequiz.store import documents
from tradequiz.store.library import ImportSummary, import_bank
from tradequiz.store.opening import Store

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
STEPS = (
    "Reading the document",
    "Looking for it in your library",
    "Generating questions",
    "Saving the bank",
    "Adding it to your library",
)
_STAGING = ".adding-"


@dataclass(frozen=True)
class AddedDocument:
    """What happened: a new document, or the one already in the library (``duplicate``)."""

    document_id: int
    title: str
    duplicate: bool
    bank_path: Path | None = None
    summary: BankSummary | None = None
    imported: ImportSummary | None = None


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def unique_bank_id(taken: set[str], wanted: str) -> str:
    """``wanted``, or ``wanted-2``, ``wanted-3``… when a different document already uses it."""
    base = slugify(wanted) if wanted else "document"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    return candidate


def _check_suffix(source: Path) -> None:
    if source.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise LibraryError(
            f"{source}: TradeQuiz makes questions from plain text (.txt) or Markdown (.md) "
            "documents; to add a question bank, use Add bank"
        )


def _write_folder(folder: Path, bank: Bank, source: Path, source_name: str) -> Path:
    """Write the bank and the copy of the document in a staging folder, then rename it."""
    staging = folder.with_name(_STAGING + folder.name)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        shutil.copyfile(source, staging / source_name)
        save_bank(bank, staging / f"{folder.name}.yaml")
        if folder.exists():
            # Left by an add that died after renaming but before importing (no row uses it).
            shutil.rmtree(folder)
        os.rename(staging, folder)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return folder / f"{folder.name}.yaml"


def add_document(
    store: Store,
    paths: DataPaths,
    source: Path,
    now: datetime,
    *,
    report: Report = ignore,
    cancel: CancelToken | None = None,
) -> AddedDocument:
    """Add ``source`` (a .txt or .md document) and its generated bank to the library.

    Raises DocumentError for a file that cannot be read, LibraryError when no
    question can be made from it, and Cancelled when ``cancel`` was set before
    anything was written.
    """
    token = cancel or CancelToken()
    total = len(STEPS)
    report(Step(1, total, STEPS[0]))
    _check_suffix(source)
    doc = read_document(source)
    token.check()
    report(Step(2, total, STEPS[1]))
    sha = text_sha256(doc.text)
    known = documents.by_source(store.db, sha, doc.text)
    if known is not None:
        return AddedDocument(known.id, known.title, duplicate=True)
    token.check()
    report(Step(3, total, f"Generating questions for {len(doc.sections)} sections"))
    generated = generate(doc, source_name=source.name)
    bank = generated.bank
    token.check()
    if not bank.studiable():
        raise LibraryError(
            f"{source}: no questions could be made from this document; it needs headed "
            "sections with paragraphs or “Term: description” lists"
        )
    report(Step(4, total, STEPS[3]))
    bank_id = unique_bank_id(documents.bank_ids(store.db), bank.id or doc.title)
    bank = replace(bank, id=bank_id, source=source.name, source_sha256=sha)
    folder = paths.library / bank_id
    bank_path = _write_folder(folder, bank, source, source.name)
    try:
        token.check()
        report(Step(5, total, STEPS[4], cancellable=False))
        imported = import_bank(
            store.db,
            bank,
            source_text=doc.text,
            bank_sha256=hashlib.sha256(bank_path.read_bytes()).hexdigest(),
            bank_path=str(bank_path),
            now=now,
        )
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    documents.forget_removed(store.db, bank_id)
    return AddedDocument(
        imported.document_id,
        bank.title,
        False,
        bank_path,
        summarise(bank, Counter(r.reason for r in generated.rejected)),
        imported,
    )
