"""Source documents and bank files in every encoding a learner's editor may produce:
read correctly, or refused with the file and the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradequiz.bank.problems import BankError
from tradequiz.bank.yaml_io import load_bank
from tradequiz.cli import main
from tradequiz.document import DocumentError, read_document, read_text

DOC = (
    "Café trade — a naïve history\n"
    "\n"
    "Origins\n"
    "\n"
    "Coffee reached Japan in the 1600s. The first café opened in 1888.\n"
    "\n"
    "Tariffs\n"
    "\n"
    "Tariffs on roasted beans fell after 1960. Importers cheered the change.\n"
)
BANK = """\
format: tradequiz-bank/1
bank:
  id: café
  title: Café trade
  version: 1
questions:
  - id: q1
    kind: flashcard
    section: origins
    prompt: When did the first café open?
    answers: ["1888"]
"""


def _sections(doc_text: str) -> list[tuple[str, list[str]]]:
    return [(s.title, [b.text for b in s.blocks]) for s in read_text(doc_text, "x.txt").sections]


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-8", DOC.encode("utf-8")),
        ("utf-8 with BOM", DOC.encode("utf-8-sig")),
        ("utf-16 LE with BOM", DOC.encode("utf-16")),  # Python writes the BOM, LE here
        ("utf-16 BE with BOM", b"\xfe\xff" + DOC.encode("utf-16-be")),
        ("CRLF", DOC.replace("\n", "\r\n").encode("utf-8")),
        ("CR only", DOC.replace("\n", "\r").encode("utf-8")),
    ],
)
def test_document_encodings_read_the_same(tmp_path: Path, label: str, data: bytes) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    doc = read_document(path)
    assert doc.title == "Café trade — a naïve history", label
    assert [(s.title, [b.text for b in s.blocks]) for s in doc.sections] == _sections(DOC)
    assert "\r" not in doc.text and "\ufeff" not in doc.text
    for section in doc.sections:  # offsets point into the normalised text
        for block in section.blocks:
            assert doc.text[block.start : block.end] == block.text


@pytest.mark.parametrize(
    ("label", "data", "line", "words"),
    [
        ("cp1252", DOC.encode("cp1252"), 1, "not UTF-8"),
        ("cp1252 later", ("plain title\n\n" + DOC).encode("cp1252"), 3, "not UTF-8"),
        ("invalid bytes", b"Title\n\nGood line.\n\nBad \xff\xfe line.\n", 5, "not UTF-8"),
        ("NUL", b"Title\n\nOne.\nTwo\x00 three.\n", 4, "NUL"),
        ("UTF-16 without BOM", DOC.encode("utf-16-le"), 1, "UTF-16 without a byte-order"),
        ("binary", b"\x89PNG\r\n\x1a\n" + bytes(2000), 1, "not text"),
        ("odd UTF-16", b"\xff\xfe" + "A\nB\nC".encode("utf-16-le") + b"\x00\xd8", 3, "UTF-16"),
        ("truncated UTF-8", DOC.encode("utf-8")[:-1] + "é".encode()[:1], 9, "not UTF-8"),
    ],
)
def test_undecodable_documents_are_refused_with_the_line(
    tmp_path: Path, label: str, data: bytes, line: int, words: str
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        read_document(path)
    assert caught.value.line == line, label
    assert words in caught.value.message and caught.value.path == str(path)


def test_the_cli_reports_a_bad_encoding_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(("Old notes\n\nA line.\n\nNaïve café.\n").encode("cp1252"))
    assert main(["generate", str(path), "-o", str(tmp_path / "b.yaml")]) == 1
    err = capsys.readouterr().err
    assert f"{path}:5:" in err and "not UTF-8" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "data",
    [
        BANK.encode("utf-8"),
        BANK.encode("utf-8-sig"),
        BANK.encode("utf-16"),
        BANK.replace("\n", "\r\n").encode("utf-8"),
    ],
)
def test_bank_encodings_load_the_same(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bank.yaml"
    path.write_bytes(data)
    bank = load_bank(path).bank
    assert bank.id == "café" and bank.questions[0].answers == ("1888",)


@pytest.mark.parametrize(
    ("data", "line", "words"),
    [
        (BANK.encode("cp1252"), 3, "not valid UTF-8"),
        (BANK.encode("utf-8").replace(b"1888", b"18\x0088"), 11, "NUL"),
    ],
)
def test_undecodable_banks_are_refused_with_the_line(
    tmp_path: Path, data: bytes, line: int, words: str
) -> None:
    path = tmp_path / "bank.yaml"
    path.write_bytes(data)
    with pytest.raises(BankError) as caught:
        load_bank(path)
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == (str(path), line)
    assert words in problem.message
