"""The app's loader runs the validator: a bad bank is refused whole, the others still load."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from tests.bank.samples import every_kind
from tradequiz import shipped
from tradequiz.bank.yaml_io import save_bank
from tradequiz.store.opening import Store


@pytest.fixture
def two_banks(bank_dir: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    good = bank_dir / "good.yaml"
    save_bank(every_kind(), good)
    bad = bank_dir / "bad.yaml"
    text = good.read_text().replace("id: every-kind", "id: broken-bank")
    bad.write_text(text.replace("  - id: debate-1\n", "  - id: mc-1\n"))
    monkeypatch.setattr(shipped, "shipped_banks", lambda: [bad, good])
    return good, bad


def test_bad_bank_is_refused_with_file_line_messages(
    empty_store: Store, now: datetime, two_banks: tuple[Path, Path]
) -> None:
    _good, bad = two_banks
    results = shipped.load_shipped_banks(empty_store, now)
    refused = [r for r in results if r.refused]
    assert [r.path for r in refused] == [bad]
    text = shipped.refusal_text(results)
    assert f"{bad}:" in text and "duplicate id 'mc-1'" in text
    ids = [row[0] for row in empty_store.db.execute("SELECT bank_id FROM documents")]
    assert ids == ["every-kind"]
    loaded = empty_store.db.execute("SELECT count(*) FROM questions").fetchone()[0]
    assert loaded == len(every_kind().questions)


def test_the_app_shows_the_refusal_in_a_dialog(
    qapp: QApplication, tmp_path: Path, two_banks: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from tradequiz.ui import app, messages

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(messages, "error", lambda parent, title, text, details="":
                        shown.append((title, text)))  # fmt: skip
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    args = argparse.Namespace(data_dir=str(tmp_path / "data"), self_test=False)
    code = app.run_gui(args)
    assert code == 0, shown
    assert len(shown) == 1
    title, text = shown[0]
    assert "not loaded" in title
    assert f"{two_banks[1]}:" in text and "duplicate id 'mc-1'" in text
    # run_gui leaves its window behind (exec was skipped): delete it so no later test sees it.
    for window in QApplication.topLevelWidgets():
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
