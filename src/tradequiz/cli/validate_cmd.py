"""``tradequiz validate BANK...``: every problem as FILE:LINE:COL, errors apart from warnings."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tradequiz.bank.validate import validate_file

DOCUMENT_SUFFIXES = (".md", ".markdown", ".txt", ".text")


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "validate",
        help="check question bank files (schema, answers, sections, source spans)",
        description="Check bank files and report every problem as FILE:LINE:COL: message. "
        "Exit status 0 when no bank has an error (warnings are printed but allowed; "
        "--strict makes them fail too), 1 otherwise.",
    )
    p.add_argument("banks", nargs="+", type=Path, metavar="BANK", help="bank files (.yaml)")
    p.add_argument("--strict", action="store_true", help="warnings also make the exit status 1")
    p.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    failed = False
    total_errors = total_warnings = 0
    for path in args.banks:
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            # A common slip: validating the source document instead of its bank.
            print(
                f"{path}:1:1: error: this is a document, not a question bank; make a bank "
                f"from it with: tradequiz generate {path} -o BANK.yaml"
            )
            failed = True
            total_errors += 1
            continue
        report = validate_file(path)
        errors, warnings = report.errors, report.warnings
        total_errors += len(errors)
        total_warnings += len(warnings)
        for problem in errors:
            print(problem)
        if not args.quiet:
            for problem in warnings:
                print(problem)
        if errors or (args.strict and warnings):
            failed = True
        if not args.quiet:
            count = len(report.loaded.bank.questions) if report.loaded else 0
            state = "OK" if not errors else "FAILED"
            print(
                f"{path}: {state} — {count} questions, {len(errors)} errors, "
                f"{len(warnings)} warnings",
                file=sys.stderr,
            )
    if len(args.banks) > 1 and not args.quiet:
        print(
            f"{total_errors} errors, {total_warnings} warnings in {len(args.banks)} banks",
            file=sys.stderr,
        )
    return 1 if failed else 0
