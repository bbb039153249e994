"""``tradequiz import-bank FILE -o BANK.yaml [--format gift|moodle-xml|apkg|csv|tsv|json]``"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tradequiz.bank.formats import IMPORT_FORMATS, format_for, import_from
from tradequiz.bank.yaml_io import save_bank


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "import-bank",
        help="make a question bank (YAML) from GIFT, Moodle XML, Anki .apkg, CSV/TSV or JSON",
        description="Read questions from another tool into a new bank file. Questions the "
        "bank cannot hold are listed as warnings; a broken file changes nothing.",
    )
    p.add_argument("file", type=Path, help="the file to read")
    p.add_argument("-o", "--output", type=Path, required=True, help="the bank file to write")
    p.add_argument("--format", choices=IMPORT_FORMATS, help="default: from the file's extension")
    p.add_argument("--force", action="store_true", help="replace the output if it exists")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    if output.exists() and not args.force:
        print(f"tradequiz: {output} exists; use --force to replace it")
        return 1
    fmt = format_for(args.file, args.format, importing=True)
    imported = import_from(args.file, fmt)
    for problem in imported.warnings:
        print(problem)
    save_bank(imported.bank, output)
    sections = len(imported.bank.sections)
    print(
        f"{output}: {len(imported.bank.questions)} questions in {sections} sections "
        f"from {args.file} ({fmt.label}), {len(imported.warnings)} warnings"
    )
    return 0
