"""Read a whole section of the source document, with the passage of the question marked."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tradequiz.store import library
from tradequiz.store.opening import Store


def section_html(store: Store, section_id: int) -> tuple[str, str]:
    """The section's title and its paragraphs as escaped HTML."""
    section = library.section(store.db, section_id)
    text = library.source_text(store.db, section.document_id)[section.start : section.end]
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if lines and lines[0] == section.title:
        lines = lines[1:]
    body = "".join(f"<p style='line-height:140%'>{html.escape(ln)}</p>" for ln in lines)
    return section.title, body


class ReaderDialog(QDialog):
    """The section's text; "Study this section" closes the dialog with ``STUDY``."""

    STUDY = 2

    def __init__(self, store: Store, section_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title, body = section_html(store, section_id)
        self.setWindowTitle(title)
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setHtml(f"<h2>{html.escape(title)}</h2>{body}")
        self.browser.setAccessibleName("Section text")
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.study_button = QPushButton("Study this section", self)
        self.study_button.setObjectName("primary")
        buttons.addButton(self.study_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.study_button.clicked.connect(lambda: self.done(self.STUDY))
        layout.addWidget(buttons)
