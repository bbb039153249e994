"""Choose wrong options of the same type as the answer, from the same document.

A distractor must be of the answer's type class (an action for an action, a
sector for a sector), look like the answer (length, number, article), and be
wrong according to the document: never a sibling of the answer in any list
the document gives, never in the stem, never sharing a content word with the
answer or with another option (a near-copy).  The choice is deterministic.
"""

from __future__ import annotations

import bisect
import re
import zlib

from tradequiz.bank.model import BLANK
from tradequiz.generate.analysis import Analysis, PoolEntry
from tradequiz.generate.periods import Period, decade_count, shifted_decades
from tradequiz.generate.phrases import verb_form
from tradequiz.generate.shapes import COUNT_HEADS, goods_family, head_word, same_shape
from tradequiz.generate.text import content_set, is_plural, jaccard, normalise, words

# How many pool entries around the answer's section are considered (keeps big documents fast).
WINDOW = 200


def _article(text: str) -> str:
    first = text.split(" ", 1)[0].lower()
    return first if first in {"a", "an", "the"} else ""


def _tiebreak(seed: str, text: str) -> float:
    """A fixed pseudo-random number in [0, 1) for ordering equals the same way every run."""
    return zlib.crc32(f"{seed}\x1f{text}".encode()) / 2**32


def _window(entries: list[PoolEntry], section_index: int) -> list[PoolEntry]:
    if len(entries) <= WINDOW:
        return entries
    at = bisect.bisect_left(entries, section_index, key=lambda e: e.section_index)
    lo = max(0, at - WINDOW // 2)
    return entries[lo : lo + WINDOW]


def overlaps(a: str, b: str) -> bool:
    """Two options that share a content word or contain one another are near-copies."""
    na, nb = normalise(a), normalise(b)
    if not na or not nb or na in nb or nb in na:
        return True
    return bool(content_set(a) & content_set(b))


def with_count_article(option: str) -> str:
    """ "financial system" → "a financial system": a singular count noun taken out of its
    sentence needs its article to fit another ("a rules-based order, ____, and …")."""
    if _article(option) or is_plural(option) or option[:1].isupper():
        return option
    if head_word(option) not in COUNT_HEADS:
        return option
    return f"{'an' if option[:1].lower() in 'aeiou' else 'a'} {option}"


def blank_context(an: Analysis, blanked: str, answer: str, width: int = 8) -> frozenset[str]:
    """The telling words around the blank: what a distractor must not also be said with."""
    before, _, after = blanked.partition(BLANK)
    near = " ".join(words(before)[-width:] + words(after)[:width])
    return content_set(near) - an.common_stems - content_set(answer)


# How many sections either side of a question are searched for an option said "as well" (the
# document's neighbourhood: on a very long document, its far end is another passage).
NEAR_SECTIONS = 12


def supported(
    an: Analysis, option: str, context: frozenset[str], near: int | None = None
) -> str | None:
    """A sentence of the document that says ``option`` together with two of the context's
    words: put in the blank, the option would be true as well.  Returns the sentence id.
    ``near``: the question's section index, to search only the sections around it."""
    if not context:
        return None
    for sid in an.sentences_with(option):
        if near is not None and abs(an.section_of_sentence(sid) - near) > NEAR_SECTIONS:
            continue
        shared = content_set(an.sentence_texts[sid]) & context
        # Two telling words in common, or one the document uses only once or twice
        # ("precision": Japan's strengths are named in two places).
        if len(shared) >= min(2, len(context)) or any(
            an.sentence_frequency.get(s, 0) <= 2 for s in shared
        ):
            return sid
    return None


def pick(
    an: Analysis,
    *,
    answer: str,
    cls: str,
    section_index: int,
    sentence_id: str,
    stem_text: str,
    siblings: tuple[str, ...] = (),
    lead: str = "",
    count: int = 3,
    seed: str = "",
    context: frozenset[str] = frozenset(),
) -> list[str] | None:
    """``count`` distractors for ``answer``, or None when the document has too few.

    ``context`` holds the telling words around the blank: an option the document also says
    with them (see ``supported``) would be a second right answer and is not used.
    """
    entries = _window(an.pool.get(cls, []), section_index)
    block_id = sentence_id.rsplit(".s", 1)[0]
    answer_key = normalise(answer)
    listed_with = an.listed_with.get(answer_key, frozenset())
    excluded = {answer_key, *(normalise(s) for s in siblings)}
    stem_key = normalise(stem_text)
    stem_stems = content_set(stem_text)
    answer_stems = content_set(answer)
    n_answer = len(words(answer))
    plural = is_plural(answer)
    article = _article(answer)
    form = verb_form(answer)
    answer_family = goods_family(answer)
    lead_stems = content_set(lead)
    need_lead = min(2, len(lead_stems))
    scored: list[tuple[float, str]] = []
    seen: set[str] = set()
    for entry in entries:
        key = entry.key
        if key in excluded or key in seen or entry.sentence_id == sentence_id:
            continue
        if entry.sentence_id.rsplit(".s", 1)[0] == block_id:
            continue  # said in the same paragraph or line: too likely related to the answer
        seen.add(key)
        if entry.topic_only or entry.form != form or entry.stems & answer_stems:
            continue
        n = entry.n_words
        if n > max(2 * n_answer, n_answer + 2) or n_answer > max(2 * n, n + 2):
            continue
        if key in stem_key or key in answer_key or answer_key in key:
            continue
        if key in listed_with or answer_key in entry.list_key:
            continue  # listed together with the answer somewhere: it may be true as well
        if entry.stems and len(entry.stems & stem_stems) * 2 >= len(entry.stems):
            continue  # mostly words of the stem: reads as a repeat of the question
        if lead_stems and len(lead_stems & entry.lead) >= need_lead:
            continue  # said in the same terms elsewhere ("a shared commitment to …"): may be true
        if n_answer >= 2 and n < 2:
            continue  # "barriers" beside "non-tariff measures": a bare word stands out
        if n_answer == 1 and entry.plural != plural:
            continue  # one word: its number shows in the sentence ("a ____ of", "____ are")
        if not same_shape(answer, entry.text) or supported(an, entry.text, context, section_index):
            continue
        if cls == "goods" and answer_family and goods_family(entry.text) not in {"", answer_family}:
            continue  # "wine" among critical minerals: wrong on sight, not by the article
        cost = abs(n - n_answer) * 0.6
        cost += 1.5 if entry.plural != plural else 0.0
        cost += 1.0 if entry.article != article else 0.0
        cost += 0.04 * abs(entry.section_index - section_index)
        cost += _tiebreak(seed, entry.text)
        scored.append((cost, entry.text))
    scored.sort()
    chosen: list[str] = []
    for _cost, text in scored:
        if any(overlaps(text, other) for other in chosen):
            continue
        chosen.append(text)
        if len(chosen) == count:
            return [with_count_article(an.ctx.lower(t)) for t in chosen]
    return None


def pick_terms(terms: list[str], answer: str, seed: str, count: int = 3) -> list[str] | None:
    """Other terms of the same list: the nearest in length, deterministic."""
    n_answer = len(answer)
    others = [t for t in terms if normalise(t) != normalise(answer)]
    others.sort(key=lambda t: (abs(len(t) - n_answer) / max(n_answer, 1), _tiebreak(seed, t)))
    chosen: list[str] = []
    for term in others:
        if jaccard(content_set(term), content_set(answer)) > 0.34:
            continue
        chosen.append(term)
        if len(chosen) == count:
            return chosen
    return None


def _qualified(text: str) -> bool:
    return bool(re.search(r"\b(?:early|late|mid)[\s-]+(?:1[0-9]|20)\d0s", text))


def pick_periods(
    all_periods: list[Period], answer: Period, count: int = 3, decades_only: bool = False
) -> list[Period] | None:
    """Other periods of the document, then plausible decades it does not use.

    ``decades_only``: the blank follows "the" ("in the ____"), which only a decade fits.
    """
    seen = {normalise(answer.bare)}
    others: list[Period] = []
    for period in sorted(all_periods, key=lambda p: (abs(p.key - answer.key), p.text)):
        key = normalise(period.bare)
        if key in seen or abs(period.key - answer.key) < 3:
            continue
        if decades_only and period.kind != "decade":
            continue
        if answer.kind == "year" and period.kind != "year":
            continue  # "2011" among decades: the odd shape gives it away
        if period.kind == answer.kind and (
            decade_count(period) != decade_count(answer)
            or _qualified(period.text) != _qualified(answer.text)
        ):
            continue  # "1980s" among "1960s and 1970s", …: the odd shape gives it away
        seen.add(key)
        others.append(period)
    if answer.kind != "year" and (
        answer.kind == "decade" or any(p.kind == "decade" for p in others)
    ):
        others.extend(shifted_decades([answer, *others], count))
    chosen = others[:count]
    return chosen if len(chosen) == count else None


def period_option(period: Period, after_the: bool) -> str:
    """How a period reads in the blank: "1980s and 1990s" after "the", else "the 1980s …"."""
    if period.kind != "decade":
        return period.bare
    return period.bare if after_the else f"the {period.bare}"
