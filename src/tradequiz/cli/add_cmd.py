"""``tradequiz add FILE``: add a document (.txt, .md) or a question bank to your library."""

from __future__ import annotations

import argparse
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tradequiz.app_context import open_learner_store
from tradequiz.humanize import plural
from tradequiz.library import add_bank_file, add_document
from tradequiz.library.banks import BANK_SUFFIXES


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "add",
        help="add a document (.txt, .md) or a question bank (.yaml, .json, .gift, .xml, .apkg, "
        ".csv, .tsv) to your library",
        description="Add a document to your library: its question bank is generated and kept "
        "with a copy of the document. A question bank file (.yaml) is added as it is, or "
        "updates the same bank already in your library, keeping your progress; a bank from "
        "Moodle (GIFT, XML), Anki (.apkg), Quizlet (CSV/TSV) or JSON is converted first.",
    )
    p.add_argument("file", type=Path, help="the document or bank file")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    now = datetime.now(UTC)
    context = open_learner_store(args.data_dir, now)
    started = time.perf_counter()
    try:
        path: Path = args.file
        if path.suffix.lower() in BANK_SUFFIXES:
            bank = add_bank_file(context.store, context.paths, path, now)
            imported = bank.imported
            if bank.up_to_date:
                print(f"{bank.title} (version {bank.version}) is already in your library.")
            elif bank.previous_version is None:
                print(f"Added {bank.title} (version {bank.version}): "
                      f"{plural(imported.added, 'question')}.")  # fmt: skip
            else:
                print(
                    f"Updated {bank.title} from version {bank.previous_version} to "
                    f"{bank.version}: {imported.added} added, {imported.updated} changed, "
                    f"{imported.unchanged} unchanged, {imported.orphaned} retired; "
                    "your progress is kept."
                )
            return 0
        added = add_document(context.store, context.paths, path, now)
        if added.duplicate:
            print(f"{added.title} is already in your library; nothing was added.")
            return 0
        assert added.summary is not None
        elapsed = time.perf_counter() - started
        print(
            f"Added {added.title}: {plural(added.summary.total, 'question')} in "
            f"{plural(len(added.summary.sections), 'section')} ({elapsed:.1f} s), "
            f"profile {context.profile}."
        )
        for line in added.summary.lines():
            print("  " + line)
        print(f"Bank: {added.bank_path}")
    finally:
        context.store.close()
    return 0
