"""File-menu actions for instructors: edit, export and import a question bank.

The file choosers live here as plain functions returning a value (or None when
cancelled), so tests replace them instead of driving native dialogs.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from tradequiz.bank.formats import EXPORT_FORMATS, FORMATS, IMPORT_FORMATS, export_to, format_for
from tradequiz.bank.formats import import_from as read_import
from tradequiz.bank.problems import BankError
from tradequiz.bank.validate import load_valid_bank
from tradequiz.bank.yaml_io import save_bank
from tradequiz.resources import question_bank_dir
from tradequiz.ui import messages
from tradequiz.ui.editor.window import EditorWindow

BANK_FILTER = "Question banks (*.yaml *.yml)"


def _filters(names: tuple[str, ...]) -> str:
    return ";;".join(
        f"{FORMATS[n].label} ({' '.join('*' + e for e in FORMATS[n].extensions)})" for n in names
    )


def choose_bank(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Open a question bank", str(question_bank_dir()), BANK_FILTER
    )
    return Path(name) if name else None


def choose_export_target(parent: QWidget | None, bank: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, "Export the bank as…", str(bank.with_suffix(".gift")), _filters(EXPORT_FORMATS)
    )
    return Path(name) if name else None


def choose_import_source(parent: QWidget | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Import questions from…", "", _filters(IMPORT_FORMATS)
    )
    return Path(name) if name else None


def choose_import_target(parent: QWidget | None, source: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        parent, "Save the new bank as…", str(source.with_suffix(".yaml")), BANK_FILTER
    )
    return Path(name) if name else None


def edit_bank(
    parent: QWidget | None,
    path: Path | None = None,
    on_saved: Callable[[Path], object] | None = None,
) -> EditorWindow | None:
    """Open the editor on ``path`` (or a chosen bank); ``on_saved`` runs after each save."""
    path = path or choose_bank(parent)
    if path is None:
        return None
    try:
        window = EditorWindow(path, parent)
    except BankError as exc:
        messages.error(parent, "The bank cannot be opened", str(exc))
        return None
    if on_saved is not None:
        window.saved.connect(on_saved)
    window.show()
    return window


def export_bank(parent: QWidget | None, now: datetime | None = None) -> Path | None:
    bank_path = choose_bank(parent)
    if bank_path is None:
        return None
    target = choose_export_target(parent, bank_path)
    if target is None:
        return None
    try:
        fmt = format_for(target, None, importing=False)
        loaded, _document, _warnings = load_valid_bank(bank_path)
        result = export_to(loaded.bank, fmt, target, now or datetime.now(UTC))
    except BankError as exc:
        messages.error(parent, "The bank was not exported", str(exc))
        return None
    notes = "\n".join(f"• {n}" for n in result.notes)
    messages.info(
        parent,
        "Bank exported",
        f"{result.exported} questions written to {target.name} ({fmt.label})."
        + (f"\n\n{notes}" if notes else ""),
    )
    return target


def import_bank(parent: QWidget | None) -> EditorWindow | None:
    source = choose_import_source(parent)
    if source is None:
        return None
    target = choose_import_target(parent, source)
    if target is None:
        return None
    try:
        imported = read_import(source, format_for(source, None, importing=True))
    except BankError as exc:
        messages.error(parent, "Nothing was imported", str(exc))
        return None
    save_bank(imported.bank, target)
    warnings = "\n".join(str(w) for w in imported.warnings[:20])
    messages.info(
        parent,
        "Bank imported",
        f"{len(imported.bank.questions)} questions saved to {target.name}."
        + (f"\n\n{warnings}" if warnings else ""),
    )
    return edit_bank(parent, target)
