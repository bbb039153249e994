"""The main window: home and study pages, menus and shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import ModuleType

from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from tradequiz import __version__
from tradequiz.progress.calendar import DayCalendar
from tradequiz.scheduling.study_day import study_day
from tradequiz.store import library
from tradequiz.store.cards import Scope
from tradequiz.store.opening import Store
from tradequiz.study.preferences import load_preferences, save_preferences
from tradequiz.study.session import StudySession
from tradequiz.ui import messages
from tradequiz.ui.appearance import apply_appearance, load_appearance, save_appearance
from tradequiz.ui.home_page import HomePage
from tradequiz.ui.progress_actions import ProgressActions
from tradequiz.ui.progress_page import ProgressPage
from tradequiz.ui.reader_dialog import ReaderDialog
from tradequiz.ui.settings_dialog import get_settings
from tradequiz.ui.study_page import StudyPage

Clock = Callable[[], datetime]


def _bank_actions() -> ModuleType:
    """The instructor's editor, imported when first used rather than at every start."""
    from tradequiz.ui.editor import actions

    return actions


class MainWindow(QMainWindow):
    def __init__(self, store: Store, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.clock = clock
        self.prefs = load_preferences(store.db)
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
        self.progress_page = ProgressPage(store, clock, self._calendar, self)
        self.pages.addWidget(self.progress_page)
        self.progress_actions = ProgressActions(self)
        self._build_menus()
        self.progress_actions.add_to_menus()
        documents = library.documents(store.db)
        if documents:
            self.home.show_document(documents[0].id)
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
            ("&Edit question bank…", lambda: _bank_actions().edit_bank(self)),
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
        prefs, appearance, ok = get_settings(self, self.prefs, load_appearance())
        if not ok:
            return
        save_preferences(self.store.db, prefs)
        save_appearance(appearance)
        self.prefs = prefs
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_appearance(app, appearance)
        if self.pages.currentWidget() is self.home:
            self.home.refresh()

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

    def read_section(self, section_id: int) -> None:
        ReaderDialog(self.store, section_id, self).exec()

    def show_home(self) -> None:
        self.home.refresh()
        self._set_study_actions(False)
        self.pages.setCurrentWidget(self.home)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
