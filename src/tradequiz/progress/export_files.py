"""One entry point for every progress export, shared by the CLI and the app's menu."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from tradequiz.progress.calendar import DayCalendar
from tradequiz.progress.export_csv import write_csv
from tradequiz.progress.export_json import build_export, write_json

FORMATS = ("csv", "json", "pdf")


@dataclass(frozen=True)
class ExportOptions:
    format: str
    path: Path
    learner: str | None = None
    review_log: bool = False


def export_progress(
    db: Database, document_id: int, now: datetime, calendar: DayCalendar, options: ExportOptions
) -> list[Path]:
    """Write the export; return the files written (CSV with the log writes two)."""
    if options.format not in FORMATS:
        raise ValueError(f"unknown export format {options.format!r}")
    export = build_export(db, document_id, now, calendar, options.learner)
    if options.format == "json":
        write_json(export, options.path)
        return [options.path]
    if options.format == "pdf":
        # Imported here: fpdf2 (with fontTools and Pillow) takes a quarter of a second to
        # import, which every start of the app paid before the first question.
        from tradequiz.progress.export_pdf import write_pdf

        write_pdf(export, options.path)
        return [options.path]
    return write_csv(export, options.path, db, with_log=options.review_log)
