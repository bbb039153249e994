"""Every dialog and message box goes through here, so tests can drive or replace them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLabel, QMessageBox, QWidget

SHORTCUTS = [
    ("1 – 4", "Choose an option; after answering, rate Again / Hard / Good / Easy"),
    ("T / F", "Answer a true-or-false question"),
    ("A – F", "Matching: give the selected term its description (Tab moves on)"),
    ("Alt+↑ / Alt+↓", "Put in order: move the selected item"),
    ("Enter", "Check a typed, matching or ordering answer"),
    ("Space", "Reveal a flashcard; confirm the suggested rating (Good for flashcards)"),
    ("Ctrl+Z", "Undo the last answer, bury or suspend"),
    ("-", "Bury the question until tomorrow"),
    ("@", "Suspend the question"),
    ("Ctrl+1", "Flag the question for the instructor"),
    ("Esc", "Back to the document (a checked answer is saved)"),
    ("Ctrl+O", "Add a document"),
    ("Ctrl+Shift+P", "Progress"),
    ("Ctrl+E", "Export progress"),
    ("Ctrl+,", "Settings"),
    ("F1", "This list"),
]


def _box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    # Plain text always: messages quote file names and bank content, and Qt would
    # otherwise render text that looks like HTML (and load its <img> sources).
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def info(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Information, title, text).exec()


def warning(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Warning, title, text).exec()


def error(parent: QWidget | None, title: str, text: str, details: str = "") -> None:
    box = _box(parent, QMessageBox.Icon.Critical, title, text)
    if details:
        box.setDetailedText(details)
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = _box(parent, QMessageBox.Icon.Question, title, text, yes | no)
    return box.exec() == yes


def offer_restore(parent: QWidget | None, problem: str, backup_name: str) -> bool:
    """Ask whether to restore a backup in place of a damaged database; True to restore."""
    box = _box(
        parent,
        QMessageBox.Icon.Warning,
        "Your study data is damaged",
        f"{problem}\n\nTradeQuiz can restore your newest good backup ({backup_name}). "
        "Answers given after that backup will be missing. The damaged file is kept "
        "beside it, renamed, in case you want it examined.\n\nRestore the backup now?",
        QMessageBox.StandardButton.NoButton,
    )
    restore = box.addButton("Restore backup", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    # The stylesheet's padding is not in the button's size hint: leave room for the text.
    restore.setMinimumWidth(restore.fontMetrics().horizontalAdvance(restore.text()) + 48)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def show_shortcuts(parent: QWidget | None) -> None:
    rows = "".join(
        f"<tr><td style='padding:3px 14px 3px 0'><b>{k}</b></td><td>{v}</td></tr>"
        for k, v in SHORTCUTS
    )
    box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard shortcuts", "", parent=parent)
    box.setTextFormat(Qt.TextFormat.RichText)  # our own fixed table, no learner text
    box.setText(f"<table>{rows}</table>")
    # QMessageBox sizes itself narrowly; a wide label keeps each shortcut on one line.
    label = box.findChild(QLabel, "qt_msgbox_label")
    if label is not None:
        label.setMinimumWidth(560)
    box.exec()


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
