"""Add a bank file an instructor sent to the library, or update the one already there.

A bank is the same bank when its ``bank.id`` is the same.  A newer version
updates the stored one question by question id, so every review a learner
made stays attached; an older version is refused (nothing changes).  The
bank file and its source document are copied into the profile's library
folder, so the library does not depend on a USB stick or a mail attachment.

A YAML bank is copied byte for byte.  Every other format the bank tools can
import (JSON, GIFT, CSV/TSV, Moodle XML, Anki .apkg) is converted through
``tradequiz.bank.formats`` and saved as a YAML bank in the library; how it is
matched with a bank already there is described in ``library.converted``.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from tradequiz.bank.formats import FORMATS, IMPORT_FORMATS, format_for, read_import_file
from tradequiz.bank.model import Bank
from tradequiz.bank.problems import BankError
from tradequiz.bank.yaml_io import load_bank, save_bank
from tradequiz.document.reader import slugify
from tradequiz.files import atomic_write_text
from tradequiz.library.adding import DOCUMENT_SUFFIXES
from tradequiz.library.converted import prepare
from tradequiz.library.steps import CancelToken, LibraryError, Report, Step, ignore
from tradequiz.library.summary import BankSummary, summarise
from tradequiz.paths import DataPaths
from tradequiz.shipped import read_source_beside
from tradequiz.store import documents
from tradequiz.store import library as store_library
from tradequiz.store.library import ImportSummary, import_bank
from tradequiz.store.opening import Store

YAML_SUFFIXES = (".yaml", ".yml")
# ".txt" is a document: a tab-separated file goes in as .tsv.
OTHER_SUFFIXES = tuple(
    ext
    for name in IMPORT_FORMATS
    for ext in FORMATS[name].extensions
    if ext not in DOCUMENT_SUFFIXES and ext not in YAML_SUFFIXES
)
BANK_SUFFIXES = YAML_SUFFIXES + OTHER_SUFFIXES
STEPS = ("Checking the bank", "Updating your library", "Keeping a copy of the files")
CONVERT_STEPS = (
    "Reading the {label} file",
    "Checking the bank",
    "Saving it as a TradeQuiz bank",
    "Updating your library",
    "Keeping a copy of the files",
)


@dataclass(frozen=True)
class AddedBank:
    document_id: int
    title: str
    version: int
    previous_version: int | None  # None: the bank was not in the library before
    imported: ImportSummary
    summary: BankSummary
    bank_path: Path
    # What the conversion from another format left out, one line each (for the learner).
    left_out: tuple[str, ...] = ()

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
    suffix = bank_file.suffix.lower()
    if suffix not in BANK_SUFFIXES:
        raise LibraryError(
            f"{bank_file}: TradeQuiz reads question banks ({', '.join(BANK_SUFFIXES)}); "
            "to make questions from a document, use Add document"
        )
    if not bank_file.is_file():
        raise LibraryError(f"{bank_file}: no such file")
    if suffix not in YAML_SUFFIXES:
        return _add_converted(store, paths, bank_file, now, report, token)
    total = len(STEPS)
    report(Step(1, total, STEPS[0]))
    data = read_import_file(bank_file)
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
    return _finish(store, bank, known, imported, folder, copy, source_text)


def _finish(store: Store, bank: Bank, known: documents.KnownDocument | None,
            imported: ImportSummary, folder: Path, copy: Path,
            source_text: str) -> AddedBank:  # fmt: skip
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


def _add_converted(store: Store, paths: DataPaths, bank_file: Path, now: datetime,
                   report: Report, token: CancelToken) -> AddedBank:  # fmt: skip
    """A bank in another format: converted, saved as YAML in the library, imported."""
    total = len(CONVERT_STEPS)
    fmt = format_for(bank_file, None, importing=True)
    report(Step(1, total, CONVERT_STEPS[0].format(label=fmt.label)))
    data = read_import_file(bank_file)
    assert fmt.read is not None  # only readable formats are in OTHER_SUFFIXES
    converted = fmt.read(data, str(bank_file))
    token.check()
    report(Step(2, total, CONVERT_STEPS[1]))
    sha = hashlib.sha256(data).hexdigest()
    same = documents.by_bank_id(store.db, converted.bank.id)
    if same is not None and same.bank_sha256 == sha:
        # This very file was added before.
        skipped = ImportSummary(same.id, skipped=True)
        return AddedBank(same.id, same.title, same.bank_version, same.bank_version, skipped,
                         summarise(converted.bank), Path(same.bank_path))  # fmt: skip
    prepared = prepare(store, bank_file, converted)
    bank, known = prepared.bank, prepared.known
    source_text = _source_text(store, bank_file, bank.source, known)
    token.check()
    report(Step(3, total, CONVERT_STEPS[2]))
    folder = paths.library / slugify(bank.id)
    copy = folder / f"{slugify(bank.id)}.yaml"
    new_folder = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    staging = folder / f".{copy.name}.adding"
    try:
        save_bank(bank, staging)
        token.check()
        report(Step(4, total, CONVERT_STEPS[3], cancellable=False))
        imported = import_bank(
            store.db, bank, source_text=source_text, bank_sha256=sha, bank_path=str(copy), now=now
        )
        report(Step(5, total, CONVERT_STEPS[4], cancellable=False))
        os.replace(staging, copy)
    except BaseException:
        staging.unlink(missing_ok=True)
        if new_folder:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    added = _finish(store, bank, known, imported, folder, copy, source_text)
    left_out = tuple(
        w.message for w in converted.warnings if "skipped" in w.message or "left out" in w.message
    )
    return replace(added, left_out=left_out)
