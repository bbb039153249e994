"""A small bank with one question of every kind, for tests that need each kind."""

from __future__ import annotations

from datetime import datetime

from tradequiz.bank.model import Bank, BankSection, Choice, Pair, Question, SourceSpan
from tradequiz.store.library import import_bank
from tradequiz.store.opening import Store

TEXT = (
    "Trade basics\n"
    "Tariffs are taxes on imports. Quotas limit the quantity of imports.\n"
    "History\n"
    "Trade talks began in the 1950s, deepened in the 1980s and were formalised in the 2010s.\n"
)


def _span(phrase: str) -> SourceSpan:
    start = TEXT.index(phrase)
    return SourceSpan(start, start + len(phrase))


QUESTIONS = (
    Question(
        id="k-mcq", kind="multiple_choice", section="basics", prompt="Which tool taxes imports?",
        choices=(Choice("Quotas"), Choice("Tariffs", True), Choice("Subsidies"),
                 Choice("Embargoes")),
        explanation="Tariffs are taxes on imports.", source=_span("Tariffs are taxes on imports."),
    ),
    Question(
        id="k-debate", kind="debate", section="basics",
        prompt="Who argues that freer trade helps consumers?",
        choices=(Choice("Proponents", True), Choice("Critics")),
        explanation="Proponents argue so.", source=_span("Quotas limit the quantity of imports."),
    ),
    Question(
        id="k-tf", kind="true_false", section="basics",
        prompt="According to the text, quotas are taxes on imports.", truth=False,
        explanation="Quotas limit the quantity of imports.",
        source=_span("Quotas limit the quantity of imports."),
    ),
    Question(
        id="k-cloze", kind="cloze", section="basics", prompt="____ are taxes on imports.",
        answers=("Tariffs", "Import tariffs"), explanation="Tariffs are taxes on imports.",
        source=_span("Tariffs are taxes on imports."),
    ),
    Question(
        id="k-short", kind="short_answer", section="basics",
        prompt="What limits the quantity of imports?", answers=("Quotas",),
        explanation="Quotas limit the quantity of imports.",
        source=_span("Quotas limit the quantity of imports."),
    ),
    Question(
        id="k-match", kind="matching", section="basics", prompt="Match each tool to what it does.",
        pairs=(Pair("Tariffs", "taxes on imports"), Pair("Quotas", "limits on quantity"),
               Pair("Subsidies", "payments to producers")),
        source=_span("Tariffs are taxes on imports. Quotas limit the quantity of imports."),
    ),
    Question(
        id="k-order", kind="ordering", section="history",
        prompt="Put these stages in the order the text gives.",
        items=("talks began (1950s)", "talks deepened (1980s)", "talks formalised (2010s)"),
        source=_span("Trade talks began in the 1950s, deepened in the 1980s"),
    ),
    Question(
        id="k-card", kind="flashcard", section="history",
        prompt="When were trade talks formalised?",
        answers=("In the 2010s",), source=_span("formalised in the 2010s"),
    ),
)  # fmt: skip

BANK = Bank(
    id="kinds",
    title="Every kind",
    version=1,
    source="kinds.txt",
    sections=(BankSection("basics", "Trade basics"), BankSection("history", "History")),
    questions=QUESTIONS,
)


def load_kinds_bank(store: Store, now: datetime) -> int:
    """Import the bank; returns the document id."""
    summary = import_bank(
        store.db, BANK, source_text=TEXT, bank_sha256="kinds-1", bank_path="kinds.yaml", now=now
    )
    return summary.document_id


def question_pk(store: Store, qid: str) -> int:
    return int(store.db.execute("SELECT id FROM questions WHERE qid = ?", [qid]).fetchone()[0])
