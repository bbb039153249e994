"""Load the banks shipped with the app, without undoing what the learner chose.

Like ``tradequiz.shipped`` (which does the import), but a shipped bank is left
alone when the learner removed it, or when the library holds a version of it
at least as new that came from elsewhere (an instructor's update).  Such a
decision is remembered with the file's hash, so later starts skip the file
without parsing it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tradequiz import shipped
from tradequiz.bank.problems import BankError
from tradequiz.bank.yaml_io import load_bank
from tradequiz.shipped import LoadResult, bank_file_sha256, try_load_bank_file
from tradequiz.store import documents
from tradequiz.store import library as store_library
from tradequiz.store.library import ImportSummary
from tradequiz.store.opening import Store
from tradequiz.store.settings import get_setting, set_settings

SKIPPED_KEY = "library.skipped_shipped_banks"


def _should_load(store: Store, path: Path) -> bool:
    removed = documents.removed_banks(store.db)
    if documents.by_bank_path(store.db, str(path)) is not None:
        return True  # a new release of a shipped bank the learner has: update it
    if not removed and not documents.bank_ids(store.db):
        return True  # a new profile: nothing to protect, no need to parse twice
    try:
        bank = load_bank(path).bank
    except BankError:
        return True  # load_bank_file refuses it with every problem listed
    if bank.id in removed:
        return False
    known = documents.by_bank_id(store.db, bank.id)
    if known is None or known.bank_path == str(path):
        return True
    return bank.version > known.bank_version


def load_bundled_banks(
    store: Store, now: datetime, paths: list[Path] | None = None
) -> list[LoadResult]:
    """Import every shipped bank the learner has not removed or superseded."""
    skipped: dict[str, str] = dict(get_setting(store.db, SKIPPED_KEY, {}))
    results = []
    for path in shipped.shipped_banks() if paths is None else paths:
        sha = bank_file_sha256(path)
        known = store_library.document_by_bank_file(store.db, sha, str(path))
        if known is not None or skipped.get(str(path)) == sha:
            results.append(LoadResult(path, ImportSummary(known or 0, skipped=True)))
            continue
        if not _should_load(store, path):
            skipped[str(path)] = sha
            set_settings(store.db, {SKIPPED_KEY: skipped})
            results.append(LoadResult(path, ImportSummary(0, skipped=True)))
            continue
        results.append(try_load_bank_file(store, path, now))
    return results
