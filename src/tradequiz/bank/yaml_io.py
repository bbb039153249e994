"""Read and write bank files (YAML) without surprising the instructor who edits them.

Loading is strict and safe: every plain scalar is read as text (so ``no``,
``off``, ``3.10`` and dates stay text), typed fields are converted explicitly
with a FILE:LINE:COL message when they are wrong, and anchors, aliases and
tags are refused before anything is built (no alias bombs, no custom tags).

Saving goes back through the round-trip tree that was loaded, so comments,
key order and formatting of untouched entries survive; the file is replaced
atomically so a crash never leaves half a bank.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, NodeEvent, ScalarEvent
from ruamel.yaml.nodes import MappingNode, ScalarNode
from ruamel.yaml.resolver import VersionedResolver

from tradequiz.bank.model import (
    FORMAT,
    KINDS,
    STATUSES,
    Bank,
    BankSection,
    Choice,
    Pair,
    Question,
    SourceSpan,
)
from tradequiz.bank.problems import BankError, Problem
from tradequiz.files import atomic_write_text

MAX_BANK_BYTES = 50 * 1024 * 1024
# A bank is a few levels deep; refuse pathological nesting before Python's stack does.
MAX_DEPTH = 32
SCHEMA_COMMENT = "# yaml-language-server: $schema=../resources/schema/bank.schema.json"


class _TextResolver(VersionedResolver):
    """Resolve every plain scalar as a string: types are decided by the schema, not by YAML."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return self.DEFAULT_SCALAR_TAG
        return super().resolve(kind, value, implicit)


def _reader() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Resolver = _TextResolver
    yaml.Composer = _StrictComposer
    yaml.allow_duplicate_keys = False
    return yaml


def _writer() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    # Long lines rather than folded ones: a question stays on few lines and diffs stay small.
    yaml.width = 4096
    yaml.allow_unicode = True
    return yaml


@dataclass
class LoadedBank:
    """A bank and the round-trip tree it came from (for saving with comments kept)."""

    bank: Bank
    path: Path
    tree: CommentedMap
    # "questions.3.prompt" → (line, col), 1-based, for messages about a field.
    locations: dict[str, tuple[int, int]] = field(default_factory=dict)
    warnings: list[Problem] = field(default_factory=list)

    def where(self, key: str) -> tuple[int, int]:
        while key:
            if key in self.locations:
                return self.locations[key]
            key = key.rpartition(".")[0]
        return (1, 1)


class _Refused(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        self.message = message


class _StrictComposer(Composer):
    """Refuse what a bank never needs while composing (one pass over the text): anchors,
    aliases, explicit tags, a list or mapping used as a key, and deep nesting (which
    would otherwise end in a RecursionError after a long wait)."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        mark = event.start_mark
        if isinstance(event, AliasEvent):
            raise _Refused(mark, "aliases (*name) are not allowed")
        if isinstance(event, NodeEvent) and event.anchor:
            raise _Refused(mark, "anchors (&name) are not allowed")
        tag = getattr(event, "tag", None)
        if tag is not None and not (isinstance(event, ScalarEvent) and str(tag) == "!"):
            raise _Refused(mark, f"tags ({tag}) are not allowed")
        if isinstance(event, CollectionStartEvent):
            # compose_mapping_node composes each key with index None.
            if isinstance(parent, MappingNode) and index is None:
                raise _Refused(mark, "a key must be plain text, not a list or mapping")
            if self._depth >= MAX_DEPTH:
                raise _Refused(mark, f"nested deeper than {MAX_DEPTH} levels")
            self._depth += 1
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1
        return super().compose_node(parent, index)


def parse_tree(text: str, path: str, reader: YAML | None = None) -> CommentedMap:
    """The round-trip tree of a bank file; ``reader`` replaces the strict text-only reader."""
    try:
        tree = (reader or _reader()).load(text)
    except _Refused as exc:
        raise BankError([Problem(path, exc.where[0], exc.where[1], exc.message)]) from exc
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise BankError([Problem(path, line, col, f"YAML: {exc.problem}")]) from exc
    except YAMLError as exc:
        raise BankError([Problem(path, 1, 1, f"YAML: {exc}")]) from exc
    except RecursionError as exc:
        raise BankError([Problem(path, 1, 1, "nested too deeply")]) from exc
    if not isinstance(tree, CommentedMap):
        raise BankError([Problem(path, 1, 1, "a bank file must be a mapping with 'questions'")])
    return tree


class _Converter:
    """Turn the text-only tree into typed values, collecting every problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.locations: dict[str, tuple[int, int]] = {}

    def _loc(self, node: Any, key: Any) -> tuple[int, int]:
        try:
            if isinstance(node, CommentedMap):
                if key not in node:
                    return (int(node.lc.line) + 1, int(node.lc.col) + 1)
                # A list or mapping is reported at its key: its value starts on the next line.
                nested = isinstance(node[key], CommentedMap | CommentedSeq)
                line, col = node.lc.key(key) if nested else node.lc.value(key)
                return (int(line) + 1, int(col) + 1)
            if isinstance(node, CommentedSeq):
                line, col = node.lc.item(key)
                return (int(line) + 1, int(col) + 1)
        except (AttributeError, KeyError, IndexError, TypeError):
            pass
        return (1, 1)

    def error(self, where: tuple[int, int], message: str) -> None:
        self.problems.append(Problem(self.path, where[0], where[1], message))

    def text(self, node: CommentedMap, key: str, dotted: str, required: bool = True) -> str:
        where = self._loc(node, key)
        self.locations[dotted] = where
        if key not in node or node[key] is None:
            if required:
                self.error(self._loc(node, None), f"'{dotted}' is required")
            return ""
        value = node[key]
        if not isinstance(value, str):
            self.error(where, f"'{dotted}' must be text")
            return ""
        return value

    def boolean(self, node: CommentedMap, key: str, dotted: str, default: bool) -> bool:
        where = self._loc(node, key)
        self.locations[dotted] = where
        if key not in node:
            return default
        value = node[key]
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value in ("true", "false"):
            node[key] = value == "true"
            return value == "true"
        self.error(where, f"'{dotted}' must be true or false, not {value!r}")
        return default

    def integer(self, node: CommentedMap, key: str, dotted: str, default: int) -> int:
        where = self._loc(node, key)
        self.locations[dotted] = where
        if key not in node:
            return default
        value = node[key]
        if isinstance(value, bool):
            self.error(where, f"'{dotted}' must be a whole number")
            return default
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.lstrip("-").isdigit() and len(value) < 19:
            node[key] = int(value)
            return int(value)
        self.error(where, f"'{dotted}' must be a whole number, not {value!r}")
        return default

    def number(self, node: CommentedMap, key: str, dotted: str, default: float) -> float:
        where = self._loc(node, key)
        self.locations[dotted] = where
        if key not in node:
            return default
        value = node[key]
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        try:
            result = float(str(value))
        except ValueError:
            self.error(where, f"'{dotted}' must be a number, not {value!r}")
            return default
        node[key] = result
        return result

    def texts(self, node: CommentedMap, key: str, dotted: str) -> tuple[str, ...]:
        self.locations[dotted] = self._loc(node, key)
        value = node.get(key)
        if value is None:
            return ()
        if not isinstance(value, CommentedSeq):
            self.error(self._loc(node, key), f"'{dotted}' must be a list")
            return ()
        result = []
        for i, item in enumerate(value):
            self.locations[f"{dotted}.{i}"] = self._loc(value, i)
            if not isinstance(item, str):
                self.error(self._loc(value, i), f"'{dotted}[{i}]' must be text")
                continue
            result.append(item)
        return tuple(result)

    def maps(self, node: CommentedMap, key: str, dotted: str) -> Iterator[tuple[int, CommentedMap]]:
        self.locations[dotted] = self._loc(node, key)
        value = node.get(key)
        if value is None:
            return
        if not isinstance(value, CommentedSeq):
            self.error(self._loc(node, key), f"'{dotted}' must be a list")
            return
        for i, item in enumerate(value):
            self.locations[f"{dotted}.{i}"] = self._loc(value, i)
            if not isinstance(item, CommentedMap):
                self.error(self._loc(value, i), f"'{dotted}[{i}]' must be a mapping")
                continue
            yield i, item

    def question(self, node: CommentedMap, dotted: str) -> Question | None:
        before = len(self.problems)
        qid = self.text(node, "id", f"{dotted}.id")
        kind = self.text(node, "kind", f"{dotted}.kind")
        if kind and kind not in KINDS:
            self.error(
                self._loc(node, "kind"), f"unknown kind {kind!r} (one of: {', '.join(KINDS)})"
            )
        status = self.text(node, "status", f"{dotted}.status", required=False) or "draft"
        if status not in STATUSES:
            self.error(
                self._loc(node, "status"),
                f"unknown status {status!r} (one of: {', '.join(STATUSES)})",
            )
        choices = []
        for i, c in self.maps(node, "choices", f"{dotted}.choices"):
            cd = f"{dotted}.choices.{i}"
            choices.append(
                Choice(
                    text=self.text(c, "text", f"{cd}.text"),
                    correct=self.boolean(c, "correct", f"{cd}.correct", False),
                    feedback=self.text(c, "feedback", f"{cd}.feedback", required=False),
                )
            )
        pairs = [
            Pair(
                self.text(p, "left", f"{dotted}.pairs.{i}.left"),
                self.text(p, "right", f"{dotted}.pairs.{i}.right"),
            )
            for i, p in self.maps(node, "pairs", f"{dotted}.pairs")
        ]
        truth: bool | None = None
        if "truth" in node:
            truth = self.boolean(node, "truth", f"{dotted}.truth", False)
        source = None
        if "source" in node:
            src = node["source"]
            if isinstance(src, CommentedMap):
                source = SourceSpan(
                    self.integer(src, "start", f"{dotted}.source.start", 0),
                    self.integer(src, "end", f"{dotted}.source.end", 0),
                )
            else:
                self.error(self._loc(node, "source"), f"'{dotted}.source' needs start and end")
        known = {
            "id", "kind", "section", "prompt", "choices", "truth", "answers", "pairs", "items",
            "explanation", "source", "difficulty", "generator", "status", "tags", "fingerprint",
        }  # fmt: skip
        for key in node:
            if key not in known:
                self.problems.append(
                    Problem(self.path, *self._loc(node, key), f"unknown field {key!r}", "warning")
                )
        question = Question(
            id=qid,
            kind=kind,  # type: ignore[arg-type]
            section=self.text(node, "section", f"{dotted}.section"),
            prompt=self.text(node, "prompt", f"{dotted}.prompt"),
            choices=tuple(choices),
            truth=truth,
            answers=self.texts(node, "answers", f"{dotted}.answers"),
            pairs=tuple(pairs),
            items=self.texts(node, "items", f"{dotted}.items"),
            explanation=self.text(node, "explanation", f"{dotted}.explanation", required=False),
            source=source,
            difficulty=self.number(node, "difficulty", f"{dotted}.difficulty", 0.5),
            generator=self.text(node, "generator", f"{dotted}.generator", required=False),
            status=status,  # type: ignore[arg-type]
            tags=self.texts(node, "tags", f"{dotted}.tags"),
            fingerprint=self.text(node, "fingerprint", f"{dotted}.fingerprint", required=False),
        )
        return question if len(self.problems) == before or self._only_warnings(before) else None

    def _only_warnings(self, since: int) -> bool:
        return all(p.severity == "warning" for p in self.problems[since:])

    def bank(self, tree: CommentedMap) -> Bank:
        fmt = self.text(tree, "format", "format")
        if fmt and fmt != FORMAT:
            self.error(self._loc(tree, "format"), f"unsupported format {fmt!r} (expected {FORMAT})")
        info = tree.get("bank")
        if not isinstance(info, CommentedMap):
            self.error(self._loc(tree, "bank"), "'bank' must be a mapping with id, title, source")
            info = CommentedMap()
        sections = tuple(
            BankSection(
                id=self.text(s, "id", f"sections.{i}.id"),
                title=self.text(s, "title", f"sections.{i}.title"),
                start=self.integer(s, "start", f"sections.{i}.start", 0),
                end=self.integer(s, "end", f"sections.{i}.end", 0),
            )
            for i, s in self.maps(tree, "sections", "sections")
        )
        if "questions" not in tree:
            self.error((1, 1), "'questions' is required")
        questions = []
        for i, q in self.maps(tree, "questions", "questions"):
            question = self.question(q, f"questions.{i}")
            if question is not None:
                questions.append(question)
        meta = info.get("meta")
        return Bank(
            id=self.text(info, "id", "bank.id"),
            title=self.text(info, "title", "bank.title"),
            version=self.integer(info, "version", "bank.version", 1),
            source=self.text(info, "source", "bank.source", required=False),
            source_sha256=self.text(info, "source_sha256", "bank.source_sha256", required=False),
            approved_only=self.boolean(info, "approved_only", "bank.approved_only", False),
            generator_version=self.text(
                info, "generator_version", "bank.generator_version", required=False
            ),
            sections=sections,
            questions=tuple(questions),
            meta={str(k): str(v) for k, v in meta.items()} if isinstance(meta, dict) else {},
        )


def parse_bank(text: str, path: str = "<bank>") -> LoadedBank:
    """Parse bank text; raises BankError listing every structural problem."""
    return convert_tree(parse_tree(text, path), path)


def convert_tree(tree: CommentedMap, path: str) -> LoadedBank:
    """Typed bank from a parsed tree; raises BankError listing every structural problem."""
    converter = _Converter(path)
    bank = converter.bank(tree)
    errors = [p for p in converter.problems if p.severity == "error"]
    if errors:
        raise BankError(converter.problems)
    warnings = [p for p in converter.problems if p.severity == "warning"]
    return LoadedBank(bank, Path(path), tree, converter.locations, warnings)


def read_bank_text(path: Path) -> str:
    try:
        size = path.stat().st_size
        if size > MAX_BANK_BYTES:
            raise BankError([Problem(str(path), 1, 1, "the bank is larger than 50 MB")])
        data = path.read_bytes()
    except OSError as exc:
        raise BankError([Problem(str(path), 1, 1, f"cannot read: {exc.strerror}")]) from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise BankError([Problem(str(path), 1, 1, "invalid UTF-16 text")]) from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - data.rfind(b"\n", 0, exc.start)
        raise BankError([Problem(str(path), line, col, "the file is not valid UTF-8")]) from exc
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise BankError([Problem(str(path), line, 1, "the file contains a NUL character")])
    return text.replace("\r\n", "\n")


def load_bank(path: str | os.PathLike[str]) -> LoadedBank:
    path = Path(path)
    return parse_bank(read_bank_text(path), str(path))


# --- writing -----------------------------------------------------------------


def _flow(mapping: dict[str, Any]) -> CommentedMap:
    node = CommentedMap(mapping)
    node.fa.set_flow_style()
    return node


def question_to_map(q: Question) -> CommentedMap:
    """The canonical mapping of a question, empty fields left out."""
    node = CommentedMap()
    node["id"] = q.id
    node["kind"] = q.kind
    node["section"] = q.section
    node["status"] = q.status
    node["prompt"] = q.prompt
    if q.choices:
        seq = CommentedSeq()
        for c in q.choices:
            item = CommentedMap()
            item["text"] = c.text
            if c.correct:
                item["correct"] = True
            if c.feedback:
                item["feedback"] = c.feedback
            seq.append(item)
        node["choices"] = seq
    if q.truth is not None:
        node["truth"] = q.truth
    if q.answers:
        node["answers"] = CommentedSeq(q.answers)
    if q.pairs:
        node["pairs"] = CommentedSeq(_flow({"left": p.left, "right": p.right}) for p in q.pairs)
        for item in node["pairs"]:
            item.fa.set_block_style()
    if q.items:
        node["items"] = CommentedSeq(q.items)
    if q.explanation:
        node["explanation"] = q.explanation
    if q.source is not None:
        node["source"] = _flow({"start": q.source.start, "end": q.source.end})
    node["difficulty"] = round(q.difficulty, 2)
    if q.generator:
        node["generator"] = q.generator
    if q.tags:
        node["tags"] = _flow_seq(q.tags)
    if q.fingerprint:
        node["fingerprint"] = q.fingerprint
    return node


def _flow_seq(values: tuple[str, ...]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _update_map(node: CommentedMap, fresh: CommentedMap) -> None:
    """Change only the keys whose values differ, keeping order and comments of the rest."""
    for key in list(node):
        if key not in fresh:
            del node[key]
    for key, value in fresh.items():
        if key not in node or _plain(node[key]) != _plain(value):
            node[key] = value


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 6)
    return value


def bank_to_tree(bank: Bank, template: CommentedMap | None = None) -> CommentedMap:
    """Build (or update in place) the round-trip tree for ``bank``."""
    tree = template if template is not None else CommentedMap()
    if template is None:
        tree.yaml_set_start_comment(SCHEMA_COMMENT.lstrip("# "))
    tree["format"] = FORMAT
    info = tree.get("bank")
    if not isinstance(info, CommentedMap):
        info = CommentedMap()
        tree["bank"] = info
    fresh_info = CommentedMap()
    fresh_info["id"] = bank.id
    fresh_info["title"] = bank.title
    fresh_info["version"] = bank.version
    fresh_info["source"] = bank.source
    if bank.source_sha256:
        fresh_info["source_sha256"] = bank.source_sha256
    fresh_info["approved_only"] = bank.approved_only
    if bank.generator_version:
        fresh_info["generator_version"] = bank.generator_version
    if bank.meta:
        fresh_info["meta"] = CommentedMap(bank.meta)
    _update_map(info, fresh_info)
    sections = CommentedSeq()
    for s in bank.sections:
        sections.append(_flow({"id": s.id, "title": s.title, "start": s.start, "end": s.end}))
    if _plain(tree.get("sections")) != _plain(sections):
        tree["sections"] = sections
    existing = tree.get("questions")
    by_id: dict[str, CommentedMap] = {}
    if isinstance(existing, CommentedSeq):
        by_id = {str(n.get("id")): n for n in existing if isinstance(n, CommentedMap)}
    else:
        existing = CommentedSeq()
        tree["questions"] = existing
    wanted = [q.id for q in bank.questions]
    keep = set(wanted)
    for i in range(len(existing) - 1, -1, -1):
        node = existing[i]
        if not isinstance(node, CommentedMap) or str(node.get("id")) not in keep:
            del existing[i]
    for q in bank.questions:
        fresh = question_to_map(q)
        if q.id in by_id:
            _update_map(by_id[q.id], fresh)
        else:
            existing.append(fresh)
    # Keep the bank's order: sort the sequence by the bank's question order.
    order = {qid: i for i, qid in enumerate(wanted)}
    current = [str(n.get("id")) for n in existing]
    if current != wanted:
        items = sorted(existing, key=lambda n: order[str(n.get("id"))])
        existing.clear()
        existing.extend(items)
    return tree


def dump_bank(bank: Bank, template: CommentedMap | None = None) -> str:
    stream = io.StringIO()
    _writer().dump(bank_to_tree(bank, template), stream)
    return stream.getvalue()


def save_bank(
    bank: Bank, path: str | os.PathLike[str], template: CommentedMap | None = None
) -> None:
    atomic_write_text(Path(path), dump_bank(bank, template))
