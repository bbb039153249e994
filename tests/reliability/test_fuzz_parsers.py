"""Fuzzing the YAML bank parser and the document reader with hypothesis.

Every input must end in a result or in the parser's own error (BankError /
DocumentError, which the app shows with file and line) — never another
exception — and within 2 seconds (hypothesis' deadline).  The GIFT, CSV,
JSON and .apkg importers are written by another helper at the same time and
are not fuzzed here.

TRADEQUIZ_FUZZ_EXAMPLES raises the number of inputs per test (default 150).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tradequiz.bank.problems import BankError
from tradequiz.bank.yaml_io import parse_bank
from tradequiz.document import DocumentError, read_text
from tradequiz.document.reader import decode_text
from tradequiz.resources import shipped_banks

EXAMPLES = int(os.environ.get("TRADEQUIZ_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=2),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TRIED: Counter[str] = Counter()
SHIPPED_BANK = shipped_banks()[0].read_text(encoding="utf-8")

KEYS = ["format", "bank", "id", "title", "version", "source", "sections", "questions", "kind",
        "section", "prompt", "choices", "text", "correct", "truth", "answers", "pairs", "left",
        "right", "items", "explanation", "difficulty", "status", "tags", "start", "end",
        "approved_only", "meta", "fingerprint"]  # fmt: skip
VALUES = ["tradequiz-bank/1", "multiple_choice", "flashcard", "true_false", "cloze",
          "matching", "ordering", "approved", "draft", "true", "no", "3.10", "", "____", "-1",
          "1e999"]  # fmt: skip
YAML_BITS = ["&a ", "*a", "!!python/name:os.system", "!tag ", "? ", ": ", "- ", "[", "]", "{", "}",
             "|\n", ">\n", "'", '"', "#", "---\n", "...\n", "%YAML 1.1\n", "\t", "\ufeff", "\x00",
             "\\", "\n  ", "\n", "<<: ", "~"]  # fmt: skip


def _bank_only(text: str) -> None:
    TRIED["yaml"] += 1
    try:
        parse_bank(text, "fuzz.yaml")
    except BankError as exc:
        assert exc.problems and all(p.path == "fuzz.yaml" and p.line >= 1 for p in exc.problems)


def _nest(children: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    keys = st.sampled_from(KEYS) | st.text(max_size=5)
    return st.lists(children, max_size=4) | st.dictionaries(keys, children, max_size=6)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.sampled_from(VALUES) | st.text(),
    _nest,
    max_leaves=30,
)


@FUZZ
@given(st.text(max_size=2000))
def test_any_text_as_a_bank(text: str) -> None:
    _bank_only(text)


@FUZZ
@given(st.lists(st.sampled_from(YAML_BITS + KEYS + VALUES) | st.text(max_size=8), max_size=80))
def test_yaml_shaped_noise_as_a_bank(parts: list[str]) -> None:
    _bank_only("".join(parts))


@FUZZ
@given(json_values)
def test_structures_with_bank_keys(value: object) -> None:
    # JSON is YAML: random structures with the bank's own keys reach the converter.
    _bank_only(json.dumps({"format": "tradequiz-bank/1", "questions": value}))
    _bank_only(json.dumps(value))


@FUZZ
@given(st.data())
def test_the_shipped_bank_mutated(data: st.DataObject) -> None:
    text = SHIPPED_BANK
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 200))
        insert = data.draw(st.sampled_from(YAML_BITS + VALUES) | st.text(max_size=10))
        text = text[:at] + insert + text[at + cut :]
    _bank_only(text)


def _document_only(text: str) -> None:
    TRIED["document"] += 1
    try:
        doc = read_text(text, "fuzz.md")
    except DocumentError as exc:
        assert exc.path == "fuzz.md" and exc.line >= 1
        return
    for section in doc.sections:  # whatever is read is consistent
        for block in section.blocks:
            assert 0 <= block.start <= block.end <= len(doc.text)


LINES = ["# Title", "## Section", "### Deeper", "- item", "* Term: description", "1. first",
         "Term: description", "A sentence. Another one!", "", "   ", "```", "---", "| a | b |",
         "<img src=x>", "**bold** and _it_", "[link](http://x)", "Heading", "Edit",
         "\t- tab"]  # fmt: skip


@FUZZ
@given(st.text(max_size=3000))
def test_any_text_as_a_document(text: str) -> None:
    _document_only(text)


@FUZZ
@given(st.lists(st.sampled_from(LINES) | st.text(max_size=40), max_size=60))
def test_markdown_shaped_documents(lines: list[str]) -> None:
    _document_only("\n".join(lines))


@FUZZ
@given(st.binary(max_size=3000))
def test_any_bytes_as_a_document_file(data: bytes) -> None:
    TRIED["bytes"] += 1
    try:
        text = decode_text(data, "fuzz.txt")
    except DocumentError as exc:
        assert exc.path == "fuzz.txt" and exc.line >= 1
        return
    _document_only(text)


NASTY_BANKS = [
    "",
    "\ufeff",
    "\x00",
    "questions:",
    "questions: 5",
    "questions: [1, 2, 3]",
    "questions: [{}]",
    "- a\n- b",
    "'unterminated",
    "key: [unclosed",
    "a: b: c",
    "? complex key\n: value",
    "<<: {a: 1}",
    "questions: [{id: q, kind: matching, section: s, prompt: p, pairs: [1, {left: 2}]}]",
    "questions: [{id: q, kind: flashcard, section: s, prompt: p, difficulty: nan}]",
    "questions: [{id: q, kind: flashcard, section: s, prompt: p, source: {start: 9e99}}]",
    "bank: {id: [], title: {}, version: 99999999999999999999999}\nquestions: []",
    "%YAML 1.1\n---\nquestions: []\n...\n---\nquestions: []",
    "questions: []\n" + "x" * 100000,
    "\t\tquestions: []",
    "questions: [" + "'a'," * 20000 + "]",
    "? [a, b]\n: value",  # found by fuzzing: a list as a mapping key crashed the loader
    "questions:\n  - ? {a: 1}\n    : x",
    "{[1]: 2}",
]


@pytest.mark.parametrize("text", NASTY_BANKS)
def test_a_fixed_corpus_of_nasty_banks(text: str) -> None:
    _bank_only(text)


def test_report_inputs_tried(request: pytest.FixtureRequest) -> None:
    """Prints how many inputs the fuzz tests above tried (for docs/reliability.md)."""
    if not TRIED:
        pytest.skip("run together with the fuzz tests")
    print(f"\nfuzz inputs tried: {dict(TRIED)}, total {sum(TRIED.values())}")


def test_reading_a_fuzzed_file_from_disk_goes_through_the_same_checks(tmp_path: Path) -> None:
    path = tmp_path / "weird.yaml"
    path.write_bytes(b"questions: [\xff\xfe]\n")
    with pytest.raises(BankError) as caught:
        from tradequiz.bank.yaml_io import load_bank

        load_bank(path)
    assert caught.value.problems[0].line == 1
