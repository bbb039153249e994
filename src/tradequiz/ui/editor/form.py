"""The form for one question: common fields, the fields of its kind, problems beside each field.

The form is passive: it shows a question and emits ``edited(question, field)``
with the question as the form now describes it; the window turns that into
an undoable command.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tradequiz.bank.checks import FieldProblem
from tradequiz.bank.model import KIND_LABELS, KINDS, STATUSES, BankSection, Choice, Pair, Question

# The form row a problem's field is shown under ("choices.2.text" → "choices").
FIELD_ROWS = (
    "id",
    "kind",
    "section",
    "status",
    "prompt",
    "choices",
    "truth",
    "answers",
    "pairs",
    "items",
    "explanation",
    "tags",
    "source",
    "difficulty",
)
KIND_ROWS = {
    "choices": {"multiple_choice", "debate"},
    "truth": {"true_false"},
    "answers": {"cloze", "short_answer", "flashcard"},
    "pairs": {"matching"},
    "items": {"ordering"},
}


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class _Text(QPlainTextEdit):
    def __init__(self, name: str, lines: int = 3) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setAccessibleName(name)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)


class QuestionForm(QWidget):
    edited = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question: Question | None = None
        self._loading = False
        self.layout_ = QFormLayout(self)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.problem_labels: dict[str, QLabel] = {}
        self.rows: dict[str, QWidget] = {}

        self.id_edit = QLineEdit()
        self.id_edit.setReadOnly(True)
        self.id_edit.setToolTip("Learners' review history hangs on the id, so it cannot change.")
        self.kind_box = QComboBox()
        for kind in KINDS:
            self.kind_box.addItem(KIND_LABELS.get(kind, kind), kind)
        self.section_box = QComboBox()
        self.status_box = QComboBox()
        for status in STATUSES:
            self.status_box.addItem(status.capitalize(), status)
        self.prompt_edit = _Text("prompt", 3)
        self.choices_table = QTableWidget(0, 3)
        self.choices_table.setObjectName("choices")
        self.choices_table.setHorizontalHeaderLabels(["Correct", "Option", "Feedback"])
        self.choices_table.horizontalHeader().setStretchLastSection(True)
        self.choices_table.setColumnWidth(1, 260)
        self.truth_box = QComboBox()
        self.truth_box.addItem("True", True)
        self.truth_box.addItem("False", False)
        self.answers_edit = _Text("answers", 2)
        self.pairs_table = QTableWidget(0, 2)
        self.pairs_table.setObjectName("pairs")
        self.pairs_table.setHorizontalHeaderLabels(["Left", "Right"])
        self.pairs_table.horizontalHeader().setStretchLastSection(True)
        self.pairs_table.setColumnWidth(0, 200)
        self.items_edit = _Text("items", 4)
        self.explanation_edit = _Text("explanation", 3)
        self.tags_edit = QLineEdit()
        self.tags_edit.setPlaceholderText("comma-separated")

        self._add("id", "Id", self.id_edit)
        self._add("kind", "Kind", self.kind_box)
        self._add("section", "Section", self.section_box)
        self._add("status", "Status", self.status_box)
        self._add("prompt", "Question", self.prompt_edit)
        self._add("choices", "Options", self._with_buttons(self.choices_table, "option"))
        self._add("truth", "The statement is", self.truth_box)
        self._add("answers", "Accepted answers\n(one per line)", self.answers_edit)
        self._add("pairs", "Pairs", self._with_buttons(self.pairs_table, "pair"))
        self._add("items", "Items in order\n(one per line)", self.items_edit)
        self._add("explanation", "Explanation", self.explanation_edit)
        self._add("tags", "Tags", self.tags_edit)
        self._add("source", "", QWidget())

        self.kind_box.currentIndexChanged.connect(lambda: self._emit("kind"))
        self.section_box.currentIndexChanged.connect(lambda: self._emit("section"))
        self.status_box.currentIndexChanged.connect(lambda: self._emit("status"))
        self.truth_box.currentIndexChanged.connect(lambda: self._emit("truth"))
        for name, edit in (
            ("prompt", self.prompt_edit),
            ("answers", self.answers_edit),
            ("items", self.items_edit),
            ("explanation", self.explanation_edit),
        ):
            edit.textChanged.connect(lambda n=name: self._emit(n))
        self.tags_edit.textEdited.connect(lambda: self._emit("tags"))
        self.choices_table.itemChanged.connect(lambda: self._emit("choices"))
        self.pairs_table.itemChanged.connect(lambda: self._emit("pairs"))

    def _with_buttons(self, table: QTableWidget, noun: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        table.setMinimumHeight(120)
        layout.addWidget(table)
        row = QHBoxLayout()
        add = QPushButton(f"Add {noun}")
        add.setObjectName(f"add_{noun}")
        remove = QPushButton(f"Remove {noun}")
        remove.setObjectName(f"remove_{noun}")
        add.clicked.connect(lambda: self._add_row(table))
        remove.clicked.connect(lambda: self._remove_row(table))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        return box

    def _add(self, key: str, label: str, widget: QWidget) -> None:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        problem = QLabel()
        problem.setObjectName("fieldProblem")
        problem.setWordWrap(True)
        problem.setTextFormat(Qt.TextFormat.PlainText)
        problem.hide()
        # Above the field, so a long table or text box never pushes it out of sight.
        layout.addWidget(problem)
        layout.addWidget(widget)
        self.problem_labels[key] = problem
        self.rows[key] = box
        self.layout_.addRow(label, box)

    # --- showing a question ---------------------------------------------------

    def set_sections(self, sections: tuple[BankSection, ...]) -> None:
        self._loading = True
        self.section_box.clear()
        for s in sections:
            self.section_box.addItem(s.title, s.id)
        self._loading = False

    def set_question(self, q: Question | None) -> None:
        self._loading = True
        try:
            self.question = q
            self.setEnabled(q is not None)
            if q is None:
                return
            self.id_edit.setText(q.id)
            self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(q.kind)))
            if self.section_box.findData(q.section) == -1:
                self.section_box.addItem(q.section, q.section)
            self.section_box.setCurrentIndex(self.section_box.findData(q.section))
            self.status_box.setCurrentIndex(max(0, self.status_box.findData(q.status)))
            self._set_text(self.prompt_edit, q.prompt)
            self._fill(
                self.choices_table,
                [("✓" if c.correct else "", c.text, c.feedback) for c in q.choices],
            )
            self.truth_box.setCurrentIndex(0 if q.truth is not False else 1)
            self._set_text(self.answers_edit, "\n".join(q.answers))
            self._fill(self.pairs_table, [(p.left, p.right) for p in q.pairs])
            self._set_text(self.items_edit, "\n".join(q.items))
            self._set_text(self.explanation_edit, q.explanation)
            self.tags_edit.setText(", ".join(q.tags))
            self._show_kind_rows(q.kind)
        finally:
            self._loading = False

    def _set_text(self, edit: QPlainTextEdit, text: str) -> None:
        if edit.toPlainText() != text:
            edit.setPlainText(text)

    def _fill(self, table: QTableWidget, rows: list[tuple[str, ...]]) -> None:
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                if table is self.choices_table and c == 0:
                    item = QTableWidgetItem()
                    item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                    item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
                else:
                    item = QTableWidgetItem(value)
                table.setItem(r, c, item)
        table.blockSignals(False)

    def _show_kind_rows(self, kind: str) -> None:
        for key, kinds in KIND_ROWS.items():
            self.layout_.setRowVisible(self.rows[key], kind in kinds)
        label = self.layout_.labelForField(self.rows["answers"])
        if isinstance(label, QLabel):
            flashcard = kind == "flashcard"
            label.setText("Back of the card" if flashcard else "Accepted answers\n(one per line)")

    def show_problems(self, problems: list[FieldProblem]) -> None:
        by_row: dict[str, list[FieldProblem]] = {}
        for p in problems:
            key = p.field.split(".")[0]
            by_row.setdefault(key if key in self.problem_labels else "source", []).append(p)
        for key, label in self.problem_labels.items():
            found = by_row.get(key, [])
            label.setText(
                "\n".join(f"{'✗' if p.severity == 'error' else '⚠'} {p.message}" for p in found)
            )
            label.setProperty(
                "severity", "error" if any(p.severity == "error" for p in found) else "warning"
            )
            label.setStyleSheet(
                "color: #b3261e;" if label.property("severity") == "error" else "color: #8a6d00;"
            )
            label.setVisible(bool(found))

    # --- reading the form back ------------------------------------------------

    def _table_rows(self, table: QTableWidget) -> list[list[str]]:
        rows = []
        for r in range(table.rowCount()):
            cells = []
            for c in range(table.columnCount()):
                item = table.item(r, c)
                cells.append(item.text().strip() if item is not None else "")
            rows.append(cells)
        return rows

    def current(self) -> Question | None:
        """The question as the form describes it now."""
        q = self.question
        if q is None:
            return None
        kind = self.kind_box.currentData()
        choices = []
        for r, cells in enumerate(self._table_rows(self.choices_table)):
            check = self.choices_table.item(r, 0)
            correct = check is not None and check.checkState() == Qt.CheckState.Checked
            choices.append(Choice(cells[1], correct, cells[2]))
        pairs = [Pair(left, right) for left, right in self._table_rows(self.pairs_table)]
        return replace(
            q,
            kind=kind,
            section=self.section_box.currentData() or q.section,
            status=self.status_box.currentData(),
            prompt=self.prompt_edit.toPlainText().strip(),
            choices=tuple(choices) if kind in KIND_ROWS["choices"] else (),
            truth=self.truth_box.currentData() if kind == "true_false" else None,
            answers=_lines(self.answers_edit.toPlainText()) if kind in KIND_ROWS["answers"] else (),
            pairs=tuple(pairs) if kind == "matching" else (),
            items=_lines(self.items_edit.toPlainText()) if kind == "ordering" else (),
            explanation=self.explanation_edit.toPlainText().strip(),
            tags=tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip()),
        )

    def _emit(self, field: str) -> None:
        if self._loading or self.question is None:
            return
        new = self.current()
        if new is not None and new != self.question:
            if field == "kind":
                self._show_kind_rows(new.kind)
            self.question = new
            self.edited.emit(new, field)

    def _add_row(self, table: QTableWidget) -> None:
        rows = [tuple(r) for r in self._table_rows(table)]
        if table is self.choices_table:
            rows = [("✓" if self._checked(i) else "", *r[1:]) for i, r in enumerate(rows)]
            rows.append(("", "New option", ""))
        else:
            rows.append(("Left", "Right"))
        self._fill(table, rows)
        self._emit("choices" if table is self.choices_table else "pairs")

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow() if table.currentRow() >= 0 else table.rowCount() - 1
        if row >= 0:
            table.removeRow(row)
            self._emit("choices" if table is self.choices_table else "pairs")

    def _checked(self, row: int) -> bool:
        item = self.choices_table.item(row, 0)
        return item is not None and item.checkState() == Qt.CheckState.Checked
