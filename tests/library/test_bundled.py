"""Shipped banks load at every start without undoing what the learner chose."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from tests.library.conftest import study
from tradequiz.bank.yaml_io import load_bank, save_bank
from tradequiz.library import bundled, remove_document
from tradequiz.paths import DataPaths
from tradequiz.store import library
from tradequiz.store.cards import Scope
from tradequiz.store.opening import Store

SHIPPED = Path(__file__).resolve().parents[2] / "question_bank"


@pytest.fixture
def release(tmp_path: Path) -> Path:
    """A copy of the shipped bank, as a release of the app would carry it."""
    folder = tmp_path / "release"
    folder.mkdir()
    for name in ("japan-us-trade.yaml", "japan-us-trade.txt"):
        shutil.copy(SHIPPED / name, folder)
    return folder / "japan-us-trade.yaml"


def _reviews(store: Store) -> int:
    return int(store.db.execute("SELECT count(*) FROM reviews").fetchone()[0])


def test_a_new_release_updates_the_bank_and_keeps_history(
    empty_store: Store, now: datetime, release: Path
) -> None:
    bundled.load_bundled_banks(empty_store, now, [release])
    study(empty_store, Scope(), now, 3)
    bank = load_bank(release).bank
    save_bank(replace(bank, version=2, questions=bank.questions[1:]), release)
    [result] = bundled.load_bundled_banks(empty_store, now, [release])
    assert not result.summary.skipped and result.summary.orphaned == 1
    [doc] = library.documents(empty_store.db)
    assert doc.bank_version == 2
    assert _reviews(empty_store) == 3


def test_a_removed_bank_stays_removed_across_releases(
    empty_store: Store, now: datetime, release: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundled.load_bundled_banks(empty_store, now, [release])
    [doc] = library.documents(empty_store.db)
    remove_document(empty_store, DataPaths(empty_store.path.parent), doc.id, now)
    assert bundled.load_bundled_banks(empty_store, now, [release])[0].summary.skipped
    bank = load_bank(release).bank
    save_bank(replace(bank, version=2), release)  # the next release changes the file
    assert bundled.load_bundled_banks(empty_store, now, [release])[0].summary.skipped
    assert library.documents(empty_store.db) == []

    # Once decided, later starts do not even parse the file.
    def no_parsing(path: object) -> None:
        raise AssertionError("parsed a bank the learner removed")

    monkeypatch.setattr(bundled, "load_bank", no_parsing)
    assert bundled.load_bundled_banks(empty_store, now, [release])[0].summary.skipped
