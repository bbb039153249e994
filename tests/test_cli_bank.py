"""The bank commands as an instructor runs them: files on disk, exit codes, printed messages."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.bank.samples import every_kind
from tradequiz.bank.yaml_io import load_bank, save_bank
from tradequiz.cli import main

SOURCE = Path(__file__).resolve().parents[1] / "question_bank" / "japan-us-trade.txt"


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    shutil.copy(SOURCE, tmp_path / "japan-us-trade.txt")
    path = tmp_path / "every-kind.yaml"
    save_bank(every_kind(), path)
    return path


def test_validate_clean_bank_exits_0(bank_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(bank_file)]) == 0
    captured = capsys.readouterr()
    assert "OK — 8 questions, 0 errors" in captured.err
    assert " error: " not in captured.out


def test_validate_reports_every_error_and_exits_1(
    bank_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bank_file.read_text()
    text = text.replace("    truth: false\n", "    truth: nope\n")
    text = text.replace("  - id: debate-1\n", "  - id: mc-1\n")
    bank_file.write_text(text)
    other = tmp_path / "other.yaml"
    other.write_text("format: tradequiz-bank/1\nquestions: [\n")
    assert main(["validate", str(bank_file), str(other)]) == 1
    out = capsys.readouterr().out.splitlines()
    pattern = re.compile(r"^(.+):(\d+):(\d+): (error|warning): .+$")
    assert out and all(pattern.match(line) for line in out)
    files = {pattern.match(line).group(1) for line in out}  # type: ignore[union-attr]
    assert files == {str(bank_file), str(other)}
    assert any("true or false" in line for line in out)


def test_validate_strict_fails_on_warnings(
    bank_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = bank_file.read_text().replace(
        "prompt: Which sector does the article say depends on semiconductors?",
        "prompt: Which item covers critical technologies and chips?",
    )
    bank_file.write_text(text)
    assert main(["validate", str(bank_file)]) == 0
    assert "warning: the correct option" in capsys.readouterr().out
    assert main(["validate", "--strict", str(bank_file)]) == 1


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("out.gift", None), ("out.txt", "gift"), ("out.json", None), ("out.csv", None),
     ("out.tsv", None), ("out.xml", None), ("deck.apkg", None)],
)  # fmt: skip
def test_export_then_import_by_cli(
    bank_file: Path, tmp_path: Path, name: str, fmt: str | None,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    out = tmp_path / name
    extra = ["--format", fmt] if fmt else []
    assert main(["export-bank", str(bank_file), "-o", str(out), *extra]) == 0
    assert out.exists()
    again = tmp_path / "again.yaml"
    assert main(["import-bank", str(out), "-o", str(again), *extra]) == 0
    imported = load_bank(again).bank
    assert imported.questions
    assert again.read_text().startswith("# yaml-language-server: $schema=")
    assert "questions" in capsys.readouterr().out


def test_import_refuses_to_overwrite(
    bank_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gift = tmp_path / "q.gift"
    gift.write_text("Tariffs are taxes on imports. {T}\n")
    assert main(["import-bank", str(gift), "-o", str(bank_file)]) == 1
    assert "--force" in capsys.readouterr().out
    assert load_bank(bank_file).bank.id == "every-kind"
    assert main(["import-bank", str(gift), "-o", str(bank_file), "--force"]) == 0
    assert [q.kind for q in load_bank(bank_file).bank.questions] == ["true_false"]


def test_bad_input_is_a_clean_error(
    bank_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "broken.gift"
    bad.write_text("Fine {T}\n\nBroken {=a\n")
    target = tmp_path / "new.yaml"
    assert main(["import-bank", str(bad), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:3:1: error:" in err and "Traceback" not in err
    assert not target.exists()
    assert main(["export-bank", str(bank_file), "-o", str(tmp_path / "x.doc")]) == 1
    assert "--format" in capsys.readouterr().err


def test_export_refuses_an_invalid_bank(
    bank_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank_file.write_text(bank_file.read_text().replace("  - id: debate-1\n", "  - id: mc-1\n"))
    out = tmp_path / "x.gift"
    assert main(["export-bank", str(bank_file), "-o", str(out)]) == 1
    assert "duplicate id 'mc-1'" in capsys.readouterr().err
    assert not out.exists()


def test_generate_needs_an_output_or_update(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["generate", str(SOURCE)])
    assert "--update" in str(info.value.code)
