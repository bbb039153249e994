"""``tradequiz export-bank BANK.yaml --format gift|moodle-xml|apkg|csv|tsv|json -o PATH``"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tradequiz.bank.formats import EXPORT_FORMATS, export_to, format_for
from tradequiz.bank.validate import load_valid_bank

MAX_NOTES = 15


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "export-bank",
        help="export a question bank for Moodle (GIFT, XML), Anki (.apkg), Quizlet (CSV) or JSON",
        description="Export a bank. Rejected and orphaned questions stay out; whatever the "
        "format cannot express is listed, never dropped silently.",
    )
    p.add_argument("bank", type=Path, help="the bank file (.yaml)")
    p.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    p.add_argument("--format", choices=EXPORT_FORMATS, help="default: from the output's extension")
    p.set_defaults(run=run)


def print_notes(notes: list[str]) -> None:
    for note in notes[:MAX_NOTES]:
        print(f"  note: {note}")
    if len(notes) > MAX_NOTES:
        print(f"  … and {len(notes) - MAX_NOTES} more notes")


def run(args: argparse.Namespace) -> int:
    fmt = format_for(args.output, args.format, importing=False)
    loaded, _document, _warnings = load_valid_bank(args.bank)
    result = export_to(loaded.bank, fmt, args.output, datetime.now(UTC))
    print(f"{args.output}: {result.exported} questions as {fmt.label}", file=sys.stdout)
    print_notes(result.notes)
    return 0
