"""A bank file in another format (JSON, GIFT, CSV/TSV, Moodle XML, Anki) made ready for the library.

The file is read through :mod:`tradequiz.bank.formats` into a bank, which is
then matched with the library:

- a TradeQuiz export (JSON, or GIFT/Moodle XML/Anki written by TradeQuiz)
  names its bank id and version: the same bank is updated, an older version
  is refused, exactly as for a YAML bank file;
- a file from another tool has no version.  When the library has a bank with
  the same id and at least one question id in common, the file is a newer
  version of it (version + 1); with no question in common it is a different
  bank that happens to share the name, and gets an id of its own;
- for an update, what the format cannot carry (status, source passage,
  difficulty… see ``Imported.lost``) is kept from the stored questions, and
  the stored document text and section spans are kept, so passages and
  progress stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from tradequiz.bank.formats import format_for, import_from
from tradequiz.bank.interchange import Imported
from tradequiz.bank.model import Bank, BankSection, Question
from tradequiz.library.adding import unique_bank_id
from tradequiz.library.steps import LibraryError
from tradequiz.store import documents
from tradequiz.store import library as store_library
from tradequiz.store.opening import Store


@dataclass(frozen=True)
class Prepared:
    """A converted bank ready to import, and the library's document it updates."""

    bank: Bank
    known: documents.KnownDocument | None


def read_other_format(bank_file: Path) -> tuple[Imported, str]:
    """The bank in ``bank_file`` and its format's label; BankError when it cannot be read."""
    fmt = format_for(bank_file, None, importing=True)
    return import_from(bank_file, fmt), fmt.label


def _carry(new: Question, old: Question, lost: frozenset[str]) -> Question:
    kept = {name: getattr(old, name) for name in lost if hasattr(old, name)}
    return replace(new, **kept)


def _with_stored(store: Store, bank: Bank, known: documents.KnownDocument,
                 lost: frozenset[str]) -> Bank:  # fmt: skip
    """``bank`` with what its format lost taken from the stored bank."""
    stored = {q.id: q for _pk, _title, q in documents.questions_of(store.db, known.id)}
    questions = tuple(
        _carry(q, stored[q.id], lost) if q.id in stored else q for q in bank.questions
    )
    spans = {s.key: s for s in store_library.sections(store.db, known.id)}
    sections = tuple(
        BankSection(s.id, s.title, spans[s.id].start, spans[s.id].end)
        if s.id in spans and not (s.start or s.end)
        else s
        for s in bank.sections
    )
    row = next(d for d in store_library.documents(store.db) if d.id == known.id)
    # No document came with the file: the stored one stays (see library.banks).
    return replace(
        bank,
        questions=questions,
        sections=sections,
        source=bank.source or row.source_name,
        source_sha256=bank.source_sha256 or known.source_sha256,
    )


def prepare(store: Store, bank_file: Path, imported: Imported) -> Prepared:
    """Match the converted bank with the library (see the module docstring)."""
    bank = imported.bank
    known = documents.by_bank_id(store.db, bank.id)
    if known is not None and not imported.versioned:
        stored_ids = {q.id for _pk, _t, q in documents.questions_of(store.db, known.id)}
        if stored_ids.isdisjoint(q.id for q in bank.questions):
            bank = replace(bank, id=unique_bank_id(documents.bank_ids(store.db), bank.id))
            return Prepared(bank, None)
        bank = replace(bank, version=known.bank_version + 1)
    if known is None:
        return Prepared(bank, None)
    if bank.version < known.bank_version:
        raise LibraryError(
            f"{bank_file}: this is version {bank.version} of “{bank.title}”, but your library "
            f"already has version {known.bank_version}; nothing was changed"
        )
    return Prepared(_with_stored(store, bank, known, imported.lost), known)
