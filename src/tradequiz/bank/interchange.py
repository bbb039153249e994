"""Export to and import from the formats schools use, behind one small interface.

Each format module offers ``export_*(bank) -> Exported`` and, where the format
can be read back, ``import_*(data, path, options) -> Imported``.  What a format
cannot express is reported in ``notes`` (exports) or ``warnings`` (imports),
never dropped silently; a file that cannot be read raises BankError with
FILE:LINE:COL.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from tradequiz.bank.checks import question_problems
from tradequiz.bank.model import FORMAT, Bank, BankSection, Question
from tradequiz.bank.problems import BankError, Problem
from tradequiz.document.reader import slugify

MAX_IMPORT_BYTES = 50 * 1024 * 1024
# One import makes at most this many questions.  Reading is fast (100,000 CSV rows in
# about 1.5 s), but writing and loading a YAML bank of that size takes minutes, and
# 10,000 is the size the editor and the study queue are built and tested for.
MAX_IMPORT_QUESTIONS = 10_000


def too_many(path: str, found: str, line: int = 1) -> BankError:
    """The error for a file with more than MAX_IMPORT_QUESTIONS questions (``found``: how many)."""
    message = (
        f"{found}: one import takes at most {MAX_IMPORT_QUESTIONS:,} questions; split the file"
    )
    return BankError([Problem(path, line, 1, message)])


@dataclass
class Exported:
    data: bytes
    exported: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class Imported:
    """A bank read from another format.

    ``versioned``: the file carried the bank's id and version (a TradeQuiz export), so
    the library may compare versions; otherwise a later file counts as newer.  ``lost``:
    question fields the format cannot carry, which an update keeps from the stored bank.
    """

    bank: Bank
    warnings: list[Problem] = field(default_factory=list)
    versioned: bool = False
    lost: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    export: Callable[[Bank, datetime], Exported]
    read: Callable[[bytes, str], Imported] | None
    label: str


def section_title(section_id: str) -> str:
    return section_id.replace("-", " ").capitalize() or "Imported"


def new_bank(
    path: str, questions: list[Question], sections: list[BankSection], title: str = ""
) -> Bank:
    """A bank for imported questions: named after the file, sections in first-use order."""
    stem = Path(path).stem or "imported"
    known = {s.id for s in sections}
    for q in questions:
        if q.section not in known:
            sections.append(BankSection(q.section, section_title(q.section)))
            known.add(q.section)
    return Bank(
        id=slugify(title or stem),
        title=title or stem.replace("_", " ").replace("-", " ").strip().capitalize() or "Imported",
        version=1,
        source="",
        sections=tuple(sections),
        questions=tuple(questions),
        meta={"imported_from": Path(path).name, "format": FORMAT},
    )


def check_imported(bank: Bank, path: str, lines: dict[str, int]) -> list[Problem]:
    """Run the question checks on an import; errors raise, warnings are returned."""
    found: list[Problem] = []
    seen: set[str] = set()
    for q in bank.questions:
        line = lines.get(q.id, 1)
        if q.id in seen:
            found.append(Problem(path, line, 1, f"duplicate question id {q.id!r}"))
        seen.add(q.id)
        for p in question_problems(q, bank.section_ids()):
            found.append(Problem(path, line, 1, f"{q.id}: {p.field}: {p.message}", p.severity))
    errors = [p for p in found if p.severity == "error"]
    if errors:
        raise BankError(found)
    return found


def decode_text(data: bytes, path: str) -> str:
    """UTF-8 with or without a byte-order mark; BankError naming the line otherwise."""
    if len(data) > MAX_IMPORT_BYTES:
        raise BankError([Problem(path, 1, 1, "the file is larger than 50 MB")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - data.rfind(b"\n", 0, exc.start)
        raise BankError([Problem(path, line, col, "the file is not valid UTF-8")]) from exc
    return text.replace("\r\n", "\n").replace("\r", "\n")


_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,119}$")


def usable_id(candidate: str) -> bool:
    return bool(_ID.match(candidate))


def exportable(bank: Bank) -> tuple[list[Question], list[str]]:
    """The questions worth giving to another tool, by section; rejected and orphaned stay home."""
    order = {s.id: i for i, s in enumerate(bank.sections)}
    keep = [q for q in bank.questions if q.status not in ("rejected", "orphaned")]
    # Grouped by section (in the bank's section order) so each category is written once.
    keep.sort(key=lambda q: order.get(q.section, len(order)))
    left = len(bank.questions) - len(keep)
    notes = [f"{left} rejected or orphaned questions left out"] if left else []
    return keep, notes


def summarise_notes(notes: list[str]) -> list[str]:
    """Per-question notes ("q-1: flashcard written as …") collapsed into one line per kind."""
    counts: dict[str, int] = {}
    for note in notes:
        key = note.split(": ", 1)[-1]
        counts[key] = counts.get(key, 0) + 1
    return [f"{key} ({n} questions)" if n > 1 else key for key, n in counts.items()]
