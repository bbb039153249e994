"""HTML from another tool (Anki fields, Moodle question text) turned into plain text.

Nothing is rendered and nothing is fetched: the stdlib ``html.parser`` only
splits the text into tags and characters.  Tags are dropped (``<br>`` and
block elements become line breaks), entities are decoded, ``<script>`` and
``<style>`` contents are dropped, images and sounds are counted so the
caller can say they were left out.  :func:`outline` also keeps the few
structures TradeQuiz's own Anki notes are built from (``div``, ``li``
inside ``ol``/``ul``, table cells), so those notes map back to questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

BLOCKS = frozenset(
    {"div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ol", "ul", "table", "hr"}
    | {"blockquote", "pre", "section", "article", "dl", "dt", "dd"}
)
SKIPPED = frozenset({"script", "style", "head", "title", "template", "object", "iframe"})
MEDIA = frozenset({"img", "audio", "video", "source", "embed", "object", "iframe", "svg"})
_SOUND = re.compile(r"\[sound:[^\]\n]*\]")
_SPACES = re.compile(r"[ \t\f\v\r\xa0\u200b]+")
# A "<" that does not open a complete tag is text.  Escaping it first keeps the
# stdlib parser linear: on unfinished tags ("<a<a<a…") it rescans, quadratically.
_STRAY_LT = re.compile(r"<(?![a-zA-Z/!?][^<>]*>)")
# Elements tracked for their own text; deeper nesting only adds to the outer text.
MAX_TRACKED = 64


@dataclass
class Outline:
    """The text of an HTML fragment and the pieces TradeQuiz notes are made of."""

    text: str = ""
    divs: list[tuple[str, str]] = field(default_factory=list)  # (class, text)
    lists: list[tuple[str, list[str]]] = field(default_factory=list)  # (tag.class, items)
    rows: list[list[str]] = field(default_factory=list)
    media: int = 0


class _Parser(HTMLParser):
    def __init__(self, exact: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.exact = exact
        self.parts: list[str] = []
        self.skip = 0
        self.media = 0
        # Open collectors: (tag, class, start index into self.parts).
        self.open: list[tuple[str, str, int]] = []
        self.divs: list[tuple[str, str]] = []
        self.lists: list[tuple[str, list[str]]] = []
        self.list_stack: list[tuple[str, list[str]]] = []
        self.rows: list[list[str]] = []
        self.row: list[str] | None = None

    def _newline(self) -> None:
        self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skip += 1
            return
        if tag in MEDIA:
            self.media += 1
        cls = next((v or "" for k, v in attrs if k == "class"), "")
        if tag == "br":
            self._newline()
            return
        if tag in BLOCKS:
            self._newline()
        if tag in ("ol", "ul"):
            self.list_stack.append((f"{tag}.{cls}" if cls else tag, []))
        elif tag == "tr":
            self.row = []
        if tag in ("li", "p") and self.open and self.open[-1][0] == tag:
            self._close(tag)  # "<li>a<li>b": HTML lets the end tag out
        if tag in ("div", "li", "td", "th", "p") and len(self.open) < MAX_TRACKED:
            self.open.append((tag, cls, len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in MEDIA:
            self.media += 1
        if tag in ("br", "hr", "div", "p"):
            self._newline()

    def _close(self, tag: str) -> None:
        for i in range(len(self.open) - 1, -1, -1):
            if self.open[i][0] != tag:
                continue
            _tag, cls, start = self.open.pop(i)
            del self.open[i:]
            text = self.clean("".join(self.parts[start:]))
            if tag == "li" and self.list_stack:
                self.list_stack[-1][1].append(text)
            elif tag in ("td", "th") and self.row is not None:
                self.row.append(text)
            elif tag in ("div", "p"):
                self.divs.append((cls, text))
            return

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skip = max(0, self.skip - 1)
            return
        if tag in ("div", "li", "td", "th", "p"):
            self._close(tag)
        if tag in ("ol", "ul") and self.list_stack:
            self.lists.append(self.list_stack.pop())
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None
        if tag in BLOCKS:
            self._newline()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data if self.exact else _SPACES.sub(" ", data.replace("\n", " ")))

    def clean(self, raw: str) -> str:
        if self.exact:
            return raw.strip("\n")
        lines = (_SPACES.sub(" ", line).strip() for line in raw.split("\n"))
        text = "\n".join(lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def outline(html: str, exact: bool = False) -> Outline:
    """Parse ``html``; ``exact`` keeps spaces as they are (for text TradeQuiz escaped itself)."""
    parser = _Parser(exact)
    sounds = len(_SOUND.findall(html))
    parser.feed(_STRAY_LT.sub("&lt;", _SOUND.sub("", html)))
    parser.close()
    while parser.open:  # unclosed elements still give their text
        parser._close(parser.open[-1][0])
    while parser.list_stack:
        parser.lists.append(parser.list_stack.pop())
    text = parser.clean("".join(parser.parts))
    return Outline(text, parser.divs, parser.lists, parser.rows, parser.media + sounds)


def html_to_text(html: str, exact: bool = False) -> str:
    """The plain text of an HTML fragment (see the module docstring)."""
    if "<" not in html and "&" not in html and "[sound:" not in html:
        return html.strip("\n") if exact else outline(html).text
    return outline(html, exact).text
