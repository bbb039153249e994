"""Moodle XML export: richer than GIFT (matching, ordering, per-answer feedback, tags).

The import is ``moodle_xml_import``; each category's info carries the bank's
id and version so an import can update the same bank in a library.

Each section becomes a category under the bank's title.  Kinds map to Moodle
question types: multiple choice and debate → multichoice, true/false →
truefalse, short answer → shortanswer, cloze → multianswer (Moodle's
"Embedded answers (Cloze)"), matching → match, ordering → ordering (standard
since Moodle 4.4), flashcard → essay with the back of the card as the
grader's information and general feedback.  Text is written as plain text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tradequiz.bank.interchange import Exported, exportable, summarise_notes
from tradequiz.bank.model import BLANK, Bank, Question

PLAIN = "plain_text"


def _text(parent: ET.Element, tag: str, text: str, fmt: str | None = PLAIN) -> ET.Element:
    node = ET.SubElement(parent, tag)
    if fmt:
        node.set("format", fmt)
    ET.SubElement(node, "text").text = text
    return node


def _simple(parent: ET.Element, tag: str, value: str) -> None:
    ET.SubElement(parent, tag).text = value


def _cloze_escape(text: str) -> str:
    # Characters with a meaning inside a Moodle cloze answer are escaped with a backslash.
    for ch in '\\}#~/"{':
        text = text.replace(ch, "\\" + ch)
    return text


def _category(name: str) -> str:
    return name.replace("/", "//")


def _answer(parent: ET.Element, text: str, fraction: float, feedback: str = "") -> None:
    answer = ET.SubElement(parent, "answer", fraction=f"{fraction:g}", format=PLAIN)
    ET.SubElement(answer, "text").text = text
    _text(answer, "feedback", feedback)


def _question(q: Question, notes: list[str]) -> ET.Element:
    qtype = {
        "multiple_choice": "multichoice",
        "debate": "multichoice",
        "true_false": "truefalse",
        "short_answer": "shortanswer",
        "cloze": "multianswer",
        "matching": "matching",
        "ordering": "ordering",
        "flashcard": "essay",
    }[q.kind]
    node = ET.Element("question", type=qtype)
    name = ET.SubElement(node, "name")
    ET.SubElement(name, "text").text = q.id
    prompt = q.prompt
    if q.kind == "cloze":
        answers = "~".join(f"={_cloze_escape(a)}" for a in q.answers)
        prompt = q.prompt.replace(BLANK, "{1:SHORTANSWER:" + answers + "}", 1)
    _text(node, "questiontext", prompt)
    _text(node, "generalfeedback", q.explanation)
    _simple(node, "defaultgrade", "1")
    _simple(node, "penalty", "0.3333333")
    _simple(node, "hidden", "0")
    _simple(node, "idnumber", q.id[:100])
    if q.kind in ("multiple_choice", "debate"):
        _simple(node, "single", "true")
        _simple(node, "shuffleanswers", "true")
        _simple(node, "answernumbering", "abc")
        for c in q.choices:
            _answer(node, c.text, 100 if c.correct else 0, c.feedback)
        if q.kind == "debate":
            notes.append(f"{q.id}: debate written as a multiple-choice question")
    elif q.kind == "true_false":
        _answer(node, "true", 100 if q.truth else 0)
        _answer(node, "false", 0 if q.truth else 100)
    elif q.kind == "short_answer":
        _simple(node, "usecase", "0")
        for a in q.answers:
            _answer(node, a, 100)
    elif q.kind == "matching":
        _simple(node, "shuffleanswers", "true")
        for p in q.pairs:
            sub = _text(node, "subquestion", p.left)
            answer = ET.SubElement(sub, "answer")
            ET.SubElement(answer, "text").text = p.right
    elif q.kind == "ordering":
        _simple(node, "layouttype", "VERTICAL")
        _simple(node, "selecttype", "ALL")
        _simple(node, "selectcount", "0")
        _simple(node, "gradingtype", "ABSOLUTE_POSITION")
        _simple(node, "showgrading", "SHOW")
        for position, item in enumerate(q.items, start=1):
            _answer(node, item, position)
    elif q.kind == "flashcard":
        back = q.answers[0] if q.answers else ""
        _simple(node, "responseformat", "plain")
        _simple(node, "responserequired", "1")
        _simple(node, "responsefieldlines", "5")
        _text(node, "graderinfo", back)
        if not q.explanation:
            node.find("generalfeedback/text").text = back  # type: ignore[union-attr]
        notes.append(f"{q.id}: flashcard written as an essay question (graded by a teacher)")
    if q.tags:
        tags = ET.SubElement(node, "tags")
        for tag in q.tags:
            ET.SubElement(ET.SubElement(tags, "tag"), "text").text = tag
    return node


def export_moodle_xml(bank: Bank) -> Exported:
    """A Moodle XML quiz file of every question that is not rejected or orphaned."""
    questions, notes = exportable(bank)
    titles = {s.id: s.title for s in bank.sections}
    quiz = ET.Element("quiz")
    current: str | None = None
    for q in questions:
        if q.section != current:
            category = ET.SubElement(quiz, "question", type="category")
            title = titles.get(q.section, q.section)
            path = f"$course$/top/{_category(bank.title)}/{_category(title)}"
            _text(category, "category", path, fmt=None)
            # Read back by the import, so the same bank can be updated in a library.
            about = f"Exported from TradeQuiz bank {bank.id}, version {bank.version}."
            _text(category, "info", about, fmt="moodle_auto_format")
            current = q.section
        quiz.append(_question(q, notes))
    ET.indent(quiz)
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8")
    # Collapse per-question notes of one kind into a count so the report stays readable.
    return Exported(data + b"\n", len(questions), summarise_notes(notes))
