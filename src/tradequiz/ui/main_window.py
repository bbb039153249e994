"""The main window: home and study pages, menus and shortcuts."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from tradequiz import __version__
from tradequiz.humanize import plural
from tradequiz.paths import DataPaths
from tradequiz.progress.calendar import DayCalendar
from tradequiz.scheduling.study_day import study_day
from tradequiz.shipped import refusal_text, try_load_bank_file
from tradequiz.store import cards as card_store
from tradequiz.store import documents, library
from tradequiz.store.backup import AutoBackup
from tradequiz.store.cards import QueueCounts, Scope
from tradequiz.store.opening import Store
from tradequiz.store.settings import get_meta
from tradequiz.study.preferences import load_preferences, save_preferences
from tradequiz.study.session import StudySession
from tradequiz.ui import messages
from tradequiz.ui.appearance import apply_appearance, load_appearance, save_appearance
from tradequiz.ui.home_page import HomePage
from tradequiz.ui.library_actions import LibraryActions
from tradequiz.ui.progress_actions import ProgressActions
from tradequiz.ui.progress_page import ProgressPage
from tradequiz.ui.reader_dialog import ReaderDialog
from tradequiz.ui.settings_dialog import get_settings
from tradequiz.ui.study_page import StudyPage

if TYPE_CHECKING:
    from tradequiz.ui.editor.window import EditorWindow

Clock = Callable[[], datetime]
# How often the window asks AutoBackup whether a backup is due (it keeps 30 minutes apart).
HOME_REFRESH_MS = 60 * 1000
BACKUP_TICK_MS = 5 * 60 * 1000


def _bank_actions() -> ModuleType:
    """The instructor's editor, imported when first used rather than at every start."""
    from tradequiz.ui.editor import actions

    return actions


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        clock: Clock,
        parent: QWidget | None = None,
        *,
        auto_backup: AutoBackup | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.auto_backup = auto_backup
        self._backup_warned = False
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_TICK_MS)
        self.backup_timer.timeout.connect(self.backup_if_due)
        if auto_backup is not None:
            self.backup_timer.start()
        self.clock = clock
        self.prefs = load_preferences(store.db)
        self.setWindowTitle("TradeQuiz")
        self.setMinimumSize(640, 480)
        self.resize(1000, 720)
        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.home = HomePage(store, clock, self._day_end, self, self._counts_for,
                             get_meta(store.db, "learner_name") or "")  # fmt: skip
        self.study = StudyPage(clock, self)
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.study)
        self.home.study_all.connect(self.start_document)
        self.home.study_section.connect(self.start_section)
        self.home.study_everything.connect(self.start_everything)
        self.home.read_section.connect(self.read_section)
        self.study.leave.connect(self.show_home)
        self.study.status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.study.read_section.connect(self.read_section)
        self.progress_page = ProgressPage(store, clock, self._calendar, self)
        self.pages.addWidget(self.progress_page)
        self.progress_actions = ProgressActions(self)
        self._build_menus()
        self.progress_actions.add_to_menus()
        self.home.show_start()
        # The home page's counts change with the clock (the day rolls over, learning steps
        # fall due): refresh them while it is on screen, and when the window comes back.
        self.home_timer = QTimer(self)
        self.home_timer.setInterval(HOME_REFRESH_MS)
        self.home_timer.timeout.connect(self.refresh_home_if_shown)
        self.home_timer.start()
        self.show_home()

    def _calendar(self) -> DayCalendar:
        return DayCalendar(rollover_hour=self.rollover_hour)

    @property
    def rollover_hour(self) -> int:
        return self.prefs.rollover_hour

    def _day_end(self) -> int:
        return study_day(self.clock(), self.rollover_hour).end

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        for label, slot in (
            ("&Edit question bank…", lambda: self.edit_bank_file(None)),
            ("E&xport bank…", lambda: _bank_actions().export_bank(self, self.clock())),
            ("&Import bank…", lambda: _bank_actions().import_bank(self)),
        ):
            bank_action = QAction(label, self)
            bank_action.triggered.connect(slot)
            file_menu.addAction(bank_action)
        file_menu.addSeparator()
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.library_actions = LibraryActions(self, file_menu, DataPaths(self.store.path.parent))

        study_menu = bar.addMenu("&Study")
        self.undo_action = QAction("&Undo last answer", self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.study.undo)
        self.bury_action = QAction("&Bury until tomorrow", self)
        self.bury_action.setShortcut(QKeySequence("-"))
        self.bury_action.triggered.connect(self.study.bury)
        self.suspend_action = QAction("&Suspend question", self)
        self.suspend_action.setShortcut(QKeySequence("@"))
        self.suspend_action.triggered.connect(self.study.suspend)
        self.flag_action = QAction("&Flag for the instructor…", self)
        self.flag_action.setShortcut(QKeySequence("Ctrl+1"))
        self.flag_action.triggered.connect(self.flag_question)
        self.study_actions = [
            self.undo_action,
            self.bury_action,
            self.suspend_action,
            self.flag_action,
        ]
        for action in self.study_actions:
            study_menu.addAction(action)
        study_menu.addSeparator()
        self.unsuspend_action = QAction("U&nsuspend all questions…", self)
        self.unsuspend_action.triggered.connect(self.unsuspend_all)
        study_menu.addAction(self.unsuspend_action)
        self.study.set_actions(self.study_actions)

        tools_menu = bar.addMenu("&Tools")
        settings_action = QAction("&Settings…", self)
        settings_action.setShortcut(QKeySequence("Ctrl+,"))
        settings_action.triggered.connect(self.edit_settings)
        tools_menu.addAction(settings_action)

        help_menu = bar.addMenu("&Help")
        shortcuts = QAction("&Keyboard shortcuts", self)
        shortcuts.setShortcut(QKeySequence.StandardKey.HelpContents)
        shortcuts.triggered.connect(lambda: messages.show_shortcuts(self))
        about = QAction("&About TradeQuiz", self)
        about.triggered.connect(
            lambda: messages.info(self, "About TradeQuiz", f"TradeQuiz {__version__}")
        )
        help_menu.addAction(shortcuts)
        help_menu.addAction(about)
        self._set_study_actions(False)

    def _set_study_actions(self, studying: bool) -> None:
        for action in self.study_actions:
            action.setEnabled(studying)

    def _new_session(self, scope: Scope) -> StudySession:
        return StudySession(
            self.store,
            scope,
            study_day(self.clock(), self.prefs.rollover_hour),
            config=self.prefs.scheduler(),
            limits=self.prefs.limits(),
        )

    def unsuspend_all(self) -> None:
        """Give back every suspended question (of the open document, or of all)."""
        document_id = self.home.document_id
        scope = Scope(document_id=document_id) if document_id is not None else Scope()
        count = card_store.unsuspend_all(self.store.db, scope)
        self.statusBar().showMessage(
            f"{plural(count, 'question')} back in study" if count else "No question is suspended",
            6000,
        )
        if self.pages.currentWidget() is self.home:
            self.home.refresh()

    def flag_question(self) -> None:
        session = self.study.session
        if session is None or session.current is None:
            return
        note, ok = messages.ask_text(
            self, "Flag for the instructor", "What is wrong with this question? (optional)"
        )
        if ok:
            self.study.flag(note)
            self.statusBar().showMessage("Flagged for the instructor", 4000)

    def edit_settings(self) -> None:
        profile = self.library_actions.settings
        prefs, appearance, ok = get_settings(self, self.prefs, load_appearance(profile))
        if not ok:
            return
        save_preferences(self.store.db, prefs)
        self.prefs = prefs
        save_appearance(profile, appearance)
        apply_appearance(appearance)
        self.library_actions.theme_actions[appearance.theme].setChecked(True)
        if self.pages.currentWidget() is self.home:
            self.home.refresh()

    def _counts_for(self, scope: Scope) -> QueueCounts:
        """Today's counts as a session would study them (daily limits applied)."""
        return self._new_session(scope).counts(self.clock())

    def start_everything(self) -> None:
        self._start(Scope(), "All documents")

    def start_document(self, document_id: int) -> None:
        self._start(Scope(document_id=document_id), "All sections")

    def start_section(self, section_id: int) -> None:
        title = library.section(self.store.db, section_id).title
        self._start(Scope(section_id=section_id), title)

    def _start(self, scope: Scope, where: str) -> None:
        self.pages.setCurrentWidget(self.study)
        self._set_study_actions(True)
        self.study.begin(self._new_session(scope), where)

    def begin_session(self, session: StudySession, where: str) -> None:
        """Study an already-built session (e.g. practising the weakest questions)."""
        self.pages.setCurrentWidget(self.study)
        self._set_study_actions(True)
        self.study.begin(session, where)

    def edit_bank_file(self, path: Path | None) -> EditorWindow | None:
        """Open the bank editor; a bank this learner studies is reloaded on every save."""
        editor: EditorWindow | None = _bank_actions().edit_bank(
            self, path, on_saved=self.reload_bank
        )
        return editor

    def reload_bank(self, path: Path) -> None:
        """Bring a saved bank into the learner's database (by question id: history stays)."""
        if documents.by_bank_path(self.store.db, str(path)) is None:
            return  # not one of this learner's banks
        result = try_load_bank_file(self.store, path, self.clock())
        if result.refused:
            messages.error(
                self,
                "The saved bank was not loaded",
                "The bank was saved, but it has errors, so your study questions are unchanged:"
                "\n\n" + refusal_text([result]),
            )
            return
        summary = result.summary
        self.statusBar().showMessage(
            f"Bank reloaded: {summary.added} added, {summary.updated} changed, "
            f"{summary.orphaned} no longer studied",
            6000,
        )
        if self.pages.currentWidget() is self.home:
            self.home.refresh()

    def read_section(self, section_id: int) -> None:
        if ReaderDialog(self.store, section_id, self).exec() == ReaderDialog.STUDY:
            self.start_section(section_id)

    def show_home(self) -> None:
        self.home.refresh()
        self._set_study_actions(False)
        self.pages.setCurrentWidget(self.home)

    def backup_if_due(self) -> None:
        """Timer: back up when the database changed and the last backup is 30 minutes old."""
        if self.auto_backup is not None:
            self._backup(lambda b: b.tick(self.clock()))

    def _backup(self, take: Callable[[AutoBackup], object]) -> None:
        assert self.auto_backup is not None
        try:
            take(self.auto_backup)
        except (OSError, sqlite3.Error) as exc:
            # Once per run: a full disk would otherwise repeat this every few minutes.
            if not self._backup_warned:
                self._backup_warned = True
                messages.warning(
                    self,
                    "Backup failed",
                    f"TradeQuiz could not back up your data to {self.auto_backup.folder}: "
                    f"{getattr(exc, 'strerror', None) or exc}. Your answers are still saved "
                    "in the database.",
                )

    def refresh_home_if_shown(self) -> None:
        if self.pages.currentWidget() is self.home and self.isVisible():
            self.home.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.refresh_home_if_shown()

    def bring_to_front(self) -> None:
        """Another launch asked for this window (single instance)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.backup_timer.stop()
        if self.auto_backup is not None:
            self._backup(lambda b: b.on_close(self.clock()))
            self.auto_backup = None  # once: the store closes after the window
        super().closeEvent(event)
