"""Every dialog and message box goes through here, so tests can drive or replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

SHORTCUTS = [
    ("1 – 4", "Choose an option; after answering, rate Again / Hard / Good / Easy"),
    ("T / F", "Answer a true-or-false question"),
    ("Enter", "Check a typed answer"),
    ("Space or Enter", "Reveal a flashcard; confirm the suggested rating"),
    ("Ctrl+Z", "Undo the last answer"),
    ("-", "Bury the question until tomorrow"),
    ("@", "Suspend the question"),
    ("Ctrl+1", "Flag the question for the instructor"),
    ("Alt+↑ / Alt+↓", "Move the selected item when putting things in order"),
    ("Ctrl+,", "Settings"),
    ("Esc", "Back to the sections"),
    ("F1", "This list"),
]


def info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    answer = QMessageBox.question(parent, title, text)
    return answer == QMessageBox.StandardButton.Yes


def show_shortcuts(parent: QWidget | None) -> None:
    rows = "".join(f"<tr><td><b>{k}</b>&nbsp;&nbsp;</td><td>{v}</td></tr>" for k, v in SHORTCUTS)
    QMessageBox.information(parent, "Keyboard shortcuts", f"<table>{rows}</table>")


def choose_file(parent: QWidget | None, title: str, filters: str) -> Path | None:
    """Ask for one existing file; None when the learner cancels."""
    name, _filter = QFileDialog.getOpenFileName(parent, title, "", filters)
    return Path(name) if name else None


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """Ask for one line of text; returns (text, ok)."""
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value, bool(ok)


def choose_item(parent: QWidget | None, title: str, label: str, items: list[str]) -> int | None:
    """Ask the learner to pick one of ``items``; returns its index, or None."""
    value, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return items.index(value) if ok and value in items else None
