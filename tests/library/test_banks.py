"""Adding a bank file an instructor sent, and updating it by question id with history kept."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.library.conftest import study
from tests.sample_documents import write_document
from tradequiz.app_context import LearnerContext, open_learner_store
from tradequiz.bank.model import Bank, Question
from tradequiz.bank.problems import BankError
from tradequiz.bank.yaml_io import load_bank, save_bank
from tradequiz.document.reader import read_document
from tradequiz.generate import generate_bank
from tradequiz.library import LibraryError, add_bank_file
from tradequiz.store import library
from tradequiz.store.cards import Scope, get_card

SHIPPED = Path(__file__).resolve().parents[2] / "question_bank"


def _instructor_bank(folder: Path) -> tuple[Path, Bank]:
    """A bank an instructor made with `tradequiz generate`, its document beside it."""
    source = write_document(folder / "canada-mexico.txt")
    bank = generate_bank(read_document(source), source_name="canada-mexico.txt")
    path = folder / "canada-mexico.yaml"
    save_bank(bank, path)
    return path, bank


def _history(learner: LearnerContext, qids: list[str]) -> dict[str, tuple[object, ...]]:
    rows = learner.store.db.execute(
        "SELECT q.qid, q.id, c.state, c.stability, c.due, c.reps,"
        " (SELECT count(*) FROM reviews r WHERE r.question_id = q.id)"
        " FROM questions q JOIN cards c ON c.question_id = q.id"
        f" WHERE q.qid IN ({','.join('?' * len(qids))})",
        qids,
    ).fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


def test_add_a_bank_file(learner: LearnerContext, now: datetime, tmp_path: Path) -> None:
    path, bank = _instructor_bank(tmp_path / "mail")
    added = add_bank_file(learner.store, learner.paths, path, now)
    assert added.previous_version is None and not added.up_to_date
    assert added.imported.added == len(bank.questions)
    # Copied into the library byte for byte, with the document beside it.
    assert added.bank_path.read_bytes() == path.read_bytes()
    assert (added.bank_path.parent / "canada-mexico.txt").exists()
    assert (
        library.source_text(learner.store.db, added.document_id)
        == read_document(tmp_path / "mail" / "canada-mexico.txt").text
    )
    again = add_bank_file(learner.store, learner.paths, path, now)
    assert again.up_to_date and again.document_id == added.document_id


def test_newer_version_updates_by_question_id_keeping_history(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    path, bank = _instructor_bank(tmp_path / "v1")
    first = add_bank_file(learner.store, learner.paths, path, now)
    reviewed = study(learner.store, Scope(document_id=first.document_id), now, 4)
    qid_of = {
        pk: learner.store.db.execute("SELECT qid FROM questions WHERE id=?", [pk]).fetchone()[0]
        for pk in reviewed
    }
    kept_qids = list(qid_of.values())
    before = _history(learner, kept_qids)
    assert all(h[-1] == 1 for h in before.values())  # each has its review

    # Version 2: one reviewed question reworded, one unreviewed question dropped, one new.
    edited_qid = kept_qids[0]
    dropped = next(q for q in bank.questions if q.id not in kept_qids)
    new_question = replace(bank.questions[-1], id="q-instructor-added", prompt="A new question?")
    questions: list[Question] = [
        replace(q, prompt=q.prompt + " (reworded)") if q.id == edited_qid else q
        for q in bank.questions
        if q.id != dropped.id
    ]
    v2 = replace(bank, version=2, questions=(*questions, new_question))
    folder = tmp_path / "v2"
    folder.mkdir()
    shutil.copy(tmp_path / "v1" / "canada-mexico.txt", folder)
    save_bank(v2, folder / "canada-mexico.yaml")

    later = now + timedelta(days=1)
    updated = add_bank_file(learner.store, learner.paths, folder / "canada-mexico.yaml", later)
    assert updated.document_id == first.document_id
    assert updated.previous_version == 1 and updated.version == 2
    assert (updated.imported.added, updated.imported.updated, updated.imported.orphaned) == (
        1,
        1,
        1,
    )
    # Every reviewed question keeps its row, its scheduling state and its reviews.
    assert _history(learner, kept_qids) == before
    edited_pk = before[edited_qid][0]
    assert isinstance(edited_pk, int)
    assert library.stored_question(learner.store.db, edited_pk).question.prompt.endswith(
        "(reworded)"
    )
    assert get_card(learner.store.db, edited_pk).state.reps == 1
    doc = next(d for d in library.documents(learner.store.db) if d.id == first.document_id)
    assert doc.bank_version == 2


def test_an_older_version_is_refused(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    path, bank = _instructor_bank(tmp_path / "v3")
    save_bank(replace(bank, version=3), path)
    add_bank_file(learner.store, learner.paths, path, now)
    old = tmp_path / "v2"
    shutil.copytree(tmp_path / "v3", old)
    save_bank(replace(bank, version=2), old / "canada-mexico.yaml")
    with pytest.raises(LibraryError, match=r"version 2 .* already has version 3; nothing"):
        add_bank_file(learner.store, learner.paths, old / "canada-mexico.yaml", now)


def test_an_update_without_its_document_reuses_the_stored_one(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    path, bank = _instructor_bank(tmp_path / "v1")
    first = add_bank_file(learner.store, learner.paths, path, now)
    lone = tmp_path / "only-the-bank" / "canada-mexico.yaml"
    lone.parent.mkdir()
    save_bank(replace(bank, version=2), lone)
    updated = add_bank_file(learner.store, learner.paths, lone, now)
    assert updated.previous_version == 1
    assert library.source_text(learner.store.db, first.document_id).startswith(
        "Canada–Mexico trade\n"
    )


def test_a_new_bank_without_its_document_is_an_error(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    path, _bank = _instructor_bank(tmp_path / "mail")
    (tmp_path / "mail" / "canada-mexico.txt").unlink()
    with pytest.raises(BankError, match=r"canada-mexico\.yaml:1:1: .*canada-mexico\.txt"):
        add_bank_file(learner.store, learner.paths, path, now)
    assert len(library.documents(learner.store.db)) == 1


def test_a_broken_bank_names_file_and_line(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    path, _bank = _instructor_bank(tmp_path / "mail")
    lines = path.read_text(encoding="utf-8").splitlines()
    kind_line = next(i for i, line in enumerate(lines) if line.strip().startswith("kind:"))
    lines[kind_line] = lines[kind_line].replace("kind:", "kind: [", 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(BankError) as info:
        add_bank_file(learner.store, learner.paths, path, now)
    assert f"{path}:" in str(info.value)
    assert len(library.documents(learner.store.db)) == 1


def test_a_shipped_bank_does_not_undo_an_instructor_update(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    shipped = load_bank(SHIPPED / "japan-us-trade.yaml").bank
    folder = tmp_path / "update"
    folder.mkdir()
    shutil.copy(SHIPPED / "japan-us-trade.txt", folder)
    newer = replace(shipped, version=shipped.version + 1, questions=shipped.questions[:-1])
    save_bank(newer, folder / "japan-us-trade.yaml")
    add_bank_file(learner.store, learner.paths, folder / "japan-us-trade.yaml", now)
    learner.store.close()
    for _ in range(2):  # the app starts again, twice
        reopened = open_learner_store(None, now + timedelta(days=1))
        doc = library.documents(reopened.store.db)
        reopened.store.close()
        assert [(d.bank_id, d.bank_version) for d in doc] == [(shipped.id, shipped.version + 1)]
    learner.store = open_learner_store(None, now).store
