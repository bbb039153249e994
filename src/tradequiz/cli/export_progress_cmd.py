"""``tradequiz export-progress --format csv|json|pdf -o PATH [--learner NAME]``"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tradequiz.app_context import open_learner_store
from tradequiz.progress.export_files import FORMATS, ExportOptions, export_progress
from tradequiz.progress.selection import SelectionError, choose_document, learner_calendar


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "export-progress",
        help="export your progress on a bank as CSV, JSON or a PDF report",
        description=(
            "Export your progress on one bank: csv (per-section table; --review-log adds "
            "NAME-reviews.csv with every review), json (docs/progress-format.md) or pdf."
        ),
    )
    p.add_argument("--format", choices=FORMATS, help="default: from the file name's suffix")
    p.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    p.add_argument("--learner", metavar="NAME", help="the learner's name (default: the profile's)")
    p.add_argument("--bank", metavar="ID", help="the bank to export (needed if you have several)")
    p.add_argument(
        "--review-log", action="store_true", help="csv: also write the full review log beside it"
    )
    p.set_defaults(run=run)


def output_format(output: Path, given: str | None) -> str | None:
    if given:
        return given
    suffix = output.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def run(args: argparse.Namespace) -> int:
    fmt = output_format(args.output, args.format)
    if fmt is None:
        print(
            f"tradequiz export-progress: {args.output}: choose --format csv, json or pdf",
            file=sys.stderr,
        )
        return 2
    now = datetime.now(UTC)
    context = open_learner_store(args.data_dir, now)
    try:
        db = context.store.db
        try:
            document = choose_document(db, args.bank)
        except SelectionError as exc:
            print(f"tradequiz export-progress: {exc}", file=sys.stderr)
            return 1
        options = ExportOptions(fmt, args.output, args.learner, args.review_log)
        try:
            written = export_progress(db, document.id, now, learner_calendar(db), options)
        except OSError as exc:
            print(f"tradequiz export-progress: {args.output}: {exc.strerror}", file=sys.stderr)
            return 1
    finally:
        context.store.close()
    for path in written:
        print(f"wrote {path}")
    return 0
