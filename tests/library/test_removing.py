"""Removing a document: its history goes into a backup and comes back on undo."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.library.conftest import study
from tests.sample_documents import write_document
from tradequiz.app_context import LearnerContext, open_learner_store
from tradequiz.library import LibraryError, add_document, remove_document, undo_removal
from tradequiz.store import library
from tradequiz.store.backup import quick_check
from tradequiz.store.cards import Scope
from tradequiz.store.connection import StoreError


def _snapshot(learner: LearnerContext, bank_id: str) -> dict[str, object]:
    """Everything about one document, by stable ids (row ids may change on restore)."""
    db = learner.store.db
    doc = db.execute(
        "SELECT title, source_text, bank_version FROM documents WHERE bank_id=?", [bank_id]
    ).fetchone()
    cards = db.execute(
        "SELECT q.qid, q.body, s.key, c.queue, c.state, c.stability, c.due, c.reps"
        " FROM questions q JOIN cards c ON c.question_id = q.id"
        " JOIN sections s ON s.id = q.section_id JOIN documents d ON d.id = q.document_id"
        " WHERE d.bank_id = ? ORDER BY q.qid",
        [bank_id],
    ).fetchall()
    reviews = db.execute(
        "SELECT q.qid, r.reviewed_at, r.rating, r.state_before, r.due_after FROM reviews r"
        " JOIN questions q ON q.id = r.question_id JOIN documents d ON d.id = q.document_id"
        " WHERE d.bank_id = ? ORDER BY r.reviewed_at, q.qid",
        [bank_id],
    ).fetchall()
    return {"doc": doc, "cards": cards, "reviews": reviews}


def _shipped_id(learner: LearnerContext) -> tuple[int, str]:
    doc = library.documents(learner.store.db)[0]
    return doc.id, doc.bank_id


def test_remove_keeps_history_in_a_backup_and_undo_restores_it(
    learner: LearnerContext, now: datetime
) -> None:
    document_id, bank_id = _shipped_id(learner)
    study(learner.store, Scope(document_id=document_id), now, 3)
    before = _snapshot(learner, bank_id)
    assert len(before["reviews"]) == 3  # type: ignore[arg-type]

    removal = remove_document(learner.store, learner.paths, document_id, now)
    db = learner.store.db
    assert library.documents(db) == []
    assert db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM cards").fetchone()[0] == 0
    # The backup is sound and holds the reviews.
    assert removal.backup.parent == learner.paths.backups and quick_check(removal.backup)
    with sqlite3.connect(removal.backup) as conn:
        assert conn.execute("SELECT count(*) FROM reviews").fetchone()[0] == 3

    restored = undo_removal(learner.store, removal)
    assert [d.id for d in library.documents(db)] == [restored]
    assert _snapshot(learner, bank_id) == before
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # The progress summaries are rebuilt from the restored reviews, not copied twice.
    stats = db.execute("SELECT sum(reviews) FROM question_stats").fetchone()[0]
    assert stats == 3


def test_a_removed_shipped_document_stays_removed(learner: LearnerContext, now: datetime) -> None:
    document_id, _bank_id = _shipped_id(learner)
    remove_document(learner.store, learner.paths, document_id, now)
    learner.store.close()
    for day in (1, 2):
        reopened = open_learner_store(None, now + timedelta(days=day))
        assert library.documents(reopened.store.db) == []
        reopened.store.close()
    learner.store = open_learner_store(None, now).store


def test_undo_after_new_rows_took_the_old_ids(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    added = add_document(learner.store, learner.paths, write_document(tmp_path / "a.txt"), now)
    bank_id = next(d.bank_id for d in library.documents(learner.store.db)
                   if d.id == added.document_id)  # fmt: skip
    study(learner.store, Scope(document_id=added.document_id), now, 2)
    before = _snapshot(learner, bank_id)
    removal = remove_document(learner.store, learner.paths, added.document_id, now)
    assert removal.files_kept is not None and removal.files_kept.is_dir()
    assert not (learner.paths.library / bank_id).exists()
    # Another document is added meanwhile: SQLite hands it the freed row ids.
    other = add_document(
        learner.store, learner.paths, write_document(tmp_path / "b.txt", "Chile–Peru trade"), now
    )
    assert other.document_id == added.document_id
    other_bank = library.documents(learner.store.db)[-1].bank_id
    other_before = _snapshot(learner, other_bank)

    undo_removal(learner.store, removal)
    assert _snapshot(learner, bank_id) == before
    assert _snapshot(learner, other_bank) == other_before
    assert (learner.paths.library / bank_id).is_dir()
    assert learner.store.db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_undo_refuses_when_the_document_is_back_already(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    source = write_document(tmp_path / "a.txt")
    added = add_document(learner.store, learner.paths, source, now)
    removal = remove_document(learner.store, learner.paths, added.document_id, now)
    add_document(learner.store, learner.paths, source, now)
    with pytest.raises(StoreError, match="already holds"):
        undo_removal(learner.store, removal)


def test_removing_a_missing_document_is_an_error(learner: LearnerContext, now: datetime) -> None:
    with pytest.raises(LibraryError):
        remove_document(learner.store, learner.paths, 999, now)
