"""Automatic backups: when they are taken, what they hold, and what is kept over 400 days."""

from __future__ import annotations

import random
import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tradequiz.store import open_store
from tradequiz.store.backup import (
    AutoBackup,
    RetentionPolicy,
    list_backups,
    make_backup,
    quick_check,
)
from tradequiz.store.opening import Store
from tradequiz.store.settings import get_setting, set_settings

T0 = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)


def _setting_in(path: Path, key: str) -> object:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    finally:
        conn.close()
    return None if row is None else row[0]


def test_backup_taken_only_when_changed_and_at_most_every_30_minutes(
    empty_store: Store, tmp_path: Path
) -> None:
    folder = tmp_path / "auto"
    auto = AutoBackup(empty_store.db, folder)
    assert auto.tick(T0) is None  # nothing changed yet
    set_settings(empty_store.db, {"k": 1})
    first = auto.tick(T0)
    assert first is not None and quick_check(first)
    assert auto.tick(T0 + timedelta(minutes=40)) is None  # no change since
    set_settings(empty_store.db, {"k": 2})
    assert auto.tick(T0 + timedelta(minutes=10)) is None  # changed, but too soon
    second = auto.tick(T0 + timedelta(minutes=30))
    assert second is not None and _setting_in(second, "k") == "2"
    assert auto.on_close(T0 + timedelta(minutes=31)) is None
    set_settings(empty_store.db, {"k": 3})
    closing = auto.on_close(T0 + timedelta(minutes=32))
    assert closing is not None and closing.name.endswith("-close.sqlite3")
    assert _setting_in(closing, "k") == "3"
    assert [b.path for b in list_backups(folder)] == [closing, second, first]


def test_backup_holds_commits_still_in_the_wal(empty_store: Store, tmp_path: Path) -> None:
    set_settings(empty_store.db, {"in_wal": True})
    wal = Path(f"{empty_store.path}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # not yet checkpointed
    backup = make_backup(empty_store.db, tmp_path / "b", T0, "manual")
    assert _setting_in(backup, "in_wal") == "true"
    assert not list((tmp_path / "b").glob("*.partial"))


def _made_in(made: list[tuple[datetime, Path]], key: object, bucket: str) -> Path | None:
    """The newest backup the test made in a calendar bucket."""

    def key_of(d: date) -> object:
        if bucket == "day":
            return d
        if bucket == "week":
            return d.isocalendar()[:2]
        return (d.year, d.month)

    matching = [p for t, p in made if key_of(t.date()) == key]
    return matching[-1] if matching else None


@pytest.mark.slow
def test_retention_over_400_days_with_a_fake_clock(tmp_path: Path) -> None:
    """A learner studying on most evenings for 400 days: the folder stays small and
    holds the newest backup of each recent day, week and month, all sound."""
    policy = RetentionPolicy()
    db_path, folder = tmp_path / "c.sqlite3", tmp_path / "backups"
    # A database with data, then a migration backup that must never be thinned.
    store = open_store(db_path, T0, folder)
    set_settings(store.db, {"start": 0})
    make_backup(store.db, folder, T0 - timedelta(days=1), "before-migration-v0")
    auto = AutoBackup(store.db, folder, policy)
    rng = random.Random(8)
    made: list[tuple[datetime, Path]] = []
    most = 0
    for day in range(400):
        if rng.random() < 0.2:
            continue  # a day without study
        start = T0 + timedelta(days=day)
        for minute in (0, 15, 45, 70):
            set_settings(store.db, {"reviews": day * 100 + minute})
            taken = auto.tick(start + timedelta(minutes=minute))
            if taken is not None:
                made.append((start + timedelta(minutes=minute), taken))
        closing = auto.on_close(start + timedelta(minutes=80))
        if closing is not None:
            made.append((start + timedelta(minutes=80), closing))
        most = max(most, len(list_backups(folder)))
    store.close()
    now = made[-1][0]
    kept = list_backups(folder)
    kept_auto = {b.path for b in kept if b.automatic}
    limit = policy.recent + policy.daily + policy.weekly + policy.monthly
    assert len(made) > 600
    assert most <= limit + 1  # never more than the policy allows (+ the migration backup)
    assert len(kept_auto) <= limit
    assert [b.reason for b in kept if not b.automatic] == ["before-migration-v0"]
    assert made[-1][1] in kept_auto  # the newest is always there
    today = now.date()
    for back in range(policy.daily):
        newest = _made_in(made, today - timedelta(days=back), "day")
        assert newest is None or newest in kept_auto
    for back in range(policy.weekly):
        newest = _made_in(made, (today - timedelta(weeks=back)).isocalendar()[:2], "week")
        assert newest is not None and newest in kept_auto
    for back in range(policy.monthly):
        months = today.year * 12 + today.month - 1 - back
        newest = _made_in(made, (months // 12, months % 12 + 1), "month")
        assert newest is not None and newest in kept_auto
    oldest_allowed = date(today.year - 1, today.month, 1)
    assert all(b.taken_at.date() >= oldest_allowed for b in kept if b.automatic)
    assert all(quick_check(b.path) for b in kept)
    # The newest backup holds the last change.
    reopened = open_store(db_path, now)
    try:
        assert _setting_in(made[-1][1], "reviews") == str(get_setting(reopened.db, "reviews"))
    finally:
        reopened.close()
    print(f"\nbackups taken: {len(made)}, kept: {len(kept)} (most at once: {most})")
