"""Anki package import: our own exports come back as the same questions, decks made by
Anki itself become flashcards, short answers and clozes, and hostile packages are refused."""

from __future__ import annotations

import io
import sqlite3
import time
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
import zstandard

from tests.bank.anki_decks import (
    LEGACY_SCHEMA,
    anki_deck,
    legacy_package,
    minimal_collection,
    sqlite_bytes,
    through_anki,
    zip_of,
)
from tests.bank.samples import every_kind
from tradequiz.bank import apkg_import, zipsafe
from tradequiz.bank.apkg import export_apkg
from tradequiz.bank.apkg_import import import_apkg
from tradequiz.bank.interchange import exportable
from tradequiz.bank.model import Bank
from tradequiz.bank.problems import BankError
from tradequiz.bank.yaml_io import load_bank
from tradequiz.resources import shipped_banks

pytest.importorskip("anki.collection")


def _same_as_exported(bank: Bank, again: Bank) -> None:
    """Everything an .apkg carries: id, kind, section, prompt, options with feedback, truth,
    answers, pairs, items, explanation."""
    got = {q.id: q for q in again.questions}
    questions, _notes = exportable(bank)
    assert set(got) == {q.id for q in questions}
    for q in questions:
        g = got[q.id]
        assert (g.kind, g.section, g.prompt, g.explanation) == (
            q.kind, q.section, q.prompt, q.explanation)  # fmt: skip
        assert (g.choices, g.truth, g.pairs, g.items) == (q.choices, q.truth, q.pairs, q.items)
        assert g.answers == q.answers
        assert g.tags == tuple(t.replace(" ", "_") for t in q.tags)


def test_the_shipped_bank_round_trips() -> None:
    bank = load_bank(shipped_banks()[0]).bank
    imported = import_apkg(export_apkg(bank, timestamp=1_700_000_000).data, "shipped.apkg")
    _same_as_exported(bank, imported.bank)
    assert (imported.bank.id, imported.bank.version, imported.bank.title) == (
        bank.id, bank.version, bank.title)  # fmt: skip
    assert imported.versioned and "status" in imported.lost
    titles = {s.id: s.title for s in bank.sections}
    assert all(titles[s.id] == s.title for s in imported.bank.sections)
    assert imported.warnings == []


def test_every_kind_round_trips_with_feedback_and_tags() -> None:
    bank = every_kind()
    imported = import_apkg(export_apkg(bank, timestamp=1_700_000_000).data, "every.apkg").bank
    _same_as_exported(bank, imported)
    mc = next(q for q in imported.questions if q.id == "mc-1")
    assert mc.choices[1].feedback == "Food is not about chips."
    assert all(q.status == "draft" for q in imported.questions)  # the package has no status


@pytest.mark.parametrize("legacy", [True, False], ids=["legacy", "anki21b"])
def test_our_package_after_a_trip_through_anki(tmp_path: Path, legacy: bool) -> None:
    bank = every_kind()
    data = through_anki(tmp_path, bank, legacy)
    names = zipfile.ZipFile(tmp_path / "again.apkg").namelist()
    assert ("collection.anki21b" in names) is not legacy
    imported = import_apkg(data, "again.apkg")
    _same_as_exported(bank, imported.bank)
    assert (imported.bank.id, imported.bank.version) == ("every-kind", 2)


@pytest.mark.parametrize("legacy", [True, False], ids=["legacy", "anki21b"])
def test_a_deck_made_in_anki(tmp_path: Path, legacy: bool) -> None:
    imported = import_apkg(anki_deck(tmp_path, legacy), "trade-words.apkg")
    bank = imported.bank
    assert bank.title == "Trade words" and not imported.versioned
    by_prompt = {q.prompt: q for q in bank.questions}
    card = by_prompt["What is a tariff?"]
    assert (card.kind, card.answers, card.tags) == (
        "flashcard", ("A tax & levy\non imports",), ("trade", "week_1"))  # fmt: skip
    assert card.section == "tariffs-and-quotas"
    assert by_prompt["Which body settles trade disputes?"].kind == "short_answer"
    c1 = by_prompt["The ____ is Japan's currency."]
    c2 = by_prompt["The yen is Japan's ____."]
    assert (c1.kind, c1.answers, c1.explanation) == ("cloze", ("yen",), "Since 1871.")
    assert c2.answers == ("currency",)
    assert len(bank.questions) == 4
    messages = [w.message for w in imported.warnings]
    assert any("front has no text" in m for m in messages)
    assert any("2 images or sounds left out" in m for m in messages)
    assert {s.title for s in bank.sections} == {"Tariffs and quotas"}


def test_the_same_deck_gets_the_same_ids_in_either_package_format(tmp_path: Path) -> None:
    legacy = import_apkg(anki_deck(tmp_path / "a", True), "deck.apkg").bank
    latest = import_apkg(anki_deck(tmp_path / "b", False), "deck.apkg").bank
    # Two collections: different guids, so compare the shape, then the ids within one deck.
    assert [q.kind for q in legacy.questions] == [q.kind for q in latest.questions]
    again = import_apkg((tmp_path / "a" / "deck-legacy.apkg").read_bytes(), "deck.apkg").bank
    assert [q.id for q in again.questions] == [q.id for q in legacy.questions]


# --- hostile packages ------------------------------------------------------------------


def _refused(data: bytes, *needles: str) -> str:
    started = time.perf_counter()
    with pytest.raises(BankError) as info:
        import_apkg(data, "evil.apkg")
    assert time.perf_counter() - started < 5
    message = str(info.value)
    assert message.startswith("evil.apkg:1:1: error:")
    for needle in needles:
        assert needle in message
    return message


@pytest.fixture
def good_collection(tmp_path: Path) -> bytes:
    return minimal_collection(tmp_path, [("Tariff", "A tax on imports")])


def test_a_hand_made_package_is_read(good_collection: bytes) -> None:
    bank = import_apkg(legacy_package(good_collection, {"0": "chart.png"}), "ok.apkg").bank
    assert [(q.prompt, q.answers) for q in bank.questions] == [("Tariff", ("A tax on imports",))]


@pytest.mark.parametrize(
    ("name", "reason"),
    [("../evil.txt", "'..'"), ("media/../../evil", "'..'"), ("/etc/cron.d/evil", "absolute"),
     ("C:/Windows/evil.dll", "absolute"), ("dir\\..\\evil", "backslash")],
)  # fmt: skip
def test_members_that_escape_are_refused(good_collection: bytes, name: str, reason: str) -> None:
    data = legacy_package(good_collection, extra={name: b"x"})
    _refused(data, repr(name), reason)


def test_a_symlink_member_is_refused(good_collection: bytes) -> None:
    data = zip_of({"collection.anki2": good_collection, "0": b"/etc/passwd"}, symlinks=("0",))
    _refused(data, "'0'", "symbolic link")


def test_a_duplicate_member_is_refused(good_collection: bytes) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive, pytest.warns(UserWarning, match="Duplicate"):
        archive.writestr("collection.anki2", good_collection)
        archive.writestr("media", b"{}")
        archive.writestr("media", b'{"0": "../x.png"}')
    _refused(out.getvalue(), "'media' appears twice")


@pytest.mark.parametrize(
    "name", ["../../.bashrc", "/tmp/evil.png", "sub/dir.png", "..", "a\\b.png", ""]
)
def test_media_names_that_escape_are_refused(good_collection: bytes, name: str) -> None:
    _refused(legacy_package(good_collection, {"0": name}), "media:", "outside the media folder")


def test_media_names_in_a_latest_package_are_checked(good_collection: bytes) -> None:
    def entry(name: bytes) -> bytes:  # MediaEntries { repeated MediaEntry { string name = 1 } }
        inner = b"\x0a" + bytes([len(name)]) + name
        return b"\x0a" + bytes([len(inner)]) + inner

    media = zstandard.ZstdCompressor().compress(entry(b"ok.png") + entry(b"../../evil.png"))
    collection = zstandard.ZstdCompressor().compress(good_collection)
    data = zip_of({"collection.anki21b": collection, "media": media, "meta": b"\x08\x03"})
    _refused(data, "'../../evil.png'", "outside the media folder")


def test_a_high_ratio_member_is_refused(good_collection: bytes) -> None:
    bomb = b"\0" * (8 * 1024 * 1024)  # deflates about 1000:1
    _refused(legacy_package(good_collection, extra={"1": bomb}), "'1'", "zip bomb")


def test_the_total_size_cap(good_collection: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipsafe, "MAX_TOTAL_BYTES", 1024 * 1024)
    noise = bytes(range(256)) * 2048  # 512 KiB that barely compresses
    data = legacy_package(good_collection, extra={"1": noise, "2": noise})
    _refused(data, "unpacks to more than 1 MB")


def test_too_many_entries(good_collection: bytes) -> None:
    members = {str(i): b"" for i in range(zipsafe.MAX_ENTRIES + 1)}
    _refused(legacy_package(good_collection, extra=members), "10,00", "the cap is 10,000")


def test_a_zstd_bomb_is_stopped_while_unpacking(
    good_collection: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apkg_import, "MAX_COLLECTION_BYTES", 1024 * 1024)
    bomb = zstandard.ZstdCompressor().compress(good_collection + b"\0" * (4 * 1024 * 1024))
    data = zip_of({"collection.anki21b": bomb, "meta": b"\x08\x03"})
    _refused(data, "collection.anki21b", "unpacks to more than 1,048,576 bytes")


def test_truncated_and_non_zip_files() -> None:
    whole = export_apkg(every_kind(), timestamp=1_700_000_000).data
    _refused(whole[: len(whole) // 2], "not a zip package")
    _refused(b"SQLite format 3\0 this is not a zip", "not a zip package")
    _refused(b"", "not a zip package")
    damaged = bytearray(whole)
    damaged[40:60] = b"\xff" * 20  # inside the first member's compressed data
    _refused(bytes(damaged), "damaged")


def test_a_package_without_a_collection() -> None:
    _refused(zip_of({"media": b"{}"}), "not an Anki package")


def test_a_garbage_collection(tmp_path: Path, good_collection: bytes) -> None:
    _refused(legacy_package(b"\x00garbage" * 1000), "collection.anki2", "not a database")
    damaged = bytearray(good_collection)
    damaged[4096 : 4096 + 8] = b"\xa5" * 8  # the header of the second page (a table's b-tree)
    _refused(legacy_package(bytes(damaged)), "collection.anki2", "damaged")
    other = sqlite_bytes(tmp_path, "CREATE TABLE photos (id integer, data blob);")
    _refused(legacy_package(other), "table 'notes' is missing", "not an Anki collection")


def test_a_view_is_never_run(tmp_path: Path) -> None:
    script = (
        LEGACY_SCHEMA.replace(
            "CREATE TABLE notes (id integer primary key, guid text, mid integer, tags text, "
            "flds text);",
            "CREATE TABLE real_notes (id integer, guid text, mid integer, tags text, flds text);"
            "CREATE VIEW notes AS SELECT id, guid, mid, tags, flds FROM real_notes"
            " WHERE randomblob(1000000000) IS NOT NULL;",
        )
        + "INSERT INTO col VALUES (1, '{}', '{}');"
    )
    started = time.perf_counter()
    _refused(legacy_package(sqlite_bytes(tmp_path, script)), "'notes' is a view, not a table")
    assert time.perf_counter() - started < 2


def test_a_huge_value_is_refused_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("tradequiz.bank.anki_collection.MAX_VALUE_BYTES", 100_000)
    collection = minimal_collection(tmp_path, [("front", "x" * 200_000)])
    _refused(legacy_package(collection), "collection.anki2", "larger than the 100,000 byte cap")


def test_schema_differences_are_tolerated(tmp_path: Path) -> None:
    # No cards table (so no decks), no templates, odd types in the columns.
    script = LEGACY_SCHEMA.replace(
        "CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer);", ""
    ) + (
        'INSERT INTO col VALUES (1, \'{"7": {"name": "Basic", "flds": [{"name": 3}]}}\','
        " 'not json at all');"
    )
    with pytest.raises(BankError, match=r"col\.decks is not valid JSON"):
        import_apkg(legacy_package(sqlite_bytes(tmp_path, script)), "odd.apkg")
    script = script.replace("'not json at all'", "'[]'") + (
        "INSERT INTO notes VALUES (1, 42, '7', NULL, X'46726f6e741f4261636b');"
    )
    bank = import_apkg(legacy_package(sqlite_bytes(tmp_path, script)), "odd.apkg").bank
    assert [(q.prompt, q.answers, q.section) for q in bank.questions] == [
        ("Front", ("Back",), "imported")
    ]


def test_notes_that_cannot_be_questions_are_skipped_with_a_warning(tmp_path: Path) -> None:
    collection = minimal_collection(tmp_path, [("Good", "card"), ("", "no front"),
                                               ("x" * 200_000, "too long")])  # fmt: skip
    imported = import_apkg(legacy_package(collection), "mixed.apkg")
    assert [q.prompt for q in imported.bank.questions] == ["Good"]
    messages = [str(w) for w in imported.warnings]
    assert any("note 2: the front has no text" in m for m in messages)
    assert any("note 3: a field is longer than 100,000 characters" in m for m in messages)


def test_a_tradequiz_cloze_with_two_gaps_is_skipped() -> None:
    bank = every_kind()
    exported = export_apkg(bank, timestamp=1_700_000_000).data
    # A teacher added a second gap in Anki: the note no longer fits one TradeQuiz cloze.
    cloze = next(q for q in bank.questions if q.kind == "cloze")
    edited = replace(cloze, prompt=cloze.prompt.replace("early", "{{c2::early}}"))
    again = export_apkg(replace(bank, questions=(edited,)), timestamp=1_700_000_000).data
    assert import_apkg(exported, "ok.apkg").bank.questions
    with pytest.raises(BankError, match="2 clozes; a TradeQuiz cloze has exactly one"):
        import_apkg(again, "two.apkg")


def test_an_authorizer_denies_anything_but_reading(tmp_path: Path) -> None:
    from tradequiz.bank import anki_collection

    db = sqlite3.connect(":memory:")
    db.set_authorizer(anki_collection._authorizer)
    for statement in ("CREATE TABLE t (a)", "ATTACH ':memory:' AS x", "PRAGMA writable_schema=1",
                      "SELECT load_extension('x')", "SELECT randomblob(10)"):  # fmt: skip
        with pytest.raises(sqlite3.DatabaseError, match=r"not authorized|prohibited"):
            db.execute(statement)
    assert db.execute("SELECT count(*) FROM sqlite_master").fetchone() == (0,)
