"""Anki package (.apkg) export with genanki.

Every note's GUID is derived from the bank id and the question id, and the
note types and decks have ids derived from the bank id, so exporting again
after an edit updates the cards in Anki instead of adding duplicates.  One
subdeck per section ("Bank::Section").  Multiple choice shows its options on
the front; cloze questions use Anki's cloze note type.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import genanki

from tradequiz.bank.interchange import Exported, exportable
from tradequiz.bank.model import BLANK, CHOICE_KINDS, KIND_LABELS, Bank, Question

CSS = """.card { font-family: sans-serif; font-size: 20px; text-align: left; color: black;
  background-color: white; }
.kind { font-size: 13px; color: #5d6776; text-transform: uppercase; }
.explanation { margin-top: 1em; font-size: 16px; color: #3a4250; }
.accepted { font-size: 16px; color: #3a4250; }
ol.options li { margin: .3em 0; }
"""
BASIC_FIELDS = ["Front", "Back", "Explanation", "Section", "QuestionId"]
CLOZE_FIELDS = ["Text", "Back Extra", "Explanation", "Section", "QuestionId"]


def stable_number(*parts: str) -> int:
    """A 31-bit id that depends only on ``parts`` (Anki ids must fit in a signed 64-bit int)."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def _h(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def basic_model(bank_id: str) -> genanki.Model:
    return genanki.Model(
        stable_number(bank_id, "model", "basic"),
        "TradeQuiz",
        fields=[{"name": name} for name in BASIC_FIELDS],
        templates=[
            {
                "name": "Card 1",
                "qfmt": "{{Front}}",
                "afmt": '{{FrontSide}}<hr id="answer">{{Back}}'
                '<div class="explanation">{{Explanation}}</div>',
            }
        ],
        css=CSS,
    )


def cloze_model(bank_id: str) -> genanki.Model:
    return genanki.Model(
        stable_number(bank_id, "model", "cloze"),
        "TradeQuiz Cloze",
        fields=[{"name": name} for name in CLOZE_FIELDS],
        templates=[
            {
                "name": "Cloze",
                "qfmt": "{{cloze:Text}}",
                "afmt": "{{cloze:Text}}<br>{{Back Extra}}"
                '<div class="explanation">{{Explanation}}</div>',
            }
        ],
        css=CSS,
        model_type=genanki.Model.CLOZE,
    )


def _shuffled(values: tuple[str, ...], seed: str) -> list[str]:
    return sorted(values, key=lambda v: hashlib.sha1(f"{seed}\x1f{v}".encode()).hexdigest())


def front_html(q: Question) -> str:
    """The front of the card: the kind, the prompt, and whatever the learner chooses from."""
    parts = [f'<div class="kind">{KIND_LABELS[q.kind]}</div>', f"<div>{_h(q.prompt)}</div>"]
    if q.kind in CHOICE_KINDS:
        items = "".join(f"<li>{_h(c.text)}</li>" for c in q.choices)
        parts.append(f'<ol class="options" type="A">{items}</ol>')
    elif q.kind == "matching":
        lefts = "".join(f"<li>{_h(p.left)}</li>" for p in q.pairs)
        rights = "".join(
            f"<li>{_h(r)}</li>" for r in _shuffled(tuple(p.right for p in q.pairs), q.id)
        )
        parts.append(f'<ol class="options">{lefts}</ol><ol class="options" type="a">{rights}</ol>')
    elif q.kind == "ordering":
        items = "".join(f"<li>{_h(i)}</li>" for i in _shuffled(q.items, q.id))
        parts.append(f'<ul class="options">{items}</ul>')
    return "".join(parts)


def back_html(q: Question) -> str:
    if q.kind in CHOICE_KINDS:
        lines = []
        for i, c in enumerate(q.choices):
            mark = "✓" if c.correct else "✗"
            text = f"{chr(65 + i)}) {_h(c.text)}"
            text = f"<b>{text}</b>" if c.correct else text
            feedback = f" — {_h(c.feedback)}" if c.feedback else ""
            if c.correct or c.feedback:
                lines.append(f"<div>{mark} {text}{feedback}</div>")
        return "".join(lines)
    if q.kind == "matching":
        rows = "".join(f"<tr><td>{_h(p.left)}</td><td>→ {_h(p.right)}</td></tr>" for p in q.pairs)
        return f"<table>{rows}</table>"
    if q.kind == "ordering":
        return "<ol>" + "".join(f"<li>{_h(i)}</li>" for i in q.items) + "</ol>"
    if q.kind == "short_answer" and len(q.answers) > 1:
        # Every accepted answer, so an import gets them all back.
        others = "".join(f"<li>{_h(a)}</li>" for a in q.answers[1:])
        return (
            f'<div class="answer">{_h(q.answers[0])}</div>'
            f'<div class="accepted">Also accepted:</div><ul class="accepted">{others}</ul>'
        )
    return _h(q.answer_text())


def _guid(*values: str) -> str:
    """``genanki.guid_for(*values)``, without its per-digit list and join."""
    digest = hashlib.sha256("__".join(values).encode("utf-8")).digest()
    number = int.from_bytes(digest[:8], "big")
    digits = ""
    while number > 0:
        number, digit = divmod(number, 91)
        digits = _BASE91[digit] + digits
    return digits


_BASE91 = "".join(genanki.util.BASE91_TABLE)


def _is_cloze(q: Question) -> bool:
    """Exported with Anki's cloze note type (else as a basic front/back note)."""
    return q.kind == "cloze" and q.prompt.count(BLANK) == 1 and bool(q.answers)


def note_parts(
    q: Question, bank: Bank, basic: genanki.Model, cloze: genanki.Model
) -> tuple[genanki.Model, list[str], list[str], str]:
    """(note type, fields, tags, guid) of the question's note."""
    tags = ["tradequiz", q.section, q.kind] + [t.replace(" ", "_") for t in q.tags]
    guid = _guid(bank.id, q.id)
    if _is_cloze(q):
        before, after = (_h(part) for part in q.prompt.split(BLANK, 1))
        answer = html.escape(q.answers[0]).replace("}}", "} }").replace("::", ": :")
        text = f"{before}{{{{c1::{answer}}}}}{after}"
        extra = _h(" / ".join(q.answers[1:])) if len(q.answers) > 1 else ""
        return cloze, [text, extra, _h(q.explanation), q.section, q.id], tags, guid
    return basic, [front_html(q), back_html(q), _h(q.explanation), q.section, q.id], tags, guid


def note_for(q: Question, bank: Bank, basic: genanki.Model, cloze: genanki.Model) -> genanki.Note:
    """The question as a genanki note (what ``export_apkg`` writes, row for row)."""
    model, fields, tags, guid = note_parts(q, bank, basic, cloze)
    return genanki.Note(model=model, fields=fields, tags=tags, guid=guid)


def export_apkg(bank: Bank, timestamp: float) -> Exported:
    """An .apkg with one subdeck per section; ``timestamp`` (seconds) stamps the notes.

    Anki updates an existing note on import when the incoming one is newer, so pass the
    current time when exporting for people and a fixed one for reproducible builds.
    """
    questions, notes = exportable(bank)
    basic, cloze = basic_model(bank.id), cloze_model(bank.id)
    titles = {s.id: s.title for s in bank.sections}
    decks: dict[str, genanki.Deck] = {}
    by_deck: dict[str, list[Question]] = {}
    for q in questions:
        if q.section not in decks:
            name = f"{bank.title}::{titles.get(q.section, q.section)}"
            # The description carries the bank's id and version, so an import of this
            # package can update the same bank in a library (see apkg_import).
            about = f"Exported from TradeQuiz bank {bank.id}, version {bank.version}."
            decks[q.section] = genanki.Deck(
                stable_number(bank.id, "deck", q.section), name, description=about
            )
            by_deck[q.section] = []
        by_deck[q.section].append(q)
    ordered = [(decks[key], q) for key, qs in by_deck.items() for q in qs]
    for deck, q in ordered:
        deck.add_model(cloze if _is_cloze(q) else basic)
    with tempfile.TemporaryDirectory(prefix="tradequiz-apkg-") as folder:
        database = Path(folder) / "collection.anki2"
        _write_collection(database, list(decks.values()), ordered, bank, timestamp)
        package = Path(folder) / "package.apkg"
        with zipfile.ZipFile(package, "w") as out:
            out.write(database, "collection.anki2")
            out.writestr("media", "{}")
        data = package.read_bytes()
    return Exported(data, len(questions), notes)


def _write_collection(
    path: Path,
    decks: list[genanki.Deck],
    ordered: list[tuple[genanki.Deck, Question]],
    bank: Bank,
    timestamp: float,
) -> None:
    """The collection genanki would write, notes and cards inserted in bulk.

    genanki writes the schema, the collection row, the note types and the decks; the
    notes and their cards are the rows genanki's ``Note.write_to_db`` would insert (same
    ids, same columns), but one ``executemany`` each instead of a Python object and two
    statements per note, which was most of the export's time for large banks.  Every
    note has exactly one card (ord 0): a basic note's front is never empty and a cloze
    note has exactly one ``c1`` deletion.
    """
    basic, cloze = basic_model(bank.id), cloze_model(bank.id)
    first_id = int(timestamp * 1000)  # genanki's id counter: note, its card, next note, …
    mod = int(timestamp)
    conn = sqlite3.connect(path)
    try:
        # A scratch file, zipped and then deleted: no journal and no fsync (with them,
        # genanki's schema script alone waited for a dozen fsyncs).  The package itself
        # is written atomically by the caller.
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
        cursor = conn.cursor()
        genanki.Package(decks).write_to_db(cursor, timestamp, itertools.count(first_id))

        def note_rows() -> Iterator[tuple[object, ...]]:
            for k, (_deck, q) in enumerate(ordered):
                model, fields, tags, guid = note_parts(q, bank, basic, cloze)
                yield (first_id + 2 * k, guid, model.model_id, mod, -1,
                       " " + " ".join(tags) + " ", "\x1f".join(fields),
                       fields[model.sort_field_index], 0, 0, "")  # fmt: skip

        cursor.executemany("INSERT INTO notes VALUES(?,?,?,?,?,?,?,?,?,?,?)", note_rows())
        cursor.executemany(
            "INSERT INTO cards VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                (first_id + 2 * k + 1, first_id + 2 * k, deck.deck_id, 0, mod, -1,
                 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "")
                for k, (deck, _q) in enumerate(ordered)
            ),
        )  # fmt: skip
        conn.commit()
    finally:
        conn.close()
