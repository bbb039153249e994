"""The .apkg opened by Anki's own library: every note, its fields, and updates on re-export."""

from __future__ import annotations

import io
import sqlite3
import zipfile
from dataclasses import replace
from pathlib import Path

import genanki
import pytest

from tests.bank.samples import every_kind
from tradequiz.bank import apkg
from tradequiz.bank.apkg import export_apkg
from tradequiz.bank.interchange import exportable

anki_collection = pytest.importorskip("anki.collection")
import_export = pytest.importorskip("anki.import_export_pb2")


def _import(col: object, path: Path) -> object:
    request = import_export.ImportAnkiPackageRequest(
        package_path=str(path),
        options=import_export.ImportAnkiPackageOptions(update_notes=1),
    )
    return col.import_anki_package(request)  # type: ignore[attr-defined]


def test_anki_reads_every_note_and_updates_on_reexport(tmp_path: Path) -> None:
    bank = every_kind()
    first = tmp_path / "first.apkg"
    first.write_bytes(export_apkg(bank, timestamp=1_700_000_000).data)
    col = anki_collection.Collection(str(tmp_path / "collection.anki2"))
    try:
        result = _import(col, first)
        assert len(result.log.new) == len(bank.questions)  # type: ignore[attr-defined]
        notes = {col.get_note(nid)["QuestionId"]: col.get_note(nid) for nid in col.find_notes("")}
        assert set(notes) == {q.id for q in bank.questions}
        mc = notes["mc-1"]
        assert "Which sector does the article say depends on semiconductors?" in mc["Front"]
        for choice in ("Critical technologies", "Agriculture and food products",
                       "Services and finance"):  # fmt: skip
            assert f"<li>{choice}</li>" in mc["Front"]
        assert "<b>A) Critical technologies</b>" in mc["Back"]
        assert mc["Section"] == "sectoral-highlights"
        cloze = notes["cloze-1"]
        assert cloze.note_type()["name"] == "TradeQuiz Cloze"
        assert "{{c1::2010s}}" in cloze["Text"]
        assert notes["tf-1"]["Back"] == "False"
        assert "week_1" in notes["card-1"].tags and "introduction" in notes["card-1"].tags
        decks = {d.name for d in col.decks.all_names_and_ids()}
        assert "Every kind / demo::Sectoral highlights" in decks
        guids = {nid: col.get_note(nid).guid for nid in col.find_notes("")}

        # The instructor fixes a typo and exports again: same notes, updated, no duplicates.
        fixed = replace(
            bank.questions[0], prompt="Which sector depends on chips, says the article?"
        )
        second = tmp_path / "second.apkg"
        edited = replace(bank, questions=(fixed, *bank.questions[1:]))
        second.write_bytes(export_apkg(edited, timestamp=1_700_000_500).data)
        result = _import(col, second)
        assert len(result.log.new) == 0  # type: ignore[attr-defined]
        assert {nid: col.get_note(nid).guid for nid in col.find_notes("")} == guids
        nid = col.find_notes('"QuestionId:mc-1"')[0]
        assert "depends on chips, says the article" in col.get_note(nid)["Front"]
    finally:
        col.close()


def test_rejected_questions_stay_out() -> None:
    bank = every_kind()
    rejected = replace(bank, questions=(replace(bank.questions[0], status="rejected"),
                                        *bank.questions[1:]))  # fmt: skip
    exported = export_apkg(rejected, timestamp=1_700_000_000)
    assert exported.exported == len(bank.questions) - 1
    assert exported.notes == ["1 rejected or orphaned questions left out"]


def _tables(apkg: bytes, folder: Path) -> dict[str, list[tuple[object, ...]]]:
    with zipfile.ZipFile(io.BytesIO(apkg)) as package:
        assert sorted(package.namelist()) == ["collection.anki2", "media"]
        assert package.read("media") == b"{}"
        path = folder / "collection.anki2"
        path.write_bytes(package.read("collection.anki2"))
    conn = sqlite3.connect(path)
    try:
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in ("col", "notes", "cards", "revlog", "graves")
        }
    finally:
        conn.close()


def test_package_holds_exactly_what_genanki_writes_note_by_note(tmp_path: Path) -> None:
    """Notes and cards are written in bulk; the collection must be genanki's, row for row."""
    bank = every_kind()
    bank = replace(bank, questions=bank.questions * 3)  # several notes per deck
    bank = replace(
        bank,
        questions=tuple(
            replace(q, id=f"{q.id}-{i}", tags=(*q.tags, "two words"))
            for i, q in enumerate(bank.questions)
        ),
    )
    ours = export_apkg(bank, timestamp=1_700_000_000)
    basic, cloze = apkg.basic_model(bank.id), apkg.cloze_model(bank.id)
    titles = {s.id: s.title for s in bank.sections}
    decks: dict[str, genanki.Deck] = {}
    for q in exportable(bank)[0]:
        if q.section not in decks:
            decks[q.section] = genanki.Deck(
                apkg.stable_number(bank.id, "deck", q.section),
                f"{bank.title}::{titles.get(q.section, q.section)}",
                description=f"Exported from TradeQuiz bank {bank.id}, version {bank.version}.",
            )
        decks[q.section].add_note(apkg.note_for(q, bank, basic, cloze))
    reference = tmp_path / "reference.apkg"
    genanki.Package(list(decks.values())).write_to_file(str(reference), timestamp=1_700_000_000)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    mine, theirs = (
        _tables(ours.data, tmp_path / "a"),
        _tables(reference.read_bytes(), tmp_path / "b"),
    )
    assert len(mine["notes"]) == len(mine["cards"]) == len(bank.questions)
    assert mine == theirs


def test_guid_is_genankis() -> None:
    for values in (("bank", "q-1"), ("a" * 300, "ü-ñ"), ("", ""), ("x", "y", "z")):
        assert apkg._guid(*values) == genanki.guid_for(*values)
