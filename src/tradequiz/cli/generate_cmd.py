"""``tradequiz generate DOCUMENT -o BANK.yaml``"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path
from typing import Any

from tradequiz.bank.yaml_io import save_bank
from tradequiz.cli.bank_update import update_bank_file
from tradequiz.document.reader import read_document
from tradequiz.generate import generate_bank


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "generate",
        help="generate a question bank from a document (.txt or .md)",
        description="Generate a question bank (YAML) from a source document.",
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
    bank = generate_bank(doc, source_name=source_name)
    save_bank(bank, output)
    elapsed = time.perf_counter() - started
    counts = Counter((q.section, q.kind) for q in bank.questions)
    kinds = sorted({k for _s, k in counts})
    print(f"{bank.title}: {len(bank.questions)} questions in {elapsed:.2f} s → {output}")
    width = max(len(s.id) for s in bank.sections)
    print(f"{'section':<{width}}  " + "  ".join(f"{k[:12]:>12}" for k in kinds))
    for s in bank.sections:
        cells = "  ".join(f"{counts[(s.id, k)]:>12}" for k in kinds)
        print(f"{s.id:<{width}}  {cells}")
    return 0
