"""What else a learner may type for a name: abbreviations, aliases and short forms.

Three sources, none about a particular document:
- well-known abbreviations of common names ("United States" ↔ "US", "U.S.", "USA");
- the document's own aliases: "the China–Australia Free Trade Agreement, known as ChAFTA",
  "Regional Comprehensive Economic Partnership (RCEP)", and the initials of a long name
  when the document uses them;
- short forms a teacher accepts: the order of a dashed pair ("US–Japan" / "Japan–US"), the
  last two words of a long institution name when no other name ends that way ("Security
  treaty"), a term without its generic last word ("Currency swap" for "Currency swap
  arrangement") when the rest is unique in the document.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from tradequiz.generate.lexicon import wordset
from tradequiz.generate.text import normalise, words

# Common names and the forms everyone writes for them (first: the full name).
STANDARD_FORMS: tuple[tuple[str, ...], ...] = (
    ("United States", "US", "U.S.", "USA", "United States of America", "America"),
    ("United Kingdom", "UK", "U.K.", "Britain", "Great Britain"),
    ("European Union", "EU"),
    ("World Trade Organization", "WTO", "World Trade Organisation"),
    ("People's Republic of China", "PRC"),
    ("International Monetary Fund", "IMF"),
    ("World Bank",),
    ("United Nations", "UN", "U.N."),
    ("Association of Southeast Asian Nations", "ASEAN"),
    ("North Atlantic Treaty Organization", "NATO"),
    ("Group of Seven", "G7", "G-7"),
    ("Group of Twenty", "G20", "G-20"),
    ("Soviet Union", "USSR"),
)
# Last words of a term that name its kind rather than it ("Currency swap arrangement").
GENERIC_LAST = wordset(
    """
    arrangement arrangements agreement mechanism mechanisms initiative initiatives program
    programme programs programmes scheme schemes policy policies framework provisions
    strategy system measures instrument instruments
    """
)
_DASHED = re.compile(
    r"^(?P<a>[A-Z][^–]*?)–(?P<b>[A-Z][^–\s]*(?: [A-Z][^–\s]*)??)(?P<rest>(?: \S+)*)$"
)


def _standard(name: str) -> list[str]:
    out: list[str] = []
    key = normalise(name)
    for forms in STANDARD_FORMS:
        if key in {normalise(f) for f in forms}:
            out.extend(forms)
        else:
            # A standard name inside a longer one: "United States–Japan Security treaty".
            for full in forms[:1]:
                if full in name:
                    out.extend(name.replace(full, short) for short in forms[1:3])
    return out


def document_aliases(text: str) -> dict[str, list[str]]:
    """ "X, known as Y" / "X (Y)" / "X, or Y," in the document: normalised X → [Y, …]."""
    aliases: dict[str, list[str]] = {}
    name = r"((?:[A-Z][\w’'\-–]*[ –])*(?:[A-Z][\w’'\-]*))"
    patterns = (
        rf"{name},? (?:known as|also called|called|or) (?:the )?([A-Z][\w\-–]+)",
        rf"{name} \(([A-Z][\w\-–.]{{1,12}})\)",
    )
    for pattern in patterns:
        for match in re.finditer(pattern, text):
            full, short = match.group(1), match.group(2)
            if len(words(full)) >= 2 and normalise(short) != normalise(full):
                aliases.setdefault(normalise(full), []).append(short)
                aliases.setdefault(normalise(short), []).append(full)
    return aliases


def _initials(name: str) -> str:
    parts = [w for w in re.split(r"[\s\-–]+", name) if w and w[0].isupper()]
    return "".join(w[0] for w in parts)


def name_variants(
    name: str, doc_text: str, aliases: dict[str, list[str]], names: Iterable[str] = ()
) -> tuple[str, ...]:
    """Accepted typed forms of ``name`` (itself first), without duplicates."""
    out = [name]
    out.extend(aliases.get(normalise(name), ()))
    out.extend(_standard(name))
    initials = _initials(name)
    plain_name = "–" not in name and all(
        w[0].isupper() or w in {"of", "and", "for", "the"} for w in name.split()
    )
    if len(initials) >= 3 and plain_name:
        out.append(initials)  # "RCEP" for "Regional Comprehensive Economic Partnership"
    dashed = _DASHED.match(name)
    if dashed:
        swapped = f"{dashed.group('b')}–{dashed.group('a')}{dashed.group('rest')}"
        out.append(swapped)
    for form in list(out):
        if "–" in form:
            out.append(form.replace("–", "-"))
        for forms in STANDARD_FORMS:
            if forms[0] in form and form != forms[0]:
                out.extend(form.replace(forms[0], short) for short in forms[1:3])
    name_words = name.split()
    if len(name_words) >= 3 and name_words[-1][0].islower():
        tail = " ".join(name_words[-2:])
        others = [n for n in names if normalise(n) != normalise(name)]
        if not any(normalise(n).endswith(normalise(tail)) for n in others):
            # "Security treaty" for "United States–Japan Security treaty": the document
            # names a kind of thing (lower-case "treaty"), and only one of that kind.
            out.append(tail)
    unique: list[str] = []
    seen: set[str] = set()
    for form in out:
        key = normalise(form)
        if form and key not in seen:
            seen.add(key)
            unique.append(form)
    return tuple(unique)


def term_variants(term: str, doc_text: str) -> tuple[str, ...]:
    """A term without its generic last word, when what is left names only it."""
    ws = term.split()
    if len(ws) >= 3 and ws[-1].lower() in GENERIC_LAST:
        short = " ".join(ws[:-1])
        if len(re.findall(re.escape(short), doc_text, re.IGNORECASE)) <= 2:
            return (short,)
    return ()
