"""The bank's questions as a lazy table model, and the filter the editor puts in front of it.

The model holds the questions in a plain list and computes every cell on
demand, so a 10,000-question bank opens without building anything per row;
an edit replaces one entry and signals one row.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor

from tradequiz.bank.checks import FieldProblem, SourceFacts, question_problems
from tradequiz.bank.model import KIND_LABELS, Question
from tradequiz.ui.theme import accent

COLUMNS = ("Status", "Kind", "Section", "Question", "Id")
ProblemsRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
# Theme accents, read when painting, so the colours stay readable in light and dark.
STATUS_ACCENTS = {"approved": "good", "rejected": "bad", "orphaned": "muted"}


@dataclass
class CheckContext:
    """What a question is checked against: the bank's sections and its source document."""

    section_ids: set[str] | None
    source: SourceFacts | None


class QuestionTableModel(QAbstractTableModel):
    def __init__(
        self,
        questions: list[Question],
        context: CheckContext,
        parent: QObject | None = None,
        section_titles: dict[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.questions = questions
        self.section_titles = section_titles or {}
        self.context = context
        self._ids = Counter(q.id for q in questions)
        # Problems per question id, computed the first time a row is painted or filtered.
        self._problems: dict[str, list[FieldProblem]] = {}

    # --- Qt model interface ---------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.questions)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        q = self.questions[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                marks = self.problem_counts(q)
                flag = " ✗" if marks[0] else (" ⚠" if marks[1] else "")
                return q.status + flag
            if column == 1:
                return KIND_LABELS.get(q.kind, q.kind)
            if column == 2:
                return self.section_titles.get(q.section, q.section)
            if column == 3:
                return " ".join(q.prompt.split())[:200]
            return q.id
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and q.status in STATUS_ACCENTS:
            return QColor(accent(STATUS_ACCENTS[q.status]))
        if role == Qt.ItemDataRole.ToolTipRole and column in (0, 3):
            problems = self.problems(q)
            if column == 0 and problems:
                return "\n".join(f"{p.severity}: {p.field}: {p.message}" for p in problems)
            return q.prompt if column == 3 else None
        if role == ProblemsRole:
            return self.problems(q)
        return None

    # --- questions ------------------------------------------------------------

    def problems(self, q: Question) -> list[FieldProblem]:
        """Every problem with ``q``, its id's uniqueness included (cached until it changes)."""
        found = self._problems.get(q.id)
        if found is None:
            found = question_problems(q, self.context.section_ids, self.context.source)
            self._problems[q.id] = found
        if self._ids[q.id] > 1:
            return [FieldProblem("id", f"the id {q.id!r} is used by another question"), *found]
        return found

    def problem_counts(self, q: Question) -> tuple[int, int]:
        problems = self.problems(q)
        errors = sum(1 for p in problems if p.severity == "error")
        return errors, len(problems) - errors

    def row_of(self, qid: str) -> int:
        for row, q in enumerate(self.questions):
            if q.id == qid:
                return row
        raise KeyError(qid)

    def replace_question(self, row: int, question: Question) -> None:
        old = self.questions[row]
        self._forget(old)
        self.questions[row] = question
        self._ids[question.id] += 1
        self._problems.pop(question.id, None)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def insert_question(self, row: int, question: Question) -> None:
        self.beginInsertRows(QModelIndex(), row, row)
        self.questions.insert(row, question)
        self._ids[question.id] += 1
        self._problems.pop(question.id, None)
        self.endInsertRows()

    def remove_question(self, row: int) -> Question:
        self.beginRemoveRows(QModelIndex(), row, row)
        question = self.questions.pop(row)
        self._forget(question)
        self.endRemoveRows()
        return question

    def _forget(self, q: Question) -> None:
        self._ids[q.id] -= 1
        if self._ids[q.id] <= 0:
            del self._ids[q.id]
        self._problems.pop(q.id, None)

    def has_id(self, qid: str) -> bool:
        return self._ids[qid] > 0


class QuestionFilter(QSortFilterProxyModel):
    """Filter rows by section, kind, status, problems and text (in prompt, answers or id)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.section = ""
        self.kind = ""
        self.status = ""
        self.text = ""
        self.problems_only = False

    def set_filters(
        self,
        *,
        section: str = "",
        kind: str = "",
        status: str = "",
        text: str = "",
        problems_only: bool = False,
    ) -> None:
        modern = hasattr(self, "beginFilterChange")  # Qt 6.9+; invalidateFilter is deprecated
        if modern:
            self.beginFilterChange()
        self.section, self.kind, self.status = section, kind, status
        self.text, self.problems_only = text.casefold().strip(), problems_only
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, QuestionTableModel)
        q = model.questions[source_row]
        if self.section and q.section != self.section:
            return False
        if self.kind and q.kind != self.kind:
            return False
        if self.status and q.status != self.status:
            return False
        if self.problems_only and not model.problems(q):
            return False
        if self.text:
            haystack = " ".join(
                (q.id, q.prompt, q.answer_text(), " ".join(c.text for c in q.choices))
            ).casefold()
            return self.text in haystack
        return True
