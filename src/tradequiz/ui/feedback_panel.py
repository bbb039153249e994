"""After an answer: right or wrong, the correct answer, and the source passage."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from tradequiz.study.passage import Passage
from tradequiz.study.session import Feedback
from tradequiz.ui.question_views.base import wrapping_label
from tradequiz.ui.theme import accent


def passage_html(passage: Passage) -> str:
    """Escape everything; the only markup is the highlight we add ourselves."""
    text = passage.text
    if passage.highlight:
        a, b = passage.highlight
        a, b = max(0, a), min(len(text), b)
        body = (
            html.escape(text[:a])
            + f'<span style="background-color:{accent("mark")}; font-weight:600">'
            + html.escape(text[a:b])
            + "</span>"
            + html.escape(text[b:])
        )
    else:
        body = html.escape(text)
    # Paragraph breaks of the document stay breaks (escaped text keeps its newlines).
    body = body.replace("\n", "<br>")
    return f"<p style='line-height:135%'>{body}</p>"


class FeedbackPanel(QFrame):
    read_section = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(8)
        self.verdict = QLabel(self)
        self.verdict.setAccessibleName("Result")
        self.expected = wrapping_label("", selectable=True)
        self.expected.setAccessibleName("Correct answer")
        self.detail = wrapping_label("", selectable=True)
        self.detail.setAccessibleName("Why this answer is wrong")
        self.source_title = wrapping_label("From the document", "muted")
        # A label sizes itself to its wrapped text; the HTML is built by passage_html from
        # escaped text, so nothing in a question can load a resource or run a link.
        self.passage = QLabel(self)
        self.passage.setObjectName("passage")
        self.passage.setTextFormat(Qt.TextFormat.RichText)
        self.passage.setWordWrap(True)
        self.passage.setOpenExternalLinks(False)
        self.passage.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.passage.setAccessibleName("Source passage")
        self.read_button = QPushButton("Read the whole section", self)
        self.read_button.clicked.connect(self.read_section.emit)
        for widget in (self.verdict, self.expected, self.detail, self.source_title, self.passage):
            layout.addWidget(widget)
        layout.addWidget(self.read_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.hide()

    def show_feedback(self, feedback: Feedback, show_expected: bool = True) -> None:
        verdict = feedback.verdict
        if verdict.correct is None:
            self.verdict.setText("How well did you remember it?")
            self.verdict.setObjectName("sectionTitle")
            self.expected.hide()
        elif verdict.correct:
            self.verdict.setText("✓  Correct")
            self.verdict.setObjectName("verdictGood")
            self.expected.hide()
        else:
            self.verdict.setText("✗  Not quite")
            self.verdict.setObjectName("verdictBad")
            self.expected.setText(f"Correct answer: {verdict.expected}")
            self.expected.setVisible(show_expected)
        self.detail.setText(verdict.detail)
        self.detail.setVisible(bool(verdict.detail))
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)
        if feedback.passage is not None:
            self.passage.setText(passage_html(feedback.passage))
            self.passage.show()
            self.source_title.show()
        else:
            self.passage.hide()
            self.source_title.hide()
        self.show()
