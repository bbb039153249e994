"""Fuzzing the Anki package and Moodle XML importers with hypothesis.

Every input must end in a bank or in a BankError naming the file with a line
≥ 1 — never another exception — within 2 seconds (hypothesis' deadline).

- ``.apkg``: any bytes; a real package with bytes flipped, cut or inserted
  anywhere (zip headers, the compressed collection); a well-formed zip whose
  collection database has bytes flipped (so the SQLite reader and
  ``quick_check`` see damage, not zipfile); random member names and media
  lists; Anki note fields full of HTML noise.
- Moodle XML: any text; our export with cuts and insertions of XML syntax.

TRADEQUIZ_FUZZ_EXAMPLES raises the number of inputs per test (default 150).
"""

from __future__ import annotations

import io
import json
import os
import sqlite3
import tempfile
import zipfile
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.bank.anki_decks import legacy_package, minimal_collection, zip_of
from tests.bank.samples import every_kind
from tradequiz.bank.apkg import export_apkg
from tradequiz.bank.apkg_import import import_apkg
from tradequiz.bank.html_text import outline
from tradequiz.bank.moodle_xml import export_moodle_xml
from tradequiz.bank.moodle_xml_import import import_moodle_xml
from tradequiz.bank.problems import BankError

EXAMPLES = int(os.environ.get("TRADEQUIZ_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=2),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
TRIED: Counter[str] = Counter()
PACKAGE = export_apkg(every_kind(), timestamp=1_700_000_000).data
# genanki stores members uncompressed; Anki deflates them: mutate both.
_MEMBERS = zipfile.ZipFile(io.BytesIO(PACKAGE))
DEFLATED = zip_of({name: _MEMBERS.read(name) for name in _MEMBERS.namelist()})
with tempfile.TemporaryDirectory() as _folder:
    COLLECTION = minimal_collection(Path(_folder), [("Tariff", "A tax"), ("Quota", "A limit")])
XML = export_moodle_xml(every_kind()).data.decode()
XML_BITS = ["<", ">", "</", "/>", "<question type=\"multichoice\">", "<text>", "</text>",
            "<![CDATA[", "]]>", "<!--", "-->", "&amp;", "&lt;", "&#0;", "&#x110000;", "&nope;",
            "<!DOCTYPE quiz [<!ENTITY a \"b\">]>", "<?xml version='1.0'?>", "\x00", "\ufeff",
            "fraction=\"50\"", "{1:SA:=a}", "{1:MULTICHOICE:~a~=b}", "'", "\"", "\n"]  # fmt: skip
HTML_BITS = ["<", ">", "</div>", "<div class=\"kind\">", "<ol class=\"options\">", "<li>",
             "<br>", "&amp;", "&#", "<script>", "<!--", "{{c1::", "}}", "::", "\x1f",
             "[sound:x.mp3]", "<img src=x>", "✓ A) ", "<tr><td>", "→ "]  # fmt: skip


def _apkg(data: bytes) -> None:
    TRIED["apkg"] += 1
    try:
        import_apkg(data, "fuzz.apkg")
    except BankError as exc:
        assert exc.problems and all(p.path == "fuzz.apkg" and p.line >= 1 for p in exc.problems)


def _xml(text: str) -> None:
    TRIED["moodle-xml"] += 1
    try:
        import_moodle_xml(text.encode("utf-8", errors="surrogatepass"), "fuzz.xml")
    except BankError as exc:
        assert exc.problems and all(p.path == "fuzz.xml" and p.line >= 1 for p in exc.problems)


def _edits(seed: bytes) -> st.SearchStrategy[list[tuple[int, int, bytes]]]:
    # The edits are drawn, not the mutated package: hypothesis prints what it draws.
    edit = st.tuples(st.integers(0, len(seed)), st.integers(0, 64), st.binary(max_size=16))
    return st.lists(edit, min_size=1, max_size=4)


def _apply(seed: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    data = seed
    for at, cut, insert in edits:
        data = data[:at] + insert + data[at + cut :]
    return data


@FUZZ
@given(st.binary(max_size=4000))
def test_any_bytes_as_a_package(data: bytes) -> None:
    _apkg(data)


@FUZZ
@given(_edits(PACKAGE))
def test_a_real_package_mutated(edits: list[tuple[int, int, bytes]]) -> None:
    _apkg(_apply(PACKAGE, edits))


@FUZZ
@given(_edits(DEFLATED))
def test_a_deflated_package_mutated(edits: list[tuple[int, int, bytes]]) -> None:
    _apkg(_apply(DEFLATED, edits))


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(COLLECTION) - 1), st.integers(0, 255)),
                min_size=1, max_size=8))  # fmt: skip
def test_a_damaged_collection_database(flips: list[tuple[int, int]]) -> None:
    damaged = bytearray(COLLECTION)
    for at, value in flips:
        damaged[at] = value
    _apkg(legacy_package(bytes(damaged)))


NAMES = st.sampled_from(["collection.anki2", "collection.anki21", "collection.anki21b", "media",
                         "meta", "0", "../x", "/abs", "a/b", "", ".", "x\\y"])  # fmt: skip
NAMES = NAMES | st.text(max_size=12)


@FUZZ
@given(st.dictionaries(NAMES, st.binary(max_size=64) | st.just(COLLECTION), max_size=5),
       st.dictionaries(st.text(max_size=4), st.text(max_size=12), max_size=4))  # fmt: skip
def test_random_members_and_media_lists(members: dict[str, bytes], media: dict[str, str]) -> None:
    if "\x00" in "".join(members):
        return  # zipfile cuts names at NUL when writing; covered by the name checks
    members.setdefault("media", json.dumps(media).encode())
    _apkg(zip_of(members))


@FUZZ
@given(st.lists(st.sampled_from(HTML_BITS) | st.text(max_size=10), max_size=60),
       st.lists(st.sampled_from(HTML_BITS) | st.text(max_size=10), max_size=60))  # fmt: skip
def test_note_fields_full_of_html_noise(front: list[str], back: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db_file = Path(folder) / "c.sqlite"
        db_file.write_bytes(COLLECTION)
        db = sqlite3.connect(db_file)
        db.execute(
            "UPDATE notes SET flds = ? WHERE id = 1", ["".join(front) + "\x1f" + "".join(back)]
        )
        db.commit()
        db.close()
        _apkg(legacy_package(db_file.read_bytes()))
    for exact in (False, True):
        TRIED["html"] += 1
        outline("".join(front), exact=exact)


@FUZZ
@given(st.text(max_size=2000))
def test_any_text_as_moodle_xml(text: str) -> None:
    _xml(text)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(XML)), st.integers(0, 80),
                          st.sampled_from(XML_BITS) | st.text(max_size=8)),
                min_size=1, max_size=4))  # fmt: skip
def test_our_moodle_xml_mutated(edits: list[tuple[int, int, str]]) -> None:
    text = XML
    for at, cut, insert in edits:
        text = text[:at] + insert + text[at + cut :]
    _xml(text)


def _flipped(at: int, value: int) -> bytes:
    damaged = bytearray(COLLECTION)
    damaged[at] = value
    return legacy_package(bytes(damaged))


def _bad_deflate() -> bytes:
    data = bytearray(zip_of({"collection.anki2": COLLECTION}))
    start = 30 + len("collection.anki2")  # the local header, then the deflate stream
    data[start : start + 40] = b"\xff" * 40
    return bytes(data)


NASTY_PACKAGES = [
    # Found in review: a broken deflate stream raised zlib.error, not a BankError.
    _bad_deflate(),
    # Found by fuzzing: SQLite quoted a damaged non-UTF-8 byte in its error message, and
    # decoding that message raised UnicodeDecodeError instead of a BankError.
    _flipped(3815, 128),
    b"PK\x05\x06" + b"\x00" * 18,  # an empty zip
    b"PK\x05\x06" + b"\x00" * 6 + b"\xff\xff" + b"\x00" * 10,  # claims 65,535 entries
    b"PK\x03\x04" + b"\xff" * 100,
    PACKAGE[:-10],
    PACKAGE[:30],
    zip_of({"collection.anki2": b""}),
    zip_of({"collection.anki21b": b"(\xb5/\xfd not zstd", "meta": b"\x08\x03"}),
    zip_of({"collection.anki2": COLLECTION, "meta": b"\x08\x03"}),  # says latest, has legacy
    zip_of({"collection.anki2": COLLECTION, "media": b"[1, 2]"}),
    zip_of({"collection.anki2": COLLECTION, "media": b"\xff\xfe"}),
    zip_of({"collection.anki2": COLLECTION, "meta": b"\xff\xff\xff"}),
    zip_of({"collection.anki2": COLLECTION}, compress=zipfile.ZIP_STORED),
]


@pytest.mark.parametrize("data", NASTY_PACKAGES)
def test_a_fixed_corpus_of_nasty_packages(data: bytes) -> None:
    _apkg(data)


def test_report_inputs_tried() -> None:
    """Prints how many inputs the fuzz tests above tried (for docs/reliability.md)."""
    if not TRIED:
        pytest.skip("run together with the fuzz tests")
    print(f"\ninterchange fuzz inputs tried: {dict(TRIED)}, total {sum(TRIED.values())}")
