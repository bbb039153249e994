"""Merge a freshly generated bank into the instructor's bank without losing their work.

Rules (``tradequiz generate DOCUMENT --update BANK.yaml``):

- a generated question whose id is new is added as a draft;
- a question the instructor edited (content hash differs from its ``fingerprint``),
  approved or rejected stays as it is; only its ``source`` span follows the passage
  when the document moved it, so "show passage" keeps pointing at the right text;
- an untouched draft is refreshed with the generator's new wording;
- a generated question the generator no longer produces is kept as it is while its
  source passage (the explanation) is still in the document — the generator may just
  have drawn different distractors — and marked ``orphaned`` once the passage is gone,
  never deleted, so learners' review history stays attached;
- a question the instructor wrote by hand (no fingerprint) is never orphaned or changed;
- ids never change, and the file keeps its order: new questions go after their
  neighbour from the fresh generation.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from tradequiz.bank.model import Bank, Question, SourceSpan


@dataclass(frozen=True)
class MergeResult:
    bank: Bank
    added: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    revived: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.refreshed or self.orphaned or self.revived)

    def summary(self) -> str:
        return (
            f"{len(self.added)} added as drafts, {len(self.kept)} kept as edited/reviewed, "
            f"{len(self.refreshed)} drafts refreshed, {len(self.unchanged)} unchanged, "
            f"{len(self.orphaned)} orphaned"
            + (f", {len(self.revived)} back from orphaned" if self.revived else "")
        )


def _instructor_owned(q: Question) -> bool:
    return q.edited or q.status in ("approved", "rejected")


def _follow_source(old: Question, fresh: Question, document_text: str | None) -> Question:
    """``old`` with its source span moved to where its passage now is.

    The fresh generation's span is taken when both explain with the same passage; an
    instructor who pointed the question at another passage keeps it (found again in
    the new document when it moved).
    """
    if old.explanation.strip() != fresh.explanation.strip():
        return _passage_still_there(old, document_text) or old
    if old.source == fresh.source:
        return old
    was_edited = old.edited
    moved = replace(old, source=fresh.source)
    if not old.fingerprint:
        return moved
    # Keep "edited" exactly as it was: the move is bookkeeping, not an instructor's edit.
    return moved if was_edited else moved.with_fingerprint()


def _merge_one(
    old: Question, fresh: Question, result: MergeResult, document_text: str | None
) -> Question:
    if old.status == "orphaned":
        # The passage is back. Untouched → the fresh draft; edited → keep the edit, review again.
        result.revived.append(old.id)
        if old.edited:
            return replace(_follow_source(old, fresh, document_text), status="draft")
        return replace(fresh, status="draft", tags=old.tags)
    if _instructor_owned(old):
        result.kept.append(old.id)
        return _follow_source(old, fresh, document_text)
    if fresh.content_hash() == old.content_hash() and fresh.fingerprint == old.fingerprint:
        result.unchanged.append(old.id)
        return old
    result.refreshed.append(old.id)
    # Tags and difficulty are the instructor's bookkeeping even on a draft.
    return replace(fresh, status="draft", tags=old.tags or fresh.tags)


def _placed(
    old: list[Question],
    fresh: tuple[Question, ...],
    merged: dict[str, Question],
    added: list[Question],
) -> list[Question]:
    """Old order kept; each new question goes right after its predecessor in ``fresh``."""
    new_ids = {q.id for q in added}
    order = [q.id for q in old]
    after: dict[str | None, list[str]] = {}
    anchor: str | None = None
    for q in fresh:
        if q.id in new_ids:
            after.setdefault(anchor, []).append(q.id)
        anchor = q.id
    result: list[str] = []

    def emit(qid: str | None) -> None:
        for new_id in after.pop(qid, []):
            result.append(new_id)
            emit(new_id)

    # New questions with no predecessor open the file; the rest follow their anchor.
    emit(None)
    for qid in order:
        result.append(qid)
        emit(qid)
    return [merged[qid] for qid in result]


def _passage_still_there(q: Question, document_text: str | None) -> Question | None:
    """``q`` with its span moved to where its passage now is, or None when it is gone."""
    passage = q.explanation.strip()
    if document_text is None or not passage:
        return None
    start = document_text.find(passage)
    if start < 0:
        return None
    span = SourceSpan(start, start + len(passage))
    if q.source == span:
        return q
    moved = replace(q, source=span)
    return moved if q.edited or not q.fingerprint else moved.with_fingerprint()


def merge_banks(old: Bank, fresh: Bank, document_text: str | None = None) -> MergeResult:
    """Merge ``fresh`` (just generated) into ``old`` (the instructor's file) by the rules above.

    ``document_text`` is the new document: without it, every question the generator no
    longer produces counts as having lost its passage.
    """
    result = MergeResult(bank=old)
    fresh_by_id = {q.id: q for q in fresh.questions}
    merged: dict[str, Question] = {}
    for q in old.questions:
        if q.id in fresh_by_id:
            merged[q.id] = _merge_one(q, fresh_by_id[q.id], result, document_text)
        elif q.fingerprint and q.status != "orphaned":
            still = _passage_still_there(q, document_text)
            if still is not None:
                merged[q.id] = still
                (result.unchanged if still == q else result.kept).append(q.id)
            else:
                merged[q.id] = replace(q, status="orphaned")
                result.orphaned.append(q.id)
        else:
            merged[q.id] = q
            if q.status != "orphaned":
                result.kept.append(q.id)
    old_ids = {q.id for q in old.questions}
    added = [replace(q, status="draft") for q in fresh.questions if q.id not in old_ids]
    for q in added:
        merged[q.id] = q
        result.added.append(q.id)
    questions = _placed(list(old.questions), fresh.questions, merged, added)
    # Keep the sections orphaned questions still name, after the document's own.
    fresh_ids = {s.id for s in fresh.sections}
    needed = {q.section for q in questions}
    sections = fresh.sections + tuple(
        s for s in old.sections if s.id not in fresh_ids and s.id in needed
    )
    changed = (
        result.changed
        or sections != old.sections
        or fresh.source_sha256 != old.source_sha256
        or tuple(questions) != old.questions
    )
    bank = replace(
        old,
        version=old.version + 1 if changed else old.version,
        source=old.source or fresh.source,
        source_sha256=fresh.source_sha256,
        generator_version=fresh.generator_version,
        sections=sections,
        questions=tuple(questions),
    )
    return replace(result, bank=bank)
