"""References a stem cannot leave hanging: pronouns and definite descriptions anywhere in it.

A question stands alone only if every "it", "they", "these imports" or "the agreement" in
it points at something the learner can see in the same stem.  ``unresolved`` finds the
first reference that does not; ``resolve`` replaces one with what it stands for when the
previous sentence makes that clear ("Critics call it a prestige project" after "The
high-speed rail project has faced delays …" → "Critics call the high-speed rail project a
prestige project").  Heuristics only: a reference is taken as resolved when a word of the
right kind stands before it in the stem.
"""

from __future__ import annotations

import re

from tradequiz.generate.lexicon import STOPWORDS, wordset
from tradequiz.generate.text import is_plural, stem
from tradequiz.generate.verbs import ALL_FORMS, is_verb_form

# Definite descriptions that stand for something named elsewhere: "the agreement" (which?).
STANDIN_HEADS = wordset(
    """
    agreement agreements deal treaty accord pact project projects initiative programme program
    scheme plan proposal arrangement framework partnership relationship alliance bans sanctions
    measures tools dispute talks negotiations text chapter mechanism reforms fund law
    regulation strategy measure policy loan line corridor coalition association
    """
)
# Stand-ins for the document's own subject: resolved when the stem names the topic.
TOPIC_HEADS = wordset("relationship partnership framework arrangement alliance collaboration ties")
_TIME_NOUNS = wordset("year years decade month week day time period era point stage")
_TIME_PREPS = wordset("of in at by until since during from after before for")
_DEAL_HEADS = wordset("agreement deal treaty accord pact")
_QUALIFIERS = wordset("of between with on for to from in that which signed known under among")
_EXPLETIVE_AFTER = wordset("is was has seems appears becomes remains")
_TOKEN = re.compile(r"[A-Za-z0-9][\w’'-]*|_{4}")


def _tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def _nounish(word: str) -> bool:
    lower = word.lower()
    return (
        lower not in STOPWORDS
        and not (lower in ALL_FORMS and not word[0].isupper())
        and not lower.endswith("ly")
    )


def _plural_word(word: str) -> bool:
    lower = word.lower()
    return lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s"))


def _singular_before(words: list[str]) -> bool:
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        adjective = (
            bool(nxt)
            and nxt[0].islower()
            and _nounish(nxt)
            and not is_verb_form(nxt)
            and not w.endswith(("'s", "’s"))
        )
        if w[0].isupper() and w.lower() not in STOPWORDS and not _plural_word(w) and not adjective:
            return True  # a name ("Japan extended its …"), not "Critics", not "European farm"
        if w.lower() in {"the", "a", "an"}:
            for nxt in words[i + 1 : i + 4]:
                if _nounish(nxt) and not _plural_word(nxt):
                    return True
    return False


def _plural_before(words: list[str]) -> bool:
    for i, w in enumerate(words):
        lower = w.lower()
        if lower in {"and"} and 0 < i < len(words) - 1:
            return True  # "India and Japan … they"
        if _plural_word(lower) and _nounish(w) and lower not in {"its", "this", "us", "was", "has"}:
            return True
    return False


def _expletive(words: list[str], i: int) -> bool:
    """ "it is important to …", "makes it harder to …": "it" stands for nothing."""
    after = [w.lower() for w in words[i + 1 : i + 6]]
    if (
        after
        and after[0] in _EXPLETIVE_AFTER
        and ("to" in after or "that" in after)
        and after[1:2] != ["a"]
        and after[1:2] != ["an"]
    ):
        return True  # "it is important to …", not "it is a way to …"
    before = words[i - 1].lower() if i > 0 else ""
    return before in {"make", "makes", "made", "making", "find", "finds"} and "to" in after


_FRONTED = wordset("for to in with unlike like among beyond under across within by at from")


def _in_scope(text: str, tokens: list[re.Match[str]], i: int) -> list[str]:
    """The words before token ``i`` a pronoun there can point at: not those of a fronted
    phrase just before it ("For the European Union, it is a way …": "it" is not the Union)."""
    words = [t.group() for t in tokens[:i]]
    if i == 0:
        return words
    comma = text[tokens[i - 1].end() : tokens[i].start()].strip().startswith(",")
    cut = tokens[i - 1].start()
    start = max(text.rfind(",", 0, cut), text.rfind(";", 0, cut))
    first = next((k for k, t in enumerate(tokens[:i]) if t.start() > start), i)
    if first >= i or words[first].lower() not in _FRONTED:
        return words
    if comma or not any(is_verb_form(w) for w in words[first + 1 :]):
        return words[:first]  # "for Mercosur it promises …", without its comma
    return words


def unresolved(text: str, topic_head: str = "", topic_named: bool = False) -> str | None:
    """The first reference in ``text`` with nothing before it to point at, or None.

    ``topic_head`` is the head noun of the document's title ("agreement"): "the
    agreement" then means the document's subject and is resolved; so is "the relationship"
    when ``topic_named`` (the stem names the document's subject).
    """
    tokens = _tokens(text)
    words = [t.group() for t in tokens]
    lowered = [w.lower() for w in words]
    for i, w in enumerate(lowered):
        before = _in_scope(text, tokens, i)
        nxt = lowered[i + 1] if i + 1 < len(words) else ""
        if w in {"it", "its"}:
            if w == "it" and _expletive(words, i):
                continue
            if not _singular_before(before):
                return words[i]
        elif w in {"they", "them", "their", "theirs"}:
            if not _plural_before(before):
                return words[i]
        elif w in {"he", "she", "his", "him", "her"}:
            if not any(b[0].isupper() for b in before[1:]):
                return words[i]
        elif w in {"this", "these", "those", "such"}:
            if (w == "such" and nxt == "as") or (w == "this" and nxt == "way"):
                continue  # "such as …", "describe this way: “…”"
            if w == "these" and lowered[max(0, i - 2) : i] == ["which", "of"]:
                continue  # "Which of these …?": the options that follow
            if w == "those" and nxt in {"who", "that", "which", "of", "in"}:
                continue
            if not nxt or nxt in STOPWORDS or (is_verb_form(nxt) and not _nounish(words[i + 1])):
                return words[i]  # a pronoun: "This includes …"
            # "these imports": the noun (or its head a word later) must stand earlier.
            nouns = [n for n in lowered[i + 1 : i + 3] if n not in STOPWORDS]
            earlier = {stem(b) for b in before}
            if not any(stem(n) in earlier for n in nouns[:2]):
                return f"{words[i]} {words[i + 1]}"
        elif w == "that" and nxt in _TIME_NOUNS and (i == 0 or lowered[i - 1] in _TIME_PREPS):
            return f"that {nxt}"  # "until the end of that year": which year?
        elif w == "that" and nxt in STANDIN_HEADS and (i == 0 or lowered[i - 1] in _TIME_PREPS):
            if stem(nxt) not in {stem(b) for b in lowered[:i]}:
                return f"that {nxt}"  # "after that deal expired": which deal?
        elif w == "others" and (i == 0 or lowered[i - 1] in {"and", "while", "but"}):
            if "some" not in lowered[:i]:
                return words[i]  # "others reject any limit": others than whom?
        elif w == "same" and i > 0 and lowered[i - 1] == "the":
            if "as" not in lowered[i + 1 : i + 6]:
                return "the same"
        elif w in {"former", "latter"} and i > 0 and lowered[i - 1] == "the":
            return f"the {w}"
        elif w == "the":
            problem = _standin(words, lowered, i, topic_head, topic_named)
            if problem:
                return problem
    return None


def _standin(
    words: list[str], lowered: list[str], i: int, topic_head: str, topic_named: bool
) -> str | None:
    """ "the agreement" with no name, year or qualifier saying which one."""
    j = i + 1
    modifiers: list[str] = []
    while j < len(words) and j <= i + 3 and lowered[j] not in STANDIN_HEADS:
        modifiers.append(words[j])
        j += 1
    if j >= len(words) or lowered[j] not in STANDIN_HEADS:
        return None
    while (
        j + 1 < len(words)
        and lowered[j + 1] not in _QUALIFIERS
        and _nounish(words[j + 1])
        and not is_verb_form(lowered[j + 1])
        and words[j + 1][0].islower()
    ):
        j += 1  # "the policy tools": the head is the last noun of the compound
    if lowered[j] not in STANDIN_HEADS:
        return None
    head = lowered[j]
    if any(
        m[0].isupper() or m[0].isdigit() or m[0] == "_" or m.lower() in STOPWORDS for m in modifiers
    ):
        return None  # "the 2011 agreement", "the Paris Agreement", "the ____ line": named
    if any(m.lower() in ALL_FORMS and not m.endswith("al") for m in modifiers):
        return None  # not a noun phrase after all
    if stem(head) == stem(topic_head) or (topic_named and head in TOPIC_HEADS):
        return None  # the document's own subject
    if topic_named and topic_head.lower() in _DEAL_HEADS and head in _DEAL_HEADS:
        return None  # "the deal" in an article on an agreement that the stem names
    if len(modifiers) >= 2:
        return None  # "the high-speed rail project": described well enough to know which
    nxt = lowered[j + 1] if j + 1 < len(words) else ""
    if nxt in _QUALIFIERS or (j + 1 < len(words) and words[j + 1][0].isupper()):
        return None  # "the agreement between …", "the agreement of 2011"
    earlier = {stem(w) for w in lowered[:i]}
    if stem(head) in earlier:
        return None
    return " ".join(words[i : j + 1])


def _np_around(sentence: str, head: str) -> str | None:
    """The noun phrase of ``sentence`` headed by ``head`` with its "of" complement:
    "imports" in "… as imports of machinery and components rose …" → "imports of machinery
    and components"."""
    tokens = _tokens(sentence)
    for k, t in enumerate(tokens):
        if stem(t.group()) != stem(head):
            continue
        start = t.start()
        # Up to two modifiers before it ("rising Chinese imports").
        for back in (1, 2):
            if k - back < 0:
                break
            word = tokens[k - back].group()
            gap = sentence[tokens[k - back].end() : tokens[k - back + 1].start()]
            if gap.strip() or not _nounish(word) or is_verb_form(word):
                break
            start = tokens[k - back].start()
        end = t.end()
        rest = tokens[k + 1 :]
        if rest and rest[0].group().lower() == "of":
            taken = 0
            for r in rest[1:6]:
                gap = sentence[end : r.start()]
                if any(c in gap for c in ",;:.()—") or (
                    r.group().lower() in STOPWORDS - {"and"} or is_verb_form(r.group())
                ):
                    break
                end = r.end()
                taken += 1
            if not taken or sentence[t.end() : end].rstrip().endswith(" and"):
                end = t.end()
        phrase = sentence[start:end]
        if phrase.lower().endswith(" and"):
            return None
        return phrase
    return None


def definite_subject(previous: str) -> str | None:
    """The subject of ``previous`` when it is a definite noun phrase ("The high-speed rail
    project has faced …" → "the high-speed rail project"), else None."""
    match = re.match(
        r"^(?:The|the) ((?:[\w’'-]+ ){0,5}?[\w’'-]+) (?:is|are|was|were|has|have|had|can|will|"
        r"would|should|remains|remain|[a-z]+s|[a-z]+ed)\b",
        previous,
    )
    if not match:
        return None
    phrase = match.group(1)
    if any(w.lower() in STOPWORDS for w in phrase.split()):
        return None
    return f"the {phrase}"


def resolve(clause: str, previous: str | None, subject: str | None = None) -> str:
    """``clause`` with its first hanging "it" or "these/this N" replaced by what the previous
    sentence names (or by ``subject``, what a list item's description is about); unchanged
    when nothing safe is found."""
    if not previous and not subject:
        return clause
    previous = previous or ""
    tokens = _tokens(clause)
    words = [t.group() for t in tokens]
    for i, t in enumerate(tokens):
        w = words[i].lower()
        before = _in_scope(clause, tokens, i)
        if w == "it" and not _expletive(words, i) and not _singular_before(before):
            antecedent = subject or definite_subject(previous)
            if antecedent and not is_plural(antecedent):
                if t.start() == 0:
                    antecedent = antecedent[:1].upper() + antecedent[1:]
                return clause[: t.start()] + antecedent + clause[t.end() :]
            return clause
        if w in {"these", "this"} and i + 1 < len(words):
            noun = words[i + 1]
            if noun.lower() in STOPWORDS or not _nounish(noun):
                return clause
            if stem(noun) in {stem(b) for b in before}:
                continue
            found = _np_around(previous, noun)
            if found and len(found.split()) <= 8:
                end = tokens[i + 1].end()
                return clause[: t.start()] + "the " + found + clause[end:]
            return clause
    return clause
