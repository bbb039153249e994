from __future__ import annotations

from pathlib import Path

import pytest

from tradequiz.bank import BankError, dump_bank, load_bank, parse_bank, save_bank
from tradequiz.bank.model import Bank, BankSection, Choice, Question

BANK = """\
# Instructor's notes: reviewed in March.
format: tradequiz-bank/1
bank:
  id: demo
  title: Demo
  version: 3
  source: demo.txt
sections:
  - {id: intro, title: Introduction}
questions:
  # keep this one
  - id: q1
    kind: multiple_choice
    section: intro
    status: approved
    prompt: Which one?
    choices:
      - text: no
        correct: true
      - text: '3.10'
      - text: off
  - id: q2
    kind: true_false
    section: intro
    prompt: It is 2024-01-01 today.
    truth: false
"""


def test_plain_scalars_stay_text() -> None:
    bank = parse_bank(BANK, "demo.yaml").bank
    q1 = bank.questions[0]
    assert [c.text for c in q1.choices] == ["no", "3.10", "off"]
    assert q1.choices[0].correct is True
    assert bank.questions[1].prompt == "It is 2024-01-01 today."
    assert bank.questions[1].truth is False
    assert bank.version == 3


def test_save_keeps_comments_and_untouched_entries(tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    path.write_text(BANK)
    loaded = load_bank(path)
    q2 = loaded.bank.questions[1]
    edited = Question(**{**q2.__dict__, "status": "approved"})
    bank = Bank(**{**loaded.bank.__dict__, "questions": (loaded.bank.questions[0], edited)})
    save_bank(bank, path, loaded.tree)
    text = path.read_text()
    assert "# Instructor's notes: reviewed in March." in text
    assert "# keep this one" in text
    assert "      - text: no\n        correct: true\n" in text
    assert "status: approved" in text.split("id: q2")[1]
    assert load_bank(path).bank.questions[1].status == "approved"


@pytest.mark.parametrize(
    ("snippet", "message"),
    [
        ("a: &x [1]\nb: *x\n", "anchors"),
        ("a: !!python/object/apply:os.system ['echo hi']\n", "tags"),
        ("a: !custom thing\n", "tags"),
    ],
)
def test_unsafe_yaml_is_refused(snippet: str, message: str) -> None:
    with pytest.raises(BankError) as info:
        parse_bank(snippet, "evil.yaml")
    assert message in str(info.value)
    assert str(info.value).startswith("evil.yaml:1:")


def test_every_structural_problem_is_reported_with_its_line() -> None:
    text = BANK.replace("    kind: multiple_choice\n", "    kind: essay\n").replace(
        "    truth: false", "    truth: maybe"
    )
    with pytest.raises(BankError) as info:
        parse_bank(text, "demo.yaml")
    messages = [str(p) for p in info.value.problems]
    assert any(m.startswith("demo.yaml:13:11:") and "unknown kind 'essay'" in m for m in messages)
    assert any(m.startswith("demo.yaml:26:12:") and "true or false" in m for m in messages)


def test_generated_bank_round_trips() -> None:
    bank = Bank(
        id="b",
        title="T",
        version=1,
        source="t.txt",
        sections=(BankSection("s", "S"),),
        questions=(
            Question(id="q", kind="multiple_choice", section="s", prompt="P?",
                     choices=(Choice("A", True), Choice("B"), Choice("yes"), Choice("1.0"))),
        ),
    )  # fmt: skip
    again = parse_bank(dump_bank(bank)).bank
    assert again.questions == bank.questions
    assert again.sections == bank.sections
