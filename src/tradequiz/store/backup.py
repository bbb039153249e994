"""Backups with ``VACUUM INTO``: consistent copies, taken automatically and thinned.

A plain file copy of a live WAL database can miss committed pages still in
the -wal file; VACUUM INTO reads through SQLite and writes a compact, checked
copy.  The copy is written under a temporary name, synced and renamed, so a
backup file that exists is complete.

When the app takes them (:class:`AutoBackup`): on close and at most every
30 minutes, and only when the database changed since the last one.  Before
every migration :func:`make_backup` is called by ``store.opening``.

What is kept (:func:`thin_backups`), for automatic backups only: the few
newest, then the newest of each of the last 7 days, of each of the last 5
weeks and of each of the last 12 months.  Backups taken before a migration or
a restore are never thinned away.  Times are UTC and come from the backup's
file name, never from the file system, so the policy is testable with a
fake clock.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

BACKUP_SUFFIX = ".sqlite3"
BACKUP_INTERVAL = timedelta(minutes=30)
# Reasons of the backups the app takes by itself; only these are thinned.
AUTO_REASONS = ("auto", "close")
_NAME = re.compile(r"^(\d{8}-\d{6})-([a-z0-9-]+)\.sqlite3$")


@dataclass(frozen=True)
class RetentionPolicy:
    """How many automatic backups survive thinning, by age bucket."""

    recent: int = 4
    daily: int = 7
    weekly: int = 5
    monthly: int = 12


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: datetime
    reason: str

    @property
    def automatic(self) -> bool:
        base = re.sub(r"-\d+$", "", self.reason)
        return base in AUTO_REASONS


def backup_name(now: datetime, reason: str) -> str:
    return f"{now.astimezone(UTC).strftime('%Y%m%d-%H%M%S')}-{reason}{BACKUP_SUFFIX}"


def backup_to(db: Database, target: Path) -> Path:
    """Write a consistent copy of ``db`` to ``target`` and return it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        db.conn.execute("VACUUM INTO ?", [str(partial)])
        with open(partial, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def make_backup(db: Database, folder: Path, now: datetime, reason: str) -> Path:
    """Back ``db`` up into ``folder`` under a name carrying ``now`` and ``reason``."""
    target = folder / backup_name(now, reason)
    n = 2
    while target.exists():
        target = folder / backup_name(now, f"{reason}-{n}")
        n += 1
    return backup_to(db, target)


def quick_check(path: Path) -> bool:
    """True when SQLite's quick_check finds the file sound."""
    try:
        conn = sqlite3.connect(f"file:{path.as_posix()}?mode=ro", uri=True)
        try:
            rows = conn.execute("PRAGMA quick_check").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return rows == [("ok",)]


def list_backups(folder: Path) -> list[BackupFile]:
    """Every complete backup in ``folder``, newest first (partial copies are ignored)."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if not match or not path.is_file():
            continue
        taken = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S").replace(tzinfo=UTC)
        found.append(BackupFile(path, taken, match.group(2)))
    return sorted(found, key=lambda b: (b.taken_at, b.path.name), reverse=True)


def backups_to_keep(
    backups: Iterable[BackupFile], now: datetime, policy: RetentionPolicy
) -> set[Path]:
    """Which backups the retention policy keeps (see the module docstring)."""
    ordered = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    keep = {b.path for b in ordered if not b.automatic}
    auto = [b for b in ordered if b.automatic]
    keep.update(b.path for b in auto[: policy.recent])
    today = now.astimezone(UTC).date()
    buckets: list[tuple[str, int]] = [("day", policy.daily), ("week", policy.weekly),
                                      ("month", policy.monthly)]  # fmt: skip
    for kind, count in buckets:
        wanted = {_bucket(kind, today, back) for back in range(count)}
        seen: set[tuple[int, int, int]] = set()
        for b in auto:  # newest first: the first one seen in a bucket is its newest
            key = _bucket(kind, b.taken_at.date(), 0)
            if key in wanted and key not in seen:
                seen.add(key)
                keep.add(b.path)
    return keep


def _bucket(kind: str, day: date, back: int) -> tuple[int, int, int]:
    """The calendar bucket (day, ISO week or month) ``back`` buckets before ``day``'s."""
    if kind == "day":
        d = day - timedelta(days=back)
        return (d.year, d.month, d.day)
    if kind == "week":
        year, week, _ = (day - timedelta(weeks=back)).isocalendar()
        return (year, week, 0)
    months = day.year * 12 + day.month - 1 - back
    return (months // 12, months % 12 + 1, 0)


def thin_backups(folder: Path, now: datetime, policy: RetentionPolicy | None = None) -> list[Path]:
    """Delete the automatic backups the policy does not keep; return what was deleted."""
    backups = list_backups(folder)
    keep = backups_to_keep(backups, now, policy or RetentionPolicy())
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


class AutoBackup:
    """Decides when the running app backs the database up, and does it.

    The database counts as changed when this connection's ``total_changes``
    moved since the last backup (the app writes through one connection).
    ``tick`` is called by a timer; ``on_close`` when the window closes.
    """

    def __init__(
        self,
        db: Database,
        folder: Path,
        policy: RetentionPolicy | None = None,
        interval: timedelta = BACKUP_INTERVAL,
    ) -> None:
        self.db = db
        self.folder = folder
        self.policy = policy or RetentionPolicy()
        self.interval = interval
        self._baseline = db.conn.total_changes
        self.last_backup: datetime | None = None

    @property
    def changed(self) -> bool:
        return self.db.conn.total_changes != self._baseline

    def tick(self, now: datetime) -> Path | None:
        """Back up if the database changed and the last backup is ``interval`` old."""
        if not self.changed:
            return None
        if self.last_backup is not None and now - self.last_backup < self.interval:
            return None
        return self.backup(now, "auto")

    def on_close(self, now: datetime) -> Path | None:
        """Back up if anything changed since the last backup."""
        return self.backup(now, "close") if self.changed else None

    def backup(self, now: datetime, reason: str) -> Path:
        """Take a backup now, check it, then thin the folder."""
        changes = self.db.conn.total_changes
        path = make_backup(self.db, self.folder, now, reason)
        if not quick_check(path):
            path.unlink(missing_ok=True)
            raise sqlite3.DatabaseError(f"{path}: the new backup failed its check")
        self._baseline = changes
        self.last_backup = now
        thin_backups(self.folder, now, self.policy)
        return path
