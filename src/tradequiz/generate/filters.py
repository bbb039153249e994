"""Hard quality filters: a candidate failing one is rejected with the reason.

- ``answer_leak``: the answer, or the stem of its head word, is in the stem
  (or half of its distinctive words are);
- ``answer_in_option`` / ``overlapping_options``: options that contain or
  share a content word with one another;
- ``option_in_stem``: a wrong option already stands in the stem;
- ``answer_only_long``: the right option is much longer than every other;
- ``unresolved_pronoun``: the stem opens with "this", "these", "it", "they",
  "such" … pointing at text the learner cannot see;
- ``too_short`` / ``too_long``; ``bad_shape`` (wrong number of options, blanks,
  pairs or items).
"""

from __future__ import annotations

import math
import re

from tradequiz.bank.model import BLANK, CHOICE_KINDS, Question
from tradequiz.generate.candidate import Candidate
from tradequiz.generate.distractors import overlaps
from tradequiz.generate.lexicon import PRONOUN_OPENERS, PRONOUN_PHRASES
from tradequiz.generate.references import unresolved
from tradequiz.generate.text import content_set, content_stems, normalise, stem, words

REASONS = {
    "answer_leak": "the answer (or its stem) appears in the question",
    "answer_in_option": "the answer appears in another option",
    "overlapping_options": "two options overlap (a near-copy)",
    "option_in_stem": "a wrong option already stands in the question",
    "answer_only_long": "the right option is the only long one",
    "unresolved_pronoun": "a pronoun or “the …” in the question points at text not shown",
    "too_short": "too short",
    "too_long": "too long",
    "bad_shape": "wrong number of options, blanks, pairs or items",
    "near_duplicate": "near-duplicate of a kept question",
    "true_false_balance": "dropped to keep true and false statements balanced",
    "clause_quota": "enough questions on this clause already",
    "gives_away": "another question on the same sentence holds its answer (or it holds theirs)",
    "repeated_option": "a wrong option already used by enough other questions",
}
GENERIC_STEMS = frozenset({"articl", "the"})
_FRAME = re.compile(
    r"^(?:According to [^,]{0,120}?, (?:under “[^”]+”, )?|In the article's debate on [^,]+, "
    r"|In the debate over [^,]+, )"
)
MAX_PROMPT_WORDS = {"multiple_choice": 75, "debate": 70, "true_false": 70, "cloze": 70,
                    "short_answer": 80, "flashcard": 40, "matching": 40,
                    "ordering": 40}  # fmt: skip
MAX_TYPED_WORDS = 8
MAX_OPTION_WORDS = 20


def body(prompt: str) -> str:
    """The prompt without its attribution frame ("According to the article, …")."""
    return _FRAME.sub("", prompt, count=1)


def _heads(answer: str) -> set[str]:
    """Stems of the last content word of each coordinated part ("A and B" → {A, B})."""
    heads: set[str] = set()
    for part in re.split(r",| and | or ", answer):
        stems = content_stems(part)
        if stems:
            heads.add(stems[-1])
    return heads


def leaks(answer: str, text: str, topic: frozenset[str]) -> bool:
    """Whether ``text`` gives ``answer`` away."""
    norm_answer, norm_text = normalise(answer), normalise(text)
    if norm_answer and re.search(rf"\b{re.escape(norm_answer)}\b", norm_text):
        return True
    distinct = content_set(answer) - topic - GENERIC_STEMS
    if not distinct:
        return False
    present = distinct & content_set(text)
    if (_heads(answer) - topic - GENERIC_STEMS) & present:
        return True
    return len(present) >= math.ceil(len(distinct) / 2)


def _choice_problem(q: Question, c: Candidate) -> tuple[str, str] | None:
    correct = [ch for ch in q.choices if ch.correct]
    if len(correct) != 1:
        return "bad_shape", f"{len(correct)} correct options"
    if q.kind == "multiple_choice" and len(q.choices) != 4:
        return "bad_shape", f"{len(q.choices)} options"
    if len(q.choices) < 2 or len({normalise(ch.text) for ch in q.choices}) != len(q.choices):
        return "bad_shape", "repeated options"
    answer = correct[0].text
    others = [ch.text for ch in q.choices if not ch.correct]
    for other in others:
        if normalise(answer) in normalise(other) or normalise(other) in normalise(answer):
            return "answer_in_option", other
    if q.kind == "multiple_choice" and q.generator != "mcq.describe":
        # (Descriptions share ordinary words; each is a different item's own sentence.)
        for i, a in enumerate(q.choices):
            for b in q.choices[i + 1 :]:
                if overlaps(a.text, b.text):
                    return "overlapping_options", f"{a.text} / {b.text}"
    prompt = normalise(q.prompt)
    for other in others:
        if re.search(rf"\b{re.escape(normalise(other))}\b", prompt):
            return "option_in_stem", other
    if any(len(words(o)) > MAX_OPTION_WORDS for o in [answer, *others]):
        return "too_long", "an option is over 20 words"
    longest_other = max(len(o) for o in others)
    # Who-questions offer the sides' names, whose lengths say nothing about the answer.
    names_sides = q.generator.startswith("debate.who")
    if not names_sides and len(answer) > 1.6 * longest_other and len(answer) - longest_other > 12:
        return "answer_only_long", f"{len(answer)} vs {longest_other} characters"
    return None


# Generators whose quoted clue describes the answer itself: an "it" there is the answer.
_CLUE_GENERATORS = frozenset({"mcq.term", "short_answer.term"})
_QUOTED = re.compile(r"“[^”]*”")


def reference_problem(q: Question, names: frozenset[str], topic_head: str) -> str | None:
    """A pronoun or definite description anywhere in what the learner reads that points at
    text they cannot see ("Critics call it …", "after the agreement took effect")."""
    topic_named = any(stem(w) in names for w in words(q.prompt))
    if q.kind != "matching" and q.kind != "ordering":
        text = body(q.prompt)
        if q.generator in _CLUE_GENERATORS:
            text = _QUOTED.sub("“…”", text)
        found = unresolved(text, topic_head, topic_named)
        if found:
            return found
    # Options, descriptions and events are read beside the stem: pronouns in them must
    # point inside them (a definite "the agreement" next to its term is fine in a matching).
    for other in [*(ch.text for ch in q.choices), *(p.right for p in q.pairs), *q.items]:
        found = unresolved(other, topic_head, topic_named=True)
        if found and found.split()[0].lower() != "the":
            return found
    return None


def check(
    c: Candidate,
    topic: frozenset[str],
    names: frozenset[str] = frozenset(),
    topic_head: str = "",
) -> tuple[str, str] | None:
    """The first hard problem of a candidate, as (reason, detail), or None.

    ``topic`` holds the stems that give nothing away (the topic's and very frequent words);
    ``names`` the topic's own stems and ``topic_head`` the title's head noun, which resolve
    "the relationship" / "the agreement" in a stem that names the topic.
    """
    q = c.question
    if c.problem:
        reason = (
            "unresolved_pronoun"
            if "pronoun" in c.problem or "reference" in c.problem
            else "bad_shape"
        )
        return reason, c.problem
    n_words = len(words(q.prompt))
    if n_words < 6:
        return "too_short", f"{n_words} words"
    if n_words > MAX_PROMPT_WORDS[q.kind]:
        return "too_long", f"{n_words} words"
    if q.kind in {"cloze", "true_false", "multiple_choice", "short_answer"}:
        opening = body(q.prompt).lower()
        first = re.split(r"[\s,]", opening, maxsplit=1)[0].strip('“"')
        if first in PRONOUN_OPENERS or opening.startswith(PRONOUN_PHRASES):
            return "unresolved_pronoun", first
    reference = reference_problem(q, names, topic_head)
    if reference:
        return "unresolved_pronoun", f"“{reference}” points at text the learner cannot see"
    if q.kind == "cloze" and q.prompt.count(BLANK) != 1:
        return "bad_shape", f"{q.prompt.count(BLANK)} blanks"
    if q.kind in {"cloze", "short_answer"} and any(
        len(words(a)) > MAX_TYPED_WORDS for a in q.answers
    ):
        return "too_long", "a typed answer over 8 words"
    for answer in c.answers:
        if leaks(answer, q.prompt, topic):
            return "answer_leak", answer
    if q.kind in CHOICE_KINDS:
        problem = _choice_problem(q, c)
        if problem:
            return problem
    if q.kind == "matching":
        if not 4 <= len(q.pairs) <= 6:
            return "bad_shape", f"{len(q.pairs)} pairs"
        if len({p.left for p in q.pairs}) != len(q.pairs) or len({p.right for p in q.pairs}) != len(
            q.pairs
        ):
            return "bad_shape", "repeated sides"
        for pair in q.pairs:
            if leaks(pair.left, pair.right, topic):
                return "answer_leak", pair.left
    if q.kind == "ordering" and (len(q.items) < 3 or len(set(q.items)) != len(q.items)):
        return "bad_shape", f"{len(q.items)} items"
    if q.kind == "flashcard" and (not q.answers or len(words(q.answers[0])) > 90):
        return "too_long", "flashcard back over 90 words"
    return None
