"""The document model: immutable values with stable ids and character offsets.

Offsets (``start``/``end``) always index into ``Document.text``, the source
exactly as read (after newline normalisation), so a question can point back at
the passage it came from and the app can highlight it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["paragraph", "list_item"]


@dataclass(frozen=True)
class Sentence:
    id: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """A paragraph, or a list item of the form "Term: description"."""

    id: str
    kind: BlockKind
    text: str
    start: int
    end: int
    sentences: tuple[Sentence, ...]
    term: str | None = None
    description: str | None = None
    # The paragraph line that introduced a list ("Key elements include:").
    lead_in: str | None = None


@dataclass(frozen=True)
class Section:
    id: str
    title: str
    index: int
    start: int
    end: int
    blocks: tuple[Block, ...]

    @property
    def list_items(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind == "list_item")

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for b in self.blocks for s in b.sentences)


@dataclass(frozen=True)
class Document:
    title: str
    text: str
    sections: tuple[Section, ...]
    source_name: str = ""

    def section(self, section_id: str) -> Section:
        for section in self.sections:
            if section.id == section_id:
                return section
        raise KeyError(section_id)

    def passage(self, start: int, end: int) -> str:
        return self.text[start:end]

    def block_at(self, offset: int) -> Block | None:
        for section in self.sections:
            if section.start <= offset < section.end:
                for block in section.blocks:
                    if block.start <= offset < block.end:
                        return block
        return None
