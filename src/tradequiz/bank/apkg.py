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
import os
import tempfile
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


def note_for(q: Question, bank: Bank, basic: genanki.Model, cloze: genanki.Model) -> genanki.Note:
    tags = ["tradequiz", q.section, q.kind] + [t.replace(" ", "_") for t in q.tags]
    guid = genanki.guid_for(bank.id, q.id)
    if q.kind == "cloze" and q.prompt.count(BLANK) == 1 and q.answers:
        before, after = (_h(part) for part in q.prompt.split(BLANK, 1))
        answer = html.escape(q.answers[0]).replace("}}", "} }").replace("::", ": :")
        text = f"{before}{{{{c1::{answer}}}}}{after}"
        extra = _h(" / ".join(q.answers[1:])) if len(q.answers) > 1 else ""
        fields = [text, extra, _h(q.explanation), q.section, q.id]
        return genanki.Note(model=cloze, fields=fields, tags=tags, guid=guid)
    fields = [front_html(q), back_html(q), _h(q.explanation), q.section, q.id]
    return genanki.Note(model=basic, fields=fields, tags=tags, guid=guid)


def export_apkg(bank: Bank, timestamp: float) -> Exported:
    """An .apkg with one subdeck per section; ``timestamp`` (seconds) stamps the notes.

    Anki updates an existing note on import when the incoming one is newer, so pass the
    current time when exporting for people and a fixed one for reproducible builds.
    """
    questions, notes = exportable(bank)
    basic, cloze = basic_model(bank.id), cloze_model(bank.id)
    titles = {s.id: s.title for s in bank.sections}
    decks: dict[str, genanki.Deck] = {}
    for q in questions:
        if q.section not in decks:
            name = f"{bank.title}::{titles.get(q.section, q.section)}"
            # The description carries the bank's id and version, so an import of this
            # package can update the same bank in a library (see apkg_import).
            about = f"Exported from TradeQuiz bank {bank.id}, version {bank.version}."
            decks[q.section] = genanki.Deck(
                stable_number(bank.id, "deck", q.section), name, description=about
            )
        decks[q.section].add_note(note_for(q, bank, basic, cloze))
    handle, name = tempfile.mkstemp(suffix=".apkg")
    os.close(handle)
    try:
        genanki.Package(list(decks.values())).write_to_file(name, timestamp=timestamp)
        data = Path(name).read_bytes()
    finally:
        Path(name).unlink(missing_ok=True)
    return Exported(data, len(questions), notes)
