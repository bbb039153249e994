"""A bank with one question of every kind, on the shipped document's sections."""

from __future__ import annotations

from pathlib import Path

from tradequiz.bank.model import Bank, BankSection, Choice, Pair, Question, SourceSpan
from tradequiz.document.reader import read_document

SOURCE = Path(__file__).resolve().parents[2] / "question_bank" / "japan-us-trade.txt"


def every_kind() -> Bank:
    doc = read_document(SOURCE)
    sectoral = doc.section("sectoral-highlights")
    history = doc.section("historical-overview")
    span = SourceSpan(sectoral.start + 10, sectoral.start + 120)
    questions = (
        Question(
            id="mc-1", kind="multiple_choice", section="sectoral-highlights",
            prompt="Which sector does the article say depends on semiconductors?",
            choices=(Choice("Critical technologies", True, "Right: chips are critical."),
                     Choice("Agriculture and food products", False, "Food is not about chips."),
                     Choice("Services and finance")),
            explanation="From the sectoral highlights.", source=span, status="approved",
        ),
        Question(
            id="debate-1", kind="debate", section="controversies-and-debates",
            prompt="Who argues that trade policies benefit large firms at the expense of workers?",
            choices=(Choice("Proponents of freer trade"), Choice("Critics", True)),
        ),
        Question(
            id="tf-1", kind="true_false", section="historical-overview",
            prompt="According to the article, the formal framework was set up in the 1980s.",
            truth=False, explanation="The article says the late 2010s and early 2020s.",
        ),
        Question(
            id="cloze-1", kind="cloze", section="historical-overview",
            prompt="The formal framework came in the late ____ and early 2020s.",
            answers=("2010s", "2010's"),
            source=SourceSpan(history.start, history.start + 50),
        ),
        Question(
            id="short-1", kind="short_answer", section="sectoral-highlights",
            prompt="Name the component the article calls critical for supply chains.",
            answers=("semiconductors",),
        ),
        Question(
            id="match-1", kind="matching", section="sectoral-highlights",
            prompt="Match each sector with its description.",
            pairs=(Pair("Automobiles and parts", "a calibrated balance of vehicle trade"),
                   Pair("Electronics and machinery", "precision engineering and devices"),
                   Pair("Agriculture and food products", "market access for farm goods")),
        ),
        Question(
            id="order-1", kind="ordering", section="historical-overview",
            prompt="Put these stages in the order the article gives.",
            items=("After World War II", "The 1980s and 1990s", "The late 2010s"),
        ),
        Question(
            id="card-1", kind="flashcard", section="introduction",
            prompt="Digital trade — what does the article say about it?",
            answers=("Cross-border data flows matter to both economies.",),
            tags=("week 1",),
        ),
    )  # fmt: skip
    return Bank(
        id="every-kind",
        title="Every kind / demo",
        version=2,
        source="japan-us-trade.txt",
        sections=tuple(BankSection(s.id, s.title, s.start, s.end) for s in doc.sections),
        questions=questions,
    )
