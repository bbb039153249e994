"""Each question kind, on the source document: what a learner would be shown."""

from __future__ import annotations

from tradequiz.bank.model import BLANK, Question
from tradequiz.document import Document
from tradequiz.generate import GenerationResult
from tradequiz.generate.distractors import overlaps
from tradequiz.generate.filters import leaks
from tradequiz.generate.periods import find_periods
from tradequiz.generate.text import content_set, normalise
from tradequiz.study.checking import typed_matches


def of_kind(result: GenerationResult, kind: str) -> list[Question]:
    return [q for q in result.bank.questions if q.kind == kind]


def test_cloze_has_one_blank_and_accepts_variants(
    result: GenerationResult, common: frozenset[str]
) -> None:
    clozes = of_kind(result, "cloze")
    assert len(clozes) >= 6
    for q in clozes:
        assert q.prompt.count(BLANK) == 1
        assert q.answers and not leaks(q.answers[0], q.prompt, common)
    wto = next(q for q in clozes if q.answers[0] == "World Trade Organization")
    assert typed_matches("WTO", wto.answers)
    dated = [q for q in clozes if find_periods(q.answers[0])]
    assert dated
    for q in dated:
        if " and " in q.answers[0]:  # "1980s and 1990s" may be typed "1980s–1990s"
            assert typed_matches(q.answers[0].replace(" and ", "–"), q.answers)


def test_multiple_choice_has_four_distinct_options_of_one_type(result: GenerationResult) -> None:
    mcqs = of_kind(result, "multiple_choice")
    assert len(mcqs) >= 20
    for q in mcqs:
        assert len(q.choices) == 4
        assert sum(c.correct for c in q.choices) == 1
        texts = [c.text for c in q.choices]
        for i, a in enumerate(texts):
            for b in texts[i + 1 :]:
                assert not overlaps(a, b), (q.prompt, a, b)
        answer = q.answer_text()
        assert len(answer) <= 1.6 * max(len(t) for t in texts if t != answer) + 12
    # "Which key element …": the options are the terms of the same list.
    terms = {
        "Market access and reciprocal commitments",
        "Intellectual property and innovation",
        "Digital trade and services",
        "Standards and regulatory cooperation",
        "Supply chain resilience and security",
        "Multilateral and bilateral governance",
    }
    by_term = [q for q in mcqs if q.generator == "mcq.term" and q.answer_text() in terms]
    assert by_term
    for q in by_term:
        assert {c.text for c in q.choices} <= terms


def test_true_false_is_balanced_attributed_and_never_absurd(result: GenerationResult) -> None:
    statements = of_kind(result, "true_false")
    trues = sum(1 for q in statements if q.truth)
    falses = len(statements) - trues
    assert trues and falses
    assert abs(trues - falses) <= max(1, round(0.1 * len(statements)))
    for q in statements:
        assert q.prompt.startswith(("According to", "In the article's debate", "The article lists"))
    # A wrong period, as the quality guide's example: the framework was not set up in the 1980s.
    swapped = [q for q in statements if q.generator == "tf.period_swap"]
    for q in swapped:
        assert q.truth is False
        said = {normalise(p.bare) for p in find_periods(q.explanation)}
        assert not {normalise(p.bare) for p in find_periods(q.prompt)} <= said


def test_matching_pairs_do_not_name_their_answer(
    result: GenerationResult, common: frozenset[str]
) -> None:
    matchings = of_kind(result, "matching")
    assert len(matchings) >= 3
    lefts = set()
    for q in matchings:
        assert 4 <= len(q.pairs) <= 6
        for pair in q.pairs:
            assert not leaks(pair.left, pair.right, common)
        lefts |= {p.left for p in q.pairs}
    assert {"Automobiles and parts", "Electronics and machinery"} <= lefts


def test_every_debate_point_has_a_debate_question(
    result: GenerationResult, source_doc: Document
) -> None:
    section = source_doc.section("controversies-and-debates")
    debate = of_kind(result, "debate")
    for block in section.list_items:
        inside = [q for q in debate if q.source and block.start <= q.source.start < block.end]
        assert inside, block.term
    who = [q for q in debate if q.generator == "debate.who_argues"]
    proponents = next(q for q in who if "freer trade boosts consumer welfare" in q.prompt)
    assert proponents.answer_text() == "Proponents"
    replies = [q for q in debate if q.generator == "debate.reply"]
    deficits = next(q for q in replies if "trade deficits" in q.prompt)
    assert deficits.answer_text().startswith("Improve competitiveness and productivity")
    wrong = {c.text for c in deficits.choices if not c.correct}
    # The wrong replies are courses the article rejects.
    assert wrong <= {
        "Retreat from trade",
        "Erect permanent barriers that distort incentives",
        "Rely on mercantilist measures",
        "Retreat into protectionism",
        "Push for rapid convergence of standards",
    }


def test_ordering_follows_the_chronology(result: GenerationResult) -> None:
    (ordering,) = of_kind(result, "ordering")
    assert ordering.items[0].startswith("The modern trade relationship began to coalesce")
    assert "formal trade agreement framework" in ordering.items[-1]
    for item in ordering.items:
        assert not find_periods(item), "the dates would give the order away"


def test_short_answer_names_the_term_from_its_description(result: GenerationResult) -> None:
    answers = of_kind(result, "short_answer")
    assert answers
    for q in answers:
        term = q.answers[0]
        assert typed_matches(term.lower(), q.answers)
        distinct = content_set(term) - {"and"}
        assert not distinct <= content_set(q.prompt)


def test_flashcards_reverse_the_terms(result: GenerationResult, source_doc: Document) -> None:
    cards = [q for q in of_kind(result, "flashcard") if q.generator == "flashcard.term"]
    descriptions = {
        b.description for s in source_doc.sections for b in s.list_items if b.description
    }
    assert len(cards) >= 10
    for q in cards:
        assert q.answers[0] in descriptions
