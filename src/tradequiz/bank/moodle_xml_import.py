"""Moodle XML import, parsed with ``defusedxml``: no DTD, no entities, nothing fetched.

A file that declares a DTD (the carrier of "billion laughs" entity bombs and
of external entities that would read local files or URLs) is refused with a
clear error before anything is expanded.

Categories become sections (the last part of the category path; the first
part under ``top`` names the bank).  Question types map back as the export
(:mod:`tradequiz.bank.moodle_xml`) wrote them: multichoice (one answer) →
multiple choice, truefalse, shortanswer, multianswer with one short-answer
gap → cloze, matching, ordering, essay with a grader's answer → flashcard.
Text in HTML format is turned into plain text.  Other types (numerical,
description, multiple-answer multichoice, partial credit…) are reported as
warnings and skipped.  The question's id is its ``idnumber`` or its name
when either is a usable id, so TradeQuiz's own exports keep their ids.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field, replace

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

from tradequiz.bank.html_text import html_to_text
from tradequiz.bank.interchange import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_QUESTIONS,
    Imported,
    check_imported,
    new_bank,
    too_many,
    usable_id,
)
from tradequiz.bank.model import BLANK, BankSection, Choice, Pair, Question
from tradequiz.bank.model import stable_id as make_id
from tradequiz.bank.problems import BankError, Problem
from tradequiz.document.reader import slugify

LOST_FIELDS = frozenset({"status", "source", "difficulty", "generator", "fingerprint"})
_EMBEDDED = re.compile(r"\{(\d*):([A-Z_]+):((?:\\.|[^\\}])*)\}")
_ABOUT = re.compile(r"TradeQuiz bank ([A-Za-z0-9][A-Za-z0-9._:-]{0,119}), version (\d{1,9})")
_TYPED_GAPS = ("SHORTANSWER", "SA", "MW", "SHORTANSWER_C", "SAC", "MWC")


def _text_of(node: ET.Element | None, tag: str) -> str:
    """The text of ``tag``'s ``<text>``, converted from HTML when its format says so."""
    found = node.find(tag) if node is not None else None
    if found is None:
        return ""
    raw = found.findtext("text") or ""
    if found.get("format", "") == "html":
        return html_to_text(raw)
    return raw.strip()


def _fraction(answer: ET.Element) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        return 0.0


def _category_parts(raw: str) -> list[str]:
    parts = [p.replace("\x01", "/").strip() for p in raw.replace("//", "\x01").split("/")]
    skip = ("$course$", "$module$", "$system$", "$cat1$", "$cat2$", "$cat3$", "top")
    return [p for p in parts if p and p not in skip]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _split_unescaped(text: str, sep: str) -> list[str]:
    parts, current, i = [], [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            current.append(text[i : i + 2])
            i += 2
            continue
        if text[i] == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(text[i])
        i += 1
    parts.append("".join(current))
    return parts


@dataclass
class _State:
    bank_title: str = ""
    bank_info: tuple[str, int] | None = None
    section: str = "imported"
    sections: dict[str, str] = field(default_factory=dict)


def _cloze(node: ET.Element, base: Question) -> Question | str:
    raw = _text_of(node, "questiontext")
    gaps = list(_EMBEDDED.finditer(raw))
    if len(gaps) != 1:
        return f"an embedded-answers question with {len(gaps)} gaps (TradeQuiz: exactly one)"
    gap = gaps[0]
    if gap.group(2) not in _TYPED_GAPS:
        return f"an embedded {gap.group(2).lower()} gap is not supported"
    accepted = []
    for part in _split_unescaped(gap.group(3), "~"):
        body = _split_unescaped(part, "#")[0]
        if body.startswith("="):
            accepted.append(_unescape(body[1:]).strip())
        elif body.startswith("%100%"):
            accepted.append(_unescape(body[5:]).strip())
    if not accepted:
        return "the gap has no fully correct answer"
    prompt = (raw[: gap.start()] + BLANK + raw[gap.end() :]).strip()
    return replace(base, kind="cloze", prompt=prompt, answers=tuple(accepted))


def _question(node: ET.Element, qtype: str, base: Question) -> Question | str:
    answers = node.findall("answer")
    if qtype == "multichoice":
        if (node.findtext("single") or "true").strip().lower() not in ("true", "1"):
            return "multiple-answer multichoice questions are not supported"
        fractions = [_fraction(a) for a in answers]
        if any(0 < f < 100 for f in fractions):
            return "partial-credit answers are not supported"
        choices = tuple(
            Choice(_text_of(a, "."), f >= 100, _text_of(a, "feedback"))
            for a, f in zip(answers, fractions, strict=True)
        )
        return replace(base, kind="multiple_choice", choices=choices)
    if qtype == "truefalse":
        right = next((a for a in answers if _fraction(a) >= 100), None)
        if right is None:
            return "no answer is marked true or false"
        return replace(base, kind="true_false", truth=_text_of(right, ".").lower() == "true")
    if qtype == "shortanswer":
        accepted = tuple(_text_of(a, ".") for a in answers if _fraction(a) >= 100)
        return replace(base, kind="short_answer", answers=accepted)
    if qtype == "multianswer":
        return _cloze(node, base)
    if qtype == "matching":
        pairs = tuple(
            Pair(left, _text_of(sub.find("answer"), "."))
            for sub in node.findall("subquestion")
            if (left := _text_of(sub, "."))
        )
        return replace(base, kind="matching", pairs=pairs)
    if qtype == "ordering":
        ranked = sorted(enumerate(answers), key=lambda ia: (_fraction(ia[1]), ia[0]))
        return replace(base, kind="ordering", items=tuple(_text_of(a, ".") for _i, a in ranked))
    if qtype == "essay":
        back = _text_of(node, "graderinfo") or base.explanation
        if not back:
            return "an essay question without a model answer has nothing to check"
        explanation = "" if back == base.explanation else base.explanation
        return replace(base, kind="flashcard", answers=(back,), explanation=explanation)
    return f"Moodle {qtype or 'untyped'} questions are not supported"


def _category(node: ET.Element, state: _State) -> None:
    parts = _category_parts(node.findtext("category/text") or "")
    title = parts[-1] if parts else "Imported"
    state.section = slugify(title)
    state.sections.setdefault(state.section, title)
    if len(parts) > 1 and not state.bank_title:
        state.bank_title = parts[0]
    about = _ABOUT.search(node.findtext("info/text") or "")
    if about and state.bank_info is None:
        state.bank_info = (about.group(1), int(about.group(2)))


def _parse(data: bytes, path: str) -> ET.Element:
    if len(data) > MAX_IMPORT_BYTES:
        raise BankError([Problem(path, 1, 1, "the file is larger than 50 MB")])
    try:
        root = DET.fromstring(data, forbid_dtd=True)
    except DefusedXmlException as exc:
        message = "the XML declares a DTD or entities, which are refused (no entity expansion)"
        raise BankError([Problem(path, 1, 1, f"{message}: {exc}")]) from exc
    except ET.ParseError as exc:
        line, col = exc.position
        raise BankError([Problem(path, max(line, 1), col + 1, f"XML: {exc.msg}")]) from exc
    except (ValueError, RecursionError, LookupError) as exc:
        raise BankError([Problem(path, 1, 1, f"XML: {exc}")]) from exc
    if root.tag != "quiz":
        raise BankError([Problem(path, 1, 1, f"not a Moodle XML quiz (<{root.tag}>, not <quiz>)")])
    return root


def _question_lines(text: str, count: int) -> list[int]:
    """The line of each ``<question`` tag, counted in one pass; 1s when they cannot be told."""
    lines: list[int] = []
    line, pos = 1, 0
    for found in re.finditer(r"<question\b", text):
        line += text.count("\n", pos, found.start())
        pos = found.start()
        lines.append(line)
    return lines if len(lines) == count else [1] * count


def import_moodle_xml(data: bytes, path: str = "<xml>") -> Imported:
    """Questions from a Moodle XML file; skipped ones are warnings, broken XML a BankError."""
    root = _parse(data, path)
    nodes = root.findall("question")
    count = sum(1 for node in nodes if node.get("type") != "category")
    if count > MAX_IMPORT_QUESTIONS:
        raise too_many(path, f"{count:,} questions")
    lines = _question_lines(data.decode("utf-8", errors="replace"), len(nodes))
    bank_id = slugify(path.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    state = _State()
    questions: list[Question] = []
    warnings: list[Problem] = []
    line_of: dict[str, int] = {}
    for node, line in zip(nodes, lines, strict=True):
        qtype = node.get("type", "")
        if qtype == "category":
            _category(node, state)
            continue
        prompt = _text_of(node, "questiontext")
        name, idnumber = _text_of(node, "name"), (node.findtext("idnumber") or "").strip()
        qid = next(
            (c for c in (idnumber, name) if usable_id(c)),
            make_id(bank_id, state.section, name, prompt, prefix="xml"),
        )
        tags = tuple(t for t in (e.text or "" for e in node.findall("tags/tag/text")) if t.strip())
        base = Question(id=qid, kind="flashcard", section=state.section, prompt=prompt,
                        explanation=_text_of(node, "generalfeedback"), tags=tags,
                        generator="import.moodle-xml")  # fmt: skip
        result = _question(node, qtype, base)
        if isinstance(result, str):
            warnings.append(Problem(path, line, 1, f"{name or qid}: {result}; skipped", "warning"))
            continue
        if result.id in line_of:
            warnings.append(
                Problem(path, line, 1, f"question id {qid!r} twice; skipped", "warning")
            )
            continue
        state.sections.setdefault(result.section, "Imported")
        line_of[result.id] = line
        questions.append(result)
    if not questions:
        raise BankError([*warnings, Problem(path, 1, 1, "no questions found")])
    sections = [BankSection(sid, title) for sid, title in state.sections.items()]
    sections = [s for s in sections if any(q.section == s.id for q in questions)]
    bank = new_bank(path, questions, sections, title=state.bank_title)
    if state.bank_info is not None:
        bank = replace(bank, id=state.bank_info[0], version=state.bank_info[1])
    warnings += check_imported(bank, path, line_of)
    return Imported(bank, warnings, versioned=state.bank_info is not None, lost=LOST_FIELDS)
