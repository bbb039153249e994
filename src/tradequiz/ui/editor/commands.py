"""Every change in the editor is an undoable command on the question list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from tradequiz.bank.model import Question
from tradequiz.ui.editor.question_model import QuestionTableModel

EDIT_ID = 1

Changed = Callable[[str], None]


class EditQuestion(QUndoCommand):
    """Replace a question; typing in one field of one question merges into one step."""

    def __init__(
        self, model: QuestionTableModel, old: Question, new: Question, field: str, changed: Changed
    ) -> None:
        super().__init__(f"Edit {field} of {old.id}")
        self.model, self.old, self.new, self.field, self.changed = model, old, new, field, changed

    def id(self) -> int:
        return EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditQuestion) or other.old.id != self.new.id:
            return False
        if other.field != self.field or self.field in ("status", "kind"):
            return False
        self.new = other.new
        return True

    def _apply(self, question: Question, current: Question) -> None:
        self.model.replace_question(self.model.row_of(current.id), question)
        self.changed(question.id)

    def redo(self) -> None:
        self._apply(self.new, self.old)

    def undo(self) -> None:
        self._apply(self.old, self.new)


class InsertQuestion(QUndoCommand):
    def __init__(
        self, model: QuestionTableModel, row: int, question: Question, label: str, changed: Changed
    ) -> None:
        super().__init__(label)
        self.model, self.row, self.question, self.changed = model, row, question, changed

    def redo(self) -> None:
        self.model.insert_question(self.row, self.question)
        self.changed(self.question.id)

    def undo(self) -> None:
        self.model.remove_question(self.row)
        self.changed("")


class RemoveQuestion(QUndoCommand):
    def __init__(self, model: QuestionTableModel, row: int, changed: Changed) -> None:
        super().__init__(f"Delete {model.questions[row].id}")
        self.model, self.row, self.changed = model, row, changed
        self.question = model.questions[row]

    def redo(self) -> None:
        self.model.remove_question(self.row)
        self.changed("")

    def undo(self) -> None:
        self.model.insert_question(self.row, self.question)
        self.changed(self.question.id)
