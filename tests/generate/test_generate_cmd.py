"""``tradequiz generate`` as an instructor runs it: bank, summary and report on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradequiz.bank import load_bank
from tradequiz.cli import main

from .conftest import FIXTURES, SOURCE


def test_generate_prints_a_summary_and_writes_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bank_path, report = tmp_path / "bank.yaml", tmp_path / "report.md"
    assert main(["generate", str(SOURCE), "-o", str(bank_path), "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "questions kept" in out and "introduction" in out and "rejected:" in out
    assert "near_duplicate" in out and " s" in out
    bank = load_bank(bank_path).bank
    assert len(bank.questions) >= 150
    text = report.read_text(encoding="utf-8")
    assert "## Kept questions" in text and "## Rejected candidates" in text
    assert "### near_duplicate" in text
    assert bank.questions[0].prompt in text


def test_generate_a_markdown_document(tmp_path: Path) -> None:
    out = tmp_path / "cm.yaml"
    assert main(["generate", str(FIXTURES / "canada-mexico-trade.md"), "-o", str(out)]) == 0
    assert load_bank(out).bank.title == "Canada–Mexico trade"


def test_shipped_bank_is_the_generators(tmp_path: Path) -> None:
    """The shipped bank was generated from the shipped source (edits after that keep the ids)."""
    shipped = load_bank(SOURCE.with_suffix(".yaml")).bank
    out = tmp_path / "fresh.yaml"
    assert main(["generate", str(SOURCE), "-o", str(out)]) == 0
    fresh = load_bank(out).bank
    assert {q.id for q in fresh.questions} == {q.id for q in shipped.questions}
