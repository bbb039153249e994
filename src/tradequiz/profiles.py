"""Learner profiles: several learners on one computer, each with a folder of their own.

A profile's name is its folder's name under ``<data folder>/profiles/`` and
the learner's name that progress exports carry (the ``learner_name`` key of
the database's ``meta`` table).  Names are compared without regard to case,
because two folders differing only in case are one folder on Windows and macOS.

Every function here works on closed profiles; the caller opens the chosen one.
"""

from __future__ import annotations

import getpass
import os
import unicodedata
from datetime import datetime
from pathlib import Path

from tradequiz.files import atomic_write_text
from tradequiz.paths import DataFolder, DataPaths
from tradequiz.store.connection import StoreError
from tradequiz.store.maintenance import companions, learner_name, settle_wal
from tradequiz.store.opening import open_store
from tradequiz.store.settings import get_meta, set_meta

MAX_NAME_LENGTH = 40
FALLBACK_NAME = "Learner"
LEARNER_NAME_KEY = "learner_name"
_ALLOWED_PUNCTUATION = set(" -_.'()")
# Names Windows reserves for devices, in any case and with any extension.
_RESERVED = {"con", "prn", "aux", "nul"} | {f"{p}{n}" for p in ("com", "lpt") for n in range(10)}
_STAGING_PREFIX = ".migrating-"


class ProfileError(StoreError):
    """A profile cannot be created, found, renamed or deleted; the message says why."""


def validate_name(name: str) -> str:
    """Return ``name`` tidied (NFC, surrounding spaces removed) or raise ProfileError."""
    clean = unicodedata.normalize("NFC", name).strip()
    if not clean:
        raise ProfileError("a profile needs a name")
    if len(clean) > MAX_NAME_LENGTH:
        raise ProfileError(f"a profile name has at most {MAX_NAME_LENGTH} characters")
    bad = sorted({c for c in clean if not (c.isalnum() or c in _ALLOWED_PUNCTUATION)})
    if bad:
        shown = " ".join(repr(c) for c in bad)
        raise ProfileError(
            f"a profile name may hold letters, digits, spaces and - _ . ' ( ); not {shown}"
        )
    if clean.startswith(".") or clean.endswith("."):
        raise ProfileError("a profile name cannot start or end with a dot")
    if clean.split(".")[0].strip().casefold() in _RESERVED:
        raise ProfileError(f"{clean!r} is reserved by Windows; choose another name")
    return clean


def default_profile_name() -> str:
    """The first profile is named after the computer account, when that makes a valid name."""
    try:
        account = getpass.getuser()
    except (KeyError, OSError):
        return FALLBACK_NAME
    try:
        return validate_name(account[:1].upper() + account[1:])
    except ProfileError:
        return FALLBACK_NAME


def list_profiles(folder: DataFolder) -> list[str]:
    """Every profile's name, sorted as a person would read them."""
    if not folder.profiles_dir.is_dir():
        return []
    names = [
        p.name for p in folder.profiles_dir.iterdir() if p.is_dir() and not p.name.startswith(".")
    ]
    return sorted(names, key=str.casefold)


def find_profile(folder: DataFolder, name: str) -> str | None:
    """The existing profile called ``name`` (case-insensitive), or None."""
    wanted = unicodedata.normalize("NFC", name).strip().casefold()
    return next((p for p in list_profiles(folder) if p.casefold() == wanted), None)


def last_profile(folder: DataFolder) -> str | None:
    """The profile opened last, if it still exists."""
    try:
        name = folder.last_profile_file.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return find_profile(folder, name) if name else None


def remember_profile(folder: DataFolder, name: str) -> None:
    atomic_write_text(folder.last_profile_file, name + "\n")


def _set_learner_name(paths: DataPaths, name: str, now: datetime) -> None:
    store = open_store(paths.database, now, paths.backups)
    try:
        if get_meta(store.db, LEARNER_NAME_KEY) != name:
            set_meta(store.db, LEARNER_NAME_KEY, name)
    finally:
        store.close()


def create_profile(folder: DataFolder, name: str, now: datetime) -> str:
    """Create an empty profile (folder, database with the learner's name) and return its name."""
    clean = validate_name(name)
    existing = find_profile(folder, clean)
    if existing is not None:
        raise ProfileError(f"there is already a profile called {existing!r}")
    paths = folder.profile(clean)
    paths.ensure()
    _set_learner_name(paths, clean, now)
    return clean


def rename_profile(folder: DataFolder, old: str, new: str, now: datetime) -> str:
    """Rename a closed profile (folder and learner name); return the new name."""
    current = find_profile(folder, old)
    if current is None:
        raise ProfileError(f"there is no profile called {old!r}")
    clean = validate_name(new)
    clash = find_profile(folder, clean)
    if clash is not None and clash != current:
        raise ProfileError(f"there is already a profile called {clash!r}")
    was_last = last_profile(folder) == current
    source, target = folder.profile(current).root, folder.profile(clean).root
    if source != target:
        settle_wal(folder.profile(current).database)
        try:
            os.rename(source, target)
        except OSError as exc:
            raise ProfileError(f"cannot rename {source}: {exc.strerror}") from exc
    _set_learner_name(folder.profile(clean), clean, now)
    if was_last:
        remember_profile(folder, clean)
    return clean


def delete_profile(folder: DataFolder, name: str, now: datetime) -> Path:
    """Move a closed profile out of the way and return where it is kept.

    Nothing is destroyed: the whole folder (database, backups, documents) moves
    to ``deleted-profiles/``, from where it can be put back by hand.
    """
    current = find_profile(folder, name)
    if current is None:
        raise ProfileError(f"there is no profile called {name!r}")
    paths = folder.profile(current)
    settle_wal(paths.database)
    folder.deleted_profiles_dir.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = folder.deleted_profiles_dir / f"{current}-{stamp}"
    n = 2
    while target.exists():
        target = folder.deleted_profiles_dir / f"{current}-{stamp}-{n}"
        n += 1
    try:
        os.rename(paths.root, target)
    except OSError as exc:
        raise ProfileError(f"cannot move {paths.root} to {target}: {exc.strerror}") from exc
    if last_profile(folder) is None:
        folder.last_profile_file.unlink(missing_ok=True)
    return target


def _unique_name(folder: DataFolder, wanted: str) -> str:
    name, n = wanted, 2
    while find_profile(folder, name) is not None:
        name = f"{wanted[: MAX_NAME_LENGTH - 4]} {n}"
        n += 1
    return name


def _finish_staging(folder: DataFolder, staging: Path) -> str:
    """Complete a move of the pre-profile database that a crash may have interrupted."""
    for path in companions(folder.legacy.database):
        os.replace(path, staging / path.name)
    if folder.legacy.backups.is_dir() and not (staging / "backups").exists():
        os.rename(folder.legacy.backups, staging / "backups")
    name = _unique_name(folder, staging.name[len(_STAGING_PREFIX) :])
    os.rename(staging, folder.profiles_dir / name)
    return name


def migrate_legacy(folder: DataFolder, now: datetime) -> str | None:
    """Move a database from before profiles into a profile of its own; return its name.

    The WAL is folded into the database first, so the files that move hold every
    commit.  The files move into a staging folder that is renamed last: if the
    process dies half-way, the next start finishes the move.
    """
    folder.profiles_dir.mkdir(parents=True, exist_ok=True)
    finished: str | None = None
    for staging in sorted(folder.profiles_dir.glob(_STAGING_PREFIX + "*")):
        finished = _finish_staging(folder, staging)
    legacy = folder.legacy
    if not legacy.database.exists():
        if finished is not None and last_profile(folder) is None:
            remember_profile(folder, finished)
        return finished
    stored = learner_name(legacy.database)
    try:
        wanted = validate_name(stored) if stored else default_profile_name()
    except ProfileError:
        wanted = default_profile_name()
    name = _unique_name(folder, wanted)
    settle_wal(legacy.database)
    staging = folder.profiles_dir / f"{_STAGING_PREFIX}{name}"
    staging.mkdir()
    name = _finish_staging(folder, staging)
    _set_learner_name(folder.profile(name), name, now)
    if last_profile(folder) is None:
        remember_profile(folder, name)
    return name


def choose_profile(folder: DataFolder, requested: str | None, now: datetime) -> tuple[str, bool]:
    """The profile to open and whether it was just created.

    ``requested`` (from ``--profile``) is found or created; otherwise the last
    profile, the only one, or a first profile named after the account.
    """
    migrate_legacy(folder, now)
    if requested:
        found = find_profile(folder, requested)
        if found is not None:
            return found, False
        return create_profile(folder, requested, now), True
    last = last_profile(folder)
    if last is not None:
        return last, False
    names = list_profiles(folder)
    if names:
        return names[0], False
    return create_profile(folder, default_profile_name(), now), True
