"""Bank files from anyone: bombs, code tags, YAML's type guessing and huge files are refused
or read as text, quickly and without a traceback."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from tradequiz.bank.problems import BankError
from tradequiz.bank.yaml_io import MAX_BANK_BYTES, MAX_DEPTH, load_bank, parse_bank
from tradequiz.document import DocumentError, read_document
from tradequiz.document.reader import MAX_BYTES as MAX_DOCUMENT_BYTES

HEADER = "format: tradequiz-bank/1\nbank: {id: b, title: T, version: 1}\n"

BILLION_LAUGHS = (
    HEADER
    + """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
questions: *i
"""
)


def test_billion_laughs_is_refused_fast_without_memory_growth() -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(BankError, match="anchors"):
            parse_bank(BILLION_LAUGHS, "bomb.yaml")
        seconds = time.perf_counter() - started
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seconds < 2.0
    assert peak < 5 * 1024 * 1024  # the expansion would need gigabytes


def test_an_alias_without_anchor_definition_is_refused_too() -> None:
    with pytest.raises(BankError, match="aliases"):
        parse_bank(HEADER + "questions: [*nowhere]\n", "alias.yaml")


@pytest.mark.parametrize(
    "value",
    [
        "!!python/object/apply:os.system ['touch /tmp/pwned']",
        "!!python/name:os.system",
        "!!python/object/new:subprocess.Popen [['id']]",
        "!!binary aGVsbG8=",
        "!custom thing",
        "!!map {a: 1}",
    ],
)
def test_tags_are_refused(value: str, tmp_path: Path) -> None:
    marker = Path("/tmp/pwned")
    text = (
        HEADER
        + f"questions:\n  - id: q1\n    kind: flashcard\n    section: s\n    prompt: {value}\n"
    )
    with pytest.raises(BankError, match=r"tags \(") as caught:
        parse_bank(text, "tags.yaml")
    assert caught.value.problems[0].line == 7
    assert not marker.exists()


@pytest.mark.parametrize(
    "raw",
    [
        "no",
        "off",
        "yes",
        "on",
        "3.10",
        "0644",
        "0x1F",
        "1e3",
        ".inf",
        "2024-01-01",
        "12:30:00",
        "~",
        "null",
        "True",
        "-7",
    ],
)
def test_scalars_yaml_would_guess_stay_text(raw: str) -> None:
    text = HEADER + (
        f"questions:\n  - id: {raw}\n    kind: flashcard\n    section: {raw}\n"
        f"    prompt: {raw}\n    answers: [{raw}, x]\n    tags: [{raw}]\n"
    )
    question = parse_bank(text).bank.questions[0]
    assert question.id == question.section == question.prompt == raw
    assert question.answers == (raw, "x") and question.tags == (raw,)


def test_deep_nesting_is_refused_not_a_recursion_crash() -> None:
    for text in (
        HEADER + "questions: " + "[" * 20000 + "]" * 20000,
        HEADER + "questions: " + "{a: " * 5000 + "1" + "}" * 5000,
        HEADER + "questions:\n" + "".join("  " * i + "- \n" for i in range(1, 3000)),
    ):
        started = time.perf_counter()
        with pytest.raises(BankError, match=f"deeper than {MAX_DEPTH}"):
            parse_bank(text, "deep.yaml")
        assert time.perf_counter() - started < 2.0


def test_duplicate_keys_are_refused() -> None:
    with pytest.raises(BankError, match=r"(?i)duplicate"):
        parse_bank(HEADER + "questions: []\nquestions: []\n", "dup.yaml")


def test_a_bank_over_the_cap_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:  # sparse: no 50 MB written to the test disk
        handle.truncate(MAX_BANK_BYTES + 1)
    started = time.perf_counter()
    with pytest.raises(BankError, match="larger than 50 MB") as caught:
        load_bank(path)
    assert time.perf_counter() - started < 1.0
    assert caught.value.problems[0].path == str(path)


def test_a_document_over_the_cap_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(DocumentError, match=r"larger than 20 MB"):
        read_document(path)
