"""``tradequiz generate DOCUMENT -o BANK.yaml [--report REPORT.md]``"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from tradequiz.bank.yaml_io import save_bank
from tradequiz.cli.bank_update import update_bank_file
from tradequiz.document.reader import read_document
from tradequiz.files import atomic_write_text
from tradequiz.generate import generate
from tradequiz.generate.report import markdown, summary


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "generate",
        help="generate a question bank from a document (.txt or .md)",
        description=(
            "Generate a question bank (YAML) from a source document and print a summary: "
            "questions per section and kind, rejected candidates per reason, time taken."
        ),
    )
    p.add_argument("document", type=Path, help="the source document (.txt or .md)")
    p.add_argument("-o", "--output", type=Path, help="the bank file to write")
    p.add_argument(
        "--update",
        type=Path,
        metavar="BANK.yaml",
        help="merge into this existing bank: new questions become drafts; edited, approved and "
        "rejected ones are kept; questions whose passage is gone are marked orphaned",
    )
    p.add_argument(
        "--report",
        type=Path,
        metavar="PATH",
        help="also write a Markdown report of kept and rejected questions, with reasons",
    )
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.update is not None:
        return update_bank_file(args.document, args.update, args.output)
    if args.output is None:
        raise SystemExit("tradequiz generate: give -o BANK.yaml or --update BANK.yaml")
    started = time.perf_counter()
    doc = read_document(args.document)
    output: Path = args.output
    try:
        source_name = args.document.resolve().relative_to(output.parent.resolve()).as_posix()
    except ValueError:
        source_name = args.document.name
    result = generate(doc, source_name=source_name)
    seconds = time.perf_counter() - started
    save_bank(result.bank, output)
    if args.report is not None:
        atomic_write_text(args.report, markdown(result.bank, result.rejected, seconds))
    print(summary(result.bank, result.rejected, seconds))
    print(f"\nwrote {output}" + (f" and {args.report}" if args.report else ""))
    return 0
