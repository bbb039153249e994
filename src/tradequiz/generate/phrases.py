"""Find the phrases a question can ask about: list items, names and periods.

Policy prose states its facts as lists ("reciprocity, predictable access to
markets, and robust protections …"), names (institutions, places, treaties)
and periods.  Each phrase gets a type class so that a distractor can be of
the same type: a sector for a sector, an action for an action, a period for a
period.  Without a tagger, list boundaries come from punctuation, trigger
words ("of", "such as", a verb) and the length of the other items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradequiz.generate.lexicon import (
    INSTITUTION_HEADS,
    LIST_TRIGGERS,
    PHRASE_BREAKERS,
    STOPWORDS,
    wordset,
)
from tradequiz.generate.periods import find_periods
from tradequiz.generate.shapes import semantic_class
from tradequiz.generate.text import is_plural, stem, words
from tradequiz.generate.verbs import BASE_FORMS, ING_FORMS, PAST_FORMS, THIRD_PERSON, is_verb_form

MAX_ITEM_WORDS = 7
_RIGHT_STOPS = (PHRASE_BREAKERS - {"to"}) | {
    "by", "without", "rather", "than", "instead", "despite", "through", "across", "because",
    "especially", "particularly", "so", "now", "also", "often", "and", "or",
}  # fmt: skip
_BOUNDARY_CHARS = ",;:()—.!?"
_TOKEN = re.compile(r"[A-Za-z0-9][\w’'\-./]*")
_NAME = re.compile(
    r"(?<![\w’'\-])(?:[A-Z][\w’'\-.]*|II|III|IV)"
    r"(?:(?:\s+(?:of|for|the)\s+|\s+|–)(?:[A-Z][\w’'\-.]*|II|III|IV))*"
)
_ADJECTIVE_SUFFIXES = ("able", "ible", "al", "ive", "ic", "ous", "ful", "less")
_COMMON_ADJECTIVES = wordset(
    """
    open fair free stable secure safe strong weak large small high low new broad rapid deep
    clear fast slow full close direct lower higher greater better more less fewer larger
    smaller wider stronger weaker freer faster deeper broader
    """
)
_DETERMINERS = wordset(
    """
    a an the its their our his her this these those
    """
)
_VERB_STARTS = BASE_FORMS | ING_FORMS | THIRD_PERSON
_EXTRA_TRIGGERS = wordset(
    """
    that which whose whom where when whether how
    """
)


@dataclass(frozen=True)
class Phrase:
    """A phrase inside a view text (offsets into that text)."""

    text: str
    start: int
    end: int
    kind: str  # "item", "name", "period"
    cls: str  # type class for distractors
    siblings: tuple[str, ...] = ()  # the other items of its list
    example: bool = False  # introduced by "such as", "including", "like"
    lead: str = ""  # the words just before its list ("a shared commitment to")

    @property
    def plural(self) -> bool:
        return is_plural(self.text)


def _tokens(text: str, start: int, end: int) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text, start, end))


def noun_class(phrase: str) -> str:
    """The kind of thing a phrase names (see ``shapes.semantic_class``); "action" for a
    phrase that opens with a verb."""
    if _starts_with_verb(phrase) and not words(phrase)[0].lower().endswith("ing"):
        return "action"
    return semantic_class(phrase)


def _is_adjective(word: str) -> bool:
    lower = word.lower()
    return lower in _COMMON_ADJECTIVES or (lower.endswith(_ADJECTIVE_SUFFIXES) and len(lower) > 4)


def _verb_after(previous: str) -> bool:
    """Whether a verb-like word after ``previous`` is really a verb (not "advanced" in
    "Japan's advanced manufacturing" nor "rules" in "predictable rules")."""
    if not previous:
        return False
    lower = previous.lower()
    if lower in _DETERMINERS or lower in LIST_TRIGGERS or lower in {"and", "or", "of"}:
        return False
    return not (lower.endswith(("'s", "’s", "ly")) or _is_adjective(previous))


def verb_form(text: str) -> str:
    """ "base", "ing", "third" or "" for a phrase that does not open with a verb."""
    if not _starts_with_verb(text):
        return ""
    first = words(text)[0].lower()
    if first in ING_FORMS:
        return "ing"
    return "third" if first in THIRD_PERSON and first not in BASE_FORMS else "base"


def _starts_with_verb(text: str) -> bool:
    ws = words(text)
    if not ws or ws[0].lower() in _COMMON_ADJECTIVES:
        return False
    return ws[0].lower() in _VERB_STARTS


def _has_finite_verb(tokens: list[re.Match[str]]) -> bool:
    """A finite verb after the first word ("the relationship emphasizes …"): a clause."""
    for i in range(1, len(tokens)):
        word = tokens[i].group().lower()
        previous = tokens[i - 1].group()
        if (word in THIRD_PERSON or word in PAST_FORMS) and _verb_after(previous):
            return True
        base_verb = word in BASE_FORMS and word not in _COMMON_ADJECTIVES
        if base_verb and is_plural(previous) and _verb_after(previous):
            return True
    return False


def _verb_trigger(word: str, previous: str) -> bool:
    if word in THIRD_PERSON or word in PAST_FORMS:
        return _verb_after(previous)
    if word in ING_FORMS:
        return _verb_after(previous)
    if word in BASE_FORMS:
        return previous.lower() in {
            "to",
            "can",
            "could",
            "will",
            "would",
            "should",
            "may",
            "might",
            "must",
        } or (is_plural(previous) and _verb_after(previous))
    return False


def _right_end(text: str, start: int) -> tuple[int, bool]:
    """Where the last list item ends, and whether a clear boundary was found."""
    end = start
    previous = ""
    count = 0
    for match in _TOKEN.finditer(text, start):
        gap = text[end : match.start()]
        if count and (any(c in _BOUNDARY_CHARS for c in gap) or " – " in gap):
            return end, True
        word = match.group().lower()
        if count and word in _RIGHT_STOPS:
            return end, True
        if count and word == "to":
            following = re.match(r"\s+(\w+)", text[match.end() :])
            if following and following.group(1).lower() in BASE_FORMS:
                return end, True  # "to erect": an infinitive, not "access to markets"
        is_verb = word in THIRD_PERSON or word in PAST_FORMS
        if (
            count
            and _verb_after(previous)
            and (is_verb or (word in BASE_FORMS and is_plural(previous)))
        ):
            return end, True
        count += 1  # noqa: SIM113 (words counted, not tokens enumerated: some are skipped)
        if count > MAX_ITEM_WORDS:
            return end, False
        end = match.end()
        previous = match.group()
    tail = text[end:]
    return end, not tail.strip() or tail.lstrip()[0] in _BOUNDARY_CHARS + '”"'


def _left_boundary(text: str, cursor: int) -> int:
    dash = text.rfind(" – ", 0, cursor)
    return max(max(text.rfind(c, 0, cursor) for c in ",;:(—“"), dash + 1 if dash >= 0 else -1)


def _first_item(
    text: str, start: int, end: int, others: list[tuple[int, int]], action: bool
) -> tuple[int, int] | None:
    """The first item: the end of the chunk after a trigger word, about as long as the others."""
    tokens = _tokens(text, start, end)
    if not tokens:
        return None
    cuts: list[tuple[int, str]] = []
    for i in range(len(tokens) - 1, -1, -1):
        word = tokens[i].group().lower()
        previous = tokens[i - 1].group() if i > 0 else ""
        nxt = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
        if action:
            trigger = nxt in BASE_FORMS and (word == "to" or word in THIRD_PERSON | BASE_FORMS)
        else:
            trigger = (
                word in LIST_TRIGGERS or word in _EXTRA_TRIGGERS or _verb_trigger(word, previous)
            )
        if trigger and nxt:
            cuts.append((tokens[i + 1].start(), word))
        if len(cuts) >= 3:
            break
    if not cuts:
        if len(tokens) > 4:
            return None
        cuts.append((tokens[0].start(), ""))
    best = cuts[0][0]
    # "the rule of law, cooperation …, and a credible alliance": when the other items carry
    # articles, an "of" belongs inside the first item.
    with_article = any(text[s:e].split(" ", 1)[0].lower() in {"a", "an", "the"} for s, e in others)
    if cuts[0][1] == "of" and with_article and len(cuts) > 1:
        candidate = cuts[1][0]
        if text[candidate:end].split(" ", 1)[0].lower() in {"a", "an", "the"}:
            best = candidate
    if len(_tokens(text, best, end)) > 6:
        return None
    return best, end


def _strip_item(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " “\"'‘":
        start += 1
    while end > start and text[end - 1] in " ”\"'’,;:.":
        end -= 1
    # "rural drivers hardest": a trailing adverb or superlative is not part of the item.
    last = re.search(r"\s(\w+)$", text[start:end])
    if last and (last.group(1).endswith(("est", "ly")) and len(last.group(1)) > 4):
        end = start + last.start()
    return start, end


def _valid(text: str, items: list[tuple[int, int]]) -> bool:
    texts = [text[s:e] for s, e in items]
    if len(texts) < 2:
        return False
    for item in texts:
        ws = words(item)
        last = re.findall(r"[\w’'-]+", item)
        if not ws or last[-1].lower() in STOPWORDS or len(ws) > MAX_ITEM_WORDS:
            return False  # ("know-how" ends with a word, not with "how")
    if any(_has_finite_verb(_tokens(text, s, e)) for s, e in items):
        return False  # "both nations rebuilt and defined …": clauses, not items
    verbs = [_starts_with_verb(t) for t in texts]
    if any(verbs) and not all(verbs):
        return False  # "raise productivity and expand investment" cut in the wrong place
    if any(len(words(t)) == 1 and _is_adjective(words(t)[0]) for t in texts[:-1]):
        return False  # "an open, predictable, and fair trading regime": adjectives, not items
    if len(texts) == 2:
        a, b = (len(words(t)) for t in texts)
        if max(a, b) > 3 * min(a, b):
            return False
        first_words = [w for w in words(texts[0]) if w.lower() not in _DETERMINERS]
        singular_first = bool(first_words) and not is_plural(first_words[-1])
        if (
            b >= 2
            and singular_first
            and (len(first_words) == 1 or (len(first_words) == 2 and _is_adjective(first_words[0])))
        ):
            # "defense and diplomatic collaboration", "the pace and scope of liberalization",
            # "high safety and quality standards": the first item most likely shares the
            # second one's head noun.
            return False
    return True


_EXAMPLE_START = re.compile(r"\s*(including|such as|like|notably|especially)\s", re.I)


def find_lists(text: str) -> list[list[tuple[int, int]]]:
    """Coordinated phrases: [[(start, end) of each item], …] in ``text``."""
    found: list[list[tuple[int, int]]] = []
    for match in re.finditer(r"(,?) (and|or) ", text):
        right_start = match.end()
        right_end, confident = _right_end(text, right_start)
        if right_end <= right_start or not confident:
            continue
        middle: list[tuple[int, int]] = []
        cursor = match.start()
        while True:
            boundary = _left_boundary(text, cursor)
            chunk = _tokens(text, boundary + 1, cursor)
            clause_like = _has_finite_verb(chunk) or any(
                t.group().lower() in PHRASE_BREAKERS - {"to"} for t in chunk
            )
            after_comma = boundary >= 0 and text[boundary] == ","
            if after_comma and _EXAMPLE_START.match(text, boundary + 1):
                # "…collaboration, including joint research initiatives, …": the example
                # list starts after its trigger; what precedes the comma is not an item.
                break
            if after_comma and len(chunk) <= 5 and not clause_like:
                middle.insert(0, (boundary + 1, cursor))
                cursor = boundary
                continue
            break
        longest_left = max((len(_tokens(text, s, e)) for s, e in middle), default=0)
        right_words = [t.group().lower() for t in _tokens(text, right_start, right_end)]
        with_complement = any(w in {"of", "for", "to", "in", "on", "with"} for w in right_words)
        if middle and len(right_words) > longest_left + 3 and not with_complement:
            continue  # "engines, transmissions, and finished cars several times before …"
        others = [*middle, (right_start, right_end)]
        action = sum(_starts_with_verb(text[s:e]) for s, e in others) * 2 > len(others)
        first = _first_item(text, boundary + 1, cursor, others, action)
        items = [_strip_item(text, s, e) for s, e in ([first] if first else []) + others]
        items = [(s, e) for s, e in items if e > s]
        last = words(text[items[-1][0] : items[-1][1]]) if items else []
        if last and _is_adjective(last[-1]) and text[items[-1][1] :].startswith(","):
            continue  # "strategy for a stable, open, and competitive economy"
        if _valid(text, items):
            found.append(items)

    def inside(inner: list[tuple[int, int]], outer: list[tuple[int, int]]) -> bool:
        return any(s <= inner[0][0] and inner[-1][1] <= e for s, e in outer)

    # A list inside one item of another ("Automobiles and auto parts" among the sectors)
    # belongs to that item.
    return [f for f in found if not any(g is not f and inside(f, g) for g in found)]


def _is_example_list(text: str, first_start: int) -> bool:
    before = text[max(0, first_start - 14) : first_start].lower()
    return bool(re.search(r"(such as|including|like)\s*$", before))


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”", text)]


def find_names(text: str, keep_caps: frozenset[str], lower_stems: frozenset[str]) -> list[Phrase]:
    """Names the document capitalises (institutions, places, treaties)."""
    found: list[Phrase] = []
    for match in _NAME.finditer(text):
        start, name = match.start(), match.group()
        if not re.fullmatch(r"(?:[A-Z]\.){2,}", name):
            name = name.rstrip(".’'")
        if start == 0 or text[:start].rstrip().endswith(("“", '"', ".", ":")):
            first, _, rest = name.partition(" ")
            if first not in keep_caps or first in {"A", "An", "The"}:
                if not rest:
                    continue
                start += len(first) + 1
                name = rest
        end = start + len(name)
        # "Security treaty": a lower-case institution word ending the name.
        tail = re.match(r"\s+([a-z]+)(?=[\s,.;:)—]|$)(?!\s+[a-z]{4,})", text[end:])
        if tail and tail.group(1) in INSTITUTION_HEADS:
            end += tail.end()
            name = text[start:end]
        name_words = words(name)
        if not name_words or not any(w in keep_caps or w.isupper() for w in name_words):
            continue
        if len(name_words) == 1 and stem(name_words[0]) in lower_stems:
            continue  # "Intellectual" in "Intellectual property": a capitalised link, not a name
        head = name_words[-1].lower()
        cls = "institution" if head in INSTITUTION_HEADS else "name"
        found.append(Phrase(name, start, end, "name", cls))
    return found


_OBJECT_STOPS = STOPWORDS | LIST_TRIGGERS | {"by", "without", "rather", "than"}


def find_objects(text: str) -> list[Phrase]:
    """The noun phrase a verb governs ("supports regional stability"): 1–4 words."""
    found: list[Phrase] = []
    tokens = list(_TOKEN.finditer(text))
    for i in range(1, len(tokens) - 1):
        word = tokens[i].group().lower()
        previous = tokens[i - 1].group().lower()
        after_adjective = (
            word in {"from", "to", "of", "on", "for"}
            and _is_adjective(previous)
            and i > 1
            and tokens[i - 2].group().lower() in {"is", "are", "was", "were", "remain", "remains"}
        )  # "are inseparable from security considerations"
        is_verb = (word in THIRD_PERSON or word in PAST_FORMS) and _verb_after(
            tokens[i - 1].group()
        )
        if not (is_verb or after_adjective):
            continue
        chosen: list[re.Match[str]] = []
        for token in tokens[i + 1 : i + 6]:
            gap = text[(chosen[-1].end() if chosen else tokens[i].end()) : token.start()]
            lower = token.group().lower()
            if (
                gap.strip()
                or lower in _OBJECT_STOPS
                or is_verb_form(lower)
                or lower in {"and", "or"}
            ):
                break
            chosen.append(token)
        if len(chosen) < 2 or len(chosen) > 4:
            continue  # one word ("took effect") is too often part of an idiom
        tail = text[chosen[-1].end() :].lstrip()
        if tail[:4].lower() in {"and ", "or "} or tail.startswith(","):
            continue  # the object is a list: the list finder has it
        following = tail.split(" ", 1)[0].lower().strip(".,;:")
        if following and following.isalpha() and following not in _OBJECT_STOPS:
            continue  # "supports efficiency gains": the phrase goes on past what was found
        phrase = text[chosen[0].start() : chosen[-1].end()]
        if _is_adjective(words(phrase)[-1]) or _starts_with_verb(phrase):
            continue
        lead = " ".join(t.group() for t in tokens[max(0, i - 3) : i + 1])
        start, end = chosen[0].start(), chosen[-1].end()
        found.append(Phrase(phrase, start, end, "object", noun_class(phrase), lead=lead))
    return found


def find_phrases(text: str, keep_caps: frozenset[str], lower_stems: frozenset[str]) -> list[Phrase]:
    """Every list item, name and period in ``text`` (offsets into ``text``)."""
    quoted = _quoted_spans(text)

    def usable(start: int, end: int) -> bool:
        return not any(qs <= start < qe or start <= qs < end for qs, qe in quoted)

    phrases: list[Phrase] = []
    period_spans: list[tuple[int, int]] = []
    for period in find_periods(text):
        if usable(period.start, period.end):
            phrases.append(Phrase(period.text, period.start, period.end, "period", "period"))
        period_spans.append((period.start, period.end))

    def clashes(start: int, end: int) -> bool:
        return any(ps < end and start < pe for ps, pe in period_spans) or not usable(start, end)

    for items in find_lists(text):
        texts = tuple(text[s:e] for s, e in items)
        example = _is_example_list(text, items[0][0])
        lead = " ".join(t.group() for t in _tokens(text, 0, items[0][0])[-4:])
        for (s, e), item in zip(items, texts, strict=True):
            if clashes(s, e):
                continue
            siblings = tuple(t for t in texts if t != item)
            phrases.append(Phrase(item, s, e, "item", noun_class(item), siblings, example, lead))
    phrases.extend(
        p for p in find_names(text, keep_caps, lower_stems) if not clashes(p.start, p.end)
    )
    taken = [(p.start, p.end) for p in phrases]
    phrases.extend(
        p
        for p in find_objects(text)
        if not clashes(p.start, p.end) and not any(s < p.end and p.start < e for s, e in taken)
    )
    return phrases
