"""CSV/TSV of question/answer (term/definition) pairs, as Quizlet and Anki read and write them.

Export writes two columns, front and back, without a header (what Quizlet and
Anki's "Basic" note type expect); ``with_tags`` adds a third column Anki can
map to tags (``section:<id> kind:<kind>``).  Cells that a spreadsheet would run
as a formula (starting with = + - @ tab or CR) are written with a leading
apostrophe, which import removes again.

Import takes UTF-8 with or without a byte-order mark, comma, semicolon or tab
separated, an optional header row and Anki's ``#separator:`` style header
lines; every row becomes a flashcard.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from tradequiz.bank.interchange import (
    MAX_IMPORT_QUESTIONS,
    Exported,
    Imported,
    check_imported,
    decode_text,
    exportable,
    new_bank,
    too_many,
)
from tradequiz.bank.model import Bank, Question, stable_id
from tradequiz.bank.problems import BankError, Problem
from tradequiz.document.reader import slugify
from tradequiz.textsafe import FORMULA_STARTS, csv_cell

# A CSV row is a front and a back: everything else stays as the stored bank had it.
LOST_FIELDS = frozenset(
    {"status", "source", "difficulty", "generator", "fingerprint", "explanation"}
)
HEADERS = {("front", "back"), ("term", "definition"), ("question", "answer")}
MAX_FIELD = 1_000_000


def neutralise(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return csv_cell(cell)


def restore(cell: str) -> str:
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def front_back(q: Question) -> tuple[str, str]:
    """The question as one front and one back, for tools that know only cards."""
    if q.kind in ("multiple_choice", "debate"):
        options = "\n".join(f"{chr(65 + i)}) {c.text}" for i, c in enumerate(q.choices))
        return f"{q.prompt}\n{options}", q.answer_text()
    if q.kind == "true_false":
        return f"True or false? {q.prompt}", q.answer_text()
    if q.kind == "ordering":
        return q.prompt, q.answer_text()
    return q.prompt, q.answer_text()


def export_csv(bank: Bank, delimiter: str = ",", with_tags: bool = False) -> Exported:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    notes: dict[str, int] = {}
    rows = 0
    questions, left_out = exportable(bank)
    for q in questions:
        tags = f"section:{q.section} kind:{q.kind}"
        if q.kind == "matching":
            # Term/definition pairs are exactly what these tools are for: one row per pair.
            for pair in q.pairs:
                cells = [pair.left, pair.right] + ([tags] if with_tags else [])
                writer.writerow([neutralise(c) for c in cells])
                rows += 1
            notes["matching questions written as one row per pair"] = (
                notes.get("matching questions written as one row per pair", 0) + 1
            )
            continue
        front, back = front_back(q)
        if q.kind not in ("flashcard", "short_answer", "cloze"):
            key = f"{q.kind} questions written as plain question/answer cards"
            notes[key] = notes.get(key, 0) + 1
        if len(q.answers) > 1:
            key = "only the first accepted answer is written"
            notes[key] = notes.get(key, 0) + 1
        cells = [front, back] + ([tags] if with_tags else [])
        writer.writerow([neutralise(c) for c in cells])
        rows += 1
    return Exported(
        out.getvalue().encode("utf-8"), rows, left_out + [f"{k} ({n})" for k, n in notes.items()]
    )


def _sniff(body: str) -> str:
    """The separator under which the first rows read as two or three cells each."""
    sample = body[:8192]
    best, best_score = ",", -1
    for candidate in ("\t", ";", ","):
        try:
            rows = list(csv.reader(io.StringIO(sample), delimiter=candidate))[:20]
        except csv.Error:
            continue
        score = sum(1 for row in rows if len(row) in (2, 3))
        if score > best_score:
            best, best_score = candidate, score
    return best


def import_csv(data: bytes, path: str = "<csv>", delimiter: str | None = None) -> Imported:
    """Flashcards from a CSV/TSV of front/back rows; BankError with the line on bad input."""
    text = decode_text(data, path)
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise BankError([Problem(path, line, 1, "the file contains a NUL character")])
    lines = text.split("\n")
    skip = 0
    # Anki's export headers ("#separator:tab", "#html:false") come first.
    while skip < len(lines) and lines[skip].startswith("#") and ":" in lines[skip]:
        if lines[skip].lower().startswith("#separator:"):
            name = lines[skip].split(":", 1)[1].strip().lower()
            delimiter = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}.get(
                name, delimiter
            )
        skip += 1
    body = "\n".join(lines[skip:])
    if delimiter is None:
        tab = path.lower().endswith((".tsv", ".tab"))
        delimiter = "\t" if tab else _sniff(body)
    csv.field_size_limit(MAX_FIELD)
    reader = csv.reader(io.StringIO(body), delimiter=delimiter, strict=True)
    bank_id = slugify(path.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    questions: list[Question] = []
    lines_of: dict[str, int] = {}
    warnings: list[Problem] = []
    seen: set[str] = set()
    try:
        for row in reader:
            line = reader.line_num + skip
            cells = [restore(c.strip()) for c in row]
            if not any(cells):
                continue
            if not questions and tuple(c.lower() for c in cells[:2]) in HEADERS:
                continue
            if len(cells) < 2 or not cells[0] or not cells[1]:
                warnings.append(
                    Problem(path, line, 1, "row needs a front and a back; skipped", "warning")
                )
                continue
            tags = cells[2].split() if len(cells) > 2 else []
            section = next((t[8:] for t in tags if t.startswith("section:") and t[8:]), "imported")
            section = slugify(section)
            qid = stable_id(bank_id, cells[0], cells[1], prefix="csv")
            if qid in seen:
                warnings.append(
                    Problem(path, line, 1, "the same card appears twice; skipped", "warning")
                )
                continue
            seen.add(qid)
            if len(questions) == MAX_IMPORT_QUESTIONS:
                raise too_many(path, f"more than {MAX_IMPORT_QUESTIONS:,} rows", line)
            other = [t for t in tags if not t.startswith(("section:", "kind:"))]
            questions.append(
                Question(
                    id=qid,
                    kind="flashcard",
                    section=section,
                    prompt=cells[0],
                    answers=(cells[1],),
                    tags=tuple(other),
                    generator="import.csv",
                )
            )
            lines_of[qid] = line
    except csv.Error as exc:
        raise BankError([Problem(path, reader.line_num + skip, 1, f"CSV: {exc}")]) from exc
    if not questions:
        raise BankError([Problem(path, 1, 1, "no front/back rows found")])
    bank = new_bank(path, questions, [])
    warnings += check_imported(bank, path, lines_of)
    return Imported(replace(bank), warnings, lost=LOST_FIELDS)
