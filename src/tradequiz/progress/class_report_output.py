"""Write a class report as PDF, or as CSV files (sections, questions, learners)."""

from __future__ import annotations

from pathlib import Path

from tradequiz.files import atomic_write_bytes
from tradequiz.progress import pdf_kit
from tradequiz.progress.class_report import ClassReport
from tradequiz.progress.export_csv import Cell, atomic_write_csv, rows_text
from tradequiz.progress.formatting import percent
from tradequiz.progress.pdf_kit import Column, ReportPDF

SECTION_COLUMNS = (
    "section_key", "section", "learners", "mastered_share", "accuracy", "true_retention_30d",
    "recall_now", "reviews_per_day", "minutes_studied",
)  # fmt: skip
QUESTION_COLUMNS = (
    "question_id", "section_key", "prompt", "answered", "right", "missed", "difficulty_p",
    "discrimination_d",
)  # fmt: skip
LEARNER_COLUMNS = (
    "learner", "file", "bank_version", "mastered_share", "first_answer_score", "due_today",
    "last_study_day", "behind", "reasons",
)  # fmt: skip


def _num(value: float | None, digits: int = 4) -> Cell:
    return "" if value is None else round(value, digits)


def csv_paths(path: Path) -> tuple[Path, Path, Path]:
    """report.csv (sections), report-questions.csv, report-learners.csv."""
    suffix = path.suffix or ".csv"
    return (
        path,
        path.with_name(f"{path.stem}-questions{suffix}"),
        path.with_name(f"{path.stem}-learners{suffix}"),
    )


def write_class_csv(report: ClassReport, path: Path) -> list[Path]:
    sections_path, questions_path, learners_path = csv_paths(path)
    atomic_write_csv(
        sections_path,
        rows_text(
            SECTION_COLUMNS,
            [
                [s.key, s.title, s.learners, _num(s.mastered_share), _num(s.accuracy),
                 _num(s.retention), _num(s.recall), _num(s.reviews_per_day), _num(s.minutes, 2)]
                for s in report.sections
            ],
        ),
    )  # fmt: skip
    items = sorted(report.items, key=lambda i: (i.difficulty, -i.missed, i.qid))
    atomic_write_csv(
        questions_path,
        rows_text(
            QUESTION_COLUMNS,
            [
                [i.qid, i.section, i.prompt, i.answered, i.right, i.missed, _num(i.difficulty),
                 _num(i.discrimination)]
                for i in items
            ],
        ),
    )  # fmt: skip
    atomic_write_csv(
        learners_path,
        rows_text(
            LEARNER_COLUMNS,
            [
                [s.name, s.path.name, s.bank_version, _num(s.mastered_share), _num(s.score),
                 s.due_today, s.last_study_day.isoformat() if s.last_study_day else "",
                 int(s.behind), "; ".join(s.reasons)]
                for s in report.learners
            ],
        ),
    )  # fmt: skip
    return [sections_path, questions_path, learners_path]


def _signed(value: float | None) -> str:
    return "–" if value is None else f"{value:+.2f}"


def render_class_pdf(report: ClassReport) -> bytes:
    pdf = ReportPDF(f"TradeQuiz class report - {report.bank_title}")
    pdf.set_title(f"Class report: {report.bank_title}")
    pdf.add_page()
    pdf.heading("Class report", size=18)
    pdf.line_text(
        f"{report.bank_title} (bank {report.bank_id}, version {report.bank_version}) - "
        f"{len(report.learners)} learners, {len(report.behind)} behind",
        colour=pdf_kit.MUTED,
    )
    pdf.ln(3)
    pdf.heading("Sections (mean over learners)")
    pdf_kit.table(
        pdf,
        [Column("Section", 40, "L"), Column("Learners", 10), Column("Mastered", 11),
         Column("Accuracy", 11), Column("Retention", 11), Column("Recall", 10),
         Column("Reviews/day", 13), Column("Minutes", 11)],
        [[s.title, str(s.learners), percent(s.mastered_share), percent(s.accuracy),
          percent(s.retention), percent(s.recall),
          "–" if s.reviews_per_day is None else f"{s.reviews_per_day:.1f}",
          "–" if s.minutes is None else f"{s.minutes:.0f}"] for s in report.sections],
    )  # fmt: skip
    pdf.heading("Learners behind")
    if report.behind:
        pdf_kit.table(
            pdf,
            [Column("Learner", 24, "L"), Column("Mastered", 10), Column("Due", 7),
             Column("Why", 59, "L")],
            [[s.name, percent(s.mastered_share), str(s.due_today), "; ".join(s.reasons)]
             for s in report.behind],
        )  # fmt: skip
    else:
        pdf.line_text("Nobody is behind.")
        pdf.ln(2)
    pdf.ensure_room(60)
    pdf.heading("Most missed questions (first answers)")
    pdf.line_text(
        "p: share of learners right at their first answer (difficulty). D: p of the top 27% "
        "of learners minus p of the bottom 27% (discrimination); low or negative D deserves "
        "a look at the question.",
        size=7.5,
        colour=pdf_kit.MUTED,
    )
    pdf.ln(1)
    pdf_kit.table(
        pdf,
        [Column("Question", 58, "L"), Column("Section", 16, "L"), Column("Answered", 9),
         Column("Missed", 8), Column("p", 6), Column("D", 7)],
        [[i.prompt, i.section, str(i.answered), str(i.missed), f"{i.difficulty:.2f}",
          _signed(i.discrimination)] for i in report.most_missed()],
    )  # fmt: skip
    if report.mismatches:
        pdf.ensure_room(30)
        pdf.heading(f"Other bank versions (matched by question id to v{report.bank_version})")
        for m in report.mismatches:
            pdf.line_text(
                f"{m.path.name}: version {m.bank_version}; {len(m.missing)} questions missing"
                f" from it, {len(m.unknown)} unknown to v{report.bank_version} (left out)",
                size=8.5,
            )
    return bytes(pdf.output())


def write_class_pdf(report: ClassReport, path: Path) -> None:
    atomic_write_bytes(path, render_class_pdf(report))
