"""Only tradequiz/ui may import Qt: the core must run and be tested headless."""

from __future__ import annotations

import ast
from pathlib import Path

import tradequiz

PACKAGE = Path(tradequiz.__file__).resolve().parent
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6", "pytestqt")


def _qt_imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if not isinstance(node, ast.Import | ast.ImportFrom):
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        found += [f"{path.name}:{node.lineno} {n}" for n in names if n.split(".")[0] in QT_MODULES]
    return found


def core_modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py") if "ui" not in p.relative_to(PACKAGE).parts[:1]]


def test_core_modules_do_not_import_qt() -> None:
    offenders = [hit for path in core_modules() for hit in _qt_imports(path)]
    assert offenders == []


def test_the_check_sees_a_qt_import(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("from PySide6.QtWidgets import QWidget\nimport json\n")
    assert _qt_imports(sample) == ["sample.py:1 PySide6.QtWidgets"]


def test_core_is_most_of_the_package() -> None:
    modules = {p.relative_to(PACKAGE).parts[0] for p in core_modules()}
    assert {"store", "bank", "document", "generate", "scheduling", "study"} <= modules
