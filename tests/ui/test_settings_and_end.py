from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.kinds_bank import load_kinds_bank, question_pk
from tradequiz.store.cards import Scope
from tradequiz.store.opening import Store
from tradequiz.study.preferences import load_preferences
from tradequiz.ui.appearance import load_appearance
from tradequiz.ui.main_window import MainWindow
from tradequiz.ui.settings_dialog import SettingsDialog


def test_settings_dialog_saves_preferences_and_appearance(
    qtbot: QtBot, store: Store, now: datetime
) -> None:
    window = MainWindow(store, lambda: now)
    qtbot.addWidget(window)

    def fill() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, SettingsDialog))
        dialog.new_per_day.setValue(7)
        dialog.retention.setValue(0.85)
        dialog.learning.setText("2m 20m")
        dialog.rollover.setValue(6)
        dialog.theme.setCurrentIndex(2)
        dialog.font_size.setValue(120)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        ok.click()

    QTimer.singleShot(0, fill)
    window.edit_settings()
    prefs = load_preferences(store.db)
    assert (prefs.new_per_day, prefs.desired_retention, prefs.rollover_hour) == (7, 0.85, 6)
    assert prefs.learning_steps_minutes == (2.0, 20.0)
    assert window.prefs == prefs
    appearance = load_appearance(window.library_actions.settings)
    assert (appearance.theme, appearance.font_scale) == ("dark", 1.2)
    session = window._new_session(Scope())
    assert session.limits.new_per_day == 7
    assert session.config.learning_steps == (120, 1200)


def test_bad_steps_are_shown_next_to_the_field(qtbot: QtBot, store: Store, now: datetime) -> None:
    window = MainWindow(store, lambda: now)
    dialog = SettingsDialog(window.prefs, load_appearance(None), window)
    qtbot.addWidget(dialog)
    dialog.learning.setText("ten minutes")
    dialog._accept()
    assert dialog.isVisible() or not dialog.result()
    assert not dialog.step_error.isHidden()
    assert "ten" in dialog.step_error.text()


def test_end_of_session_summary_and_offers(qtbot: QtBot, empty_store: Store, now: datetime) -> None:
    load_kinds_bank(empty_store, now)
    window = MainWindow(empty_store, lambda: now)
    qtbot.addWidget(window)
    window.show()
    window._start(Scope(question_ids=(question_pk(empty_store, "k-tf"),)), "test")
    qtbot.keyClick(window.study, "f")
    qtbot.keyClick(window.study, "4")  # Easy: out of learning, so nothing is left today
    panel = window.study.end_panel
    assert window.study.stack.currentWidget() is panel
    assert panel.title.text() == "Session complete"
    assert "1 question, 100% of them right" in panel.text.text()
    due = empty_store.db.execute("SELECT due FROM cards WHERE state = 2").fetchone()[0]
    days = round((due - now.timestamp()) / 86400)
    assert panel.next_text.text().startswith(f"Next review in {days}d")
    assert panel.new_button.isHidden()  # the scope holds no other question


def test_nothing_due_offers_new_questions(qtbot: QtBot, empty_store: Store, now: datetime) -> None:
    load_kinds_bank(empty_store, now)
    window = MainWindow(empty_store, lambda: now)
    qtbot.addWidget(window)
    window.show()
    window.prefs = window.prefs.__class__(new_per_day=0)
    window.start_document(1)
    panel = window.study.end_panel
    assert panel.title.text() == "Nothing due right now"
    assert not panel.new_button.isHidden()
    assert panel.new_button.text() == "Learn 8 more new"
    panel.new_button.click()
    assert window.study.session is not None and window.study.session.current is not None
    assert window.study.stack.currentWidget() is window.study.scroll_area
