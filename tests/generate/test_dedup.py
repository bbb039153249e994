"""The near-duplicate rule: its thresholds, and the fast index agreeing with brute force."""

from __future__ import annotations

from collections import Counter

from tradequiz.bank.model import Choice, Question
from tradequiz.generate import GenerationResult
from tradequiz.generate.dedup import (
    SAME_ANSWER_THRESHOLD,
    THRESHOLD,
    DuplicateIndex,
    near_duplicates,
    rarity,
    similarity,
)


def cloze(qid: str, prompt: str, answer: str) -> Question:
    return Question(id=qid, kind="cloze", section="s", prompt=prompt, answers=(answer,))


def statement(qid: str, prompt: str) -> Question:
    return Question(id=qid, kind="true_false", section="s", prompt=prompt, truth=True)


def test_thresholds_are_what_the_docs_say() -> None:
    assert THRESHOLD == 0.8
    assert SAME_ANSWER_THRESHOLD == 0.5


def test_a_statement_and_a_cloze_of_it_are_duplicates() -> None:
    text = "alpha bravo charlie delta echo foxtrot golf hotel india juliet"
    a = statement("a", f"According to the article, {text}.")
    b = cloze("b", f"According to the article, {text.replace('juliet', '____')}.", "juliet")
    assert similarity(a, b) >= THRESHOLD
    assert near_duplicates(a, b)


def test_just_below_the_threshold_is_not_a_duplicate() -> None:
    # 10 shared words out of 13 in all: 0.77 < 0.8.
    shared = "alpha bravo charlie delta echo foxtrot golf hotel india juliet"
    a = statement("a", f"{shared} kilo lima.")
    b = statement("b", f"{shared} mike.")
    assert similarity(a, b) < THRESHOLD
    assert not near_duplicates(a, b)
    # 10 shared out of 12: 0.83 ≥ 0.8.
    c = statement("c", f"{shared} kilo.")
    d = statement("d", f"{shared} mike.")
    assert similarity(c, d) >= THRESHOLD
    assert near_duplicates(c, d)


def test_different_answers_on_one_template_are_not_duplicates() -> None:
    template = "In the debate over {}, what response does the article propose?"
    a = Question(
        id="a",
        kind="debate",
        section="s",
        prompt=template.format("currency"),
        choices=(Choice("Concentrate on structural competitiveness", True), Choice("X")),
    )
    b = Question(id="b", kind="debate", section="s", prompt=template.format("deficits"),
                 choices=(Choice("Improve productivity", True), Choice("X")))  # fmt: skip
    assert similarity(a, b) >= THRESHOLD
    assert not near_duplicates(a, b)


def test_same_answer_on_similar_prompts_is_a_duplicate() -> None:
    a = cloze(
        "a",
        "The formal framework was set up in the ____ to cut tariffs on industrial goods.",
        "late 2010s",
    )
    b = cloze(
        "b", "The formal framework was set up in the ____ to widen access for industrial goods.",
        "late 2010s",
    )  # fmt: skip
    assert SAME_ANSWER_THRESHOLD <= similarity(a, b) < THRESHOLD
    assert near_duplicates(a, b)


def test_index_finds_what_brute_force_finds(result: GenerationResult) -> None:
    """Every generated candidate (kept or not) checked against the index and all pairs."""
    questions = [*result.bank.questions, *(r.question for r in result.rejected)][:250]
    index = DuplicateIndex(rarity(questions))
    kept: list[Question] = []
    for q in questions:
        found = index.find(q, fact=q.id)
        brute = next((k for k in kept if near_duplicates(q, k)), None)
        assert (found is None) == (brute is None), q.prompt
        if found is None:
            index.add(q, fact=q.id)
            kept.append(q)
    assert Counter(q.kind for q in kept)
