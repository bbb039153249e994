"""``tradequiz generate DOCUMENT --update BANK.yaml``: regenerate without losing edits."""

from __future__ import annotations

from pathlib import Path

from tradequiz.bank.merge import merge_banks
from tradequiz.bank.yaml_io import load_bank, save_bank
from tradequiz.document.reader import read_document
from tradequiz.generate import generate_bank


def source_name_for(document: Path, bank_path: Path) -> str:
    """How the bank names its document: relative to the bank's folder when it is inside it."""
    try:
        return document.resolve().relative_to(bank_path.parent.resolve()).as_posix()
    except ValueError:
        return document.name


def update_bank_file(document: Path, bank_path: Path, output: Path | None = None) -> int:
    """Regenerate from ``document`` and merge into ``bank_path``; prints what changed."""
    loaded = load_bank(bank_path)
    doc = read_document(document)
    fresh = generate_bank(
        doc, source_name=source_name_for(document, bank_path), bank_id=loaded.bank.id
    )
    result = merge_banks(loaded.bank, fresh, doc.text)
    target = output or bank_path
    if result.bank != loaded.bank or target != bank_path:
        # The loaded tree is the template: comments and untouched entries keep their text.
        save_bank(result.bank, target, loaded.tree)
    print(f"{target}: {result.summary()} (bank version {result.bank.version})")
    for label, ids in (("added", result.added), ("orphaned", result.orphaned)):
        for qid in ids[:20]:
            print(f"  {label}: {qid}")
        if len(ids) > 20:
            print(f"  … and {len(ids) - 20} more {label}")
    return 0
