"""Read a document once for everything the question generators share.

The analysis holds the document context, every clause unit with the phrases
found in each of its views, the pool of list items that distractors are drawn
from (by type class), and the "Term: description" lists with the category
their items belong to ("key element", "sector").
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from tradequiz.document.model import Block, Document, Section
from tradequiz.generate.context import DocContext, build_context
from tradequiz.generate.lexicon import wordset
from tradequiz.generate.phrases import Phrase, find_phrases, verb_form
from tradequiz.generate.shapes import HEAD_CLASSES, OPTION_CLASSES, np_problem
from tradequiz.generate.text import content_set, is_plural, normalise, stem, words
from tradequiz.generate.units import Unit, document_units
from tradequiz.generate.variants import document_aliases
from tradequiz.generate.verbs import is_verb_form

# Items that open with these depend on their sentence ("both economies", "other mechanisms").
_QUANTIFIERS = wordset(
    """
    both other more many such numerous several certain some each
    """
)
_WEAK_MODIFIERS = wordset(
    """
    both other many several numerous certain some various more new different key major main
    important specific particular general overall further additional recent
    """
)
_CATEGORY = re.compile(
    r"(?:^|\b)((?:key|main|major|principal|core|important|central) )?([a-z-]+) "
    r"(?:include|includes|are|comprise|cover|covers)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class View:
    unit: Unit
    index: int  # 0: the core alone; k: the core with satellite k
    text: str
    phrases: tuple[Phrase, ...]


@dataclass(frozen=True)
class PoolEntry:
    text: str
    cls: str
    section_index: int
    sentence_id: str
    list_key: frozenset[str]
    stems: frozenset[str]
    lead: frozenset[str]  # content stems of the words before its list
    form: str  # verb form it opens with ("base", "ing", "third") or ""
    key: str = ""  # normalised text
    n_words: int = 0
    plural: bool = False
    article: str = ""
    topic_only: bool = False


@dataclass(frozen=True)
class TermList:
    section: Section
    items: tuple[Block, ...]
    category: str  # singular: "key element", "sector"

    def terms(self) -> tuple[str, ...]:
        return tuple(b.term or "" for b in self.items)


@dataclass
class Analysis:
    doc: Document
    ctx: DocContext
    units: list[Unit]
    views: list[View]
    term_lists: list[TermList]
    pool: dict[str, list[PoolEntry]] = field(default_factory=dict)
    # normalised item → every item listed with it anywhere (kept out of its distractors)
    listed_with: dict[str, frozenset[str]] = field(default_factory=dict)
    # stem → how many sentences use it (a word used once or twice is specific)
    sentence_frequency: dict[str, int] = field(default_factory=dict)

    @cached_property
    def common_stems(self) -> frozenset[str]:
        """The topic's words and words in over a third of the sentences ("trade"): naming
        one of these gives nothing away."""
        total = max(1, len(self.units))
        frequent = {s for s, n in self.sentence_frequency.items() if n * 3 > total and n > 3}
        return self.ctx.topic_stems | frozenset(frequent)

    def specific(self, phrase: str) -> bool:
        """Whether a phrase is worth asking for: two specific words, or one rare word."""
        stems = content_set(phrase) - self.common_stems
        if len(stems) >= 2:
            return True
        return any(self.sentence_frequency.get(s, 0) <= 2 for s in stems)

    @cached_property
    def _section_index(self) -> dict[str, int]:
        return {s.id: s.index for s in self.doc.sections}

    def section_of_sentence(self, sentence_id: str) -> int:
        """The index of the section a sentence id belongs to."""
        return self._section_index.get(sentence_id.split(".b", 1)[0], 0)

    @cached_property
    def lower_text(self) -> str:
        """The document's text in lower case (for "does the article say this")."""
        return self.doc.text.lower()

    @cached_property
    def _core_views(self) -> dict[int, View]:
        return {id(v.unit): v for v in self.views if v.index == 0}

    def core_view(self, unit: Unit) -> View:
        """The view holding ``unit``'s core alone."""
        return self._core_views[id(unit)]

    @cached_property
    def views_of_block(self) -> dict[str, list[View]]:
        """Block id → the views of its clauses."""
        out: dict[str, list[View]] = {}
        for view in self.views:
            out.setdefault(view.unit.block.id, []).append(view)
        return out

    @cached_property
    def blocks(self) -> dict[str, Block]:
        """Block id → block."""
        return {b.id: b for s in self.doc.sections for b in s.blocks}

    @cached_property
    def _normalised(self) -> dict[str, str]:
        return {sid: normalise(text) for sid, text in self.sentence_texts.items()}

    @cached_property
    def _with_cache(self) -> dict[str, list[str]]:
        return {}

    @cached_property
    def sentence_texts(self) -> dict[str, str]:
        """Sentence id → text."""
        return {s.id: s.text for sec in self.doc.sections for s in sec.sentences}

    @cached_property
    def _sentences_by_stem(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = defaultdict(list)
        for sid, text in self.sentence_texts.items():
            for s in content_set(text):
                index[s].append(sid)
        return index

    def sentences_with(self, phrase: str) -> list[str]:
        """Ids of the sentences that contain ``phrase`` (normalised), in document order."""
        if phrase in self._with_cache:
            return self._with_cache[phrase]
        stems = sorted(content_set(phrase), key=lambda s: len(self._sentences_by_stem.get(s, ())))
        if not stems:
            return []
        candidates = self._sentences_by_stem.get(stems[0], [])
        key = normalise(phrase)
        found = [sid for sid in candidates if key in self._normalised[sid]]
        self._with_cache[phrase] = found
        return found

    @cached_property
    def names(self) -> frozenset[str]:
        """Every name the document's clauses mention ("World Trade Organization")."""
        return frozenset(p.text for v in self.views for p in v.phrases if p.kind == "name")

    @cached_property
    def aliases(self) -> dict[str, list[str]]:
        """The document's own second names for things ("known as ChAFTA", "(RCEP)")."""
        return document_aliases(self.doc.text)

    def is_topic_only(self, text: str) -> bool:
        """ "Japan", "the United States": phrases that only name the document's subject."""
        return topic_only(self.ctx, text)


def in_source(view: View, phrase: Phrase) -> bool:
    """Whether the phrase is the article's own words, not words put in to resolve a pronoun
    ("the synergy in electronics and machinery" for "This synergy")."""
    return phrase.text in view.unit.sentence.text


def option_worthy(text: str, phrase: Phrase) -> bool:
    """Whether a phrase of a clause can stand as an option: a whole noun phrase of a known
    type, not cut from a longer one ("heightened awareness" of …)."""
    if phrase.cls not in OPTION_CLASSES or np_problem(phrase.text):
        return False
    if phrase.text.split(" ", 1)[0].lower() in _WEAK_MODIFIERS:
        return False  # "new technologies", "other mechanisms": filler, not a thing to know
    if re.search(r"\b\w+ of\s*$", text[: phrase.start]) and all(
        text.find(s) > phrase.start for s in phrase.siblings
    ):
        return False  # "the rule of | law, …": a first item cut out of its noun phrase
    return not re.match(r"\s+of\s", text[phrase.end :])


def topic_only(ctx: DocContext, text: str) -> bool:
    stems = {stem(w) for w in words(text)} - {"the", "a", "an"}
    return bool(stems) and stems <= ctx.topic_stems


def _article(text: str) -> str:
    first = text.split(" ", 1)[0].lower()
    return first if first in {"a", "an", "the"} else ""


def singular(noun: str) -> str:
    lower = noun.lower()
    if lower.endswith("ies") and len(lower) > 4:
        return noun[:-3] + "y"
    if lower.endswith(("sses", "xes", "ches", "shes")):
        return noun[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return noun[:-1]
    return noun


_NOT_CATEGORY = frozenset(
    {"these", "those", "others", "things", "ways", "parts", "is", "was", "as"}
)
_CATEGORY_ADJECTIVES = frozenset(
    {"important", "main", "key", "major", "principal", "core", "central", "notable", "biggest"}
)


def _category(
    section: Section, lead_in: str | None, ctx: DocContext, blocks: tuple[Block, ...] = ()
) -> str:
    if ctx.is_debate(section):
        return "issue"
    if lead_in:
        match = _CATEGORY.search(lead_in)
        noun = match.group(2).lower() if match else ""
        before = lead_in[: match.start(2)].lower().split()[-1:] if match else []
        if (
            match
            and noun not in {"these", "they", "that", "which", "it", "those", "following"}
            and noun not in _CATEGORY_ADJECTIVES
            and before != ["most"]
        ):  # "The most important are:" names no category
            return f"{(match.group(1) or '').lower()}{singular(noun)}"
    if lead_in:
        tail = re.search(
            r"\b(?:several|some|many|a few|a number of|the following|various|these)"
            r"\s+(?:(\w+)\s+)?(\w+s):?\s*$",
            lead_in,
        )
        if (
            tail
            and not is_verb_form(tail.group(2).lower())
            and tail.group(2).lower() not in _NOT_CATEGORY
        ):
            adjective = (tail.group(1) or "").lower()
            keep = adjective.endswith(("al", "ic", "ive")) or adjective in _CATEGORY_ADJECTIVES
            noun = singular(tail.group(2).lower())
            return f"{adjective} {noun}" if keep else noun  # "… use several legal tools:"
    title = re.sub(r"\s+to\s+\w+$", "", section.title)  # "Sectors to watch" → "Sectors"
    if re.match(r"(?i)(?:who|what|how|why|where|when|which)\b", title):
        # "Who is affected", "How the dispute is fought": a question names no category.
        heads = [singular(words(b.term or "x")[-1].lower()) for b in blocks]
        actors = sum(
            1 for h in heads if h in HEAD_CLASSES["actor"] or h + "s" in HEAD_CLASSES["actor"]
        )
        return "group" if actors * 2 >= len(heads) else "item"
    title_words = [
        w
        for w in title.split()
        if (not is_verb_form(w.lower()) or w.lower().endswith("s"))
        and w.lower() not in {"is", "are", "was", "were", "the", "a", "an", "of", "and", "its"}
    ]  # "Sectors covered" → "sector", not "covered"
    for word in title_words:
        lower = word.lower()
        if lower.endswith("al") and len(lower) > 5:
            base = lower[:-2]
            if base in ctx.vocabulary or base + "s" in ctx.vocabulary:
                return base  # "Sectoral highlights" → "sector"
    if title_words:
        return singular(title_words[-1].lower())
    return "item"


def _term_lists(doc: Document, ctx: DocContext) -> list[TermList]:
    lists: list[TermList] = []
    for section in doc.sections:
        run: list[Block] = []
        for block in (*section.blocks, None):
            if block is not None and block.kind == "list_item" and block.term:
                run.append(block)
                continue
            if len(run) >= 2:
                lists.append(
                    TermList(
                        section, tuple(run), _category(section, run[0].lead_in, ctx, tuple(run))
                    )
                )
            run = []
    return lists


def analyse(doc: Document) -> Analysis:
    ctx = build_context(doc)
    units = list(document_units(ctx, doc))
    views: list[View] = []
    pool: dict[str, list[PoolEntry]] = defaultdict(list)
    listed_with: dict[str, set[str]] = defaultdict(set)
    seen: set[tuple[str, str]] = set()
    section_index = {s.id: s.index for s in doc.sections}
    for unit in units:
        for index, text in enumerate(unit.views()):
            phrases = tuple(find_phrases(text, ctx.keep_caps, ctx.lower_stems))
            views.append(View(unit, index, text, phrases))
            for phrase in phrases:
                if phrase.kind not in {"item", "object"}:
                    continue
                key = normalise(phrase.text)
                list_key = frozenset(normalise(t) for t in (phrase.text, *phrase.siblings))
                if (key, unit.sentence.id) in seen or re.search(r"['’]s\b", phrase.text):
                    continue
                if unit.problem or phrase.text.split(" ", 1)[0].lower() in _QUANTIFIERS:
                    continue
                if ctx.starts_with_name(phrase.text) and phrase.kind == "item":
                    continue  # a name ("Sweden"), not a thing of a type
                if not option_worthy(text, phrase) or phrase.text not in unit.sentence.text:
                    continue
                seen.add((key, unit.sentence.id))
                listed_with[key] |= list_key
                pool[phrase.cls].append(
                    PoolEntry(
                        phrase.text,
                        phrase.cls,
                        section_index[unit.section.id],
                        unit.sentence.id,
                        list_key,
                        content_set(phrase.text),
                        content_set(phrase.lead),
                        verb_form(phrase.text),
                        key,
                        len(words(phrase.text)),
                        is_plural(phrase.text),
                        _article(phrase.text),
                        topic_only(ctx, phrase.text),
                    )
                )
    frequency: dict[str, int] = defaultdict(int)
    for section in doc.sections:
        for sentence in section.sentences:
            for s in content_set(sentence.text):
                frequency[s] += 1
    return Analysis(
        doc,
        ctx,
        units,
        views,
        _term_lists(doc, ctx),
        dict(pool),
        {k: frozenset(v) for k, v in listed_with.items()},
        dict(frequency),
    )
