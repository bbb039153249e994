"""Drawing blocks for the PDF reports (fpdf2, no Qt): headings, tables and simple charts.

Charts are drawn with fpdf2's rectangles and lines, in colours that stay apart when
printed in grey (they differ in lightness too) and always with labels and a legend,
so a black-and-white printout still reads.  Text uses the PDF core font Helvetica
(Windows-1252): characters outside it are folded to their closest plain letters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from tradequiz.progress.formatting import heat_level

Colour = tuple[int, int, int]

INK: Colour = (29, 36, 48)
MUTED: Colour = (93, 103, 118)
RULE: Colour = (201, 208, 218)
ZEBRA: Colour = (242, 244, 247)
STATE_COLOURS: dict[str, Colour] = {
    "new": (222, 226, 232),
    "learning": (240, 160, 60),
    "review": (120, 170, 230),
    "mastered": (30, 70, 150),
}
BAR: Colour = (47, 111, 222)
TODAY: Colour = (179, 38, 30)
HEAT: tuple[Colour, ...] = (
    (235, 238, 242), (190, 214, 245), (120, 170, 230), (47, 111, 222), (20, 60, 140),
)  # fmt: skip


def pdf_text(text: str) -> str:
    """``text`` in the core fonts' Windows-1252; other characters folded or replaced by '?'."""
    out = []
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            folded = unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
            out.append(folded or "?")
    return "".join(out)


class ReportPDF(FPDF):
    """A4 portrait, 15 mm margins, page numbers in the footer."""

    def __init__(self, footer_text: str) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.core_fonts_encoding = "windows-1252"
        self.footer_text = pdf_text(footer_text)
        self.set_margins(15, 15, 15)
        self.set_auto_page_break(True, margin=18)
        self.set_creator("TradeQuiz")
        self.set_text_color(*INK)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("helvetica", size=8)
        self.set_text_color(*MUTED)
        self.cell(0, 5, self.footer_text, align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Page {self.page_no()}", align="R")
        self.set_text_color(*INK)

    @property
    def content_width(self) -> float:
        return float(self.w - self.l_margin - self.r_margin)

    def room_left(self) -> float:
        return float(self.h - self.b_margin - self.get_y())

    def ensure_room(self, height: float) -> None:
        if self.room_left() < height:
            self.add_page()

    def heading(self, text: str, size: float = 13) -> None:
        self.set_font("helvetica", style="B", size=size)
        self.cell(0, size * 0.55, pdf_text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(1.5)

    def line_text(self, text: str, size: float = 10, colour: Colour = INK) -> None:
        self.set_font("helvetica", size=size)
        self.set_text_color(*colour)
        self.multi_cell(0, size * 0.5, pdf_text(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_text_color(*INK)

    def fit(self, text: str, width: float) -> str:
        """``text`` shortened with "..." to fit ``width`` in the current font."""
        text = pdf_text(text)
        if self.get_string_width(text) <= width:
            return text
        while text and self.get_string_width(text + "...") > width:
            text = text[:-1]
        return text.rstrip() + "..."


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # share of the table width
    align: str = "R"


def table(
    pdf: ReportPDF,
    columns: Sequence[Column],
    rows: Sequence[Sequence[str]],
    bold_last: bool = False,
    size: float = 8.5,
) -> None:
    """A table with a header row repeated after page breaks and light zebra rows."""
    total = sum(c.width for c in columns)
    widths = [pdf.content_width * c.width / total for c in columns]
    row_h = size * 0.62

    def header() -> None:
        pdf.set_font("helvetica", style="B", size=size - 1.5)
        pdf.set_fill_color(*ZEBRA)
        for col, w in zip(columns, widths, strict=True):
            pdf.cell(w, row_h + 1, pdf.fit(col.title, w - 1.5), border="B", align=col.align)
        pdf.ln(row_h + 1)

    header()
    for index, row in enumerate(rows):
        if pdf.room_left() < row_h + 2:
            pdf.add_page()
            header()
        last = bold_last and index == len(rows) - 1
        pdf.set_font("helvetica", style="B" if last else "", size=size)
        fill = index % 2 == 1
        pdf.set_fill_color(*ZEBRA)
        for col, w, value in zip(columns, widths, row, strict=True):
            pdf.cell(w, row_h, pdf.fit(value, w - 1.5), border="T" if last else 0,
                     align=col.align, fill=fill)  # fmt: skip
        pdf.ln(row_h)
    pdf.ln(2)


def tiles(pdf: ReportPDF, items: Sequence[tuple[str, str]], per_row: int = 4) -> None:
    """Key figures as labelled boxes: big value, small label."""
    gap = 3.0
    width = (pdf.content_width - gap * (per_row - 1)) / per_row
    height = 15.0
    for start in range(0, len(items), per_row):
        pdf.ensure_room(height + gap)
        y = pdf.get_y()
        for i, (label, value) in enumerate(items[start : start + per_row]):
            x = pdf.l_margin + i * (width + gap)
            pdf.set_draw_color(*RULE)
            pdf.rect(x, y, width, height)
            pdf.set_xy(x + 2.5, y + 2)
            pdf.set_font("helvetica", style="B", size=13)
            pdf.cell(width - 5, 6.5, pdf.fit(value, width - 5))
            pdf.set_xy(x + 2.5, y + 9)
            pdf.set_font("helvetica", size=8)
            pdf.set_text_color(*MUTED)
            pdf.cell(width - 5, 4, pdf.fit(label, width - 5))
            pdf.set_text_color(*INK)
        pdf.set_xy(pdf.l_margin, y + height + gap)


def legend(pdf: ReportPDF, items: Sequence[tuple[str, Colour]], size: float = 8) -> None:
    pdf.set_font("helvetica", size=size)
    x = pdf.l_margin
    y = pdf.get_y()
    for label, colour in items:
        pdf.set_fill_color(*colour)
        pdf.set_draw_color(*MUTED)
        pdf.rect(x, y + 0.8, 3.2, 3.2, style="DF")
        text = pdf_text(label)
        pdf.set_xy(x + 4.2, y)
        pdf.cell(pdf.get_string_width(text) + 1, 4.8, text)
        x += pdf.get_string_width(text) + 10
    pdf.set_xy(pdf.l_margin, y + 6.5)


def stacked_bars(
    pdf: ReportPDF,
    rows: Sequence[tuple[str, Sequence[int]]],
    colours: Sequence[Colour],
    label_width: float = 52,
) -> None:
    """One horizontal bar per row, split into parts (e.g. new/learning/review/mastered),
    each bar scaled to its own total so sections of any size compare by share."""
    bar_h, gap = 4.6, 1.8
    width = pdf.content_width - label_width - 14
    pdf.set_font("helvetica", size=8)
    for label, parts in rows:
        pdf.ensure_room(bar_h + gap)
        y = pdf.get_y()
        pdf.set_xy(pdf.l_margin, y)
        pdf.cell(label_width - 2, bar_h, pdf.fit(label, label_width - 2))
        total = sum(parts)
        x = pdf.l_margin + label_width
        pdf.set_draw_color(*RULE)
        pdf.rect(x, y, width, bar_h)
        for value, colour in zip(parts, colours, strict=True):
            if total and value:
                w = width * value / total
                pdf.set_fill_color(*colour)
                pdf.rect(x, y, w, bar_h, style="F")
                x += w
        pdf.set_xy(pdf.l_margin + label_width + width + 1, y)
        pdf.cell(13, bar_h, str(total), align="R")
        pdf.set_xy(pdf.l_margin, y + bar_h + gap)
    pdf.ln(1)


def _axis_label(pdf: ReportPDF, x: float, y: float, text: str, align: str = "C") -> None:
    pdf.set_font("helvetica", size=7)
    pdf.set_text_color(*MUTED)
    w = pdf.get_string_width(text) + 1
    pdf.set_xy(x - (w / 2 if align == "C" else (w if align == "R" else 0)), y)
    pdf.cell(w, 3.5, text)
    pdf.set_text_color(*INK)


def column_chart(
    pdf: ReportPDF,
    values: Sequence[int],
    labels: Sequence[str],
    height: float = 34,
    highlight_first: bool = True,
) -> None:
    """Vertical bars (e.g. questions due per day) with the maximum and a few day labels."""
    pdf.ensure_room(height + 8)
    top = pdf.get_y()
    left = pdf.l_margin + 8
    width = pdf.content_width - 8
    peak = max(max(values, default=0), 1)
    slot = width / max(len(values), 1)
    pdf.set_draw_color(*RULE)
    pdf.line(left, top + height, left + width, top + height)
    pdf.line(left, top, left + width, top)
    _axis_label(pdf, left - 1, top - 1.5, str(peak), align="R")
    _axis_label(pdf, left - 1, top + height - 2, "0", align="R")
    for i, value in enumerate(values):
        h = height * value / peak
        pdf.set_fill_color(*(TODAY if highlight_first and i == 0 else BAR))
        if value:
            pdf.rect(left + i * slot + slot * 0.15, top + height - h, slot * 0.7, h, style="F")
        if labels[i]:
            _axis_label(pdf, left + i * slot + slot / 2, top + height + 0.8, labels[i])
    pdf.set_xy(pdf.l_margin, top + height + 6)


def line_chart(
    pdf: ReportPDF,
    points: Sequence[float | None],
    labels: Sequence[str],
    height: float = 30,
) -> None:
    """A 0–100 % line with dots; missing points (None) break the line."""
    pdf.ensure_room(height + 8)
    top = pdf.get_y()
    left = pdf.l_margin + 10
    width = pdf.content_width - 12
    pdf.set_draw_color(*RULE)
    for share in (0.0, 0.5, 1.0):
        y = top + height * (1 - share)
        pdf.line(left, y, left + width, y)
        _axis_label(pdf, left - 1, y - 1.7, f"{share:.0%}", align="R")
    step = width / max(len(points) - 1, 1)
    previous: tuple[float, float] | None = None
    pdf.set_draw_color(*BAR)
    pdf.set_line_width(0.6)
    for i, value in enumerate(points):
        x = left + i * step
        if labels[i]:
            _axis_label(pdf, x, top + height + 0.8, labels[i])
        if value is None:
            previous = None
            continue
        y = top + height * (1 - value)
        if previous is not None:
            pdf.line(previous[0], previous[1], x, y)
        pdf.set_fill_color(*BAR)
        pdf.ellipse(x - 0.9, y - 0.9, 1.8, 1.8, style="F")
        previous = (x, y)
    pdf.set_line_width(0.2)
    pdf.set_xy(pdf.l_margin, top + height + 6)


def heatmap(pdf: ReportPDF, counts: dict[date, int], last_day: date, weeks: int = 26) -> None:
    """Study days as a grid: one column per week (Monday on top), darker = more reviews."""
    cell, gap = 4.2, 0.8
    height = 7 * (cell + gap) + 6
    pdf.ensure_room(height + 4)
    top = pdf.get_y() + 4
    left = pdf.l_margin + 8
    first = last_day - timedelta(days=last_day.weekday()) - timedelta(weeks=weeks - 1)
    peak = max(counts.values(), default=0)
    for label, row in (("Mon", 0), ("Wed", 2), ("Fri", 4)):
        _axis_label(pdf, pdf.l_margin, top + row * (cell + gap) + 0.4, label, align="L")
    for week in range(weeks):
        monday = first + timedelta(weeks=week)
        if monday.day <= 7:
            _axis_label(pdf, left + week * (cell + gap), top - 4, monday.strftime("%b"), "L")
        for weekday in range(7):
            day = monday + timedelta(days=weekday)
            if day > last_day:
                continue
            level = heat_level(counts.get(day, 0), peak)
            pdf.set_fill_color(*HEAT[level])
            x = left + week * (cell + gap)
            y = top + weekday * (cell + gap)
            pdf.rect(x, y, cell, cell, style="F")
    pdf.set_xy(pdf.l_margin, top + 7 * (cell + gap) + 1)
    legend_items = [("none", HEAT[0]), ("fewer", HEAT[1]), ("", HEAT[2]), ("more", HEAT[4])]
    legend(pdf, [(label or " ", colour) for label, colour in legend_items])
