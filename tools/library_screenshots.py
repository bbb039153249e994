"""Screenshots of the library, a document, the add-document dialog and the profile chooser.

Usage: QT_QPA_PLATFORM=offscreen python tools/library_screenshots.py docs/screenshots
(also run by ``make screenshots``).  Everything happens in a temporary data folder
at a fixed time, with a history of reviews so that progress bars have something to show.
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from tradequiz.app_context import LearnerContext, open_learner_store
from tradequiz.library import AddedDocument, add_document
from tradequiz.library.adding import STEPS
from tradequiz.paths import DataFolder
from tradequiz.profiles import create_profile
from tradequiz.scheduling import Rating
from tradequiz.scheduling.fsrs_adapter import SchedulerConfig, schedule
from tradequiz.store import cards
from tradequiz.store.cards import ReviewRecord
from tradequiz.ui.add_dialog import AddDialog
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.profile_dialog import ProfileDialog
from tradequiz.ui.theme import apply_theme

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)
SECOND_DOCUMENT = """\
Canada–Mexico trade
Canada–Mexico trade links two economies that trade far more than they did a generation ago.
Historical overview
The relationship grew after 1994, when a regional agreement lowered tariffs across North America.
In the 2010s both governments renegotiated the framework to cover digital trade.
Main sectors
Several sectors carry most of the exchange between the two economies. Key elements include:
Automotive parts: Components cross the border many times before a vehicle is finished.
Agriculture: Mexican fruit and vegetables reach Canadian shops in winter.
Energy: Oil, gas and electricity equipment form a growing share of the goods traded.
Mining: Canadian companies operate many of the silver and gold mines in Mexico.
Debates
Observers disagree on how the gains are shared. In the 1990s critics said jobs moved south.
Labour standards: Unions argue that wages in export factories stay low.
Environmental rules: Groups on both sides want the same standards for mines and farms.
Dispute settlement: Firms want a predictable panel to settle claims.
Rules of origin: Thresholds decide how much of a product must be made in the region.
"""


def _history(context: LearnerContext, how_many: int) -> None:
    """Review ``how_many`` questions spread over the documents, started 1 to 80 days ago."""
    db = context.store.db
    config = SchedulerConfig(fuzz=False)
    picked = [r[0] for r in db.execute(
        "SELECT question_id FROM cards WHERE queue = 0 ORDER BY (question_id * 7919) % 101"
        " LIMIT ?", [how_many],
    )]  # fmt: skip
    spans = (80, 45, 20, 9, 3, 1)
    for n, qpk in enumerate(picked):
        when = NOW - timedelta(days=spans[n % len(spans)], hours=n)
        reps = 0
        while when < NOW - timedelta(hours=2):
            card = cards.get_card(db, qpk)
            rating = Rating.AGAIN if reps == 3 and n % 4 == 0 else Rating.GOOD
            after = schedule(card.state, rating, when, config, seed=str(qpk))
            record = ReviewRecord(qpk, int(when.timestamp() * 1000), int(rating), True, "", 8000)
            cards.record_review(db, card, after, record)
            when = max(when + timedelta(minutes=10), datetime.fromtimestamp(after.due, UTC))
            reps += 1


def _save(widget: QWidget, out: Path, name: str, suffix: str) -> None:
    QApplication.processEvents()
    widget.grab().save(str(out / f"{name}{suffix}.png"))


def shoot(out: Path, theme: str, size: tuple[int, int], data: Path, added: AddedDocument) -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    apply_theme(app, theme)  # type: ignore[arg-type]
    suffix = "" if theme == "light" else f"-{theme}"
    suffix += "" if size == (1000, 720) else f"-{size[0]}x{size[1]}"
    context = open_learner_store(str(data), NOW, profile="Ana")
    window = MainWindow(context.store, lambda: NOW)
    window.resize(*size)
    window.show()
    window.home.show_library()
    _save(window, out, "library", suffix)
    window.home.show_document(window.home.library_view.cards[0].document_id)
    _save(window, out, "document", suffix)
    source = data / "canada-mexico.txt"
    dialog = AddDialog(context.store, context.paths, NOW, source, "document", window)
    dialog.show()
    dialog._progressed(3, len(STEPS), "Generating questions for 4 sections")
    _save(dialog, out, "add-document-progress", suffix)
    dialog._succeeded(added)
    _save(dialog, out, "add-document-summary", suffix)
    dialog.close()
    chooser = ProfileDialog(DataFolder(data), lambda: NOW)
    chooser.show()
    _save(chooser, out, "profile-chooser", suffix)
    chooser.close()
    window.close()
    context.store.close()


def prepare(data: Path) -> AddedDocument:
    context = open_learner_store(str(data), NOW, profile="Ana")
    source = data / "canada-mexico.txt"
    source.write_text(SECOND_DOCUMENT, encoding="utf-8")
    added = add_document(context.store, context.paths, source, NOW)
    _history(context, 36)
    context.store.close()
    folder = DataFolder(data)
    for name in ("Bob", "Class 3-B"):
        create_profile(folder, name, NOW)
    return added


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp)
        added = prepare(data)
        for theme, size in (
            ("light", (1000, 720)),
            ("dark", (1000, 720)),
            ("light", (800, 600)),
            ("dark", (800, 600)),
        ):
            shoot(out, theme, size, data, added)
    print(f"library screenshots written to {out}")


if __name__ == "__main__":
    main()
