"""The class report on four hand-made learners: averages, p and D, who is behind, versions.

First answers (T right, F wrong, - none):

        a1 a2 a3 b1 b2 c1   score
    L1  T  T  T  T  T  T    6/6
    L2  T  T  T  F  T  -    4/5
    L3  T  F  T  F  -  -    2/4
    L4  F  F  T  F  F  -    1/5   (bank v2: has no c1, has z9)

Upper and lower 27% of four learners: one each, L1 and L4.
"""

from __future__ import annotations

import copy
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.progress.seed import CALENDAR, NOW, seed
from tradequiz.progress.class_report import ClassReportError, load_and_combine, load_export
from tradequiz.progress.class_report_output import csv_paths, write_class_csv, write_class_pdf
from tradequiz.progress.export_json import build_export, export_dict
from tradequiz.store.opening import Store

MATRIX: dict[str, dict[str, bool | None]] = {
    "L1": {"a1": True, "a2": True, "a3": True, "b1": True, "b2": True, "c1": True},
    "L2": {"a1": True, "a2": True, "a3": True, "b1": False, "b2": True, "c1": None},
    "L3": {"a1": True, "a2": False, "a3": True, "b1": False, "b2": None, "c1": None},
    "L4": {"a1": False, "a2": False, "a3": True, "b1": False, "b2": False},
}
TARIFFS_MASTERED = {"L1": 3, "L2": 2, "L3": 1, "L4": 0}
TARIFFS_ACCURACY = {"L1": 1.0, "L2": 0.8, "L3": None, "L4": 0.2}
OVERALL_MASTERED = {"L1": 6, "L2": 4, "L3": 3, "L4": 0}
DUE = {"L1": 2, "L2": 2, "L3": 50, "L4": 2}
LAST_STUDIED = {"L1": 0, "L2": 10, "L3": 1, "L4": 0}  # days before "today"


@pytest.fixture
def template(empty_store: Store) -> dict[str, Any]:
    seeded = seed(empty_store)
    return export_dict(build_export(empty_store.db, seeded.document_id, NOW, CALENDAR))


def _learner(template: dict[str, Any], name: str) -> dict[str, Any]:
    data = copy.deepcopy(template)
    data["learner"]["name"] = name
    questions = []
    for q in data["questions"]:
        if q["id"] in MATRIX[name]:
            q["first_right"] = MATRIX[name][q["id"]]
            questions.append(q)
    if name == "L4":
        data["bank"]["version"] = 2
        questions.append({**questions[0], "id": "z9", "first_right": False})
    data["questions"] = questions
    data["sections"][0]["mastered"] = TARIFFS_MASTERED[name]
    data["sections"][0]["accuracy"] = TARIFFS_ACCURACY[name]
    data["overall"]["mastered"] = OVERALL_MASTERED[name]
    data["overall"]["due_today"] = DUE[name]
    studied = date(2026, 3, 2) - timedelta(days=LAST_STUDIED[name])
    data["activity"]["days"] = [{"date": studied.isoformat(), "reviews": 3, "seconds": 30.0}]
    return data


@pytest.fixture
def exports(template: dict[str, Any], tmp_path: Path) -> list[Path]:
    paths = []
    for name in MATRIX:
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(_learner(template, name)), encoding="utf-8")
        paths.append(path)
    return paths


def test_item_difficulty_and_discrimination(exports: list[Path]) -> None:
    report = load_and_combine(exports)
    items = {i.qid: i for i in report.items}
    expected = {  # (answered, right, p, D)
        "a1": (4, 3, 0.75, 1.0),
        "a2": (4, 2, 0.5, 1.0),
        "a3": (4, 4, 1.0, 0.0),
        "b1": (4, 1, 0.25, 1.0),
        "b2": (3, 2, 2 / 3, 1.0),
        "c1": (1, 1, 1.0, None),  # the lower group (L4) never answered it
    }
    for qid, (answered, right, p, d) in expected.items():
        item = items[qid]
        assert (item.answered, item.right) == (answered, right), qid
        assert item.difficulty == pytest.approx(p), qid
        assert item.discrimination == (None if d is None else pytest.approx(d)), qid
    assert "z9" not in items  # unknown to the newest version
    assert [i.qid for i in report.most_missed()] == ["b1", "a2", "b2", "a1", "a3", "c1"]


def test_section_averages(exports: list[Path]) -> None:
    report = load_and_combine(exports)
    tariffs = report.sections[0]
    assert (tariffs.key, tariffs.learners) == ("tariffs", 4)
    assert tariffs.mastered_share == pytest.approx((3 + 2 + 1 + 0) / 3 / 4)
    assert tariffs.accuracy == pytest.approx((1.0 + 0.8 + 0.2) / 3)  # L3 has none


def test_learners_behind(exports: list[Path]) -> None:
    report = load_and_combine(exports)
    behind = {s.name: s.reasons for s in report.behind}
    assert set(behind) == {"L2", "L3", "L4"}
    assert behind["L4"] == ("mastered 0% against a class median of 58%",)
    assert behind["L3"] == ("50 questions due (class median 2)",)
    assert behind["L2"] == ("last studied 10 days ago",)
    assert report.learners[-1].name == "L1" and not report.learners[-1].behind


def test_other_bank_version_is_matched_by_id(exports: list[Path]) -> None:
    report = load_and_combine(exports)
    assert report.bank_version == 3
    (mismatch,) = report.mismatches
    assert (mismatch.path.name, mismatch.bank_version) == ("L4.json", 2)
    assert (mismatch.missing, mismatch.unknown) == (("c1",), ("z9",))


def test_csv_and_pdf_outputs(exports: list[Path], tmp_path: Path) -> None:
    report = load_and_combine(exports)
    written = write_class_csv(report, tmp_path / "class.csv")
    assert written == list(csv_paths(tmp_path / "class.csv"))
    import csv

    with written[1].open(encoding="utf-8-sig", newline="") as handle:
        items = list(csv.DictReader(handle))
    assert [r["question_id"] for r in items][:2] == ["b1", "a2"]
    assert float(items[0]["difficulty_p"]) == 0.25 and float(items[0]["discrimination_d"]) == 1.0
    with written[2].open(encoding="utf-8-sig", newline="") as handle:
        learners = {r["learner"]: r for r in csv.DictReader(handle)}
    assert learners["L4"]["behind"] == "1" and learners["L1"]["behind"] == "0"
    pdf_path = tmp_path / "class.pdf"
    write_class_pdf(report, pdf_path)
    reader = PdfReader(str(pdf_path))
    assert 1 <= len(reader.pages) <= 3
    text = "\n".join(p.extract_text() for p in reader.pages)
    for needle in ("Class report", "Tariffs", "Quotas", "What is a quota?", "L4", "L4.json"):
        assert needle in text


def test_errors_name_the_file(exports: list[Path], tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "tradequiz-progress",\n  oops}', encoding="utf-8")
    with pytest.raises(ClassReportError, match=r"broken\.json:2:3: not valid JSON"):
        load_export(broken)
    other = json.loads(exports[0].read_text(encoding="utf-8"))
    other["bank"]["id"] = "another-bank"
    other_path = tmp_path / "other.json"
    other_path.write_text(json.dumps(other), encoding="utf-8")
    with pytest.raises(ClassReportError, match=r"other\.json: bank 'another-bank'"):
        load_and_combine([exports[0], other_path])
    newer = {**other, "format_version": 9}
    newer_path = tmp_path / "newer.json"
    newer_path.write_text(json.dumps(newer), encoding="utf-8")
    with pytest.raises(ClassReportError, match="newer TradeQuiz"):
        load_export(newer_path)
    del other["questions"][0]["id"]
    other_path.write_text(json.dumps(other), encoding="utf-8")
    with pytest.raises(ClassReportError, match=r"missing field questions\[0\]\.id"):
        load_export(other_path)
