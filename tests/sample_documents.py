"""Documents written by tests, in the shape of the shipped source: a title line, an
introduction, short heading lines, paragraphs and "Term: description" lists."""

from __future__ import annotations

from pathlib import Path

TOPICS = {
    "Canada–Mexico trade": [
        (
            "Historical overview",
            "The trade relationship between Canada and Mexico grew after 1994, when a regional "
            "agreement lowered tariffs across North America. In the 2010s both governments "
            "renegotiated the framework to cover digital trade and rules of origin.",
            [],
        ),
        (
            "Main sectors",
            "Several sectors carry most of the exchange between the two economies. Key "
            "elements include:",
            [
                (
                    "Automotive parts",
                    "Components cross the border many times before a vehicle "
                    "is finished, which ties the factories of both countries together.",
                ),
                (
                    "Agriculture",
                    "Mexican fruit and vegetables reach Canadian shops in winter, "
                    "while Canadian grain and canola travel south.",
                ),
                (
                    "Energy",
                    "Oil, gas and electricity equipment form a growing share of the "
                    "goods traded between the two economies.",
                ),
                (
                    "Mining",
                    "Canadian companies operate many of the silver and gold mines in "
                    "Mexico and bring capital and technology.",
                ),
            ],
        ),
        (
            "Debates",
            "Observers disagree on how the gains are shared. In the 1990s critics said that "
            "jobs moved south, while supporters pointed to lower prices.",
            [
                (
                    "Labour standards",
                    "Unions argue that wages in export factories stay low, "
                    "and ask for enforceable labour chapters.",
                ),
                (
                    "Environmental rules",
                    "Groups on both sides want the same standards for "
                    "mines and farms that sell across the border.",
                ),
                (
                    "Dispute settlement",
                    "Firms want a predictable panel to settle claims "
                    "instead of long national court cases.",
                ),
                (
                    "Rules of origin",
                    "Thresholds decide how much of a product must be made in "
                    "the region to travel without tariffs.",
                ),
            ],
        ),
    ]
}


def document_text(title: str = "Canada–Mexico trade", intro: str = "") -> str:
    """A plain-text document like question_bank/japan-us-trade.txt."""
    sections = TOPICS["Canada–Mexico trade"]
    lines = [
        title,
        intro
        or f"{title} links two economies that trade far more than they did a generation ago. "
        "It is shaped by regional rules, investment and the supply chains of many industries.",
    ]
    for heading, paragraph, items in sections:
        lines.append(heading)
        lines.append(paragraph)
        lines.extend(f"{term}: {text}" for term, text in items)
    return "\n".join(lines) + "\n"


def write_document(path: Path, title: str = "Canada–Mexico trade", intro: str = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(document_text(title, intro), encoding="utf-8")
    return path
