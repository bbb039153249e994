"""Shared fixtures: a temporary data folder for every test, fixed times, an open store."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tradequiz.shipped import load_shipped_banks
from tradequiz.store.opening import Store, open_store

SOURCE = Path(__file__).resolve().parents[1] / "question_bank" / "japan-us-trade.txt"
NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the real user data folder."""
    home = tmp_path / "tradequiz-home"
    monkeypatch.setenv("TRADEQUIZ_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    from PySide6.QtCore import QSettings

    # QSettings caches its folder per process: point it at this test's folder explicitly.
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.delenv("TRADEQUIZ_PROFILE", raising=False)
    return home


@pytest.fixture
def now() -> datetime:
    return NOW


@pytest.fixture
def source_text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture
def empty_store(tmp_path: Path) -> Iterator[Store]:
    store = open_store(tmp_path / "db" / "collection.sqlite3", NOW, tmp_path / "db" / "backups")
    yield store
    store.close()


@pytest.fixture
def store(empty_store: Store) -> Store:
    """A store holding the shipped bank, loaded at NOW."""
    load_shipped_banks(empty_store, NOW)
    return empty_store
