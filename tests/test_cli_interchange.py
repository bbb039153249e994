"""``tradequiz import-bank`` and ``tradequiz add`` with Anki, Moodle XML and large files."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.bank.anki_decks import anki_deck, zip_of
from tradequiz.bank.validate import validate_file
from tradequiz.bank.yaml_io import load_bank
from tradequiz.cli import main

pytest.importorskip("anki.collection")


def test_import_an_anki_deck(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    deck = tmp_path / "trade-words.apkg"
    deck.write_bytes(anki_deck(tmp_path / "anki", legacy=False))
    out = tmp_path / "trade-words.yaml"
    assert main(["import-bank", str(deck), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert f"{out}: 4 questions in 1 sections from {deck} (Anki package)" in printed
    assert "warning: 2 images or sounds left out (text only)" in printed
    bank = load_bank(out).bank
    assert sorted(q.kind for q in bank.questions) == ["cloze", "cloze", "flashcard",
                                                      "short_answer"]  # fmt: skip
    assert validate_file(out).ok


def test_a_hostile_package_is_a_clean_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = tmp_path / "evil.apkg"
    evil.write_bytes(zip_of({"collection.anki2": b"x", "../../.bashrc": b"rm -rf ~"}))
    out = tmp_path / "evil.yaml"
    assert main(["import-bank", str(evil), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{evil}:1:1: error: member '../../.bashrc' refused: a '..' or '.' part" in err
    assert "Traceback" not in err and not out.exists()
    assert not (tmp_path.parent / ".bashrc").exists()


def test_a_100000_row_csv_is_refused_by_the_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big = tmp_path / "glossary.csv"
    big.write_text("".join(f"term {i},definition of term {i}\n" for i in range(100_000)))
    out = tmp_path / "glossary.yaml"
    assert main(["import-bank", str(big), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{big}:10001:1: error: more than 10,000 rows: one import takes at most 10,000" in err
    assert not out.exists()


def test_add_a_moodle_file_to_the_library(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    quiz = tmp_path / "week1.xml"
    quiz.write_text(
        "<quiz><question type='truefalse'><name><text>tf-1</text></name>"
        "<questiontext><text>Tariffs are taxes on imports.</text></questiontext>"
        "<answer fraction='100'><text>true</text></answer>"
        "<answer fraction='0'><text>false</text></answer></question></quiz>"
    )
    assert main(["add", str(quiz)]) == 0
    assert "Added Week1 (version 1): 1 question." in capsys.readouterr().out
    assert main(["add", str(quiz)]) == 0
    assert "is already in your library" in capsys.readouterr().out
