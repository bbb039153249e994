"""Figures as short text, shared by the CLI table, the PDF reports and the progress screen."""

from __future__ import annotations

from tradequiz.progress.figures import SectionFigures


def percent(value: float | None) -> str:
    """ "83%", or "–" when there is nothing to measure."""
    return "–" if value is None else f"{value:.0%}"


def duration(ms: int) -> str:
    """ "0 min", "42 min", "3 h 05 min"."""
    minutes = round(ms / 60_000)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def per_day(value: float) -> str:
    return f"{value:.1f}"


SECTION_HEADERS = (
    "Section", "Total", "New", "Learning", "Review", "Mastered", "Due", "Accuracy",
    "Retention", "Recall", "Reviews/day", "Time",
)  # fmt: skip


def section_cells(s: SectionFigures) -> list[str]:
    """A section's row as text, in the order of ``SECTION_HEADERS``."""
    return [
        s.title, str(s.total), str(s.new), str(s.learning), str(s.review), str(s.mastered),
        str(s.due_today), percent(s.accuracy), percent(s.retention), percent(s.recall),
        per_day(s.reviews_per_day), duration(s.time_studied_ms),
    ]  # fmt: skip


def text_table(headers: tuple[str, ...], rows: list[list[str]]) -> str:
    """A plain text table: first column left-aligned, the others right-aligned."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
              for i, h in enumerate(headers)]  # fmt: skip
    widths[0] = min(widths[0], 48)

    def line(cells: list[str] | tuple[str, ...]) -> str:
        first = cells[0] if len(cells[0]) <= widths[0] else cells[0][: widths[0] - 1] + "…"
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first.ljust(widths[0]), *rest]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def heat_level(count: int, peak: int) -> int:
    """Shade of a study day: 0 without reviews, else 1–4 by quarter of the busiest day (4)."""
    if count <= 0 or peak <= 0:
        return 0
    return max(1, min(4, -(-4 * count // peak)))
