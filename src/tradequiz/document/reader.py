"""Read plain text or Markdown into a Document.

Plain text: the first line is the title; a short line without closing
punctuation standing alone between paragraphs is a heading.  Markdown: ``#``
is the title and deeper headings start sections.  Text before the first
heading is the "Introduction" section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tradequiz.document.model import Block, Document, Section, Sentence
from tradequiz.document.repair import normalise_text, repair_title, strip_edit_link
from tradequiz.document.sentences import split_sentences

INTRO_TITLE = "Introduction"
MAX_BYTES = 20 * 1024 * 1024


class DocumentError(ValueError):
    """A source document that cannot be read, with the file and line."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message


@dataclass
class _Line:
    text: str
    start: int
    number: int


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_MD_INLINE = [
    (re.compile(r"\*\*(.+?)\*\*"), r"\1"),
    (re.compile(r"__(.+?)__"), r"\1"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"!?\[([^\]]*)\]\([^)]*\)"), r"\1"),
]
_TERM_COLON = re.compile(r":(?:\*\*|__|\*|_)?\s+")
# Words that make the text before a colon read as a clause, not a term.
_CLAUSE_WORDS = re.compile(
    r"\b(is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|"
    r"does|do|did|says|said|argue|argues|claim|claims|include|includes|following)\b",
    re.IGNORECASE,
)
_MAX_TERM_WORDS = 12


def slugify(text: str) -> str:
    slug = re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")
    return slug[:48].strip("-") or "section"


def clean_inline(text: str) -> str:
    """Strip Markdown emphasis, code and link markup, keeping the words."""
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    return text


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    pos = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        lines.append(_Line(raw, pos, number))
        pos += len(raw) + 1
    return lines


def _looks_like_heading(line: str, previous_blank_or_para: bool) -> bool:
    words = line.split()
    if not words or len(words) > 10 or len(line) > 80:
        return False
    if line.rstrip()[-1] in '.:;,!?"”)' or ": " in line:
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    return previous_blank_or_para


def _term_split(text: str, in_list: bool) -> tuple[str, str] | None:
    """Split "Term: description" when the colon really ends a term."""
    if ": " not in text:
        return None
    term, description = text.split(": ", 1)
    term = term.strip()
    words = term.split()
    if not words or len(words) > _MAX_TERM_WORDS or not description.strip():
        return None
    if re.search(r"[.!?;]\s", term) or term.endswith((".", "!", "?")):
        return None
    if not (term[0].isupper() or term[0].isdigit()):
        return None
    # Outside a list, a clause before the colon is a sentence, not a term.
    if not in_list and (_CLAUSE_WORDS.search(term) or len(words) > 6):
        return None
    return term, description.strip()


class _Builder:
    def __init__(self, text: str) -> None:
        self.text = text
        self.sections: list[Section] = []
        self.title_raw = ""
        self._section_title = INTRO_TITLE
        self._section_start = 0
        self._blocks: list[Block] = []
        self._used_ids: set[str] = set()
        self._lead_in: str | None = None
        self._in_list = False

    def _section_id(self, title: str) -> str:
        base = slugify(title)
        candidate, n = base, 2
        while candidate in self._used_ids:
            candidate, n = f"{base}-{n}", n + 1
        self._used_ids.add(candidate)
        return candidate

    def start_section(self, title: str, start: int) -> None:
        self.close_section(start)
        self._section_title = title
        self._section_start = start
        self._lead_in = None
        self._in_list = False

    def close_section(self, end: int) -> None:
        if not self._blocks:
            return
        index = len(self.sections)
        section_id = self._section_id(self._section_title)
        blocks = tuple(
            Block(
                id=f"{section_id}.b{i + 1}",
                kind=b.kind,
                text=b.text,
                start=b.start,
                end=b.end,
                sentences=tuple(
                    Sentence(f"{section_id}.b{i + 1}.s{j + 1}", s.text, s.start, s.end)
                    for j, s in enumerate(b.sentences)
                ),
                term=b.term,
                description=b.description,
                lead_in=b.lead_in,
            )
            for i, b in enumerate(self._blocks)
        )
        self.sections.append(
            Section(
                id=section_id,
                title=self._section_title,
                index=index,
                start=self._section_start,
                end=max(end, blocks[-1].end),
                blocks=blocks,
            )
        )
        self._blocks = []

    def add_block(
        self, raw: str, start: int, bullet: bool, markdown: bool, in_run: bool = False
    ) -> None:
        stripped = raw.strip()
        lead = raw.index(stripped[0]) if stripped else 0
        start += lead
        if bullet:
            marker = _MD_BULLET.match(stripped)
            if marker:
                start += marker.end()
                stripped = stripped[marker.end() :]
        cleaned_line = clean_inline(stripped) if markdown else stripped
        split = _term_split(cleaned_line, in_list=bullet or self._in_list)
        if split and not (bullet or self._in_list or in_run):
            # A lone "X: y" line among paragraphs is a sentence with a colon, not a list.
            split = None
        sentences: list[Sentence] = []
        if split:
            term, description = split
            # "Term: …", or in Markdown "**Term:** …" with the emphasis closing after the colon.
            colon = _TERM_COLON.search(stripped)
            desc_offset = start + colon.end() if colon else start
            desc_raw = stripped[colon.end() :] if colon else stripped
            for text, s_start, s_end in split_sentences(desc_raw, desc_offset):
                sentences.append(
                    Sentence("", clean_inline(text) if markdown else text, s_start, s_end)
                )
            self._blocks.append(
                Block(
                    "",
                    "list_item",
                    cleaned_line,
                    start,
                    start + len(stripped),
                    tuple(sentences),
                    term=term,
                    description=description,
                    lead_in=self._lead_in,
                )
            )
            self._in_list = True
            return
        for text, s_start, s_end in split_sentences(stripped, start):
            sentences.append(Sentence("", clean_inline(text) if markdown else text, s_start, s_end))
        self._blocks.append(
            Block("", "paragraph", cleaned_line, start, start + len(stripped), tuple(sentences))
        )
        if cleaned_line.endswith(":"):
            self._lead_in = sentences[-1].text if sentences else cleaned_line
            self._in_list = True
        else:
            self._lead_in = None
            self._in_list = False


def _is_markdown(text: str, name: str) -> bool:
    if name.lower().endswith((".md", ".markdown")):
        return True
    return bool(re.search(r"^#{1,6}\s+\S", text, re.MULTILINE))


def read_text(text: str, source_name: str = "<text>") -> Document:
    """Parse document text (plain or Markdown) into a Document."""
    text = normalise_text(text)
    markdown = _is_markdown(text, source_name)
    lines = _split_lines(text)
    content = [ln for ln in lines if ln.text.strip()]
    if not content:
        raise DocumentError(source_name, 1, "the document is empty")
    builder = _Builder(text)
    body_start = 0
    first = content[0]
    md_title = _MD_HEADING.match(first.text.strip()) if markdown else None
    if md_title and len(md_title.group(1)) == 1:
        builder.title_raw = clean_inline(md_title.group(2))
        body_start = first.number
    elif not markdown:
        builder.title_raw = first.text.strip()
        body_start = first.number
    else:
        builder.title_raw = source_name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    builder._section_start = lines[body_start].start if body_start < len(lines) else len(text)
    body_lines = lines[body_start:]
    candidates = [
        bool(ln.text.strip()) and _term_split(clean_inline(ln.text.strip()), False) is not None
        for ln in body_lines
    ]
    previous_blank = True
    for index, line in enumerate(body_lines):
        in_run = candidates[index] and (
            (index > 0 and candidates[index - 1])
            or (index + 1 < len(candidates) and candidates[index + 1])
        )
        stripped = line.text.strip()
        if not stripped:
            previous_blank = True
            continue
        if markdown:
            heading = _MD_HEADING.match(stripped)
            if heading:
                builder.start_section(strip_edit_link(clean_inline(heading.group(2))), line.start)
                previous_blank = True
                continue
            if stripped.startswith(("```", "---", "***", "___", "|", "<")):
                previous_blank = False
                continue
            bullet = bool(_MD_BULLET.match(stripped))
            builder.add_block(line.text, line.start, bullet, markdown=True, in_run=in_run)
        else:
            if _looks_like_heading(stripped, True):
                builder.start_section(strip_edit_link(stripped), line.start)
                previous_blank = True
                continue
            builder.add_block(line.text, line.start, False, markdown=False, in_run=in_run)
        previous_blank = False
    del previous_blank
    builder.close_section(len(text))
    if not builder.sections:
        raise DocumentError(source_name, 1, "the document has no paragraphs to study")
    body = text[builder.sections[0].start :]
    title = repair_title(builder.title_raw, body) or builder.title_raw
    return Document(
        title=title, text=text, sections=tuple(builder.sections), source_name=source_name
    )


def read_document(path: str | Path) -> Document:
    """Read a .txt or .md file; bad encodings are reported with the line."""
    path = Path(path)
    too_big = DocumentError(str(path), 0, f"the file is larger than {MAX_BYTES // 2**20} MB")
    try:
        # Checked before reading, so a huge (or endless) file is never loaded into memory.
        if path.stat().st_size > MAX_BYTES:
            raise too_big
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise DocumentError(str(path), 0, f"cannot read the file: {exc.strerror}") from exc
    if len(data) > MAX_BYTES:
        raise too_big
    text = decode_text(data, str(path))
    return read_text(text, source_name=str(path))


def decode_text(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or UTF-16 with BOM; else name the bad line.

    Text that is not UTF-8 (say cp1252 from an old editor) is refused with the
    line of the first bad byte rather than guessed at: a wrong guess would put
    wrong words into questions silently.  A NUL character is refused too: it
    means a binary file, or UTF-16 saved without its byte-order mark.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        codec = "utf-16-le" if data.startswith(b"\xff\xfe") else "utf-16-be"
        body = data[2:]
        try:
            text = body.decode(codec)
        except UnicodeDecodeError as exc:
            line = body[: exc.start].decode(codec, "replace").count("\n") + 1
            raise DocumentError(name, line, "invalid UTF-16 text") from exc
    elif data[:4096].count(0) > len(data[:4096]) // 4:
        # Text is never a quarter NULs; UTF-16 without its BOM (or a binary file) is.
        raise DocumentError(
            name,
            1,
            "the file looks like UTF-16 without a byte-order mark, or is not text; "
            "save it as UTF-8",
        )
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            raise DocumentError(
                name, line, "the text is not UTF-8 (save it as UTF-8 and try again)"
            ) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise DocumentError(
            name,
            line,
            "the file contains a NUL character: it is not plain text (or it is UTF-16 "
            "saved without a byte-order mark; save it as UTF-8)",
        )
    return text
