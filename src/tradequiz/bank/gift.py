"""Moodle GIFT export and import.

GIFT escapes ``~ = # { } :`` and the backslash with a backslash, and writes a
newline inside a text as ``\\n``.  Sections become ``$CATEGORY:`` lines (a
``/`` in a name is doubled).  Each question is named by its id
(``::q-…::``) and carries a ``// tradequiz: kind=…; status=…`` comment that
Moodle ignores and the import reads back.

What maps: multiple choice and debate (with per-option feedback), true/false,
cloze (GIFT's "missing word" format), short answer, matching, and flashcards
as essay questions whose general feedback is the back of the card.  Ordering
has no GIFT form: it is reported and left out.  On import, numerical
questions, descriptions and partial-credit weights are reported and skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from tradequiz.bank.interchange import (
    MAX_IMPORT_QUESTIONS,
    Exported,
    Imported,
    check_imported,
    decode_text,
    exportable,
    new_bank,
    summarise_notes,
    too_many,
    usable_id,
)
from tradequiz.bank.model import BLANK, KINDS, STATUSES, Bank, BankSection, Choice, Pair, Question
from tradequiz.bank.model import stable_id as make_id
from tradequiz.bank.problems import BankError, Problem
from tradequiz.document.reader import slugify

SPECIAL = "~=#{}:"
_META = re.compile(r"^//\s*tradequiz:\s*(.*)$")
_SECTION = re.compile(r"^//\s*tradequiz-section:\s*(\S+)\s*$")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d+)?)%")
_HEADER = re.compile(
    r"^//.* exported from TradeQuiz bank ([A-Za-z0-9][A-Za-z0-9._:-]{0,119}) \(version (\d{1,9})\)"
)
# What a GIFT file cannot carry; a library update keeps these from the stored bank.
LOST_FIELDS = frozenset({"source", "difficulty", "generator", "fingerprint", "tags"})


def escape(text: str) -> str:
    out = text.replace("\\", "\\\\")
    for ch in SPECIAL:
        out = out.replace(ch, "\\" + ch)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def unescape(text: str) -> str:
    out = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            out.append("\n" if nxt == "n" else nxt)
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _category(name: str) -> str:
    return name.replace("/", "//")


# --- export ------------------------------------------------------------------


def _answer_block(q: Question) -> tuple[str, str | None]:
    """(GIFT answer block, or None with a reason it cannot be expressed)."""
    general = f"####{escape(q.explanation)}" if q.explanation else ""
    if q.kind in ("multiple_choice", "debate"):
        lines = []
        for c in q.choices:
            fb = f"#{escape(c.feedback)}" if c.feedback else ""
            lines.append(f"\t{'=' if c.correct else '~'}{escape(c.text)}{fb}")
        return "{\n" + "\n".join(lines) + (f"\n\t{general}" if general else "") + "\n}", None
    if q.kind == "true_false":
        return "{" + ("TRUE" if q.truth else "FALSE") + general + "}", None
    if q.kind in ("short_answer", "cloze"):
        return "{" + " ".join(f"={escape(a)}" for a in q.answers) + general + "}", None
    if q.kind == "matching":
        if any("->" in p.left for p in q.pairs):
            return "", "a matching left side contains '->', which GIFT cannot escape"
        lines = [f"\t={escape(p.left)} -> {escape(p.right)}" for p in q.pairs]
        return "{\n" + "\n".join(lines) + (f"\n\t{general}" if general else "") + "\n}", None
    if q.kind == "flashcard":
        back = q.answers[0] if q.answers else ""
        return "{####" + escape(back) + "}", None
    return "", f"GIFT has no {q.kind.replace('_', ' ')} question"


def export_gift(bank: Bank) -> Exported:
    """GIFT text of every question GIFT can express; the rest are named in ``notes``."""
    titles = {s.id: s.title for s in bank.sections}
    out = [f"// {bank.title} — exported from TradeQuiz bank {bank.id} (version {bank.version})"]
    questions, notes = exportable(bank)
    current: str | None = None
    count = 0
    for q in questions:
        block, reason = _answer_block(q)
        if reason is not None:
            notes.append(f"{q.id}: {q.kind} left out: {reason}")
            continue
        if q.section != current:
            title = titles.get(q.section, q.section)
            out.append(f"\n$CATEGORY: {_category(bank.title)}/{_category(title)}")
            out.append(f"// tradequiz-section: {q.section}\n")
            current = q.section
        if q.kind == "flashcard" and q.explanation:
            notes.append(f"{q.id}: flashcard written as an essay question; explanation not kept")
        meta = f"// tradequiz: kind={q.kind}; status={q.status}"
        name = f"::{escape(q.id)}::"
        if q.kind == "cloze" and BLANK in q.prompt:
            before, after = q.prompt.split(BLANK, 1)
            text = f"{name}{escape(before)}{block}{escape(after)}"
        else:
            text = f"{name}{escape(q.prompt)} {block}"
        out.append(f"{meta}\n{text}\n")
        count += 1
    return Exported(("\n".join(out) + "\n").encode("utf-8"), count, summarise_notes(notes))


# --- import ------------------------------------------------------------------


@dataclass
class _Chunk:
    line: int
    text: str
    meta: dict[str, str] = field(default_factory=dict)


def _find(text: str, chars: str, start: int = 0) -> int:
    """Index of the first unescaped character of ``chars`` from ``start``, or -1."""
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] in chars:
            return i
        i += 1
    return -1


def _split(text: str, chars: str) -> list[str]:
    """Split before every unescaped character of ``chars`` (the character is kept)."""
    parts, start, i = [], 0, _find(text, chars)
    while i != -1:
        if i > start:
            parts.append(text[start:i])
        start = i
        i = _find(text, chars, i + 1)
    parts.append(text[start:])
    return [p for p in parts if p.strip()]


def _chunks(text: str, path: str) -> tuple[list[_Chunk], list[tuple[int, str]]]:
    """Questions (blank-line separated) and ``$CATEGORY`` lines, with their line numbers."""
    chunks: list[_Chunk] = []
    categories: list[tuple[int, str]] = []
    current: list[str] = []
    start = 0
    meta: dict[str, str] = {}
    depth = 0

    def flush() -> None:
        nonlocal current, meta
        if any(ln.strip() for ln in current):
            chunks.append(_Chunk(start, "\n".join(current).strip(), meta))
        current, meta = [], {}

    for number, line in enumerate(text.split("\n"), start=1):
        stripped = line.strip()
        if depth == 0 and not stripped:
            flush()
            continue
        if depth == 0 and stripped.startswith("//"):
            found = _META.match(stripped)
            if found:
                for part in found.group(1).split(";"):
                    key, _, value = part.partition("=")
                    meta[key.strip()] = value.strip()
            section = _SECTION.match(stripped)
            if section:
                categories.append((number, "\x00" + section.group(1)))
            continue
        if depth == 0 and stripped.startswith("$CATEGORY:"):
            flush()
            categories.append((number, stripped[len("$CATEGORY:") :].strip()))
            continue
        if not current:
            start = number
        current.append(line)
        # Track braces so a blank line inside an answer block does not end the question.
        i = _find(line, "{}")
        while i != -1:
            depth += 1 if line[i] == "{" else -1
            depth = max(depth, 0)
            i = _find(line, "{}", i + 1)
    if depth:
        raise BankError([Problem(path, start, 1, "an answer block '{' is never closed")])
    flush()
    return chunks, categories


def _category_parts(raw: str) -> list[str]:
    """A ``$CATEGORY`` path split at single slashes (``//`` is a slash inside a name)."""
    parts = [p.replace("\x01", "/").strip() for p in raw.replace("//", "\x01").split("/")]
    skip = ("$course$", "$module$", "$system$", "$cat1$", "$cat2$", "$cat3$", "top")
    return [p for p in parts if p and p not in skip]


@dataclass
class _Answer:
    mark: str
    text: str
    feedback: str
    weight: float | None


def _answers(block: str) -> tuple[list[_Answer], str]:
    general = ""
    gi = block.find("####")
    while gi != -1 and gi > 0 and block[gi - 1] == "\\":
        gi = block.find("####", gi + 1)
    if gi != -1:
        general = unescape(block[gi + 4 :].strip())
        block = block[:gi]
    answers = []
    for part in _split(block, "=~"):
        mark, body = part[0], part[1:]
        if mark not in "=~":
            raise ValueError("text before the first answer; start each answer with = or ~")
        weight = None
        found = _WEIGHT.match(body)
        if found:
            weight = float(found.group(1))
            body = body[found.end() :]
        fi = _find(body, "#")
        feedback = unescape(body[fi + 1 :].strip()) if fi != -1 else ""
        text = body[:fi] if fi != -1 else body
        answers.append(_Answer(mark, text.strip(), feedback, weight))
    return answers, general


def _parse_chunk(chunk: _Chunk, section: str, bank_id: str) -> Question | str:
    """A question, or the reason it cannot be imported (a warning)."""
    text = chunk.text
    name = ""
    if text.startswith("::"):
        end = _find(text, ":", 2)
        if end == -1 or not text[end:].startswith("::"):
            raise ValueError("the question name '::…::' is not closed")
        name = unescape(text[2:end]).strip()
        text = text[end + 2 :].lstrip()
    for marker in ("[html]", "[moodle]", "[plain]", "[markdown]"):
        if text.startswith(marker):
            text = text[len(marker) :]
    open_at = _find(text, "{")
    if open_at == -1:
        return "a description (no answers) has nothing to study; skipped"
    close_at = _find(text, "}", open_at)
    if close_at == -1:
        raise ValueError("an answer block '{' is never closed")
    if _find(text, "{", close_at) != -1:
        return "more than one answer block (Moodle cloze) is not supported; skipped"
    before = unescape(text[:open_at]).strip()
    after_raw = text[close_at + 1 :]
    after = unescape(after_raw).rstrip()
    block = text[open_at + 1 : close_at].strip()
    meta_kind = chunk.meta.get("kind", "")
    status = chunk.meta.get("status", "draft")
    qid = name if usable_id(name) else make_id(bank_id, section, before, block, prefix="gift")
    base = Question(
        id=qid,
        kind="flashcard",
        section=section,
        prompt=before,
        status=status if status in STATUSES else "draft",  # type: ignore[arg-type]
        generator="import.gift",
    )
    if block.startswith("#") and not block.startswith("####"):
        return "numerical questions are not supported; skipped"
    upper = block.split("#", 1)[0].strip().upper()
    if upper in ("T", "TRUE", "F", "FALSE"):
        general = _answers(block[len(upper) :])[1] if "####" in block else ""
        return replace(base, kind="true_false", truth=upper.startswith("T"), explanation=general)
    answers, general = _answers(block)
    if not answers:
        if general:
            return replace(base, kind="flashcard", answers=(general,))
        return "an essay question without a model answer has nothing to check; skipped"
    if any(a.weight is not None and 0 < a.weight < 100 for a in answers):
        return "partial-credit weights are not supported; skipped"
    if all(a.mark == "=" for a in answers) and any("->" in a.text for a in answers):
        pairs = []
        for a in answers:
            left, sep, right = a.text.partition("->")
            if not sep:
                raise ValueError("every matching answer needs 'left -> right'")
            pairs.append(Pair(unescape(left).strip(), unescape(right).strip()))
        return replace(base, kind="matching", pairs=tuple(pairs), explanation=general)
    if all(a.mark == "=" for a in answers):
        accepted = tuple(unescape(a.text) for a in answers)
        if after.strip() or meta_kind == "cloze":
            # Missing-word format: the blank sits where the answer block was.
            prompt = (unescape(text[:open_at]).lstrip() + BLANK + after).strip()
            return replace(base, kind="cloze", prompt=prompt, answers=accepted, explanation=general)
        return replace(base, kind="short_answer", answers=accepted, explanation=general)
    choices = tuple(
        Choice(unescape(a.text), a.mark == "=" or a.weight == 100, a.feedback) for a in answers
    )
    prompt = before if not after.strip() else f"{before} ____ {after.strip()}"
    return replace(
        base,
        kind="debate" if meta_kind == "debate" else "multiple_choice",
        prompt=prompt,
        choices=choices,
        explanation=general,
    )


def import_gift(data: bytes, path: str = "<gift>") -> Imported:
    """Questions from GIFT text; skipped ones are warnings, broken syntax a BankError."""
    text = decode_text(data, path)
    chunks, categories = _chunks(text, path)
    if len(chunks) > MAX_IMPORT_QUESTIONS:
        raise too_many(path, f"{len(chunks):,} questions")
    bank_id = slugify(path.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    sections: list[BankSection] = []
    questions: list[Question] = []
    warnings: list[Problem] = []
    errors: list[Problem] = []
    lines: dict[str, int] = {}
    bank_title = ""
    for chunk in chunks:
        section_id, title = "imported", "Imported"
        for line, raw in categories:
            if line > chunk.line:
                break
            if raw.startswith("\x00"):
                section_id = raw[1:]
            else:
                parts = _category_parts(raw)
                title = parts[-1] if parts else "Imported"
                section_id = slugify(title)
                if len(parts) > 1 and not bank_title:
                    bank_title = parts[0]
        if section_id not in {s.id for s in sections}:
            sections.append(BankSection(section_id, title))
        try:
            result = _parse_chunk(chunk, section_id, bank_id)
        except ValueError as exc:
            errors.append(Problem(path, chunk.line, 1, str(exc)))
            continue
        if isinstance(result, str):
            warnings.append(Problem(path, chunk.line, 1, result, "warning"))
            continue
        if result.kind not in KINDS:  # pragma: no cover - kinds come from this module
            continue
        lines[result.id] = chunk.line
        questions.append(result)
    if errors:
        raise BankError(errors + warnings)
    if not questions:
        raise BankError([*warnings, Problem(path, 1, 1, "no questions found")])
    bank = new_bank(path, questions, sections, title=bank_title)
    header = _HEADER.match(text)
    if header is not None:
        bank = replace(bank, id=header.group(1), version=int(header.group(2)))
    warnings += check_imported(bank, path, lines)
    return Imported(bank, warnings, versioned=header is not None, lost=LOST_FIELDS)
