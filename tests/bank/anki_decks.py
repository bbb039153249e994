"""Anki packages for tests: made by Anki's own library, and hostile ones made by hand."""

from __future__ import annotations

import io
import json
import sqlite3
import stat
import zipfile
from pathlib import Path
from typing import Any

from tradequiz.bank.apkg import export_apkg
from tradequiz.bank.model import Bank


def anki_deck(folder: Path, legacy: bool) -> bytes:
    """A deck as a learner makes it in Anki: Basic, type-in-the-answer and Cloze notes."""
    from anki import import_export_pb2 as ie
    from anki.collection import Collection

    folder.mkdir(parents=True, exist_ok=True)
    col = Collection(str(folder / "collection.anki2"))

    def note_type(name: str) -> Any:
        found = col.models.by_name(name)
        assert found is not None
        return found

    def deck_id(name: str) -> Any:
        found = col.decks.id(name)
        assert found is not None
        return found

    try:
        deck = deck_id("Trade words::Tariffs and quotas")
        basic = col.new_note(note_type("Basic"))
        basic["Front"] = "What is a <b>tariff</b>?"
        basic["Back"] = 'A tax &amp; levy<br>on imports <img src="chart.png">'
        basic.tags = ["trade", "week_1"]
        col.add_note(basic, deck)
        typed = col.new_note(note_type("Basic (type in the answer)"))
        typed["Front"] = "Which body settles trade disputes?"
        typed["Back"] = "WTO"
        col.add_note(typed, deck)
        cloze = col.new_note(note_type("Cloze"))
        cloze["Text"] = "The {{c1::yen::currency}} is Japan's {{c2::currency}}."
        cloze["Back Extra"] = "Since 1871."
        col.add_note(cloze, deck)
        empty = col.new_note(note_type("Basic"))
        empty["Front"] = '<img src="map.png">'
        empty["Back"] = "Japan"
        col.add_note(empty, deck_id("Trade words::Maps"))
        out = folder / f"deck-{'legacy' if legacy else 'latest'}.apkg"
        options = ie.ExportAnkiPackageOptions(with_scheduling=False, with_media=True,
                                              legacy=legacy)  # fmt: skip
        col.export_anki_package(out_path=str(out), options=options, limit=None)
    finally:
        col.close()
    return out.read_bytes()


def through_anki(folder: Path, bank: Bank, legacy: bool) -> bytes:
    """``bank`` exported by TradeQuiz, imported into Anki, and exported again by Anki."""
    from anki import import_export_pb2 as ie
    from anki.collection import Collection

    folder.mkdir(parents=True, exist_ok=True)
    ours = folder / "ours.apkg"
    ours.write_bytes(export_apkg(bank, timestamp=1_700_000_000).data)
    col = Collection(str(folder / "collection.anki2"))
    try:
        request = ie.ImportAnkiPackageRequest(package_path=str(ours),
                                              options=ie.ImportAnkiPackageOptions())  # fmt: skip
        col.import_anki_package(request)
        out = folder / "again.apkg"
        options = ie.ExportAnkiPackageOptions(legacy=legacy, with_media=True)
        col.export_anki_package(out_path=str(out), options=options, limit=None)
    finally:
        col.close()
    return out.read_bytes()


def zip_of(members: dict[str, bytes], *, compress: int = zipfile.ZIP_DEFLATED,
           symlinks: tuple[str, ...] = ()) -> bytes:  # fmt: skip
    """A zip with exactly these member names (nothing normalised), some as symbolic links."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=compress) as archive:
        for name, data in members.items():
            info = zipfile.ZipInfo("placeholder")
            info.filename = name  # as given: "../x" and "/etc/x" stay what they are
            info.compress_type = compress
            info.create_system = 3
            mode = (stat.S_IFLNK | 0o777) if name in symlinks else (stat.S_IFREG | 0o644)
            info.external_attr = mode << 16
            archive.writestr(info, data)
    return out.getvalue()


def legacy_package(collection: bytes, media: dict[str, str] | None = None,
                   extra: dict[str, bytes] | None = None) -> bytes:  # fmt: skip
    members = {"collection.anki2": collection, "media": json.dumps(media or {}).encode()}
    return zip_of({**members, **(extra or {})})


def sqlite_bytes(folder: Path, script: str) -> bytes:
    """A database file made by running ``script``."""
    path = folder / "made.sqlite"
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript(script)
    db.close()
    return path.read_bytes()


LEGACY_SCHEMA = """
CREATE TABLE col (id integer primary key, models text, decks text);
CREATE TABLE notes (id integer primary key, guid text, mid integer, tags text, flds text);
CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer);
"""


def minimal_collection(folder: Path, notes: list[tuple[str, str]]) -> bytes:
    """A schema-11 collection with one Basic note type, one deck and ``notes`` (front, back)."""
    models = {"1": {"id": 1, "name": "Basic", "type": 0,
                    "flds": [{"name": "Front"}, {"name": "Back"}],
                    "tmpls": [{"qfmt": "{{Front}}"}]}}  # fmt: skip
    decks = {"1": {"id": 1, "name": "Hand made", "desc": ""}}
    rows = ",".join(
        f"({i + 1}, 'guid{i}', 1, ' t ', '{front}\x1f{back}')"
        for i, (front, back) in enumerate(notes)
    )
    cards = ",".join(f"({i + 1}, {i + 1}, 1, 0)" for i in range(len(notes)))
    script = LEGACY_SCHEMA + (
        f"INSERT INTO col VALUES (1, '{json.dumps(models)}', '{json.dumps(decks)}');"
        f"INSERT INTO notes VALUES {rows}; INSERT INTO cards VALUES {cards};"
    )
    return sqlite_bytes(folder, script)
