"""Make learner and instructor text safe to hand to other programs.

A spreadsheet opening a CSV treats a cell that starts with ``=``, ``+``,
``-`` or ``@`` as a formula (and some also a leading tab or carriage
return), so an exported prompt such as ``=HYPERLINK("http://…")`` would run
on the reader's machine.  Every CSV exporter passes its cells through
:func:`csv_cell`; the OWASP advice is followed: prefix such cells with an
apostrophe, which spreadsheets show as plain text.
"""

from __future__ import annotations

from collections.abc import Iterable

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """The cell text for ``value``, neutralised so no spreadsheet reads it as a formula.

    Numbers (int and float, not bool) are written as they are: a negative
    number is data, not a formula.  Everything else is turned into text and,
    when it starts with a formula character, prefixed with ``'``.
    """
    if isinstance(value, int | float) and not isinstance(value, bool):
        return repr(value) if isinstance(value, float) else str(value)
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_row(values: Iterable[object]) -> list[str]:
    """Neutralise every cell of one CSV row (see :func:`csv_cell`)."""
    return [csv_cell(v) for v in values]
