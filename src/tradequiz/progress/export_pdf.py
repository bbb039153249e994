"""A learner's progress report as a PDF: key figures and the section table on page 1,
charts (states per section, due forecast, retention, study days) and the weakest
questions after.  One to three pages for a bank of up to about forty sections."""

from __future__ import annotations

from pathlib import Path

from tradequiz.files import atomic_write_bytes
from tradequiz.progress import pdf_kit
from tradequiz.progress.export_json import ProgressExport
from tradequiz.progress.figures import ProgressReport
from tradequiz.progress.formatting import (
    SECTION_HEADERS,
    duration,
    per_day,
    percent,
    section_cells,
)
from tradequiz.progress.pdf_kit import Column, ReportPDF

_COLUMNS = [Column(SECTION_HEADERS[0], 40, "L")] + [
    Column(h, w) for h, w in zip(SECTION_HEADERS[1:], (9, 8, 13, 12, 14, 8, 14, 14, 11, 17, 15),
                                 strict=True)
]  # fmt: skip


def key_figures(report: ProgressReport) -> list[tuple[str, str]]:
    o = report.overall
    share = f" ({o.mastered_share:.0%})" if o.total else ""
    return [
        ("Mastered", f"{o.mastered} of {o.total}{share}"),
        ("True retention, last 30 days", percent(o.retention)),
        ("Accuracy of checked answers", percent(o.accuracy)),
        ("Recall probability now", percent(o.recall)),
        ("Due today", str(o.due_today)),
        ("Study streak", f"{report.streak} day{'s' if report.streak != 1 else ''}"),
        ("Reviews per day (30 days)", per_day(o.reviews_per_day)),
        ("Time studied", duration(o.time_studied_ms)),
    ]


def _subtitle(export: ProgressExport) -> str:
    report = export.report
    who = export.learner or "Unnamed learner"
    day = report.today.strftime("%d %B %Y").lstrip("0")
    return f"{who} - {report.title} (bank {report.bank_id}, version {report.bank_version}) - {day}"


def render_pdf(export: ProgressExport) -> bytes:
    """The report as PDF bytes."""
    report = export.report
    pdf = ReportPDF(f"TradeQuiz progress report - {export.learner or 'unnamed learner'}")
    pdf.set_title(f"Progress report: {report.title}")
    pdf.set_author(export.learner or "TradeQuiz")
    pdf.add_page()
    pdf.heading("Progress report", size=18)
    pdf.line_text(_subtitle(export), size=10, colour=pdf_kit.MUTED)
    pdf.ln(3)
    pdf_kit.tiles(pdf, key_figures(report))
    pdf.ln(2)
    pdf.heading("Sections")
    rows = [section_cells(s) for s in report.sections] + [section_cells(report.overall)]
    pdf_kit.table(pdf, _COLUMNS, rows, bold_last=True)
    pdf.line_text(
        "Mastered: in review with a stability of 21 days or more. Retention: share of reviews "
        "of learned questions answered right (last 30 days). Recall: FSRS probability of "
        "recalling a studied question now.",
        size=7.5,
        colour=pdf_kit.MUTED,
    )

    pdf.ln(3)
    pdf.ensure_room(30 + 6.4 * min(len(report.sections), 12))
    pdf.heading("Questions by state")
    pdf_kit.legend(pdf, [(name.capitalize(), c) for name, c in pdf_kit.STATE_COLOURS.items()])
    pdf_kit.stacked_bars(
        pdf,
        [(s.title, (s.new, s.learning, s.review, s.mastered)) for s in report.sections],
        list(pdf_kit.STATE_COLOURS.values()),
    )
    pdf.ensure_room(52)
    pdf.heading("Due in the next 30 days")
    days = report.forecast_days
    labels = [d.strftime("%d %b").lstrip("0") if i % 5 == 0 else "" for i, d in enumerate(days)]
    pdf_kit.column_chart(pdf, report.overall.forecast, labels)
    pdf.ensure_room(48)
    pdf.heading("True retention by week (last 12 weeks)")
    weeks = report.retention_weeks
    pdf_kit.line_chart(
        pdf,
        [w.retention for w in weeks],
        [w.last_day.strftime("%d %b").lstrip("0") if i % 2 == 1 else "" for i, w in
         enumerate(weeks)],
    )  # fmt: skip
    pdf.ensure_room(56)
    pdf.heading("Study days (last 26 weeks)")
    pdf_kit.heatmap(pdf, {a.day: a.reviews for a in report.activity}, report.today)
    weakest = export.weakest(8)
    if weakest:
        pdf.ensure_room(40)
        pdf.heading("Weakest questions")
        pdf_kit.table(
            pdf,
            [Column("Question", 62, "L"), Column("Section", 22, "L"), Column("Recall", 8),
             Column("Lapses", 8)],
            [[q.prompt, q.section_title, percent(q.recall), str(q.lapses)] for q in weakest],
        )  # fmt: skip
    return bytes(pdf.output())


def write_pdf(export: ProgressExport, path: Path) -> None:
    """Write the report atomically."""
    atomic_write_bytes(path, render_pdf(export))
