"""``tradequiz class-report EXPORT.json... -o report.pdf|csv``"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tradequiz.progress.class_report import ClassReportError, load_and_combine
from tradequiz.progress.formatting import percent


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "class-report",
        help="combine learners' JSON progress exports of one bank into a class report",
        description=(
            "Combine learners' progress exports (tradequiz export-progress --format json) of "
            "one bank: per-section averages, the most missed questions with their difficulty "
            "(p) and discrimination (D), and learners who are behind.  A .csv output also "
            "writes NAME-questions.csv and NAME-learners.csv beside it."
        ),
    )
    p.add_argument("exports", nargs="+", type=Path, metavar="EXPORT.json")
    p.add_argument("-o", "--output", type=Path, required=True, help="report.pdf or report.csv")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    output: Path = args.output
    kind = output.suffix.lower()
    if kind not in (".pdf", ".csv"):
        print(f"tradequiz class-report: {output}: the report must be .pdf or .csv", file=sys.stderr)
        return 2
    try:
        report = load_and_combine(args.exports)
    except ClassReportError as exc:
        print(f"tradequiz class-report: {exc}", file=sys.stderr)
        return 1
    # Imported here, not at the top: it brings fpdf2, slow to import, and every
    # ``tradequiz`` command (the app too) imports this module to build its parser.
    from tradequiz.progress.class_report_output import write_class_csv, write_class_pdf

    try:
        if kind == ".pdf":
            write_class_pdf(report, output)
            written = [output]
        else:
            written = write_class_csv(report, output)
    except OSError as exc:
        print(f"tradequiz class-report: {output}: {exc.strerror}", file=sys.stderr)
        return 1
    print(
        f"{report.bank_title} (v{report.bank_version}): {len(report.learners)} learners, "
        f"{len(report.behind)} behind"
    )
    for learner in report.behind:
        print(f"  behind: {learner.name} — {'; '.join(learner.reasons)}")
    for item in report.most_missed(5):
        print(f"  missed: {item.qid} p={item.difficulty:.2f} ({percent(item.difficulty)} right)")
    for m in report.mismatches:
        print(
            f"  {m.path}: bank v{m.bank_version}, matched by question id: "
            f"{len(m.missing)} missing, {len(m.unknown)} unknown"
        )
    for path in written:
        print(f"wrote {path}")
    return 0
