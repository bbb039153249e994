"""The study screen: question, answer, feedback with the source passage, rating."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from tradequiz.scheduling.card_state import Rating
from tradequiz.store.connection import StoreError
from tradequiz.study.session import Feedback, Phase, Shown, StudySession
from tradequiz.ui import messages
from tradequiz.ui.feedback_panel import FeedbackPanel
from tradequiz.ui.question_views import QuestionView, view_for
from tradequiz.ui.rating_bar import RatingBar
from tradequiz.ui.session_end import SessionEndPanel

Clock = Callable[[], datetime]


class StudyPage(QWidget):
    leave = Signal()
    status = Signal(str)  # a short message for the window's status bar
    read_section = Signal(int)
    reviewed = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.session: StudySession | None = None
        self.view: QuestionView | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 12, 18, 14)
        outer.setSpacing(10)

        top = QHBoxLayout()
        self.back_button = QPushButton("◀  Back", self)
        self.back_button.setToolTip("Back to the document (Esc)")
        self.back_button.clicked.connect(self.request_leave)
        self.where = QLabel(self)
        self.where.setTextFormat(Qt.TextFormat.PlainText)  # section titles come from banks
        self.where.setObjectName("muted")
        self.count_new = QLabel(self)
        self.count_new.setObjectName("countNew")
        self.count_new.setToolTip("New questions left today")
        self.count_learning = QLabel(self)
        self.count_learning.setObjectName("countLearning")
        self.count_learning.setToolTip("Questions you are learning, due now")
        self.count_review = QLabel(self)
        self.count_review.setObjectName("countReview")
        self.count_review.setToolTip("Reviews due today")
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.where, 1)
        for label in (self.count_new, self.count_learning, self.count_review):
            top.addWidget(label)
        self.more_button = QToolButton(self)
        self.more_button.setText("⋯")
        self.more_button.setToolTip("Undo, bury, suspend or flag this question")
        self.more_button.setAccessibleName("More actions")
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMenu(QMenu(self.more_button))
        top.addWidget(self.more_button)
        outer.addLayout(top)

        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack, 1)

        # Question + feedback, scrolled when long.
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.card = QFrame()
        self.card.setObjectName("card")
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setContentsMargins(24, 20, 24, 20)
        self.card_layout.setSpacing(10)
        self.feedback = FeedbackPanel(self.card)
        self.feedback.read_section.connect(self._read_section)
        self.card_layout.addWidget(self.feedback)
        self.card_layout.addStretch(1)
        self.scroll_area.setWidget(self.card)
        self.stack.addWidget(self.scroll_area)

        self.end_panel = SessionEndPanel(self)
        self.end_panel.leave.connect(self.request_leave)
        self.end_panel.continue_learning.connect(self._continue_learning)
        self.end_panel.more_new.connect(self._more_new)
        self.end_panel.ahead.connect(self._study_ahead)
        self.stack.addWidget(self.end_panel)

        self.rating = RatingBar(self)
        self.rating.rated.connect(self._rate)
        self.rating.hide()
        outer.addWidget(self.rating)

        QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]

    def set_actions(self, actions: list[QAction]) -> None:
        """The window's study actions, also offered from the page's ⋯ button."""
        menu = self.more_button.menu()
        assert menu is not None
        menu.clear()
        for action in actions:
            menu.addAction(action)

    # --- session -------------------------------------------------------------------------

    def begin(self, session: StudySession, where: str) -> None:
        self.save_pending()
        self.session = session
        self.where.setText(where)
        session.start(self.clock())
        self._render()

    def save_pending(self) -> None:
        """Leaving with an answer on screen stores it with the suggested rating."""
        session = self.session
        if session is None or not session.pending:
            return
        try:
            rating = session.finish_pending(self.clock())
        except StoreError as exc:
            self._not_saved("Your answer was not saved", exc)
            return
        if rating is not None:
            self.reviewed.emit()
            self.status.emit(f"Your last answer was saved as {rating.label}.")

    def request_leave(self) -> None:
        self.save_pending()
        self.leave.emit()

    def _continue_learning(self) -> None:
        if self.session is not None:
            self.session.continue_learning(self.clock())
            self._render()

    def _render(self) -> None:
        session = self.session
        assert session is not None
        self._update_counts()
        if session.phase is Phase.FINISHED or session.current is None:
            self._show_done()
            return
        self._show_question(session.current)

    def _update_counts(self) -> None:
        assert self.session is not None
        counts = self.session.counts(self.clock())
        self.count_new.setText(f"{counts.new} new")
        self.count_learning.setText(f"{counts.learning} learning")
        self.count_review.setText(f"{counts.review} to review")

    def _show_question(self, shown: Shown) -> None:
        if self.view is not None:
            self.card_layout.removeWidget(self.view)
            self.view.hide()
            self.view.deleteLater()
        # Options are shuffled afresh at each review, so their places cannot be learnt.
        seed = f"{shown.stored.question.id}:{shown.card.state.reps}"
        self.view = view_for(shown.stored.question, self.card, seed)
        self.view.answered.connect(self._answered)
        self.card_layout.insertWidget(0, self.view)
        self.feedback.hide()
        self.rating.hide()
        self.stack.setCurrentWidget(self.scroll_area)
        self.scroll_area.verticalScrollBar().setValue(0)
        self.where.setText(shown.section_title)
        self.view.focus_input()

    def _answered(self, response: object) -> None:
        assert self.session is not None
        feedback = self.session.answer(response, self.clock())  # type: ignore[arg-type]
        self._show_feedback(feedback)

    def _show_feedback(self, feedback: Feedback) -> None:
        assert self.session is not None and self.view is not None
        self.view.show_result(feedback)
        self.feedback.show_feedback(feedback, show_expected=not self.view.shows_answer)
        self.rating.prepare(self.session.preview(self.clock()), feedback.verdict.proposed)
        self.rating.show()
        QApplication.processEvents()
        # Scroll just enough to show the verdict, keeping the question above it in view.
        self.scroll_area.ensureWidgetVisible(self.feedback.verdict, 0, 24)
        proposed = feedback.verdict.proposed or Rating.GOOD
        self.rating.buttons[proposed].setFocus()

    def _rate(self, rating: int) -> None:
        session = self.session
        if session is None or session.phase is not Phase.FEEDBACK:
            return
        try:
            session.grade(Rating(rating), self.clock())
        except StoreError as exc:
            # The session is unchanged: the same question and rating bar stay on screen.
            self._not_saved("Your answer was not saved", exc)
            return
        self.reviewed.emit()
        self._render()

    def _not_saved(self, title: str, exc: StoreError) -> None:
        messages.error(
            self,
            title,
            f"{exc}\n\nNothing was changed. Free some disk space (or fix the data folder) "
            "and try again; the question stays on screen.",
        )

    def undo(self) -> None:
        if self.session is None or not self.session.can_undo:
            return
        try:
            self.session.undo(self.clock())
        except StoreError as exc:
            self._not_saved("Undo was not saved", exc)
            return
        self.reviewed.emit()
        self._render()

    def bury(self) -> None:
        if self.session is not None and self.session.current is not None:
            try:
                self.session.bury(self.clock())
            except StoreError as exc:
                self._not_saved("Not saved", exc)
                return
            self.status.emit("Buried until tomorrow. Ctrl+Z brings it back.")
            self._render()

    def suspend(self) -> None:
        if self.session is not None and self.session.current is not None:
            try:
                self.session.suspend(self.clock())
            except StoreError as exc:
                self._not_saved("Not saved", exc)
                return
            self.status.emit(
                "Suspended: it will not be asked again. Ctrl+Z, or Study → Unsuspend all, "
                "brings it back."
            )
            self._render()

    def _read_section(self) -> None:
        if self.session is not None and self.session.current is not None:
            self.read_section.emit(self.session.current.card.section_id)

    def _show_done(self) -> None:
        assert self.session is not None
        self.rating.hide()
        self.end_panel.show_for(self.session, self.clock())
        self.stack.setCurrentWidget(self.end_panel)

    def _more_new(self, count: int) -> None:
        if self.session is not None:
            self.session.extend_new(count, self.clock())
            self._render()

    def _study_ahead(self, days: int) -> None:
        if self.session is not None:
            self.session.study_ahead(days, self.clock())
            self._render()

    def flag(self, note: str) -> None:
        if self.session is not None and self.session.current is not None:
            self.session.flag(note)

    # --- keyboard ------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self.isVisible() or self.session is None:
            return False
        if not isinstance(event, QKeyEvent):
            return False
        active = QApplication.activeWindow()
        if active is not None and active is not self.window():
            return False  # a dialog is open: its keys are its own
        return self.handle_key(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        session = self.session
        assert session is not None
        key, text = event.key(), event.text()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            return False  # menu shortcuts (Ctrl+Z …) handle these
        focus = QApplication.focusWidget()
        typing = isinstance(focus, QLineEdit) and not focus.isReadOnly()
        if key == Qt.Key.Key_Escape:
            self.request_leave()
            return True
        if session.phase is Phase.ASKING and self.view is not None:
            if typing:
                return False
            return self.view.handle_key(event)
        if session.phase is Phase.FEEDBACK:
            if text in ("1", "2", "3", "4"):
                self._rate(int(text))
                return True
            if key in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
                # Self-rated questions default to Good, as in Anki.
                self._rate(int(self.rating.proposed or Rating.GOOD))
                return True
        return False
