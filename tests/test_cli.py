from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tradequiz import __version__
from tradequiz.bank import load_bank
from tradequiz.cli import main

SOURCE = Path(__file__).resolve().parents[1] / "question_bank" / "japan-us-trade.txt"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"TradeQuiz {__version__}"


def test_help_lists_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "--data-dir" in out
    assert "generate" in out and "list" in out


def test_generate_writes_a_bank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "bank.yaml"
    assert main(["generate", str(SOURCE), "-o", str(out)]) == 0
    bank = load_bank(out).bank
    assert bank.title == "Japan–United States trade"
    assert len(bank.questions) > 0
    assert "questions" in capsys.readouterr().out


def test_missing_document_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["generate", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "b.yaml")]) == 1
    err = capsys.readouterr().err
    assert "nope.txt" in err and "Traceback" not in err


def test_list_uses_the_data_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "data"), "list"]) == 0
    assert "Japan–United States trade" in capsys.readouterr().out
    assert (tmp_path / "data" / "collection.sqlite3").exists()


def test_python_m_works(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tradequiz", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"TradeQuiz {__version__}"
