"""Learner profiles: names, create / rename / delete, the last one, migration from one database."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.library.conftest import study
from tradequiz.app_context import open_learner_store
from tradequiz.paths import DataFolder
from tradequiz.profiles import (
    ProfileError,
    choose_profile,
    create_profile,
    default_profile_name,
    delete_profile,
    find_profile,
    last_profile,
    list_profiles,
    migrate_legacy,
    rename_profile,
    validate_name,
)
from tradequiz.shipped import load_shipped_banks
from tradequiz.store.backup import quick_check
from tradequiz.store.cards import Scope
from tradequiz.store.maintenance import learner_name
from tradequiz.store.opening import open_store


@pytest.fixture
def folder(tmp_path: Path) -> DataFolder:
    return DataFolder(tmp_path / "data")


def _reviews(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM reviews").fetchone()[0])


@pytest.mark.parametrize(
    ("name", "tidy"),
    [
        ("  Ana  ", "Ana"),
        ("Zoë O'Neil", "Zoë O'Neil"),
        ("太郎", "太郎"),
        ("Class 3-B (2026)", "Class 3-B (2026)"),
    ],
)
def test_good_names_are_tidied(name: str, tidy: str) -> None:
    assert validate_name(name) == tidy


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("", "needs a name"),
        ("a/b", "not '/'"),
        ("..", "dot"),
        (".hidden", "dot"),
        ("CON", "reserved"),
        ("com1.txt", "reserved"),
        ("x" * 41, "at most 40"),
        ("tab\there", "not '\\\\t'"),
    ],
)
def test_bad_names_say_why(name: str, why: str) -> None:
    with pytest.raises(ProfileError, match=why):
        validate_name(name)


def test_default_name_is_valid() -> None:
    assert validate_name(default_profile_name()) == default_profile_name()


def test_create_list_find(folder: DataFolder, now: datetime) -> None:
    assert create_profile(folder, "bob", now) == "bob"
    assert create_profile(folder, " Ana ", now) == "Ana"
    assert list_profiles(folder) == ["Ana", "bob"]
    assert find_profile(folder, "BOB") == "bob"
    with pytest.raises(ProfileError, match="already a profile called 'bob'"):
        create_profile(folder, "Bob", now)
    assert learner_name(folder.profile("Ana").database) == "Ana"


def test_rename_moves_the_folder_and_the_learner_name(folder: DataFolder, now: datetime) -> None:
    context = open_learner_store(str(folder.root), now, profile="Ana")
    study(context.store, Scope(), now, 2)
    context.store.close()
    assert last_profile(folder) == "Ana"
    assert rename_profile(folder, "ana", "Ana Lima", now) == "Ana Lima"
    assert list_profiles(folder) == ["Ana Lima"]
    assert last_profile(folder) == "Ana Lima"
    assert learner_name(folder.profile("Ana Lima").database) == "Ana Lima"
    assert _reviews(folder.profile("Ana Lima").database) == 2
    create_profile(folder, "Bob", now)
    with pytest.raises(ProfileError, match="already a profile called 'Bob'"):
        rename_profile(folder, "Ana Lima", "bob", now)
    assert rename_profile(folder, "bob", "BOB", now) == "BOB"  # a change of case only


def test_delete_keeps_the_profile_as_a_backup(folder: DataFolder, now: datetime) -> None:
    context = open_learner_store(str(folder.root), now, profile="Ana")
    study(context.store, Scope(), now, 3)
    context.store.close()
    create_profile(folder, "Bob", now)
    kept = delete_profile(folder, "Ana", now)
    assert list_profiles(folder) == ["Bob"]
    assert kept.parent == folder.deleted_profiles_dir
    database = kept / "collection.sqlite3"
    assert quick_check(database) and _reviews(database) == 3
    assert not (kept / "collection.sqlite3-wal").exists()
    assert last_profile(folder) is None
    # A second profile of the same name deleted at the same moment does not overwrite it.
    create_profile(folder, "Ana", now)
    assert delete_profile(folder, "Ana", now) != kept


def test_profiles_keep_separate_progress(folder: DataFolder, now: datetime) -> None:
    ana = open_learner_store(str(folder.root), now, profile="Ana")
    study(ana.store, Scope(), now, 4)
    ana.store.close()
    bob = open_learner_store(str(folder.root), now, profile="Bob")
    assert bob.created and bob.profile == "Bob"
    assert bob.store.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    bob.store.close()
    assert _reviews(folder.profile("Ana").database) == 4
    # Without a choice, the profile used last opens.
    again = open_learner_store(str(folder.root), now)
    assert again.profile == "Bob" and not again.created
    again.store.close()


def test_environment_chooses_the_profile(
    folder: DataFolder, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_profile(folder, "Ana", now)
    create_profile(folder, "Bob", now)
    monkeypatch.setenv("TRADEQUIZ_PROFILE", "bob")
    context = open_learner_store(str(folder.root), now)
    assert context.profile == "Bob" and context.learner_name == "Bob"
    context.store.close()


def _legacy_database(folder: DataFolder, now: datetime) -> None:
    """A data folder from before profiles, caught with commits still in its WAL."""
    legacy = folder.legacy
    legacy.ensure()
    store = open_store(legacy.database, now, legacy.backups)
    load_shipped_banks(store, now)
    study(store, Scope(), now, 2)
    (legacy.backups / "20260301-120000-auto.sqlite3").write_bytes(b"an older backup")
    # Copy the files while the connection is open: the copy's WAL holds the reviews.
    snapshot = folder.root.parent / "snapshot"
    snapshot.mkdir()
    for suffix in ("", "-wal"):
        shutil.copy(f"{legacy.database}{suffix}", snapshot)
    store.close()
    for suffix in ("", "-wal"):
        shutil.copy(snapshot / f"collection.sqlite3{suffix}", f"{legacy.database}{suffix}")


def test_a_pre_profile_database_moves_into_a_profile(folder: DataFolder, now: datetime) -> None:
    _legacy_database(folder, now)
    assert Path(f"{folder.legacy.database}-wal").stat().st_size > 0
    context = open_learner_store(str(folder.root), now + timedelta(hours=1))
    name = default_profile_name()
    assert context.profile == name
    assert context.store.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 2
    # One copy of the shipped bank, not a second one loaded beside it.
    assert context.store.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert context.learner_name == name
    context.store.close()
    assert not folder.legacy.database.exists()
    assert not Path(f"{folder.legacy.database}-wal").exists()
    assert not folder.legacy.backups.exists()
    assert (folder.profile(name).backups / "20260301-120000-auto.sqlite3").exists()
    assert last_profile(folder) == name
    assert migrate_legacy(folder, now) is None  # nothing left to do


def test_an_interrupted_migration_is_finished(folder: DataFolder, now: datetime) -> None:
    _legacy_database(folder, now)
    # The previous start died after moving the database, before the backups and the rename.
    staging = folder.profiles_dir / ".migrating-Ana"
    staging.mkdir(parents=True)
    for suffix in ("", "-wal"):
        shutil.move(f"{folder.legacy.database}{suffix}", staging)
    name, created = choose_profile(folder, None, now)
    assert (name, created) == ("Ana", False)
    assert list_profiles(folder) == ["Ana"]
    assert (folder.profile("Ana").backups / "20260301-120000-auto.sqlite3").exists()
    assert _reviews(folder.profile("Ana").database) == 2
