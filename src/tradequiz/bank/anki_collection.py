"""Read the notes out of an Anki collection database that came inside someone's package.

The database is untrusted.  It is opened read-only and immutable from a
private temporary folder, with ``trusted_schema`` off, a cap on the size of
any one value, an authorizer that allows nothing but reading tables and the
two pragmas used here, and a watchdog that interrupts a query running too
long; ``PRAGMA quick_check`` must pass before anything is read, and the
tables read must be tables (a view could run code of the file's choosing).
Nothing from the file is executed.

Both layouts Anki has written are understood: schema 11 (note types and
decks as JSON in ``col``; genanki, older Anki, "support older versions"
exports) and schema 18 (``notetypes``, ``fields``, ``templates``, ``decks``
tables with protobuf configs).  Columns and tables that are missing are
tolerated where the notes can still be read.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tradequiz.bank.interchange import MAX_IMPORT_QUESTIONS, too_many
from tradequiz.bank.problems import BankError, Problem

MAX_NOTES = MAX_IMPORT_QUESTIONS
MAX_VALUE_BYTES = 8 * 1024 * 1024
TIME_LIMIT_S = 20.0
_ALLOWED_PRAGMAS = frozenset({"quick_check", "table_info"})
_DECK_INFO = re.compile(rb"TradeQuiz bank ([A-Za-z0-9][A-Za-z0-9._:-]{0,119}), version (\d{1,9})")


@dataclass(frozen=True)
class NoteType:
    name: str
    cloze: bool
    fields: tuple[str, ...]
    front_templates: tuple[str, ...] = ()


@dataclass(frozen=True)
class Note:
    id: int
    guid: str
    notetype: int
    fields: tuple[str, ...]
    tags: tuple[str, ...]
    deck: str  # "Parent::Child", "" when the note has no card


@dataclass
class Collection:
    note_types: dict[int, NoteType] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    # (bank id, version) from a TradeQuiz export's deck description.
    bank_info: tuple[str, int] | None = None


class _Refused(Exception):
    pass


def _text(value: object) -> str:
    """Any SQLite value as text (SQLite columns hold whatever type a row put there)."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    return "" if value is None else str(value)


def _int(value: object) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    try:
        return int(_text(value).strip() or "0")
    except ValueError:
        return 0


def protobuf_fields(data: bytes) -> dict[int, list[int | bytes]]:
    """Top-level fields of a protobuf message (wire format only, no schema); {} when damaged."""
    out: dict[int, list[int | bytes]] = {}
    i, n = 0, len(data)

    def varint() -> int:
        nonlocal i
        value = shift = 0
        while i < n and shift < 70:
            byte = data[i]
            i += 1
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            shift += 7
        raise ValueError("truncated varint")

    try:
        while i < n:
            key = varint()
            number, wire = key >> 3, key & 7
            value: int | bytes
            if wire == 0:
                value = varint()
            elif wire == 1:
                value, i = data[i : i + 8], i + 8
            elif wire == 2:
                length = varint()
                if i + length > n:
                    raise ValueError("truncated field")
                value, i = data[i : i + length], i + length
            elif wire == 5:
                value, i = data[i : i + 4], i + 4
            else:
                raise ValueError("unknown wire type")
            out.setdefault(number, []).append(value)
    except ValueError:
        return {}
    return out


class _Reader:
    def __init__(self, db: sqlite3.Connection, member: str, path: str) -> None:
        self.db = db
        self.member = member
        self.path = path

    def fail(self, message: str) -> BankError:
        return BankError([Problem(self.path, 1, 1, f"{self.member}: {message}")])

    def tables(self) -> dict[str, str]:
        rows = self.db.execute("SELECT name, type FROM sqlite_master").fetchall()
        return {_text(name): _text(kind) for name, kind in rows}

    def columns(self, table: str) -> set[str]:
        return {_text(row[1]) for row in self.db.execute(f"PRAGMA table_info('{table}')")}

    def need(self, tables: dict[str, str], table: str, columns: tuple[str, ...]) -> None:
        if tables.get(table) != "table":
            what = "is missing" if table not in tables else f"is a {tables[table]}, not a table"
            raise self.fail(f"the table {table!r} {what}; this is not an Anki collection")
        missing = [c for c in columns if c not in self.columns(table)]
        if missing:
            raise self.fail(f"the table {table!r} has no column {missing[0]!r}")

    # --- schema 11: JSON in the col table ---------------------------------------------

    def _json(self, raw: object, what: str) -> dict[str, Any]:
        try:
            value = json.loads(_text(raw) or "{}")
        except (ValueError, RecursionError) as exc:
            raise self.fail(f"col.{what} is not valid JSON") from exc
        return value if isinstance(value, dict) else {}

    def legacy_types_and_decks(self) -> tuple[dict[int, NoteType], dict[int, tuple[str, str]]]:
        row = self.db.execute("SELECT models, decks FROM col LIMIT 1").fetchone()
        if row is None:
            raise self.fail("the col table is empty")
        types: dict[int, NoteType] = {}
        for key, model in self._json(row[0], "models").items():
            if not isinstance(model, dict):
                continue
            flds = model.get("flds") if isinstance(model.get("flds"), list) else []
            tmpls = model.get("tmpls") if isinstance(model.get("tmpls"), list) else []
            names = tuple(_text(f.get("name")) for f in flds if isinstance(f, dict))  # type: ignore[union-attr]
            fronts = tuple(_text(t.get("qfmt")) for t in tmpls if isinstance(t, dict))  # type: ignore[union-attr]
            types[_int(model.get("id", key))] = NoteType(
                _text(model.get("name")), _int(model.get("type")) == 1, names, fronts
            )
        decks: dict[int, tuple[str, str]] = {}
        for key, deck in self._json(row[1], "decks").items():
            if isinstance(deck, dict):
                decks[_int(deck.get("id", key))] = (
                    _text(deck.get("name")),
                    _text(deck.get("desc")),
                )
        return types, decks

    # --- schema 18: tables ------------------------------------------------------------

    def modern_types_and_decks(
        self, tables: dict[str, str]
    ) -> tuple[dict[int, NoteType], dict[int, tuple[str, str]]]:
        self.need(tables, "notetypes", ("id", "name", "config"))
        self.need(tables, "fields", ("ntid", "ord", "name"))
        fields: dict[int, list[tuple[int, str]]] = {}
        for ntid, ord_, name in self.db.execute("SELECT ntid, ord, name FROM fields"):
            fields.setdefault(_int(ntid), []).append((_int(ord_), _text(name)))
        fronts: dict[int, list[tuple[int, str]]] = {}
        if tables.get("templates") == "table" and {"ntid", "ord", "config"} <= self.columns(
            "templates"
        ):
            for ntid, ord_, config in self.db.execute("SELECT ntid, ord, config FROM templates"):
                blob = config if isinstance(config, bytes) else b""
                qfmt = next(
                    (v for v in protobuf_fields(blob).get(1, []) if isinstance(v, bytes)), b""
                )
                fronts.setdefault(_int(ntid), []).append((_int(ord_), _text(qfmt)))
        types: dict[int, NoteType] = {}
        for ntid, name, config in self.db.execute("SELECT id, name, config FROM notetypes"):
            blob = config if isinstance(config, bytes) else b""
            kind = next((v for v in protobuf_fields(blob).get(1, []) if isinstance(v, int)), 0)
            key = _int(ntid)
            types[key] = NoteType(
                _text(name),
                kind == 1,
                tuple(n for _o, n in sorted(fields.get(key, []))),
                tuple(q for _o, q in sorted(fronts.get(key, []))),
            )
        decks: dict[int, tuple[str, str]] = {}
        if tables.get("decks") == "table":
            columns = self.columns("decks")
            kind_column = "kind" if "kind" in columns else "NULL"
            if {"id", "name"} <= columns:
                for did, name, blob in self.db.execute(
                    f"SELECT id, name, {kind_column} FROM decks"
                ):
                    info = blob if isinstance(blob, bytes) else b""
                    found = _DECK_INFO.search(info)
                    desc = found.group(0).decode() if found else ""
                    decks[_int(did)] = (_text(name).replace("\x1f", "::"), desc)
        return types, decks

    # --- notes ------------------------------------------------------------------------

    def read(self) -> Collection:
        tables = self.tables()
        self.need(tables, "notes", ("id", "guid", "mid", "tags", "flds"))
        if tables.get("notetypes") == "table":
            types, decks = self.modern_types_and_decks(tables)
        else:
            self.need(tables, "col", ("models", "decks"))
            types, decks = self.legacy_types_and_decks()
        count = _int(self.db.execute("SELECT count(*) FROM notes").fetchone()[0])
        if count > MAX_NOTES:
            raise too_many(self.path, f"{self.member}: {count:,} notes")
        deck_of: dict[int, int] = {}
        if tables.get("cards") == "table" and {"nid", "did", "ord"} <= self.columns("cards"):
            for nid, did in self.db.execute("SELECT nid, did FROM cards ORDER BY ord DESC"):
                deck_of[_int(nid)] = _int(did)  # the first card's deck wins
        collection = Collection(note_types=types)
        infos = {
            (found.group(1).decode(), int(found.group(2)))
            for _name, desc in decks.values()
            if (found := _DECK_INFO.search(desc.encode()))
        }
        # Several TradeQuiz banks in one package: none of them is "the" bank.
        collection.bank_info = infos.pop() if len(infos) == 1 else None
        rows = self.db.execute("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id")
        for nid, guid, mid, tags, flds in rows:
            deck = decks.get(deck_of.get(_int(nid), -1), ("", ""))[0]
            collection.notes.append(
                Note(
                    _int(nid),
                    _text(guid),
                    _int(mid),
                    tuple(_text(flds).split("\x1f")),
                    tuple(_text(tags).split()),
                    deck,
                )
            )
        return collection


def _lenient(raw: bytes) -> str:
    return raw.decode("utf-8", errors="replace")


def _unicase(a: str, b: str) -> int:
    x, y = a.casefold(), b.casefold()
    return (x > y) - (x < y)


def _authorizer(action: int, arg1: str | None, arg2: str | None, _db: str | None,
                _trigger: str | None) -> int:  # fmt: skip
    if action in (sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ):
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_PRAGMA and arg1 in _ALLOWED_PRAGMAS:
        return sqlite3.SQLITE_OK
    if action == sqlite3.SQLITE_FUNCTION and arg2 == "count":
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


def read_collection(db_file: Path, member: str, path: str) -> Collection:
    """Every note of the collection at ``db_file`` (``member`` names it in messages)."""
    uri = "file:" + urllib.parse.quote(str(db_file)) + "?mode=ro&immutable=1"
    deadline = time.monotonic() + TIME_LIMIT_S

    def fail(message: str) -> BankError:
        return BankError([Problem(path, 1, 1, f"{member}: {message}")])

    try:
        db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise fail(f"cannot open the collection ({exc})") from exc
    try:
        # Damaged pages can hold text that is not UTF-8: read it as odd characters.
        db.text_factory = _lenient
        # Anki's schema 18 indexes names with its own case-blind collation.
        db.create_collation("unicase", _unicase)
        db.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES)
        db.setlimit(sqlite3.SQLITE_LIMIT_ATTACHED, 0)
        db.execute("PRAGMA trusted_schema = OFF")
        db.execute("PRAGMA cell_size_check = ON")
        db.set_authorizer(_authorizer)
        db.set_progress_handler(lambda: int(time.monotonic() > deadline), 10_000)
        try:
            check = db.execute("PRAGMA quick_check").fetchone()
        except sqlite3.DatabaseError as exc:
            raise fail(f"the collection database is damaged or not a database ({exc})") from exc
        if check is None or _text(check[0]) != "ok":
            detail = _text(check[0]) if check else "no answer"
            raise fail(f"the collection database is damaged (quick_check: {detail[:200]})")
        return _Reader(db, member, path).read()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise fail(f"reading took longer than {TIME_LIMIT_S:.0f} s; refused") from exc
        raise fail(f"cannot be read ({exc})") from exc
    except UnicodeDecodeError as exc:  # SQLite quoting damaged bytes in its own message
        raise fail("the collection database is damaged (undecodable text)") from exc
    except sqlite3.Error as exc:
        if "too big" in str(exc):
            cap = f"{MAX_VALUE_BYTES:,}"
            raise fail(f"a value is larger than the {cap} byte cap; refused") from exc
        raise fail(f"the collection database is damaged ({exc})") from exc
    finally:
        db.close()
