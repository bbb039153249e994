"""Bank files on disk beside a copy of the shipped document."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.bank.samples import SOURCE, every_kind
from tradequiz.bank.yaml_io import save_bank


@pytest.fixture
def bank_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "banks"
    folder.mkdir()
    shutil.copy(SOURCE, folder / "japan-us-trade.txt")
    return folder


@pytest.fixture
def bank_file(bank_dir: Path) -> Path:
    path = bank_dir / "every-kind.yaml"
    save_bank(every_kind(), path)
    return path
