"""Regenerating a bank after the document changed, as an instructor does it on disk."""

from __future__ import annotations

import re
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from tradequiz.bank.merge import merge_banks
from tradequiz.bank.model import Bank, Question, SourceSpan
from tradequiz.bank.validate import validate_file
from tradequiz.bank.yaml_io import load_bank
from tradequiz.cli import main

SOURCE = Path(__file__).resolve().parents[2] / "question_bank" / "japan-us-trade.txt"
DIGITAL = "Digital trade and services: Agreements covering"
NEW_ITEM = (
    "Energy and climate cooperation: Joint investment in LNG, hydrogen and grid technology "
    "ties the two economies' energy security together.\n"
)


def _block(text: str, qid: str) -> str:
    """The exact YAML text of one question entry."""
    start = text.index(f"  - id: {qid}\n")
    following = text.find("\n  - id: ", start + 1)
    return text[start : following if following != -1 else len(text)]


@pytest.fixture
def generated(tmp_path: Path) -> tuple[Path, Path]:
    doc = tmp_path / "japan-us-trade.txt"
    shutil.copy(SOURCE, doc)
    bank = tmp_path / "bank.yaml"
    assert main(["generate", str(doc), "-o", str(bank)]) == 0
    return doc, bank


def test_update_keeps_instructor_work_and_orphans_lost_passages(
    generated: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    doc, bank_path = generated
    before = load_bank(bank_path).bank
    mcqs = [q for q in before.questions if q.kind == "multiple_choice"]
    cards = [q for q in before.questions if q.kind == "flashcard"]
    digital = [q for q in before.questions if "Digital trade" in q.explanation[:40]]
    assert digital, "the document's Digital trade item should have produced questions"
    keep_ids = {q.id for q in digital}
    edited, approved, rejected = (
        next(q for q in mcqs if q.id not in keep_ids),
        next(q for q in cards if q.id not in keep_ids),
        [q for q in mcqs if q.id not in keep_ids][1],
    )
    # The instructor edits by hand: a comment, a reworded prompt, an approval, a rejection.
    text = bank_path.read_text()
    text = text.replace("questions:\n", "questions:\n  # Reviewed by Ms Tanaka, week 3\n", 1)
    block = _block(text, edited.id)
    new_block = re.sub(r"    prompt: .*?\n    choices:", "    prompt: Which element of the "
                       "framework covers fair access to markets?\n    choices:", block,
                       flags=re.S)  # fmt: skip
    text = text.replace(block, new_block)
    for q, status in ((approved, "approved"), (rejected, "rejected")):
        block = _block(text, q.id)
        text = text.replace(block, block.replace("status: draft", f"status: {status}"))
    bank_path.write_text(text)
    instructor_blocks = {q.id: _block(text, q.id) for q in (edited, approved, rejected)}

    # The document changes: one list item goes, a new one arrives.
    source = doc.read_text()
    lines = [ln for ln in source.splitlines(keepends=True) if not ln.startswith(DIGITAL)]
    index = next(i for i, ln in enumerate(lines) if ln.startswith("Intellectual property"))
    lines.insert(index + 1, NEW_ITEM)
    doc.write_text("".join(lines))

    capsys.readouterr()
    assert main(["generate", str(doc), "--update", str(bank_path)]) == 0
    out = capsys.readouterr().out
    after_text = bank_path.read_text()
    after = load_bank(bank_path).bank
    by_id = {q.id: q for q in after.questions}

    assert "# Reviewed by Ms Tanaka, week 3" in after_text
    for qid, block in instructor_blocks.items():
        # Edited, approved and rejected entries keep their text, except where the span moved.
        strip = re.compile(r"    source: \{start: \d+, end: \d+\}\n|    fingerprint: \w+\n")
        assert strip.sub("", _block(after_text, qid)) == strip.sub("", block)
    assert by_id[edited.id].prompt.startswith("Which element of the framework")
    assert by_id[edited.id].edited
    assert by_id[approved.id].status == "approved" and not by_id[approved.id].edited
    assert by_id[rejected.id].status == "rejected"
    for qid in keep_ids:
        assert by_id[qid].status == "orphaned"
    added = [q for q in after.questions if q.id not in {b.id for b in before.questions}]
    assert added and all(q.status == "draft" for q in added)
    assert any("Energy and climate cooperation" in q.explanation for q in added)
    assert {q.id for q in before.questions} <= set(by_id)
    assert after.version == before.version + 1
    # Questions built from the lost item (a matching set may use it too) are all orphaned.
    orphaned = {q.id for q in after.questions if q.status == "orphaned"}
    assert keep_ids <= orphaned
    for qid in orphaned:
        seen = repr(by_id[qid].content())
        assert "Digital trade" in seen or "data flows" in seen, seen
    assert f"{len(added)} added as drafts" in out and f"{len(orphaned)} orphaned" in out
    # The merged bank is valid against the new document.
    assert validate_file(bank_path).errors == []
    # Source spans of kept questions point at their passage in the new document.
    new_text = doc.read_text()
    approved_after = by_id[approved.id]
    assert approved_after.source is not None
    passage = new_text[approved_after.source.start : approved_after.source.end]
    assert passage and passage in approved.explanation


def test_update_twice_changes_nothing(generated: tuple[Path, Path]) -> None:
    doc, bank_path = generated
    assert main(["generate", str(doc), "--update", str(bank_path)]) == 0
    first = bank_path.read_text()
    assert main(["generate", str(doc), "--update", str(bank_path)]) == 0
    assert bank_path.read_text() == first
    assert load_bank(bank_path).bank.version == 1


def _q(qid: str, **changes: object) -> Question:
    base = Question(id=qid, kind="flashcard", section="s", prompt=f"P {qid}", answers=("A",),
                    generator="g").with_fingerprint()  # fmt: skip
    return replace(base, **changes)  # type: ignore[arg-type]


def _bank(*questions: Question) -> Bank:
    return Bank(id="b", title="B", version=1, source="d.txt", questions=questions)


def test_merge_rules_one_by_one() -> None:
    hand_written = replace(_q("mine"), fingerprint="", generator="")
    draft = _q("draft")
    old = _bank(hand_written, draft, _q("gone"), _q("gone-edited", prompt="Edited"),
                replace(_q("back"), status="orphaned"))  # fmt: skip
    fresh = _bank(_q("new-first"), replace(_q("draft"), prompt="Better wording").with_fingerprint(),
                  _q("new-after-draft"), _q("back"))  # fmt: skip
    result = merge_banks(old, fresh)
    ids = [q.id for q in result.bank.questions]
    assert ids == ["new-first", "mine", "draft", "new-after-draft", "gone", "gone-edited", "back"]
    by_id = {q.id: q for q in result.bank.questions}
    assert by_id["mine"] == hand_written
    assert by_id["draft"].prompt == "Better wording" and by_id["draft"].status == "draft"
    assert by_id["gone"].status == "orphaned"
    assert by_id["gone-edited"].status == "orphaned" and by_id["gone-edited"].prompt == "Edited"
    assert by_id["back"].status == "draft"
    assert sorted(result.added) == ["new-after-draft", "new-first"]
    assert result.orphaned == ["gone", "gone-edited"]
    assert result.refreshed == ["draft"]
    assert result.revived == ["back"]


def test_a_question_whose_passage_remains_is_not_orphaned() -> None:
    """The generator may stop producing a question (other distractors drawn, say) while
    the passage it tests is still in the document: it stays, with its span updated."""
    text = "Intro line.\nTariffs are taxes on imports.\n"
    kept = _q("kept", explanation="Tariffs are taxes on imports.").with_fingerprint()
    gone = _q("gone", explanation="Quotas limit imports.").with_fingerprint()
    result = merge_banks(_bank(kept, gone), _bank(), document_text=text)
    by_id = {q.id: q for q in result.bank.questions}
    assert by_id["kept"].status == "draft"
    assert by_id["kept"].source == SourceSpan(12, 41)
    assert not by_id["kept"].edited
    assert by_id["gone"].status == "orphaned"
    assert result.orphaned == ["gone"]


def test_an_instructor_reaimed_question_keeps_its_passage() -> None:
    """An approved question the instructor pointed at another passage keeps that passage."""
    text = "Intro.\nTariffs are taxes on imports.\nQuotas limit imports.\n"
    generated = _q("q", explanation="Tariffs are taxes on imports.", source=SourceSpan(7, 36))
    generated = generated.with_fingerprint()
    reaimed = replace(generated, explanation="Quotas limit imports.", status="approved",
                      source=SourceSpan(37, 58))  # fmt: skip
    result = merge_banks(_bank(reaimed), _bank(generated), document_text=text)
    merged = result.bank.questions[0]
    assert merged.explanation == "Quotas limit imports."
    assert merged.source == SourceSpan(37, 58)
    assert text[37:58] == "Quotas limit imports."
