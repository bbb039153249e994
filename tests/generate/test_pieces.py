"""The heuristics the generators stand on: lists, periods, clauses, pronouns, filters."""

from __future__ import annotations

import pytest

from tradequiz.bank.model import Choice, Question
from tradequiz.document import read_text
from tradequiz.generate.analysis import analyse
from tradequiz.generate.candidate import Candidate
from tradequiz.generate.filters import check, leaks
from tradequiz.generate.periods import find_periods, put_period
from tradequiz.generate.phrases import find_lists
from tradequiz.generate.text import gerund_to_base, third_person_to_base


def items(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in found] for found in find_lists(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It is about a shared commitment to a rules-based order, open markets, and the "
            "resilience of core supply chains that power modern life",
            ["a rules-based order", "open markets", "the resilience of core supply chains"],
        ),
        (
            "supports stability by tying success to the rule of law, cooperation on technology "
            "and standards, and a credible security alliance",
            ["the rule of law", "cooperation on technology and standards",
             "a credible security alliance"],
        ),
        ("Consumers benefit from more choices and lower prices", ["more choices", "lower prices"]),
    ],
)  # fmt: skip
def test_lists_are_cut_where_a_reader_would(text: str, expected: list[str]) -> None:
    assert expected in items(text)


def test_adjectives_and_clauses_are_not_lists() -> None:
    assert items("An open, predictable, and fair trading regime supports stability") == []
    assert items("as both nations rebuilt and defined a shared order") == []


def test_periods_sort_and_swap() -> None:
    text = "The relationship began to coalesce in the wake of World War II"
    (war,) = find_periods(text)
    (later,) = find_periods("a framework in the late 2010s and early 2020s")
    assert war.key < later.key
    assert put_period(text, war, later).endswith("coalesce in the late 2010s and early 2020s")
    assert "1980s–1990s" in find_periods("The 1980s and 1990s brought")[0].answers()


def test_verb_forms() -> None:
    assert gerund_to_base("relying") == "rely"
    assert gerund_to_base("retreating") == "retreat"
    assert third_person_to_base("emphasizes") == "emphasize"
    assert third_person_to_base("pushes") == "push"


def test_pronouns_are_resolved_only_when_safe() -> None:
    doc = read_text(
        "Widget trade\nWidget trade links two towns.\n"
        "History\nThe widget route opened in the 1990s. It remains busy all year.\n"
        "They say nothing about prices. This explains much.\n"
    )
    units = {u.sentence.text: u for u in analyse(doc).units}
    assert units["It remains busy all year."].core.startswith("the widget route remains")
    assert units["This explains much."].problem is not None
    assert units["They say nothing about prices."].problem is not None


def mcq(prompt: str, answer: str, *others: str) -> Candidate:
    choices = (Choice(answer, True), *(Choice(o) for o in others))
    q = Question(id="q", kind="multiple_choice", section="s", prompt=prompt, choices=choices)
    return Candidate(question=q, fact="f", answers=(answer,), score=1.0)


def test_filters_name_the_reason() -> None:
    ok = mcq("According to the article, the region depends on ____ for growth.",
             "semiconductors", "textiles", "tourism", "fisheries")  # fmt: skip
    assert check(ok, frozenset()) is None
    leak = mcq("According to the article, semiconductor supply depends on ____ for growth.",
               "semiconductors", "textiles", "tourism", "fisheries")  # fmt: skip
    assert check(leak, frozenset())[0] == "answer_leak"  # type: ignore[index]
    overlap = mcq("According to the article, the region depends on ____ for growth.",
                  "semiconductors", "semiconductors and chips", "tourism", "fisheries")  # fmt: skip
    assert check(overlap, frozenset())[0] == "answer_in_option"  # type: ignore[index]
    long = mcq("According to the article, the region depends on ____ for growth.",
               "a carefully calibrated balance of advanced manufacturing capabilities",
               "textiles", "tourism", "fisheries")  # fmt: skip
    assert check(long, frozenset())[0] == "answer_only_long"  # type: ignore[index]
    pronoun = mcq("These tools are designed to expand ____ and keep prices low.",
                  "capacity", "tourism", "fisheries", "textiles")  # fmt: skip
    assert check(pronoun, frozenset())[0] == "unresolved_pronoun"  # type: ignore[index]
    short = mcq("Pick ____.", "capacity", "tourism", "fisheries", "textiles")
    assert check(short, frozenset())[0] == "too_short"  # type: ignore[index]


def test_leak_uses_stems_and_head_words() -> None:
    assert leaks("Automobiles and parts", "a balance of automobile trade", frozenset())
    assert not leaks("World Trade Organization", "within international trade rules", frozenset())
