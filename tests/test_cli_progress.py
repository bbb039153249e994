"""`tradequiz progress`, `export-progress` and `class-report` on a seeded data folder.

The CLI reads the real clock, so these tests check figures that do not depend on it
(counts by state, accuracy, time studied); tests/progress checks the rest at fixed times.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import jsonschema
import pytest
from pypdf import PdfReader

from tests.progress.seed import NOW, seed
from tradequiz.cli import main
from tradequiz.paths import DataPaths
from tradequiz.resources import resource
from tradequiz.store.opening import open_store


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    root = tmp_path / "data"
    paths = DataPaths(root)
    paths.ensure()
    store = open_store(paths.database, NOW)
    seed(store, learner="Ada Lovelace")
    store.close()
    return root


def test_progress_prints_the_section_table(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "progress", "--bank", "seed-bank"]) == 0
    out = capsys.readouterr().out
    assert "Ada Lovelace · Seeded trade bank (seed-bank, bank v3)" in out
    lines = out.splitlines()
    tariffs = next(line for line in lines if line.startswith("Tariffs "))
    # Total, new, learning, review, mastered; then (clock-dependent) due; accuracy 80%.
    assert tariffs.split()[1:6] == ["3", "0", "1", "1", "1"]
    assert "80%" in tariffs
    assert next(line for line in lines if line.startswith("All sections ")).split()[2:7] == [
        "6", "2", "2", "1", "1",
    ]  # fmt: skip


def test_progress_json(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "progress", "--json", "--learner", "Grace"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["learner"] == {"name": "Grace"}
    banks = {d["bank"]["id"]: d for d in data["documents"]}
    assert "japan-united-states-trade" in banks  # the shipped bank is there too
    seeded = banks["seed-bank"]
    assert [s["key"] for s in seeded["sections"]] == ["tariffs", "quotas", "outlook"]
    assert seeded["overall"]["accuracy"] == round(5 / 7, 4)
    assert seeded["overall"]["time_studied_seconds"] == 61.0


def test_unknown_bank_is_a_clear_error(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(data_dir), "progress", "--bank", "nope"]) == 1
    err = capsys.readouterr().err
    assert "no bank 'nope'" in err and "seed-bank" in err and "Traceback" not in err


def test_export_needs_a_bank_when_there_are_several(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "p.json"
    assert main(["--data-dir", str(data_dir), "export-progress", "-o", str(out)]) == 1
    assert "--bank" in capsys.readouterr().err
    assert not out.exists()


def test_export_formats(data_dir: Path, tmp_path: Path) -> None:
    base = ["--data-dir", str(data_dir), "export-progress", "--bank", "seed-bank"]
    assert main([*base, "--format", "json", "-o", str(tmp_path / "p.json")]) == 0
    data = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    schema = json.loads(resource("schema/progress.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["learner"]["name"] == "Ada Lovelace"

    assert main([*base, "-o", str(tmp_path / "p.csv"), "--review-log", "--learner", "Bo"]) == 0
    with (tmp_path / "p.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["learner"] == "Bo" and rows[-1]["section_key"] == "*"
    assert (tmp_path / "p-reviews.csv").exists()

    assert main([*base, "-o", str(tmp_path / "p.pdf")]) == 0
    reader = PdfReader(str(tmp_path / "p.pdf"))
    assert 1 <= len(reader.pages) <= 3
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert all(t in text for t in ("Tariffs", "Quotas, =SUM(A1) and more", "Outlook"))


def test_export_without_a_format(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--data-dir", str(data_dir), "export-progress", "--bank", "seed-bank"]
    assert main([*args, "-o", str(tmp_path / "p.txt")]) == 2
    assert "choose --format" in capsys.readouterr().err


def test_class_report(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    exports = []
    for name in ("Ann", "Ben"):
        path = tmp_path / f"{name}.json"
        args = ["--data-dir", str(data_dir), "export-progress", "--bank", "seed-bank"]
        assert main([*args, "--learner", name, "-o", str(path)]) == 0
        exports.append(str(path))
    capsys.readouterr()
    assert main(["class-report", *exports, "-o", str(tmp_path / "class.pdf")]) == 0
    out = capsys.readouterr().out
    assert "Seeded trade bank (v3): 2 learners" in out
    assert (tmp_path / "class.pdf").exists()
    assert main(["class-report", *exports, "-o", str(tmp_path / "class.csv")]) == 0
    assert (tmp_path / "class-questions.csv").exists()
    assert main(["class-report", str(tmp_path / "missing.json"), "-o", "r.pdf"]) == 1
    err = capsys.readouterr().err
    assert "missing.json: cannot read the file" in err and "Traceback" not in err
