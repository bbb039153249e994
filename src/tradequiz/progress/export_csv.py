"""Progress as CSV: the per-section summary and, optionally, the full review log.

Cells a spreadsheet would run as a formula (text starting with = + - @, a tab or a
carriage return) get a leading apostrophe, as OWASP advises for CSV injection:
section titles, prompts and typed answers come from bank authors and learners.
Numbers are written as plain numbers (dot decimal) so they stay numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlite_utils import Database

from tradequiz.files import atomic_write_text
from tradequiz.progress.export_json import ProgressExport, iso
from tradequiz.progress.figures import SectionFigures
from tradequiz.progress.questions import STATE_NAMES
from tradequiz.store.review_queries import review_log
from tradequiz.textsafe import csv_cell

Cell = str | int | float | None

SUMMARY_COLUMNS = (
    "learner", "bank_id", "bank_version", "generated_at", "section_key", "section",
    "total", "new", "learning", "review", "mastered", "due_today", "reviews", "checked",
    "correct", "accuracy", "true_retention_30d", "reviews_30d", "reviews_per_day",
    "recall_now", "time_studied_minutes",
)  # fmt: skip

LOG_COLUMNS = (
    "review_id", "reviewed_at", "question_id", "section_key", "kind", "rating", "correct",
    "answer", "duration_seconds", "state_before", "state_after", "stability_after_days",
    "difficulty_after", "due_after",
)  # fmt: skip


def neutralise(value: Cell) -> Cell:
    """Text that a spreadsheet would evaluate is prefixed with an apostrophe; numbers stay."""
    return csv_cell(value) if isinstance(value, str) else value


def _ratio(value: float | None) -> Cell:
    return "" if value is None else round(value, 4)


def rows_text(header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if c is None else neutralise(c) for c in row])
    return buffer.getvalue()


def summary_rows(export: ProgressExport) -> list[list[Cell]]:
    """One row per section, then the whole bank (section_key "*", section "All sections")."""
    report = export.report
    generated = iso(int(report.generated_at.timestamp()))

    def row(key: str, s: SectionFigures) -> list[Cell]:
        return [
            export.learner, report.bank_id, report.bank_version, generated, key, s.title,
            s.total, s.new, s.learning, s.review, s.mastered, s.due_today, s.reviews, s.checked,
            s.correct, _ratio(s.accuracy), _ratio(s.retention), s.reviews_30d,
            round(s.reviews_per_day, 4), _ratio(s.recall), round(s.time_studied_ms / 60_000, 2),
        ]  # fmt: skip

    return [row(s.key, s) for s in report.sections] + [row("*", report.overall)]


def summary_csv(export: ProgressExport) -> str:
    return rows_text(SUMMARY_COLUMNS, summary_rows(export))


def review_log_csv(db: Database, document_id: int) -> str:
    def rows() -> Iterable[list[Cell]]:
        for r in review_log(db, document_id):
            yield [
                r.review_id, iso(r.reviewed_at_ms // 1000), r.qid, r.section_key, r.kind,
                r.rating, "" if r.correct is None else r.correct, r.answer,
                r.duration_ms / 1000, STATE_NAMES.get(r.state_before, str(r.state_before)),
                STATE_NAMES.get(r.state_after, str(r.state_after)),
                None if r.stability_after is None else round(r.stability_after, 4),
                None if r.difficulty_after is None else round(r.difficulty_after, 4),
                iso(r.due_after),
            ]  # fmt: skip

    return rows_text(LOG_COLUMNS, rows())


def log_path_for(summary_path: Path) -> Path:
    """``progress.csv`` → ``progress-reviews.csv`` beside it."""
    return summary_path.with_name(f"{summary_path.stem}-reviews{summary_path.suffix or '.csv'}")


def write_csv(
    export: ProgressExport, path: Path, db: Database | None = None, with_log: bool = False
) -> list[Path]:
    """Write the summary (and the review log beside it); return the files written."""
    # utf-8-sig: spreadsheet programs then read accents and dashes correctly.
    written = [path]
    atomic_write_csv(path, summary_csv(export))
    if with_log:
        if db is None:
            raise ValueError("the review log needs the database")
        log_path = log_path_for(path)
        atomic_write_csv(log_path, review_log_csv(db, export.report.document_id))
        written.append(log_path)
    return written


def atomic_write_csv(path: Path, text: str) -> None:
    atomic_write_text(path, "\ufeff" + text)
