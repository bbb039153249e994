"""Question text that looks like HTML is shown as text: nothing is loaded, no link is live.

Rich text in Qt can load images from files (``/dev/zero`` would hang the app,
``file:///etc/passwd`` would show a local file) and follow links.  Every label
showing bank or document text is plain text; the two rich-text views (source
passage, section reader) are built from escaped text, so the only markup is
the app's own.
"""

from __future__ import annotations

import ast
import time
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from tradequiz.bank.model import Bank, BankSection, Choice, Question, SourceSpan
from tradequiz.store.library import import_bank
from tradequiz.store.opening import Store
from tradequiz.ui import messages
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.reader_dialog import ReaderDialog

HOSTILE = [
    '<img src="/dev/zero">',
    '<img src="file:///etc/passwd">',
    '<img src="https://tracker.example.invalid/pixel.png">',
    '<a href="javascript:alert(1)">click me</a>',
    "<style>* { background: url(https://example.invalid/x) }</style>",
    "<b>" * 10_000 + "deep" + "</b>" * 10_000,
    "&lt;escaped&gt; &amp; <qt>rich</qt>",
]
TITLE = '<img src="file:///etc/passwd"> Section'
OWN_TAGS = {"p", "span", "h2"}  # the only markup the app adds itself


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attrs.update(name for name, _ in attrs)


def _markup(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def _hostile_bank() -> tuple[Bank, str]:
    source = "Hostile\n\n" + "\n\n".join(
        f"Passage {i}: {h} is text." for i, h in enumerate(HOSTILE)
    )
    questions = []
    for i, h in enumerate(HOSTILE):
        start = source.index(f"Passage {i}:")
        span = SourceSpan(start, start + len(f"Passage {i}: {h} is text."))
        questions.append(
            Question(
                id=f"mc{i}", kind="multiple_choice", section="s", prompt=f"Q{i} {h}",
                choices=(Choice(h, True), Choice("plain", False)), explanation=h, source=span,
            )
        )  # fmt: skip
        questions.append(
            Question(
                id=f"fc{i}", kind="flashcard", section="s", prompt=h, answers=(h,), source=span
            )
        )
    bank = Bank(id="hostile", title=TITLE, version=1, source="",
                sections=(BankSection("s", TITLE, 0, len(source)),),
                questions=tuple(questions))  # fmt: skip
    return bank, source


def _assert_nothing_live(window: QWidget) -> None:
    """Every label is plain text or holds only the app's own tags; no tooltip is HTML."""
    for label in window.findChildren(QLabel):
        if label.textFormat() == Qt.TextFormat.PlainText:
            continue
        markup = _markup(label.text())
        assert markup.tags <= OWN_TAGS | {"table", "tr", "td", "b"}, label.text()[:200]
        assert not markup.attrs & {"src", "href"}, label.text()[:200]
    for widget in window.findChildren(QWidget):
        assert "<img" not in widget.toolTip() and "<a " not in widget.toolTip()


def test_hostile_question_text_is_shown_as_text(
    qtbot: QtBot, empty_store: Store, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(messages, "error", lambda *a: pytest.fail(f"error shown: {a}"))
    bank, source = _hostile_bank()
    import_bank(empty_store.db, bank, source_text=source, bank_sha256="h", bank_path="h", now=now)
    window = MainWindow(empty_store, lambda: now)
    qtbot.addWidget(window)
    window.show()
    assert window.home.document_id is not None
    started = time.perf_counter()
    window.start_document(window.home.document_id)
    session = window.study.session
    assert session is not None
    seen = 0
    while session.current is not None and seen < len(bank.questions):
        question = session.current.stored.question
        view = window.study.view
        assert view is not None
        assert view.prompt_label.textFormat() == Qt.TextFormat.PlainText
        assert question.prompt in view.prompt_label.text() or question.kind == "flashcard"
        assert window.study.where.textFormat() == Qt.TextFormat.PlainText
        assert window.study.where.text() == TITLE
        buttons = [b.accessibleName() for b in view.findChildren(QAbstractButton)]
        if question.kind == "multiple_choice":
            assert question.choices[0].text in buttons
            qtbot.keyClick(window.study, "1")
            expected = window.study.feedback.expected
            assert expected.textFormat() == Qt.TextFormat.PlainText
        else:
            qtbot.keyClick(window.study, Qt.Key.Key_Space)
            assert question.answers[0] in view.findChildren(QLabel, "answer")[0].text()
        passage = window.study.feedback.passage
        assert passage.isVisible() and not passage.openExternalLinks()
        assert "&lt;" in passage.text() and "<img" not in passage.text()
        _assert_nothing_live(window)
        qtbot.keyClick(window.study, "3")
        # What the event loop does between key presses: delete the previous view.
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        seen += 1
    assert seen == len(bank.questions)
    assert time.perf_counter() - started < 30  # 10,000 nested tags cost nothing as text


def test_the_section_reader_shows_html_as_text(
    qtbot: QtBot, empty_store: Store, now: datetime
) -> None:
    bank, source = _hostile_bank()
    import_bank(empty_store.db, bank, source_text=source, bank_sha256="h", bank_path="h", now=now)
    section_id = empty_store.db.execute("SELECT id FROM sections").fetchone()[0]
    dialog = ReaderDialog(empty_store, section_id)
    qtbot.addWidget(dialog)
    assert dialog.browser.openLinks() is False and dialog.browser.openExternalLinks() is False
    text = dialog.browser.toPlainText()
    for h in HOSTILE[:5]:
        assert h in text
    document = dialog.browser.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            assert not fmt.isImageFormat() and not fmt.isAnchor()
            it += 1
        block = block.next()
    assert _markup(dialog.browser.toHtml()).attrs.isdisjoint({"src", "href"})


def test_message_boxes_are_plain_text(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[Qt.TextFormat] = []

    def record(box: QMessageBox) -> int:
        shown.append(box.textFormat())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    messages.error(None, "Bad bank", HOSTILE[1])
    messages.warning(None, "Folder", HOSTILE[0])
    messages.info(None, "Info", HOSTILE[3])
    messages.confirm(None, "Sure?", HOSTILE[2])
    messages.offer_restore(None, HOSTILE[1], "backup.sqlite3")
    assert shown == [Qt.TextFormat.PlainText] * 5


def test_the_app_opens_no_network_connection() -> None:
    """Only local IPC (single instance) uses QtNetwork; nothing fetches URLs."""
    ui = Path(__file__).resolve().parents[2] / "src" / "tradequiz"
    used: dict[str, set[str]] = {}
    for path in ui.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and "QtNetwork" in node.module:
                used.setdefault(path.name, set()).update(a.name for a in node.names)
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
                names += [a.name for a in node.names]
                assert not {"urllib.request", "http.client", "requests", "socket"} & set(names)
    assert used == {"single_instance.py": {"QLocalServer", "QLocalSocket"}}
