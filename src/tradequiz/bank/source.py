"""The source document a bank was generated from, kept as a file beside the bank."""

from __future__ import annotations

from pathlib import Path

from tradequiz.bank.problems import BankError, Problem
from tradequiz.document.model import Document
from tradequiz.document.reader import DocumentError, decode_text, read_text
from tradequiz.document.repair import normalise_text


def source_path(bank_path: Path, source_name: str) -> Path:
    """Where ``source_name`` lives; it must stay inside the bank's folder."""
    source = (bank_path.parent / source_name).resolve()
    if bank_path.parent.resolve() not in source.parents:
        raise BankError(
            [Problem(str(bank_path), 1, 1, f"bank.source {source_name!r} must be beside the bank")]
        )
    return source


def read_source_text(bank_path: Path, source_name: str) -> str:
    """The bank's source document as text, with the same normalisation the reader applies."""
    if not source_name:
        return ""
    source = source_path(bank_path, source_name)
    try:
        data = source.read_bytes()
    except OSError as exc:
        message = f"cannot read the source document {source_name}: {exc.strerror}"
        raise BankError([Problem(str(bank_path), 1, 1, message)]) from exc
    try:
        return normalise_text(decode_text(data, str(source)))
    except DocumentError as exc:
        raise BankError([Problem(exc.path, exc.line, 1, exc.message)]) from exc


def read_source_document(bank_path: Path, source_name: str) -> Document | None:
    """The parsed source document, or None when the bank names none."""
    text = read_source_text(bank_path, source_name)
    if not source_name:
        return None
    try:
        return read_text(text, source_name)
    except DocumentError as exc:
        where = str(bank_path.parent / source_name)
        raise BankError([Problem(where, exc.line, 1, exc.message)]) from exc
