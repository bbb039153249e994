"""Add bank with files from other tools: converted to a YAML bank in the library, then imported;
a newer file of the same bank updates it by question id and keeps the learner's history."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.bank.samples import every_kind
from tests.library.conftest import study
from tradequiz.app_context import LearnerContext
from tradequiz.bank.csv_io import export_csv
from tradequiz.bank.formats import FORMATS
from tradequiz.bank.model import Bank
from tradequiz.bank.problems import BankError
from tradequiz.bank.yaml_io import load_bank
from tradequiz.library import Cancelled, CancelToken, LibraryError, Step, add_bank_file
from tradequiz.library.banks import BANK_SUFFIXES
from tradequiz.resources import shipped_banks
from tradequiz.store import documents, library
from tradequiz.store.cards import Scope


def _write(folder: Path, name: str, bank: Bank, fmt: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(FORMATS[fmt].export(bank, datetime(2026, 3, 1, tzinfo=UTC)).data)
    return path


def _history(learner: LearnerContext, document_id: int) -> dict[str, tuple[object, ...]]:
    rows = learner.store.db.execute(
        "SELECT q.qid, q.id, c.state, c.reps, (SELECT count(*) FROM reviews r"
        " WHERE r.question_id = q.id) FROM questions q JOIN cards c ON c.question_id = q.id"
        " WHERE q.document_id = ? AND c.reps > 0",
        [document_id],
    ).fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


def test_every_importable_format_is_offered() -> None:
    assert set(BANK_SUFFIXES) == {".yaml", ".yml", ".json", ".gift", ".xml", ".apkg", ".csv",
                                  ".tsv"}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("demo.json", "json"), ("demo.gift", "gift"), ("demo.xml", "moodle-xml"),
     ("demo.apkg", "apkg"), ("demo.csv", "csv"), ("demo.tsv", "tsv")],
)  # fmt: skip
def test_add_a_bank_in_any_format(
    learner: LearnerContext, now: datetime, tmp_path: Path, name: str, fmt: str
) -> None:
    bank = replace(every_kind(), source="")
    path = _write(tmp_path / "mail", name, bank, fmt)
    steps: list[Step] = []
    added = add_bank_file(learner.store, learner.paths, path, now, report=steps.append)
    assert steps[0].label.startswith("Reading the ") and steps[-1].index == steps[-1].total == 5
    assert added.previous_version is None and added.imported.added > 0
    # Saved as a YAML bank in the profile's library, and that is what was imported.
    assert added.bank_path.parent.parent == learner.paths.library
    saved = load_bank(added.bank_path).bank
    stored = [q for _pk, _t, q in documents.questions_of(learner.store.db, added.document_id)]
    assert [q.id for q in stored] == [q.id for q in saved.questions]
    if fmt in ("csv", "tsv"):
        assert all(q.kind == "flashcard" for q in saved.questions)
    else:
        assert {q.id for q in saved.questions} >= {"mc-1", "tf-1", "cloze-1", "match-1"}
    again = add_bank_file(learner.store, learner.paths, path, now)
    assert again.up_to_date and again.document_id == added.document_id


def test_an_apkg_of_the_shipped_bank_updates_it_keeping_history(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    shipped = load_bank(shipped_banks()[0]).bank
    known = documents.by_bank_id(learner.store.db, shipped.id)
    assert known is not None
    reviewed = study(learner.store, Scope(document_id=known.id), now, 5)
    before = _history(learner, known.id)
    assert len(before) == 5
    stored_before = {q.id: q for _pk, _t, q in documents.questions_of(learner.store.db, known.id)}

    # The instructor rewords one question and sends version N+1 as an Anki package.
    first = stored_before[next(iter(before))]
    newer = replace(
        shipped,
        version=shipped.version + 1,
        questions=tuple(
            replace(q, explanation=q.explanation + " (see p. 3)") if q.id == first.id else q
            for q in shipped.questions
        ),
    )
    path = _write(tmp_path / "mail", "trade.apkg", newer, "apkg")
    later = now + timedelta(days=1)
    added = add_bank_file(learner.store, learner.paths, path, later)
    assert (added.document_id, added.previous_version, added.version) == (
        known.id, shipped.version, shipped.version + 1)  # fmt: skip
    assert added.imported.updated == 1 and added.imported.added == 0
    assert _history(learner, known.id) == before
    after = {q.id: q for _pk, _t, q in documents.questions_of(learner.store.db, known.id)}
    assert after[first.id].explanation.endswith("(see p. 3)")
    # What an .apkg cannot carry is kept from the stored bank: status, passage, difficulty…
    for qid, q in after.items():
        old = stored_before[qid]
        assert (q.status, q.source, q.difficulty, q.fingerprint) == (
            old.status, old.source, old.difficulty, old.fingerprint)  # fmt: skip
    assert library.source_text(learner.store.db, known.id).startswith("Japan")
    assert [s.start for s in library.sections(learner.store.db, known.id)] == [
        s.start for s in shipped.sections
    ]
    assert len(reviewed) == 5

    # The same package again: nothing to do; an older one: refused, nothing changed.
    assert add_bank_file(learner.store, learner.paths, path, later).up_to_date
    older = _write(tmp_path / "old", "trade.apkg", replace(shipped, version=1), "apkg")
    if shipped.version > 1:
        with pytest.raises(LibraryError, match="already has version"):
            add_bank_file(learner.store, learner.paths, older, later)


def test_a_newer_csv_updates_the_bank_it_came_from(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    path = _write(tmp_path / "v1", "glossary.csv", every_kind(), "csv")
    first = add_bank_file(learner.store, learner.paths, path, now)
    study(learner.store, Scope(document_id=first.document_id), now, 3)
    before = _history(learner, first.document_id)
    assert len(before) == 3
    # The teacher adds one row to the same file: the old rows keep their ids and history.
    path.write_bytes(path.read_bytes() + b"Quota,A limit on the quantity of imports\n")
    second = add_bank_file(learner.store, learner.paths, path, now + timedelta(days=1))
    assert second.document_id == first.document_id
    assert (second.previous_version, second.version) == (1, 2)
    assert (second.imported.added, second.imported.orphaned) == (1, 0)
    assert _history(learner, first.document_id) == before


def test_a_different_file_with_the_same_name_is_a_new_bank(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    first = tmp_path / "a" / "glossary.csv"
    first.parent.mkdir()
    first.write_text("Tariff,A tax on imports\nQuota,A limit on imports\n")
    other = tmp_path / "b" / "glossary.csv"
    other.parent.mkdir()
    other.write_text("Yen,Japan's currency\nDollar,The US currency\n")
    one = add_bank_file(learner.store, learner.paths, first, now)
    two = add_bank_file(learner.store, learner.paths, other, now)
    assert one.document_id != two.document_id and two.previous_version is None
    ids = documents.bank_ids(learner.store.db)
    assert {"glossary", "glossary-2"} <= ids


def test_a_bad_file_changes_nothing(learner: LearnerContext, now: datetime, tmp_path: Path) -> None:
    before = library.documents(learner.store.db)
    bad = tmp_path / "broken.apkg"
    bad.write_bytes(b"PK\x03\x04 this is not really a zip")
    with pytest.raises(BankError, match="not a zip package"):
        add_bank_file(learner.store, learner.paths, bad, now)
    big = tmp_path / "huge.csv"
    big.write_text("".join(f"term {i},definition {i}\n" for i in range(10_001)))
    with pytest.raises(BankError, match="at most 10,000 questions"):
        add_bank_file(learner.store, learner.paths, big, now)
    assert library.documents(learner.store.db) == before
    assert not learner.paths.library.exists() or not any(learner.paths.library.iterdir())


def test_cancel_while_converting_leaves_nothing(
    learner: LearnerContext, now: datetime, tmp_path: Path
) -> None:
    path = tmp_path / "cards.csv"
    path.write_bytes(export_csv(every_kind()).data)
    token = CancelToken()

    def report(step: Step) -> None:
        if step.index == 3:  # saving the YAML bank: cancel while it is written
            token.cancel()

    before = library.documents(learner.store.db)
    with pytest.raises(Cancelled):
        add_bank_file(learner.store, learner.paths, path, now, report=report, cancel=token)
    assert library.documents(learner.store.db) == before
    assert not learner.paths.library.exists() or not any(learner.paths.library.iterdir())
