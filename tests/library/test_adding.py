"""Adding documents to the library: generated bank, copies kept, no duplicates, clean failures."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from tests.sample_documents import document_text, write_document
from tradequiz.app_context import LearnerContext
from tradequiz.bank.yaml_io import load_bank
from tradequiz.document import read_document
from tradequiz.document.model import Document
from tradequiz.generate import GenerationResult, generate
from tradequiz.library import Cancelled, CancelToken, LibraryError, Step, add_document
from tradequiz.library import adding as adding_module
from tradequiz.store import library
from tradequiz.store.library import QUEUE_INACTIVE

SHIPPED = Path(__file__).resolve().parents[2] / "question_bank" / "japan-us-trade.txt"


def _counts(learner: LearnerContext) -> tuple[int, int, int]:
    db = learner.store.db
    return (
        db.execute("SELECT count(*) FROM documents").fetchone()[0],
        db.execute("SELECT count(*) FROM questions").fetchone()[0],
        db.execute("SELECT count(*) FROM cards").fetchone()[0],
    )


def test_add_generates_saves_copies_and_imports(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    source = write_document(tmp_path / "inbox" / "canada-mexico.txt")
    steps: list[Step] = []
    added = add_document(learner.store, learner.paths, source, now, report=steps.append)
    assert not added.duplicate
    assert [s.index for s in steps] == [1, 2, 3, 4, 5]
    assert all(s.total == 5 for s in steps)
    # The bank file and a copy of the document live in the profile's library folder.
    assert added.bank_path is not None
    assert added.bank_path.parent.parent == learner.paths.library
    copy = added.bank_path.parent / "canada-mexico.txt"
    assert copy.read_bytes() == source.read_bytes()
    bank = load_bank(added.bank_path).bank
    assert bank.source == "canada-mexico.txt"
    # What the database holds is what the bank file says.
    titles = {d.title for d in library.documents(learner.store.db)}
    assert titles == {"Japan–United States trade", "Canada–Mexico trade"}
    stored = learner.store.db.execute(
        "SELECT qid FROM questions WHERE document_id = ?", [added.document_id]
    ).fetchall()
    assert sorted(q for (q,) in stored) == sorted(q.id for q in bank.questions)
    assert added.summary is not None and added.summary.total == len(bank.studiable())
    # The generator's own rejections are counted by reason, as `tradequiz generate` prints.
    doc = read_document(source)
    expected = Counter(r.reason for r in generate(doc, source_name=source.name).rejected)
    assert added.summary.rejected == dict(expected) and expected
    section_titles = [s.title for s in library.sections(learner.store.db, added.document_id)]
    assert section_titles == ["Introduction", "Historical overview", "Main sectors", "Debates"]
    assert library.source_text(learner.store.db, added.document_id) == document_text()


def test_same_document_twice_is_not_duplicated(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    source = write_document(tmp_path / "a.txt")
    first = add_document(learner.store, learner.paths, source, now)
    before = _counts(learner)
    again = add_document(learner.store, learner.paths, source, now)
    # The same text under another name, with Windows line endings, is the same document.
    other = tmp_path / "elsewhere" / "renamed.txt"
    other.parent.mkdir()
    other.write_bytes(document_text().replace("\n", "\r\n").encode("utf-8"))
    renamed = add_document(learner.store, learner.paths, other, now)
    assert again.duplicate and renamed.duplicate
    assert again.document_id == renamed.document_id == first.document_id
    assert _counts(learner) == before
    assert sorted(p.name for p in learner.paths.library.iterdir()) == [first.bank_path.parent.name]  # type: ignore[union-attr]


def test_the_shipped_document_is_recognised(learner: LearnerContext, now: datetime) -> None:
    before = _counts(learner)
    added = add_document(learner.store, learner.paths, SHIPPED, now)
    assert added.duplicate
    assert added.title == "Japan–United States trade"
    assert _counts(learner) == before


def test_a_different_document_with_the_same_title_is_kept_apart(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    one = add_document(learner.store, learner.paths, write_document(tmp_path / "1.txt"), now)
    other_text = write_document(tmp_path / "2.txt", intro="A second edition with other words.")
    two = add_document(learner.store, learner.paths, other_text, now)
    assert not two.duplicate and two.document_id != one.document_id
    ids = [d.bank_id for d in library.documents(learner.store.db)]
    assert len(set(ids)) == 3
    assert ids[2] == f"{ids[1]}-2"
    # The first document's questions were not touched by the second.
    assert (
        learner.store.db.execute(
            "SELECT count(*) FROM cards WHERE document_id = ? AND queue = ?",
            [one.document_id, QUEUE_INACTIVE],
        ).fetchone()[0]
        == 0
    )


def test_cancel_before_generation_writes_nothing(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    token = CancelToken()
    token.cancel()
    before = _counts(learner)
    with pytest.raises(Cancelled):
        add_document(learner.store, learner.paths, write_document(tmp_path / "d.txt"), now,
                     cancel=token)  # fmt: skip
    assert _counts(learner) == before
    assert not learner.paths.library.exists() or not any(learner.paths.library.iterdir())


def test_cancel_while_generating_writes_nothing(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    token = CancelToken()

    def report(step: Step) -> None:
        if step.index == 3:  # the learner presses Cancel while questions are generated
            token.cancel()

    before = _counts(learner)
    with pytest.raises(Cancelled):
        add_document(learner.store, learner.paths, write_document(tmp_path / "d.txt"), now,
                     report=report, cancel=token)  # fmt: skip
    assert _counts(learner) == before
    assert not learner.paths.library.exists() or not any(learner.paths.library.iterdir())


def test_a_failed_import_leaves_no_files(
    learner: LearnerContext, now: datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(adding_module, "import_bank", broken)
    before = _counts(learner)
    with pytest.raises(OSError, match="disk full"):
        add_document(learner.store, learner.paths, write_document(tmp_path / "d.txt"), now)
    assert _counts(learner) == before
    assert list(learner.paths.library.iterdir()) == []


def test_wrong_kind_of_file_is_a_clear_error(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    pdf = tmp_path / "reading.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    with pytest.raises(LibraryError, match=r"reading\.pdf.*\.txt"):
        add_document(learner.store, learner.paths, pdf, now)


def test_a_document_without_questions_is_refused(
    learner: LearnerContext, now: datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = generate

    def nothing(doc: Document, source_name: str) -> GenerationResult:
        result = real(doc, source_name=source_name)
        return replace(result, bank=replace(result.bank, questions=()))

    monkeypatch.setattr(adding_module, "generate", nothing)
    thin = write_document(tmp_path / "thin.txt")
    before = _counts(learner)
    with pytest.raises(LibraryError, match=r"thin\.txt: no questions"):
        add_document(learner.store, learner.paths, thin, now)
    assert _counts(learner) == before
