from __future__ import annotations

import pytest

from tradequiz.bank.model import Choice, Question
from tradequiz.scheduling import Rating
from tradequiz.study.checking import check, normalise_answer, typed_matches


@pytest.mark.parametrize(
    ("given", "accepted", "ok"),
    [
        ("semiconductors", ("semiconductors",), True),
        ("Semiconductors.", ("semiconductors",), True),
        ("the semiconductors", ("semiconductors",), True),
        ("semiconductor", ("semiconductors",), True),  # one letter off
        ("semicondutcors", ("semiconductors",), True),  # two off in a long word
        ("semis", ("semiconductors",), False),
        ("1990s", ("1980s",), False),  # numbers must be exact
        ("WTO", ("World Trade Organization", "WTO"), True),
        ("", ("anything",), False),
        ("cat", ("car",), False),  # short answers must be exact
        ("Japan–US", ("Japan-US",), True),
    ],
)
def test_typed_answers_are_forgiving_but_not_loose(
    given: str, accepted: tuple[str, ...], ok: bool
) -> None:
    assert typed_matches(given, accepted) is ok


def test_normalise_answer() -> None:
    assert normalise_answer("  The  Digital-Trade & Services! ") == "digital trade and services"


def test_rating_is_proposed_from_correctness_and_speed() -> None:
    q = Question(
        id="q",
        kind="multiple_choice",
        section="s",
        prompt="?",
        choices=(Choice("a"), Choice("b", True), Choice("c"), Choice("d")),
    )
    assert check(q, 1, 3.0).proposed is Rating.EASY
    assert check(q, 1, 30.0).proposed is Rating.GOOD
    wrong = check(q, 0, 3.0)
    assert (wrong.correct, wrong.proposed, wrong.expected) == (False, Rating.AGAIN, "b")
    card = Question(id="f", kind="flashcard", section="s", prompt="?", answers=("x",))
    assert check(card, None, 2.0).proposed is None


def test_a_wrong_option_explains_itself_when_the_bank_says_why() -> None:
    q = Question(
        id="q",
        kind="multiple_choice",
        section="s",
        prompt="?",
        choices=(Choice("a", feedback="The article gives a for the 1980s."), Choice("b", True)),
    )
    assert check(q, 0, 5.0).detail == "The article gives a for the 1980s."
    assert check(q, 1, 5.0).detail == ""


def test_a_passage_is_not_all_highlighted() -> None:
    from tradequiz.bank.model import Pair, SourceSpan
    from tradequiz.study.passage import passage_for

    source = "Title\nTariffs: taxes on imports. Quotas: limits on quantity.\nNext paragraph."
    span = SourceSpan(6, 58)
    matching = Question(id="m", kind="matching", section="s", prompt="Match.", source=span,
                        pairs=(Pair("Tariffs", "taxes"), Pair("Quotas", "limits")))  # fmt: skip
    passage = passage_for(matching, source)
    assert passage is not None and passage.text.startswith("Tariffs:")
    assert passage.highlight is None
    cloze = Question(id="c", kind="cloze", section="s", prompt="____: taxes on imports.",
                     answers=("Tariffs",), source=SourceSpan(6, 33))  # fmt: skip
    cloze_passage = passage_for(cloze, source)
    assert cloze_passage is not None and cloze_passage.highlight == (0, 7)
