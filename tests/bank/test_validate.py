from __future__ import annotations

import re
from pathlib import Path

import pytest

from tradequiz.bank.checks import leaks, question_problems
from tradequiz.bank.model import Choice, Question
from tradequiz.bank.validate import validate_file
from tradequiz.resources import question_bank_dir


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text().splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(needle)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_every_kind_bank_is_clean(bank_file: Path) -> None:
    report = validate_file(bank_file)
    assert report.errors == []
    assert report.ok


def test_shipped_banks_have_no_errors() -> None:
    for path in sorted(question_bank_dir().glob("*.yaml")):
        assert validate_file(path).errors == [], path


def test_file_starts_with_the_schema_comment(bank_file: Path) -> None:
    first = bank_file.read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../resources/schema/bank.schema.json"


def test_every_problem_is_reported_with_its_line(bank_file: Path) -> None:
    # Three separate mistakes an instructor might make while editing by hand.
    _edit(bank_file, "  - id: tf-1\n", "  - id: mc-1\n")
    _edit(bank_file, "      - text: Agriculture and food products\n",
          "      - text: Agriculture and food products\n        correct: true\n")  # fmt: skip
    _edit(bank_file, "prompt: The formal framework came in the late ____ and early 2020s.",
          "prompt: The formal framework came in the late ____ and early ____.")  # fmt: skip
    report = validate_file(bank_file)
    text = [str(p) for p in report.errors]
    dup_line = _line_of(bank_file, "  - id: mc-1") + 0
    lines = [n for n, ln in enumerate(bank_file.read_text().splitlines(), 1) if "id: mc-1" in ln]
    assert len(lines) == 2
    assert any(f":{lines[1]}:" in m and "duplicate id 'mc-1'" in m and f"line {dup_line}" in m
               for m in text)  # fmt: skip
    choices_line = _line_of(bank_file, "    choices:")
    assert any(f":{choices_line}:" in m and "exactly one correct option, has 2" in m for m in text)
    cloze_line = _line_of(bank_file, "early ____.")
    assert any(f":{cloze_line}:" in m and "exactly one blank" in m and "has 2" in m for m in text)
    assert all(re.match(rf"{re.escape(str(bank_file))}:\d+:\d+: error: ", m) for m in text)


def test_schema_problems_are_errors_at_the_field(bank_file: Path) -> None:
    _edit(bank_file, "  - id: order-1\n", "  - id: 'has space'\n")
    _edit(bank_file, "    difficulty: 0.5\n", "    difficulty: 7\n")
    report = validate_file(bank_file)
    messages = [p.message for p in report.errors]
    assert any("letters, digits" in m and "has space" in m for m in messages)
    assert any("difficulty" in m for m in messages)
    line = _line_of(bank_file, "difficulty: 7")
    assert any(p.line == line for p in report.errors)


def test_section_and_source_span_are_checked_against_the_document(bank_file: Path) -> None:
    _edit(bank_file, "    section: introduction\n", "    section: epilogue\n")
    _edit(bank_file, "source: {start: 4978, end: 5088}", "source: {start: 4978, end: 99999}")
    report = validate_file(bank_file)
    messages = [p.message for p in report.errors]
    assert any("section 'epilogue' is not in japan-us-trade.txt" in m for m in messages)
    assert any("lies outside japan-us-trade.txt" in m for m in messages)


def test_a_missing_source_document_is_an_error(bank_file: Path) -> None:
    (bank_file.parent / "japan-us-trade.txt").unlink()
    report = validate_file(bank_file)
    assert any("cannot read the source document" in p.message for p in report.errors)


def test_a_changed_document_is_a_warning(bank_file: Path) -> None:
    _edit(bank_file, "  approved_only: false\n", "  approved_only: false\n  source_sha256: "
          + "0" * 64 + "\n")  # fmt: skip
    report = validate_file(bank_file)
    assert report.errors == []
    assert any("--update" in p.message for p in report.warnings)


def test_syntax_errors_and_refused_yaml_do_not_raise(bank_file: Path) -> None:
    bank_file.write_text("format: tradequiz-bank/1\nbank: [unclosed\n")
    report = validate_file(bank_file)
    assert report.errors and report.errors[0].line >= 2
    bank_file.write_bytes(b"format: \xff\n")
    assert "UTF-8" in validate_file(bank_file).errors[0].message


@pytest.mark.parametrize(
    ("answer", "prompt", "expected"),
    [
        ("semiconductors", "Which sector relies on semiconductor supply?", True),
        ("Services and finance", "Which item covers financial services?", False),
        ("Critical technologies", "Which item is about critical technologies?", True),
        ("Agriculture", "Which sector depends on chips?", False),
        ("the", "the the the", False),
    ],
)
def test_answer_leak_detection(answer: str, prompt: str, expected: bool) -> None:
    assert leaks(answer, prompt) is expected


def test_question_checks_name_the_field() -> None:
    q = Question(id="x", kind="multiple_choice", section="s", prompt="Pick one",
                 choices=(Choice("A"), Choice("A")))  # fmt: skip
    problems = {(p.field, p.severity) for p in question_problems(q, {"s"})}
    assert ("choices", "error") in problems
    assert all(field == "choices" for field, _ in problems)
