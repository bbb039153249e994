"""Text helpers: words, stems, similarity and casing.

Stems come from the Snowball English stemmer (a pure-Python package with no
data to download), so "semiconductors" and "semiconductor", "automobiles" and
"automobile" compare equal when checking whether an answer leaks.
"""

from __future__ import annotations

import re
from functools import lru_cache

import snowballstemmer

from tradequiz.generate.lexicon import STOPWORDS
from tradequiz.generate.verbs import BASE_FORMS

_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Za-z0-9]+(?:['’][A-Za-z]+)?")
_STEMMER = snowballstemmer.stemmer("english")
DASHES = "–—"


def words(text: str) -> list[str]:
    """Words of ``text`` in order (hyphenated and dashed compounds split)."""
    return _WORD.findall(text)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    word = word.lower()
    if "." in word:
        return word.replace(".", "")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    return str(_STEMMER.stemWord(word))


def content_stems(text: str) -> list[str]:
    """Stems of the words that carry meaning (stop words dropped), in order."""
    return [stem(w) for w in words(text) if w.lower() not in STOPWORDS]


@lru_cache(maxsize=131072)
def content_set(text: str) -> frozenset[str]:
    return frozenset(content_stems(text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


@lru_cache(maxsize=131072)
def normalise(text: str) -> str:
    """Lower case, dashes and punctuation folded, single spaces: for comparing answers."""
    text = text.lower().replace("&", " and ")
    text = re.sub(r"[" + DASHES + r"\-]", " ", text)
    text = re.sub(r"[^\w\s]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^(?:the|a|an) ", "", text)


def word_count(text: str) -> int:
    return len(words(text))


def is_proper(word: str) -> bool:
    """A capitalised word or an acronym (not a plain lower-case word)."""
    return bool(word) and (word[0].isupper() or word[0].isdigit())


def lower_first(text: str, keep: frozenset[str] = frozenset()) -> str:
    """Lower-case the first letter unless the first word is a name or acronym.

    ``keep`` holds words the document capitalises mid-sentence (names), which
    must keep their capital at the start of a clause moved behind a prefix.
    """
    if not text:
        return text
    first = text.split(" ", 1)[0]
    bare = first.strip("“‘\"'(")
    if bare in keep or (len(bare) > 1 and bare[:2].isupper()):
        return text
    return text[0].lower() + text[1:]


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def strip_end(text: str) -> str:
    """Trim spaces and trailing punctuation that ends a sentence or clause."""
    return text.strip().rstrip(" .;:,!?").strip()


def sentence(text: str) -> str:
    """Capitalise and end with a full stop (or keep a question mark)."""
    text = text.strip()
    if not text:
        return text
    text = upper_first(text)
    if text[-1] not in ".?!":
        text = text.rstrip(",;:") + "."
    return text


def acronym(phrase: str) -> str | None:
    """ "World Trade Organization" → "WTO" (only for names of three or more capitalised words)."""
    parts = [w for w in re.split(r"[\s\-–]+", phrase) if w]
    caps = [w for w in parts if w[0].isupper()]
    if len(caps) < 3 or any(w[0].islower() and w not in ("of", "and", "for", "the") for w in parts):
        return None
    return "".join(w[0] for w in caps)


@lru_cache(maxsize=65536)
def is_plural(phrase: str) -> bool:
    """A rough guess at grammatical number: coordinated phrases and -s heads are plural."""
    # The head of "the policy tools of X" is "tools": cut at the first preposition.
    phrase = re.split(r" (?:of|in|for|on|at|with|from|to|between|across) ", phrase, maxsplit=1)[0]
    ws = words(phrase)
    if not ws:
        return False
    if " and " in f" {phrase} ":
        return True
    head = ws[-1].lower()
    return head.endswith("s") and not head.endswith(("ss", "us", "is", "ics"))


def gerund_to_base(word: str, vocabulary: frozenset[str] = frozenset()) -> str:
    """ "relying" → "rely", "retreating" → "retreat", "reducing" → "reduce"."""
    lower = word.lower()
    if not lower.endswith("ing") or len(lower) < 5:
        return word
    base = lower[:-3]
    if base in BASE_FORMS:
        result = base
    elif base + "e" in BASE_FORMS or base + "e" in vocabulary:
        result = base + "e"
    elif base in vocabulary:
        result = base
    elif len(base) > 2 and base[-1] == base[-2] and base[-1] not in "lsz":
        result = base[:-1]
    elif (
        base.endswith(("c", "v", "z", "g", "at", "iz", "ur", "ut")) and not base.endswith("ng")
    ) or (len(base) <= 3 and base[-1] not in "aeiouwy"):
        result = base + "e"
    else:
        result = base
    return result if word[0].islower() else upper_first(result)


def third_person_to_base(word: str) -> str:
    """ "concentrates" → "concentrate", "pushes" → "push", "emphasizes" → "emphasize"."""
    lower = word.lower()
    candidates = [lower[:-1], lower[:-2], lower[:-3] + "y"] if lower.endswith("s") else []
    for candidate in candidates:
        if candidate in BASE_FORMS:
            return (
                word[: len(candidate)]
                if not candidate.endswith("y") or lower.endswith("ys")
                else word[:-3] + "y"
            )
    if lower.endswith("ies") and len(lower) > 4:
        return word[:-3] + "y"
    if lower.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith("ss"):
        return word[:-1]
    return word


def shorten(text: str, limit: int) -> str:
    """Cut at a word boundary before ``limit`` characters, adding an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:—– ")
    return cut + "…"


def with_article(noun_phrase: str) -> str:
    """ "key element" → "a key element", "issue" → "an issue"."""
    article = "an" if noun_phrase[:1].lower() in "aeiou" else "a"
    return f"{article} {noun_phrase}"


def plural_noun(noun_phrase: str) -> str:
    """ "key element" → "key elements", "policy" → "policies", "issue" → "issues"."""
    head = noun_phrase.rsplit(" ", 1)[-1]
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        return noun_phrase[:-1] + "ies"
    if head.endswith(("s", "sh", "ch", "x")):
        return noun_phrase + "es"
    return noun_phrase + "s"
