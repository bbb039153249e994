from __future__ import annotations

import os
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
    assert list((tmp_path / "data" / "profiles").glob("*/collection.sqlite3"))


def test_python_m_works(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tradequiz", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == f"TradeQuiz {__version__}"


def test_add_and_list_a_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.sample_documents import write_document

    source = write_document(tmp_path / "reading.txt")
    assert main(["add", str(source)]) == 0
    out = capsys.readouterr().out
    assert "Added Canada–Mexico trade:" in out and "Main sectors" in out
    assert main(["add", str(source)]) == 0
    assert "already in your library" in capsys.readouterr().out
    assert main(["list"]) == 0
    listed = capsys.readouterr().out
    assert "Japan–United States trade" in listed and "Canada–Mexico trade" in listed


def test_profile_option_keeps_learners_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.sample_documents import write_document

    source = write_document(tmp_path / "reading.txt")
    assert main(["--profile", "Ana", "add", str(source)]) == 0
    capsys.readouterr()
    assert main(["--profile", "Bob", "list"]) == 0
    bob = capsys.readouterr().out
    assert "Profile: Bob" in bob and "Canada–Mexico trade" not in bob
    assert "TRADEQUIZ_PROFILE" not in os.environ  # the option lasts for one call only
    assert main(["list", "--profiles"]) == 0
    assert capsys.readouterr().out.split() == ["Ana", "*", "Bob"]
    assert main(["--profile", "a/b", "list"]) == 1
    assert "profile name" in capsys.readouterr().err


def test_add_a_bad_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"%PDF")
    assert main(["add", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "notes.pdf" in err and "Traceback" not in err


def test_add_a_bank_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.sample_documents import write_document

    source = write_document(tmp_path / "mail" / "reading.txt")
    bank = tmp_path / "mail" / "reading.yaml"
    assert main(["generate", str(source), "-o", str(bank)]) == 0
    capsys.readouterr()
    assert main(["add", str(bank)]) == 0
    assert "Added Canada–Mexico trade (version 1)" in capsys.readouterr().out
    assert main(["add", str(bank)]) == 0
    assert "already in your library" in capsys.readouterr().out


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    """`tradequiz generate … | head` must not end in a traceback."""
    bank = tmp_path / "b.yaml"
    command = [sys.executable, "-m", "tradequiz", "generate", str(SOURCE), "-o", str(bank)]
    # The reader is gone before the summary is written: every write meets a closed pipe.
    read_end, write_end = os.pipe()
    os.close(read_end)
    result = subprocess.run(command, stdout=write_end, stderr=subprocess.PIPE, text=True)
    os.close(write_end)
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
    assert bank.exists()


def test_validating_a_document_says_what_to_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(SOURCE)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"{SOURCE}:1:1: error: this is a document, not a question bank")
    assert "tradequiz generate" in out
