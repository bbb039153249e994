"""What every question needs to know about the document as a whole.

A stem must stand alone: it names the topic when the clause does not ("the
relationship" — which one?), and it says whose claim it is ("According to the
article", "In the article's debate on …").  This module works out the
document's topic words, the names it capitalises, which sections hold a
debate and what the document calls its own view, and frames a clause with
the context it lacks.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from tradequiz.document.model import Block, Document, Section
from tradequiz.generate.lexicon import (
    CON_SIDE,
    INSTITUTION_HEADS,
    LIST_TRIGGERS,
    NOUN_CLASSES,
    PHRASE_BREAKERS,
    PRO_SIDE,
    STOPWORDS,
    VIEW_NOUNS,
    wordset,
)
from tradequiz.generate.shapes import HEAD_CLASSES
from tradequiz.generate.text import is_plural, stem, words
from tradequiz.generate.verbs import BASE_FORMS, is_verb_form

_DEBATE_TITLE = re.compile(
    r"\b(controvers\w*|debates?|criticis\w*|critiques?|arguments?|disputes?|views|contention|"
    r"disagreements?)\b",
    re.I,
)
_VIEW = re.compile(
    r"\b(?:from )?(?:an?|the) ((?:[\w-]+ ){0,1}[\w-]+) (" + "|".join(VIEW_NOUNS) + r")\b",
    re.IGNORECASE,
)
_ARGUING = re.compile(
    r"\b(?:argue|argues|contend|contends|counter|counters|respond|responds|reply|replies|"
    r"complain|complains|insist|insists|warn|warns)\s+that\b",
    re.IGNORECASE,
)
_SIDE_WORDS = re.compile(r"\b(" + "|".join(PRO_SIDE + CON_SIDE) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class DocContext:
    doc: Document
    title: str
    topic_stems: frozenset[str]
    keep_caps: frozenset[str]
    names: frozenset[str]  # capitalised words never written in lower case ("Japan", "China")
    vocabulary: frozenset[str]
    lower_stems: frozenset[str]  # stems of words the document writes in lower case
    debate_sections: frozenset[str]
    main_views: dict[str, str]  # section id → "market-oriented perspective"
    # The title as a noun phrase inside a sentence: "the India–Japan economic partnership",
    # "Japan–United States trade" (a mass noun takes no article).
    topic_phrase: str = ""
    # Capitalised words met only inside longer names ("Dedicated" of "Western Dedicated
    # Freight Corridor"): at a sentence start before a lower-case word they are common words.
    name_parts: frozenset[str] = frozenset()

    def is_debate(self, section: Section) -> bool:
        return section.id in self.debate_sections

    def has_topic(self, text: str) -> bool:
        return any(stem(w) in self.topic_stems for w in words(text))

    def starts_with_name(self, text: str) -> bool:
        ws = text.split(" ", 2)
        first = ws[0].strip("“\"'(")
        if not first:
            return False
        if len(first) > 1 and first[:2].isupper():
            return True  # an acronym
        part_only = (
            first in self.name_parts
            and len(ws) > 1
            and ws[1][:1].islower()
            and ws[1][:1].isalpha()
            and (stem(first.lower()) in self.lower_stems or first.lower().endswith(_COMMON_ENDINGS))
        )
        if not part_only and (
            first in self.names or any(part in self.names for part in re.split(r"[–\-’']", first))
        ):
            return True
        bare = re.split(r"[–\-’']", first)[0]
        if (
            len(ws) > 2
            and ws[1] == "and"
            and ws[2][:1].isupper()
            and stem(bare) not in self.lower_stems
            and bare.lower() not in STOPWORDS
        ):
            return True  # "Sweden and Finland …": a pair of names at the start of a sentence
        # "World Trade Organization": a run of capitalised words is a name ("The US" is not,
        # nor "After India's reforms", nor "Raise Indian competitiveness").
        if first.lower() in {"the", "a", "an"} or first.lower() in STOPWORDS:
            return False
        if is_verb_form(first) and first not in self.names:
            return False
        return len(ws) > 1 and first[0].isupper() and ws[1][:1].isupper()

    def lower(self, text: str, sentence_start: bool = False) -> str:
        """Lower-case the first letter for use inside a sentence, unless it starts a name.

        For a sentence the document begins with a word it never writes in lower case
        ("Pilbara mines supply …"), that word is taken as a name unless it looks like a
        common word (a plural, an adjective, a participle: "Dedicated", "Intellectual").
        Headings are not read that way: "Currency and macro concerns" is not a name.
        """
        if not text or self.starts_with_name(text):
            return text
        first = re.split(r"[\s,;:]", text, maxsplit=1)[0]
        bare = first.strip("“\"'(").lower()
        if (
            sentence_start
            and bare.isalpha()
            and bare not in _COMMON_WORDS
            and stem(bare) not in self.lower_stems
            and bare not in STOPWORDS | LIST_TRIGGERS | PHRASE_BREAKERS | _known_common()
            and not bare.endswith(_COMMON_ENDINGS)
        ):
            return text
        return text[0].lower() + text[1:]

    def view_label(self, section: Section) -> str:
        """ "the article's market-oriented perspective" (or "the article's own view")."""
        view = self.main_views.get(section.id)
        return f"the article's {view}" if view else "the article's own view"

    @property
    def topic(self) -> str:
        """The title as it reads inside a sentence ("carbon pricing", "Japan–United States
        trade", "the India–Japan economic partnership")."""
        return self.topic_phrase or self.lower(self.title)

    def about(self) -> str:
        """ "on Japan–United States trade": names the topic for a stem that lacks it."""
        return f"on {self.topic}"

    def frame(self, section: Section, block: Block, body: str) -> str:
        """Prefix a clause with the attribution and topic it needs to stand alone."""
        body = with_name_articles(self.lower(body, sentence_start=True))
        if block.kind == "list_item" and block.term:
            term = block.term
            if self.is_debate(section):
                return f"In the article's debate on {self.lower(term)}, {body}"
            where = "" if self.has_topic(body + " " + term) else f" {self.about()}"
            if body.startswith(f"“{term}”") or self.lower(term).lower() in body.lower():
                return f"According to the article{where}, {body}"
            return f"According to the article{where}, under “{term}”, {body}"
        where = "" if self.has_topic(body) else f" {self.about()}"
        return f"According to the article{where}, {body}"


def attributed(text: str) -> bool:
    """Whether a clause already says whose claim it is."""
    return bool(_SIDE_WORDS.search(text) or _VIEW.search(text)) or bool(
        re.search(r"\b(?:some|many|others) (?:argue|claim|say|contend|believe)\b", text, re.I)
    )


def _topic_stems(title: str, body_caps: frozenset[str]) -> frozenset[str]:
    title_words = words(title)
    names = [w for w in title_words if w[0].isupper() and (w in body_caps or w == title_words[0])]
    chosen = names or [w for w in title_words if len(w) > 3]
    stems = {stem(w) for w in chosen}
    # Abbreviations the body uses for a multi-word name in the title ("United States" → "US").
    for match in re.finditer(r"((?:[A-Z][a-z]+ ){1,3}[A-Z][a-z]+)", title):
        initials = "".join(w[0] for w in match.group(1).split())
        stems.add(initials.lower())
    return frozenset(stems)


def _capitalised_names(doc: Document) -> frozenset[str]:
    """Words the document capitalises in mid-sentence more often than not."""
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    for section in doc.sections:
        for sentence in section.sentences:
            for i, w in enumerate(words(sentence.text)):
                if w[0].isupper() and i > 0:
                    upper[w] += 1
                elif w[0].islower():
                    lower[w.lower()] += 1
    return frozenset(w for w, n in upper.items() if n > lower[w.lower()])


@lru_cache(maxsize=1)
def _known_common() -> frozenset[str]:
    """Common nouns and verbs the generator's word lists know ("finance", "business"):
    at a sentence start they are no names even when the document never writes them lower."""
    known: set[str] = set(BASE_FORMS) | _MASS_HEADS
    for family in (*HEAD_CLASSES.values(), *NOUN_CLASSES.values()):
        known |= family
    return frozenset(known)


_COMMON_ENDINGS = ("ed", "ing", "al", "ive", "ic", "ous", "ly", "ful", "able", "s")


def _name_parts(doc: Document) -> frozenset[str]:
    """Capitalised words the document writes mid-sentence only next to another one."""
    alone: set[str] = set()
    inside: set[str] = set()
    for section in doc.sections:
        for sentence in section.sentences:
            ws = words(sentence.text)
            for i, w in enumerate(ws):
                if i == 0 or not w[0].isupper():
                    continue
                before = ws[i - 1][0].isupper() and i > 1
                after = i + 1 < len(ws) and ws[i + 1][0].isupper()
                (inside if before or after else alone).add(w)
    return frozenset(inside - alone)


def _is_debate(section: Section) -> bool:
    text = " ".join(s.text for s in section.sentences)
    match = _DEBATE_TITLE.search(section.title)
    if match:
        strong = not re.match(
            r"(?i)disputes?|views|arguments?|contention|disagreements?", match.group(1)
        )
        # "How the dispute is fought" in an article about a dispute is no debate section
        # unless people in it argue ("… contend that", "… respond that").
        if strong or _ARGUING.search(text):
            return True
    sides = {m.group(1).lower() for m in _SIDE_WORDS.finditer(text)}
    return bool(sides & set(PRO_SIDE)) and bool(sides & set(CON_SIDE))


# Heads that name a substance or an activity, not one thing: "trade", not "a trade".
_MASS_HEADS = wordset(
    """
    trade commerce cooperation integration investment policy relations economics politics
    security competition diplomacy development finance energy migration aid
    """
)
_DETERMINERS = wordset(
    """
    the a an this that its their our his her these those
    """
)


# Words that open sentences but are no names, beyond the function words.
_COMMON_WORDS = wordset(
    """
    strong weak new old large small high low open free fair major key main economic
    political global national regional domestic foreign public private formal modern recent
    critical central broad wide deep rapid steady careful whatever whichever however
    whenever wherever meanwhile moreover furthermore nevertheless nonetheless instead indeed
    still yet few many several most some """
)


# Names English writes with "the" ("between Japan and the United States").
_THE_NAMES = re.compile(
    r"(?<![\w–-])(?<!the )(?<!The )(United States|European Union|United Kingdom|Netherlands|"
    r"Philippines|Czech Republic|United Arab Emirates)(?![\w–-])"
)


def with_name_articles(text: str) -> str:
    """ "between Japan and United States" → "between Japan and the United States" (a scrape
    or a careless writer drops it; the stem should not)."""

    def fix(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 12) : match.start()]
        if re.search(r"(?:\b(?:an?|this|that|its|their)\s+|['’]s\s+)$", before):
            return match.group(0)
        return f"the {match.group(1)}"

    return _THE_NAMES.sub(fix, text)


def needs_article(title: str, text: str) -> bool:
    """Whether a title used as a noun inside a sentence takes "the".

    A singular count noun does ("the India–Japan economic partnership"); a mass noun, a
    plural or an "-ing" noun does not ("Japan–United States trade", "carbon pricing").  The
    document decides when it uses the head word itself: counted where the word heads its
    noun phrase, with a determiner before it ("The economic partnership between …") or
    without one ("freer trade boosts …").
    """
    title_words = words(title)
    if not title_words:
        return False
    head = title_words[-1]
    lower = head.lower()
    if head[0].isupper():
        # A name ("African Continental Free Trade Area", "European Union"): as the
        # document writes it, else by the kind of name its last word makes.
        found = [
            bool(m.group(1))
            for m in re.finditer(rf"(\b[Tt]he\s+)?{re.escape(title)}\b", text[:200000])
            if not re.fullmatch(r"#*\s*", text[text.rfind("\n", 0, m.start()) + 1 : m.start()])
            or m.group(1)
        ]  # not the title's own line
        if found:
            return sum(found) * 2 > len(found)
        return lower in INSTITUTION_HEADS or lower in {"area", "union", "zone", "bloc"}
    if lower.endswith("ing") or is_plural(lower):
        return False
    with_det = without = 0
    tokens = re.findall(r"[A-Za-z][\w’'-]*|[^\sA-Za-z]", text[:200000])
    for i, token in enumerate(tokens):
        if token != lower:
            continue
        following = tokens[i + 1].lower() if i + 1 < len(tokens) else "."
        if following[0].isalpha() and following not in STOPWORDS and not is_verb_form(following):
            continue  # "trade relationship": a modifier, not the head of its phrase
        j = i - 1
        while (
            j >= 0
            and j > i - 4
            and tokens[j][0].isalpha()
            and tokens[j].lower() not in (_DETERMINERS | STOPWORDS)
        ):
            j -= 1  # "economic", "2011", "bilateral": modifiers between determiner and head
        if j >= 0 and tokens[j].lower() in _DETERMINERS:
            with_det += 1
        else:
            without += 1
    if with_det or without:
        return with_det > without
    return lower not in _MASS_HEADS


def build_context(doc: Document) -> DocContext:
    caps = _capitalised_names(doc)
    vocabulary = frozenset(
        w.lower() for section in doc.sections for s in section.sentences for w in words(s.text)
    )
    lower_stems = frozenset(
        stem(w)
        for section in doc.sections
        for s in section.sentences
        for w in words(s.text)
        if w[0].islower()
    )
    debate = frozenset(s.id for s in doc.sections if _is_debate(s))
    views: dict[str, str] = {}
    for section in doc.sections:
        if section.id not in debate:
            continue
        for sentence in section.sentences:
            match = _VIEW.search(sentence.text)
            if match:
                views[section.id] = f"{match.group(1)} {match.group(2)}".lower()
                break
    return DocContext(
        doc=doc,
        title=doc.title,
        topic_stems=_topic_stems(doc.title, caps),
        keep_caps=caps,
        names=frozenset(w for w in caps if stem(w) not in lower_stems),
        vocabulary=vocabulary,
        lower_stems=lower_stems,
        debate_sections=debate,
        main_views=views,
        topic_phrase=_topic_phrase(doc, caps),
        name_parts=_name_parts(doc),
    )


def _topic_phrase(doc: Document, caps: frozenset[str]) -> str:
    title = doc.title
    first = title.split(" ", 1)[0]
    starts_name = first in caps or (
        first[:1].isupper() and any(ch in first for ch in "–-")
    )  # "India–Japan …", "Japan–United States …"
    phrase = (
        title
        if starts_name or (len(first) > 1 and first[:2].isupper())
        else title[:1].lower() + title[1:]
    )
    return f"the {phrase}" if needs_article(title, doc.text) else phrase
