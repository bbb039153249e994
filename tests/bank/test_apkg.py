"""The .apkg opened by Anki's own library: every note, its fields, and updates on re-export."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tests.bank.samples import every_kind
from tradequiz.bank.apkg import export_apkg

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
