"""Exports of the seeded progress: JSON against its schema, CSV through the csv module,
PDF pages and extractable text."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from pypdf import PdfReader

from tests.progress.seed import CALENDAR, NOW, seed
from tradequiz.progress.export_csv import (
    LOG_COLUMNS,
    SUMMARY_COLUMNS,
    log_path_for,
    neutralise,
    write_csv,
)
from tradequiz.progress.export_json import ProgressExport, build_export, export_dict, write_json
from tradequiz.progress.export_pdf import write_pdf
from tradequiz.progress.formatting import duration, percent
from tradequiz.resources import resource
from tradequiz.store.opening import Store

SCHEMA = json.loads(resource("schema/progress.schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def export(empty_store: Store) -> ProgressExport:
    seeded = seed(empty_store, learner="Ada Lovelace")
    return build_export(empty_store.db, seeded.document_id, NOW, CALENDAR)


def test_learner_name_from_profile_or_override(empty_store: Store) -> None:
    seeded = seed(empty_store, learner="Ada Lovelace")
    db = empty_store.db
    assert build_export(db, seeded.document_id, NOW, CALENDAR).learner == "Ada Lovelace"
    assert build_export(db, seeded.document_id, NOW, CALENDAR, "Grace").learner == "Grace"


def test_json_validates_and_carries_the_figures(export: ProgressExport, tmp_path: Path) -> None:
    path = tmp_path / "out" / "progress.json"
    write_json(export, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, SCHEMA)
    assert data["format"] == "tradequiz-progress" and data["format_version"] == 1
    assert data["learner"] == {"name": "Ada Lovelace"}
    assert data["bank"] == {"id": "seed-bank", "title": "Seeded trade bank", "version": 3}
    assert data["calendar"] == {"today": "2026-03-02", "rollover_hour": 4, "time_zone": "UTC"}
    assert data["generated_at"] == "2026-03-02T15:00:00Z"
    tariffs = data["sections"][0]
    assert (tariffs["key"], tariffs["total"], tariffs["mastered"], tariffs["due_today"]) == (
        "tariffs", 3, 1, 2,
    )  # fmt: skip
    assert (tariffs["accuracy"], tariffs["true_retention"]) == (0.8, 0.5)
    assert tariffs["time_studied_seconds"] == 45.0 and tariffs["reviews_30d"] == 5
    assert data["overall"]["accuracy"] == round(5 / 7, 4)
    assert data["sections"][2]["accuracy"] is None
    assert data["activity"]["streak_days"] == 3
    questions = {q["id"]: q for q in data["questions"]}
    assert questions["a1"]["state"] == "mastered" and questions["b2"]["state"] == "new"
    assert questions["a2"]["first_right"] is False and questions["a2"]["last_right"] is True
    assert questions["b2"]["due"] is None and questions["b2"]["weakness"] is None
    assert questions["a1"]["due"] == "2026-03-22T15:00:00Z"


def test_schema_rejects_a_broken_export(export: ProgressExport) -> None:
    data = export_dict(export)
    data["sections"][0]["accuracy"] = 1.5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
    del data["sections"][0]["accuracy"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_summary_matches_the_figures(
    export: ProgressExport, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "progress.csv"
    written = write_csv(export, path, empty_store.db, with_log=True)
    assert written == [path, tmp_path / "progress-reviews.csv"]
    rows = _read_csv(path)
    assert list(rows[0]) == list(SUMMARY_COLUMNS)
    assert [r["section_key"] for r in rows] == ["tariffs", "quotas", "outlook", "*"]
    tariffs, quotas, outlook, overall = rows
    assert tariffs["learner"] == "Ada Lovelace" and tariffs["bank_version"] == "3"
    assert (tariffs["total"], tariffs["new"], tariffs["learning"], tariffs["review"]) == (
        "3", "0", "1", "1",
    )  # fmt: skip
    assert float(tariffs["accuracy"]) == 0.8
    assert float(tariffs["true_retention_30d"]) == 0.5
    assert float(tariffs["time_studied_minutes"]) == 0.75
    assert float(tariffs["reviews_per_day"]) == round(5 / 30, 4)
    assert outlook["accuracy"] == "" and outlook["recall_now"] == ""
    assert float(overall["accuracy"]) == round(5 / 7, 4)
    assert overall["section"] == "All sections" and overall["reviews"] == "8"
    # The section title starts like text, so it is kept; a formula-looking cell is not.
    assert quotas["section"] == "Quotas, =SUM(A1) and more"


def test_csv_review_log_has_every_review_and_no_live_formulas(
    export: ProgressExport, empty_store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "p.csv"
    write_csv(export, path, empty_store.db, with_log=True)
    log = _read_csv(log_path_for(path))
    assert list(log[0]) == list(LOG_COLUMNS)
    assert len(log) == 8
    assert log[0]["reviewed_at"] == "2026-01-21T12:00:00Z" and log[0]["question_id"] == "a1"
    assert [r["rating"] for r in log] == ["3", "3", "1", "3", "2", "3", "1", "3"]  # by time
    assert log[3]["correct"] == "" and log[2]["correct"] == "0"
    assert float(log[2]["duration_seconds"]) == 12.0
    # b1's stored answer was =HYPERLINK("x"): neutralised with an apostrophe.
    b1 = [r for r in log if r["question_id"] == "b1"]
    assert {r["answer"] for r in b1} == {'\'=HYPERLINK("x")'}


@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_are_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text


def test_plain_values_are_untouched() -> None:
    assert neutralise("Tariffs") == "Tariffs"
    assert neutralise(-1) == -1
    assert neutralise(0.5) == 0.5


def test_pdf_pages_and_text(export: ProgressExport, tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    write_pdf(export, path)
    reader = PdfReader(str(path))
    assert len(reader.pages) == 2
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Ada Lovelace" in text and "Seeded trade bank" in text
    lines = text.splitlines()
    for s in [*export.report.sections, export.report.overall]:
        row = next(line for line in lines if line.startswith(s.title + " "))
        cells = row[len(s.title) :].split()
        assert cells[:6] == [str(v) for v in (s.total, s.new, s.learning, s.review,
                                               s.mastered, s.due_today)]  # fmt: skip
        assert cells[6:9] == [percent(s.accuracy), percent(s.retention), percent(s.recall)]
        assert " ".join(cells[10:]) == duration(s.time_studied_ms)
    for heading in ("Questions by state", "Due in the next 30 days", "Study days"):
        assert heading in text
    assert "Who pays a tariff?" in text  # the weakest question
