"""Anki package (.apkg) import: a hostile zip holding an untrusted database, read safely.

The package goes through :mod:`tradequiz.bank.zipsafe` (names, links, bombs),
the media list is checked for names that would escape a media folder (media
themselves are not imported: TradeQuiz questions are text), the collection
(``collection.anki21b`` — zstd, capped while decompressing — else
``collection.anki21``, else ``collection.anki2``) is written to a private
temporary folder and read by :mod:`tradequiz.bank.anki_collection`.

Notes become questions:

- TradeQuiz's own notes (note types with the ``QuestionId`` and ``Section``
  fields, see :mod:`tradequiz.bank.apkg`) come back as the questions they
  were: same id, kind, section, prompt, options with feedback, answers,
  pairs, items and explanation.  What the package does not carry (status,
  source span, difficulty, spaces in tags) is not invented.
- Cloze notes from any deck give one cloze question per cloze number
  (``{{c1::…}}``); the other clozes of the note show their answers.
- Every other note is a flashcard of its first two fields ("type in the
  answer" note types give short-answer questions).  HTML is turned into
  text; images and sounds are counted and reported, not imported.

A note that cannot be a question is skipped with a warning naming it.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

import zstandard

from tradequiz.bank.anki_collection import (
    Collection,
    Note,
    NoteType,
    protobuf_fields,
    read_collection,
)
from tradequiz.bank.apkg import BASIC_FIELDS, CLOZE_FIELDS
from tradequiz.bank.checks import question_problems
from tradequiz.bank.html_text import Outline, html_to_text, outline
from tradequiz.bank.interchange import (
    MAX_IMPORT_QUESTIONS,
    Imported,
    check_imported,
    new_bank,
    too_many,
    usable_id,
)
from tradequiz.bank.model import BLANK, KIND_LABELS, KINDS, BankSection, Choice, Pair, Question
from tradequiz.bank.model import stable_id as make_id
from tradequiz.bank.problems import BankError, Problem
from tradequiz.bank.zipsafe import SafeZip, open_zip, refuse, unsafe_name
from tradequiz.document.reader import slugify

MAX_COLLECTION_BYTES = 256 * 1024 * 1024
MAX_SMALL_MEMBER = 16 * 1024 * 1024  # media list, meta
MAX_FIELD_CHARS = 100_000
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
LOST_FIELDS = frozenset({"status", "source", "difficulty", "generator", "fingerprint"})
_CLOZE = re.compile(r"\{\{c(\d{1,4})::(.*?)(?:::(.*?))?\}\}", re.DOTALL)
_KIND_OF_LABEL = {label: kind for kind, label in KIND_LABELS.items()}
_SENTINEL = "\ue000"


@dataclass
class _Mapped:
    questions: list[Question] = field(default_factory=list)
    sections: dict[str, str] = field(default_factory=dict)  # id -> title
    warnings: list[Problem] = field(default_factory=list)
    media: int = 0


# --- the package --------------------------------------------------------------------------


def _zstd(data: bytes, limit: int, path: str, member: str) -> bytes:
    out = io.BytesIO()
    try:
        with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)) as reader:
            while chunk := reader.read(1024 * 1024):
                out.write(chunk)
                if out.tell() > limit:
                    raise refuse(path, f"{member}: unpacks to more than {limit:,} bytes (the cap)")
    except zstandard.ZstdError as exc:
        raise refuse(path, f"{member}: damaged compressed data ({exc})") from exc
    return out.getvalue()


def _media_names(archive: SafeZip, modern: bool) -> list[str]:
    if "media" not in archive.names():
        return []
    raw = archive.read("media", MAX_SMALL_MEMBER)
    names: list[str] = []
    if raw.lstrip().startswith(b"{") or not modern:
        try:
            mapping = json.loads(raw.decode("utf-8") or "{}")
        except (ValueError, RecursionError) as exc:
            raise refuse(archive.path, "media: the media list is not valid JSON") from exc
        if not isinstance(mapping, dict):
            raise refuse(archive.path, "media: the media list is not a mapping")
        names = [str(v) for v in mapping.values()]
    else:
        entries = protobuf_fields(_zstd(raw, MAX_SMALL_MEMBER, archive.path, "media"))
        for entry in entries.get(1, []):
            if isinstance(entry, bytes):
                name = next(
                    (v for v in protobuf_fields(entry).get(1, []) if isinstance(v, bytes)), b""
                )
                names.append(name.decode("utf-8", errors="replace"))
    return names


def _check_media(archive: SafeZip, names: list[str]) -> None:
    for name in names:
        reason = unsafe_name(name) or ("a folder in the name" if "/" in name else None)
        if reason is not None:
            raise refuse(
                archive.path,
                f"media: file name {name!r} would be written outside the media folder ({reason})",
            )


def _modern(archive: SafeZip) -> bool:
    if "meta" not in archive.names():
        return False
    version = protobuf_fields(archive.read("meta", 1024)).get(1, [0])[0]
    return isinstance(version, int) and version >= 3


def read_package(data: bytes, path: str) -> tuple[Collection, str]:
    """The collection inside an .apkg and the member it came from; BankError when refused."""
    with open_zip(data, path) as archive:
        names = set(archive.names())
        modern = _modern(archive)
        member = next((m for m in COLLECTIONS if m in names), None)
        if member is None:
            raise refuse(
                path, "no collection.anki2 / .anki21 / .anki21b inside: not an Anki package"
            )
        if modern and member != "collection.anki21b":
            raise refuse(path, "meta: a newer package format whose collection is missing")
        _check_media(archive, _media_names(archive, modern))
        raw = archive.read(member, MAX_COLLECTION_BYTES)
    if member.endswith("b"):
        raw = _zstd(raw, MAX_COLLECTION_BYTES, path, member)
    with tempfile.TemporaryDirectory(prefix="tradequiz-apkg-") as folder:
        db_file = Path(folder) / "collection.sqlite"
        db_file.write_bytes(raw)
        return read_collection(db_file, member, path), member


# --- notes to questions -------------------------------------------------------------------


def _ours(kind: NoteType) -> str | None:
    """'basic' or 'cloze' for TradeQuiz's own note types (recognised by their fields)."""
    if kind.fields[: len(BASIC_FIELDS)] == tuple(BASIC_FIELDS):
        return "basic"
    if kind.fields[: len(CLOZE_FIELDS)] == tuple(CLOZE_FIELDS):
        return "cloze"
    return None


def _deck_parts(deck: str) -> list[str]:
    return [p.strip() for p in deck.split("::") if p.strip()]


def _section_of(deck: str) -> tuple[str, str]:
    parts = _deck_parts(deck)
    title = " / ".join(parts[1:]) if len(parts) > 1 else (parts[0] if parts else "Imported")
    return slugify(title), title


def _choices(front: Outline, back: Outline) -> tuple[Choice, ...]:
    options = next((items for tag, items in front.lists if tag.startswith("ol")), [])
    marks: dict[int, tuple[bool, str]] = {}
    for _cls, line in back.divs:
        found = re.match(r"^([✓✗]) ([A-Z])\) ", line)
        if not found:
            continue
        index = ord(found.group(2)) - 65
        rest = line[found.end() :]
        text = options[index] if index < len(options) else ""
        feedback = rest[len(text) :] if rest.startswith(text) else ""
        marks[index] = (found.group(1) == "✓", feedback.removeprefix(" — "))
    return tuple(Choice(text, *marks.get(i, (False, ""))) for i, text in enumerate(options))


def _our_basic(note: Note, named: dict[str, str], base: Question) -> Question | str:
    front = outline(named.get("Front", ""), exact=True)
    back = outline(named.get("Back", ""), exact=True)
    label = next((text for cls, text in front.divs if cls == "kind"), "")
    kind = _KIND_OF_LABEL.get(label) or next((t for t in note.tags if t in KINDS), "")
    prompt = next((text for cls, text in front.divs if cls != "kind"), front.text)
    q = replace(base, prompt=prompt)
    if kind in ("multiple_choice", "debate"):
        return replace(q, kind=kind, choices=_choices(front, back))  # type: ignore[arg-type]
    if kind == "true_false":
        if back.text not in ("True", "False"):
            return f"the back says {back.text[:40]!r}, not True or False"
        return replace(q, kind="true_false", truth=back.text == "True")
    if kind == "matching":
        lefts = next((items for tag, items in front.lists if tag == "ol.options"), [])
        pairs = tuple(Pair(r[0], r[1].removeprefix("→ ")) for r in back.rows if len(r) == 2)
        if [p.left for p in pairs] != lefts:
            return "the matching pairs on the back do not match the front"
        return replace(q, kind="matching", pairs=pairs)
    if kind == "ordering":
        items = next((items for _tag, items in back.lists), [])
        return replace(q, kind="ordering", items=tuple(items))
    accepted = next((items for tag, items in back.lists if tag == "ul.accepted"), None)
    if kind == "short_answer" and accepted is not None:
        main = next((text for cls, text in back.divs if cls == "answer"), "")
        return replace(q, kind="short_answer", answers=(main, *accepted))
    if kind in ("short_answer", "flashcard"):
        return replace(q, kind=kind, answers=(back.text,))  # type: ignore[arg-type]
    return f"unknown question kind {label!r}"


def _our_cloze(named: dict[str, str], base: Question) -> Question | str:
    text = named.get("Text", "")
    found = list(_CLOZE.finditer(text))
    if len(found) != 1:
        return f"{len(found)} clozes; a TradeQuiz cloze has exactly one"
    match = found[0]
    prompt = html_to_text(text[: match.start()] + _SENTINEL + text[match.end() :], exact=True)
    answers = [html_to_text(match.group(2), exact=True)]
    extra = html_to_text(named.get("Back Extra", ""), exact=True)
    answers += [a for a in extra.split(" / ") if a] if extra else []
    return replace(
        base, kind="cloze", prompt=prompt.replace(_SENTINEL, BLANK), answers=tuple(answers)
    )


def _ours_to_question(note: Note, kind: NoteType, which: str) -> Question | str:
    named = dict(zip(kind.fields, note.fields, strict=False))
    qid = named.get("QuestionId", "").strip()
    if not usable_id(qid):
        return f"QuestionId {qid[:40]!r} is not a usable id"
    section = slugify(named.get("Section", "")) if named.get("Section", "").strip() else ""
    tags = [t for t in note.tags if t not in ("tradequiz", section, *KINDS)]
    base = Question(
        id=qid,
        kind="flashcard",
        section=section or _section_of(note.deck)[0],
        prompt="",
        explanation=html_to_text(named.get("Explanation", ""), exact=True),
        tags=tuple(tags),
        generator="import.apkg",
    )
    if which == "cloze":
        return _our_cloze(named, base)
    return _our_basic(note, named, base)


def _generic(
    note: Note, kind: NoteType | None, bank_id: str, mapped: _Mapped
) -> list[Question | str]:
    fields = list(note.fields)
    names = list(kind.fields) if kind else [f"Field {i + 1}" for i in range(len(fields))]
    section, _title = _section_of(note.deck)
    base = Question(id="", kind="flashcard", section=section, prompt="", tags=note.tags,
                    generator="import.apkg")  # fmt: skip
    extra = "\n".join(
        text
        for name, value in zip(names[1:], fields[1:], strict=False)
        if re.search(r"extra|note|explanation|comment", name, re.IGNORECASE)
        and (text := html_to_text(value))
    )
    base = replace(base, explanation=extra)
    is_cloze = (kind is not None and kind.cloze) or any(_CLOZE.search(f) for f in fields)
    if is_cloze:
        text = fields[0] if fields else ""
        numbers = sorted({int(m.group(1)) for m in _CLOZE.finditer(text)})
        if not numbers:
            return ["a cloze note without {{c1::…}} in its first field"]
        mapped.media += outline(text).media
        out: list[Question | str] = []
        for n in numbers:
            blanks = [m for m in _CLOZE.finditer(text) if int(m.group(1)) == n]
            if len(blanks) != 1:
                out.append(f"card c{n} has {len(blanks)} blanks; a TradeQuiz cloze has one")
                continue

            def fill(m: re.Match[str], n: int = n) -> str:
                return _SENTINEL if int(m.group(1)) == n else m.group(2)

            prompt = html_to_text(_CLOZE.sub(fill, text)).replace(_SENTINEL, BLANK)
            answer = html_to_text(blanks[0].group(2))
            qid = make_id(bank_id, note.guid, f"c{n}", prefix="anki")
            out.append(replace(base, id=qid, kind="cloze", prompt=prompt, answers=(answer,)))
        return out
    if len(fields) < 2:
        return ["a note with one field has no back"]
    front, back = outline(fields[0]), outline(fields[1])
    mapped.media += front.media + back.media
    if not front.text or not back.text:
        side = "front" if not front.text else "back"
        return [f"the {side} has no text (images and sounds are not imported)"]
    typed = kind is not None and any("{{type:" in t for t in kind.front_templates)
    qid = make_id(bank_id, note.guid, prefix="anki")
    return [
        replace(
            base,
            id=qid,
            kind="short_answer" if typed else "flashcard",
            prompt=front.text,
            answers=(back.text,),
        )
    ]


def _map(collection: Collection, member: str, path: str, bank_id: str) -> _Mapped:
    mapped = _Mapped()
    for note in collection.notes:
        where = f"{member}: note {note.id}"
        if any(len(f) > MAX_FIELD_CHARS for f in note.fields):
            message = f"{where}: a field is longer than {MAX_FIELD_CHARS:,} characters; skipped"
            mapped.warnings.append(Problem(path, 1, 1, message, "warning"))
            continue
        kind = collection.note_types.get(note.notetype)
        which = _ours(kind) if kind else None
        results = (
            [_ours_to_question(note, kind, which)]
            if kind is not None and which is not None
            else _generic(note, kind, bank_id, mapped)
        )
        _section_id, title = _section_of(note.deck)
        for result in results:
            if isinstance(result, str):
                mapped.warnings.append(
                    Problem(path, 1, 1, f"{where}: {result}; skipped", "warning")
                )
                continue
            errors = [p for p in question_problems(result) if p.severity == "error"]
            if errors:
                message = f"{where}: {errors[0].field}: {errors[0].message}; skipped"
                mapped.warnings.append(Problem(path, 1, 1, message, "warning"))
                continue
            mapped.sections.setdefault(result.section, title)
            mapped.questions.append(result)
    return mapped


def import_apkg(data: bytes, path: str = "<apkg>") -> Imported:
    """Questions from an Anki package; BankError naming the file and member when refused."""
    collection, member = read_package(data, path)
    top = Counter(parts[0] for n in collection.notes if (parts := _deck_parts(n.deck)))
    title = top.most_common(1)[0][0] if top else ""
    info = collection.bank_info
    bank_id = info[0] if info else slugify(title or Path(path).stem or "anki")
    mapped = _map(collection, member, path, bank_id)
    if mapped.media:
        mapped.warnings.append(
            Problem(path, 1, 1, f"{mapped.media} images or sounds left out (text only)", "warning")
        )
    seen: set[str] = set()
    questions: list[Question] = []
    for q in mapped.questions:
        if q.id in seen:
            mapped.warnings.append(
                Problem(path, 1, 1, f"{member}: question id {q.id!r} twice; skipped", "warning")
            )
            continue
        seen.add(q.id)
        questions.append(q)
    if not questions:
        raise BankError([*mapped.warnings, Problem(path, 1, 1, "no notes that make questions")])
    if len(questions) > MAX_IMPORT_QUESTIONS:
        raise too_many(path, f"{len(questions):,} questions (a cloze note makes one per gap)")
    sections = [BankSection(sid, title) for sid, title in mapped.sections.items()]
    bank = new_bank(path, questions, sections, title=title)
    if info is not None:
        bank = replace(bank, id=info[0], version=info[1])
    else:
        bank = replace(bank, id=bank_id)
    warnings = mapped.warnings + check_imported(bank, path, {})
    return Imported(bank, warnings, versioned=info is not None, lost=LOST_FIELDS)
