"""Read a source document into Document → Section → Block → Sentence."""

from tradequiz.document.model import Block, Document, Section, Sentence
from tradequiz.document.reader import DocumentError, read_document, read_text

__all__ = [
    "Block",
    "Document",
    "DocumentError",
    "Section",
    "Sentence",
    "read_document",
    "read_text",
]
