"""Add a bank file an instructor sent (YAML) to the library, or update the one already there.

A bank is the same bank when its ``bank.id`` is the same.  A newer version
updates the stored one question by question id, so every review a learner
made stays attached; an older version is refused (nothing changes).  The
bank file and its source document are copied into the profile's library
folder, so the library does not depend on a USB stick or a mail attachment.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tradequiz.bank.problems import BankError
from tradequiz.bank.yaml_io import load_bank
from tradequiz.document.reader import slugify
from tradequiz.files import atomic_write_text
from tradequiz.library.steps import CancelToken, LibraryError, Report, Step, ignore
from tradequiz.library.summary import BankSummary, summarise
from tradequiz.paths import DataPaths
from tradequiz.shipped import read_source_beside
from tradequiz.store import documents
from tradequiz.store import library as store_library
from tradequiz.store.library import ImportSummary, import_bank
from tradequiz.store.opening import Store

BANK_SUFFIXES = (".yaml", ".yml")
STEPS = ("Checking the bank", "Updating your library", "Keeping a copy of the files")


@dataclass(frozen=True)
class AddedBank:
    document_id: int
    title: str
    version: int
    previous_version: int | None  # None: the bank was not in the library before
    imported: ImportSummary
    summary: BankSummary
    bank_path: Path

    @property
    def up_to_date(self) -> bool:
        """The very same file was already in the library."""
        return self.imported.skipped


def _source_text(store: Store, bank_file: Path, source_name: str,
                 known: documents.KnownDocument | None) -> str:  # fmt: skip
    """The bank's source, read beside the bank file; an update may reuse the stored one."""
    try:
        return read_source_beside(bank_file, source_name)
    except BankError:
        beside = (bank_file.parent / source_name).exists()
        if known is None or beside:
            raise
        # The instructor sent only the bank: the document it was made from is already here.
        return store_library.source_text(store.db, known.id)


def add_bank_file(
    store: Store,
    paths: DataPaths,
    bank_file: Path,
    now: datetime,
    *,
    report: Report = ignore,
    cancel: CancelToken | None = None,
) -> AddedBank:
    """Import ``bank_file`` (with its source document beside it) into the library.

    Raises BankError with FILE:LINE:COL problems for a bad bank and
    LibraryError for a bank older than the one already in the library, and
    Cancelled when ``cancel`` was set before anything was written.
    """
    token = cancel or CancelToken()
    total = len(STEPS)
    report(Step(1, total, STEPS[0]))
    if bank_file.suffix.lower() not in BANK_SUFFIXES:
        raise LibraryError(
            f"{bank_file}: TradeQuiz reads question banks written as YAML (.yaml); "
            "to make questions from a document, use Add document"
        )
    data = bank_file.read_bytes() if bank_file.is_file() else None
    if data is None:
        raise LibraryError(f"{bank_file}: no such file")
    bank = load_bank(bank_file).bank
    known = documents.by_bank_id(store.db, bank.id)
    if known is not None and bank.version < known.bank_version:
        raise LibraryError(
            f"{bank_file}: this is version {bank.version} of “{bank.title}”, but your library "
            f"already has version {known.bank_version}; nothing was changed"
        )
    source_text = _source_text(store, bank_file, bank.source, known)
    token.check()
    report(Step(2, total, STEPS[1], cancellable=False))
    folder = paths.library / slugify(bank.id)
    copy = folder / f"{slugify(bank.id)}.yaml"
    imported = import_bank(
        store.db,
        bank,
        source_text=source_text,
        bank_sha256=hashlib.sha256(data).hexdigest(),
        bank_path=str(copy),
        now=now,
    )
    # Copied after the import, so a refused or failed import leaves the old copy alone.
    report(Step(3, total, STEPS[2], cancellable=False))
    folder.mkdir(parents=True, exist_ok=True)
    # The instructor's file is copied byte for byte: their comments and layout stay.
    tmp = copy.with_name(f".{copy.name}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, copy)
    if bank.source and source_text:
        target = (folder / bank.source).resolve()
        if folder.resolve() in target.parents:
            atomic_write_text(target, source_text)
    documents.forget_removed(store.db, bank.id)
    return AddedBank(
        imported.document_id,
        bank.title,
        bank.version,
        None if known is None else known.bank_version,
        imported,
        summarise(bank),
        copy,
    )
