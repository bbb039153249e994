"""The editor window: filterable table, the question's form, and a live learner's preview."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from tradequiz.bank.model import (
    KIND_LABELS,
    KINDS,
    STATUSES,
    Bank,
    Choice,
    Pair,
    Question,
    stable_id,
)
from tradequiz.bank.problems import BankError
from tradequiz.bank.source import read_source_document
from tradequiz.bank.validate import source_facts
from tradequiz.bank.yaml_io import LoadedBank, load_bank, save_bank
from tradequiz.ui import messages
from tradequiz.ui.editor.commands import EditQuestion, InsertQuestion, RemoveQuestion
from tradequiz.ui.editor.form import QuestionForm
from tradequiz.ui.editor.question_model import (
    CheckContext,
    QuestionFilter,
    QuestionTableModel,
)
from tradequiz.ui.question_views import QuestionView, view_for


def new_question(qid: str, kind: str, section: str) -> Question:
    """A new question of ``kind`` with placeholder content, so its form has something to edit."""
    base = Question(
        id=qid,
        kind=kind,  # type: ignore[arg-type]
        section=section,
        prompt="New question",
        generator="editor",
    )
    if kind in ("multiple_choice", "debate"):
        return replace(
            base,
            choices=(
                Choice("Right answer", True),
                Choice("Wrong answer"),
                Choice("Another wrong answer"),
            ),
        )
    if kind == "true_false":
        return replace(base, truth=True)
    if kind == "cloze":
        return replace(base, prompt="The ____ is …", answers=("answer",))
    if kind in ("short_answer", "flashcard"):
        return replace(base, answers=("answer",))
    if kind == "matching":
        return replace(base, pairs=(Pair("one", "1"), Pair("two", "2"), Pair("three", "3")))
    return replace(base, items=("first", "second", "third"))


def open_loaded(path: Path) -> tuple[LoadedBank, CheckContext]:
    """The bank file and what its questions are checked against; BankError when unreadable."""
    loaded = load_bank(path)
    try:
        document = read_source_document(path, loaded.bank.source)
    except BankError:
        document = None  # the editor still opens; the validator reports the missing document
    source = source_facts(document, loaded.bank.source) if document is not None else None
    sections = loaded.bank.section_ids() if loaded.bank.sections else None
    return loaded, CheckContext(sections, source)


class EditorWindow(QMainWindow):
    saved = Signal(Path)

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.loaded, context = open_loaded(path)
        self.bank: Bank = self.loaded.bank
        self.setWindowTitle(f"Edit question bank — {self.bank.title}")
        self.resize(1200, 800)
        self.undo_stack = QUndoStack(self)
        titles = {section.id: section.title for section in self.bank.sections}
        self.model = QuestionTableModel(list(self.bank.questions), context, self, titles)
        self.proxy = QuestionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.preview: QuestionView | None = None
        self._current_id = ""
        self._build()
        self.undo_stack.cleanChanged.connect(self._update_title)
        self.undo_stack.indexChanged.connect(lambda _i: self._update_status())
        if self.model.questions:
            self.select(self.model.questions[0].id)
        self._update_status()

    # --- layout ---------------------------------------------------------------

    def _build(self) -> None:
        toolbar = QToolBar("Bank", self)
        toolbar.setObjectName("editorToolbar")
        self.addToolBar(toolbar)
        self.new_kind = QComboBox()
        self.new_kind.setObjectName("newKind")
        for kind in KINDS:
            self.new_kind.addItem(KIND_LABELS.get(kind, kind), kind)
        self.actions_: dict[str, QAction] = {}
        for key, label, shortcut, slot in (
            ("save", "&Save", QKeySequence.StandardKey.Save, self.save),
            ("undo", "Undo", QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            ("redo", "Redo", QKeySequence.StandardKey.Redo, self.undo_stack.redo),
            ("add", "Add", QKeySequence("Ctrl+N"), self.add_question),
            ("duplicate", "Duplicate", QKeySequence("Ctrl+D"), self.duplicate_question),
            ("delete", "Delete", QKeySequence.StandardKey.Delete, self.delete_question),
            ("approve", "Approve", QKeySequence("Ctrl+Return"), self.approve),
            ("reject", "Reject", QKeySequence("Ctrl+Backspace"), self.reject),
        ):
            action = QAction(label, self)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
            self.actions_[key] = action
            if key == "add":
                toolbar.addSeparator()
                toolbar.addWidget(self.new_kind)
            toolbar.addAction(action)
            self.addAction(action)
        self.undo_stack.canUndoChanged.connect(self.actions_["undo"].setEnabled)
        self.undo_stack.canRedoChanged.connect(self.actions_["redo"].setEnabled)
        self.actions_["undo"].setEnabled(False)
        self.actions_["redo"].setEnabled(False)

        filters = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search questions, answers, ids…")
        self.search.setClearButtonEnabled(True)
        self.section_filter = QComboBox()
        self.section_filter.addItem("All sections", "")
        for s in self.bank.sections:
            self.section_filter.addItem(s.title, s.id)
        self.kind_filter = QComboBox()
        self.kind_filter.addItem("All kinds", "")
        for kind in KINDS:
            self.kind_filter.addItem(KIND_LABELS.get(kind, kind), kind)
        self.status_filter = QComboBox()
        self.status_filter.addItem("Any status", "")
        for status in STATUSES:
            self.status_filter.addItem(status.capitalize(), status)
        self.problems_filter = QCheckBox("With problems")
        for combo in (self.section_filter, self.kind_filter, self.status_filter):
            # Long section titles must not make the table side wider than the window.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(4)
            filters.addWidget(combo, 1)
        self.search.textChanged.connect(self.apply_filters)
        for combo in (self.section_filter, self.kind_filter, self.status_filter):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.problems_filter.toggled.connect(self.apply_filters)

        self.table = QTableView()
        # Prompts often share their opening words; keep both ends of a long one in view.
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setObjectName("questionTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        # Fixed row heights: the view never measures 10,000 rows.
        vertical = self.table.verticalHeader()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().lineSpacing() + 10)
        vertical.hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((80, 110, 120, 320, 110)):
            self.table.setColumnWidth(column, width)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(8, 8, 4, 8)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search, 1)
        search_row.addWidget(self.problems_filter)
        left_layout.addLayout(search_row)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        left_layout.addWidget(self.count_label)

        self.form = QuestionForm()
        self.form.set_sections(self.bank.sections)
        self.form.edited.connect(self._form_edited)
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setWidget(self.form)
        self.preview_card = QFrame()
        self.preview_card.setObjectName("card")
        self.preview_layout = QVBoxLayout(self.preview_card)
        self.preview_layout.setContentsMargins(24, 20, 24, 20)
        # Wrapped labels report their height only for a width: let the card grow to fit them.
        self.preview_layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetMinimumSize)
        preview_title = QLabel("Preview — as the learner sees it")
        preview_title.setObjectName("muted")
        self.preview_layout.addWidget(preview_title)
        self.preview_layout.addStretch(1)
        preview_scroll = QScrollArea()
        preview_scroll.setWidgetResizable(True)
        preview_scroll.setWidget(self.preview_card)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(form_scroll)
        right.addWidget(preview_scroll)
        right.setSizes([460, 300])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([500, 500])
        self.setCentralWidget(splitter)

    # --- selection and display ------------------------------------------------

    def current_question(self) -> Question | None:
        if not self._current_id or not self.model.has_id(self._current_id):
            return None
        return self.model.questions[self.model.row_of(self._current_id)]

    def select(self, qid: str) -> None:
        """Show question ``qid`` in the form and select its row (clearing filters that hide it)."""
        row = self.model.row_of(qid)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self._show(qid)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            source = self.proxy.mapToSource(current)
            self._show(self.model.questions[source.row()].id)

    def _show(self, qid: str) -> None:
        self._current_id = qid
        question = self.current_question()
        self.form.set_question(question)
        self._refresh_details(question)

    def _refresh_details(self, question: Question | None) -> None:
        if question is not None:
            self.form.show_problems(self.model.problems(question))
        self._show_preview(question)

    def _show_preview(self, question: Question | None) -> None:
        if self.preview is not None:
            self.preview_layout.removeWidget(self.preview)
            self.preview.hide()
            self.preview.deleteLater()
            self.preview = None
        if question is not None:
            self.preview = view_for(question, self.preview_card)
            self.preview_layout.insertWidget(1, self.preview)

    def _changed(self, qid: str) -> None:
        """Called by every command after it changed the list: refresh only what shows it."""
        if qid and qid != self._current_id:
            self.select(qid)
        elif qid:
            question = self.current_question()
            if question is not None and question != self.form.question:
                self.form.set_question(question)
            self._refresh_details(question)
        else:
            current = self.table.currentIndex()
            if current.isValid():
                self._row_changed(current, current)
            else:
                self._show("")
        self._update_status()

    # --- filters --------------------------------------------------------------

    def apply_filters(self) -> None:
        self.proxy.set_filters(
            section=self.section_filter.currentData() or "",
            kind=self.kind_filter.currentData() or "",
            status=self.status_filter.currentData() or "",
            text=self.search.text(),
            problems_only=self.problems_filter.isChecked(),
        )
        self._update_status()

    def clear_filters(self) -> None:
        for widget in (self.section_filter, self.kind_filter, self.status_filter):
            widget.blockSignals(True)
            widget.setCurrentIndex(0)
            widget.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.problems_filter.blockSignals(True)
        self.problems_filter.setChecked(False)
        self.problems_filter.blockSignals(False)
        self.apply_filters()

    # --- edits ----------------------------------------------------------------

    def _form_edited(self, new: Question, field: str) -> None:
        old = self.current_question()
        if old is None:
            return
        self.undo_stack.push(EditQuestion(self.model, old, new, field, self._changed))

    def approve(self) -> None:
        self.set_status("approved")

    def reject(self) -> None:
        self.set_status("rejected")

    def set_status(self, status: str) -> None:
        old = self.current_question()
        if old is not None and old.status != status:
            new = replace(old, status=status)  # type: ignore[arg-type]
            self.undo_stack.push(EditQuestion(self.model, old, new, "status", self._changed))

    def _unique_id(self, *parts: str) -> str:
        n = 0
        while True:
            qid = stable_id(self.bank.id, *parts, str(n), prefix="q")
            if not self.model.has_id(qid):
                return qid
            n += 1

    def add_question(self) -> None:
        kind = self.new_kind.currentData()
        current = self.current_question()
        section = (
            current.section
            if current
            else (self.bank.sections[0].id if self.bank.sections else "main")
        )
        question = new_question(self._unique_id("new", kind, section), kind, section)
        row = self.model.row_of(current.id) + 1 if current else len(self.model.questions)
        label = f"Add {KIND_LABELS.get(kind, kind)}"
        self.undo_stack.push(InsertQuestion(self.model, row, question, label, self._changed))

    def duplicate_question(self) -> None:
        current = self.current_question()
        if current is None:
            return
        copy = replace(
            current,
            id=self._unique_id("copy", current.id),
            status="draft",
            fingerprint="",
            generator="editor",
        )
        row = self.model.row_of(current.id) + 1
        self.undo_stack.push(
            InsertQuestion(self.model, row, copy, f"Duplicate {current.id}", self._changed)
        )

    def delete_question(self) -> None:
        current = self.current_question()
        if current is None:
            return
        self.undo_stack.push(
            RemoveQuestion(self.model, self.model.row_of(current.id), self._changed)
        )

    # --- saving ---------------------------------------------------------------

    def current_bank(self) -> Bank:
        return replace(self.bank, questions=tuple(self.model.questions))

    def error_count(self) -> int:
        return sum(self.model.problem_counts(q)[0] for q in self.model.questions)

    def save(self) -> bool:
        """Write the bank keeping comments and untouched entries; asks first if it has errors."""
        errors = self.error_count()
        if errors and not messages.confirm(
            self,
            "Save a bank with errors?",
            f"{errors} problems are errors. Learners' apps refuse a bank with errors until "
            "they are fixed. Save anyway?",
        ):
            return False
        bank = self.current_bank()
        try:
            save_bank(bank, self.path, self.loaded.tree)
        except OSError as exc:
            messages.error(self, "The bank was not saved", f"{self.path}: {exc.strerror}")
            return False
        self.bank = bank
        self.undo_stack.setClean()
        self.statusBar().showMessage(f"Saved {self.path}", 5000)
        self.saved.emit(self.path)
        return True

    def _update_title(self) -> None:
        star = "" if self.undo_stack.isClean() else " *"
        self.setWindowTitle(f"Edit question bank — {self.bank.title}{star}")

    def _update_status(self) -> None:
        total = len(self.model.questions)
        shown = self.proxy.rowCount()
        self.count_label.setText(f"{shown} of {total} questions shown")

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.undo_stack.isClean():
            keep = messages.confirm(
                self, "Unsaved changes", "Save your changes to the bank before closing?"
            )
            if keep and not self.save():
                event.ignore()
                return
        super().closeEvent(event)
