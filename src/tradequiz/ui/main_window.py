"""The main window: home and study pages, menus and shortcuts."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from tradequiz import __version__
from tradequiz.scheduling.study_day import study_day
from tradequiz.store import library
from tradequiz.store.backup import AutoBackup
from tradequiz.store.cards import Scope
from tradequiz.store.opening import Store
from tradequiz.study.session import StudySession
from tradequiz.ui import messages
from tradequiz.ui.home_page import HomePage
from tradequiz.ui.reader_dialog import ReaderDialog
from tradequiz.ui.study_page import StudyPage

Clock = Callable[[], datetime]
# How often the window asks AutoBackup whether a backup is due (it keeps 30 minutes apart).
BACKUP_TICK_MS = 5 * 60 * 1000


class MainWindow(QMainWindow):
    def __init__(self, store: Store, clock: Clock, rollover_hour: int = 4,
                 parent: QWidget | None = None, *,
                 auto_backup: AutoBackup | None = None) -> None:  # fmt: skip
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
        self.rollover_hour = rollover_hour
        self.setWindowTitle("TradeQuiz")
        self.setMinimumSize(640, 480)
        self.resize(1000, 720)
        self.pages = QStackedWidget(self)
        self.setCentralWidget(self.pages)
        self.home = HomePage(store, clock, self._day_end, self)
        self.study = StudyPage(clock, self)
        self.pages.addWidget(self.home)
        self.pages.addWidget(self.study)
        self.home.study_all.connect(self.start_document)
        self.home.study_section.connect(self.start_section)
        self.study.leave.connect(self.show_home)
        self.study.read_section.connect(self.read_section)
        self._build_menus()
        documents = library.documents(store.db)
        if documents:
            self.home.show_document(documents[0].id)
        self.show_home()

    def _day_end(self) -> int:
        return study_day(self.clock(), self.rollover_hour).end

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

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
        for action in (self.undo_action, self.bury_action, self.suspend_action):
            study_menu.addAction(action)

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
        for action in (self.undo_action, self.bury_action, self.suspend_action):
            action.setEnabled(studying)

    def _new_session(self, scope: Scope) -> StudySession:
        return StudySession(self.store, scope, study_day(self.clock(), self.rollover_hour))

    def start_document(self, document_id: int) -> None:
        self._start(Scope(document_id=document_id), "All sections")

    def start_section(self, section_id: int) -> None:
        title = library.section(self.store.db, section_id).title
        self._start(Scope(section_id=section_id), title)

    def _start(self, scope: Scope, where: str) -> None:
        self.pages.setCurrentWidget(self.study)
        self._set_study_actions(True)
        self.study.begin(self._new_session(scope), where)

    def read_section(self, section_id: int) -> None:
        ReaderDialog(self.store, section_id, self).exec()

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
        super().closeEvent(event)
