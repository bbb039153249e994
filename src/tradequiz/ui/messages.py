"""Every dialog and message box goes through here, so tests can drive or replace them."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

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


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value, bool(ok)
