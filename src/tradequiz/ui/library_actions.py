"""The File menu's library entries and the View menu's theme, wired to the main window.

Kept out of ``main_window.py`` so the window only has to create this object:
Add document… (also by dropping files on the home page), Add bank…, Remove
document… with Undo until the app closes, Switch profile…, and the theme.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from tradequiz.library import Removal, remove_document, undo_removal
from tradequiz.library.adding import DOCUMENT_SUFFIXES
from tradequiz.library.banks import BANK_SUFFIXES
from tradequiz.paths import DataPaths
from tradequiz.store import documents, library
from tradequiz.store.connection import StoreError
from tradequiz.ui import messages
from tradequiz.ui.add_dialog import AddDialog, JobKind
from tradequiz.ui.app_settings import ProfileSettings
from tradequiz.ui.appearance import apply_appearance, load_appearance, save_appearance
from tradequiz.ui.theme import Theme

if TYPE_CHECKING:
    from tradequiz.ui.main_window import MainWindow

DOCUMENT_FILTER = "Documents (*.txt *.md *.markdown *.text);;All files (*)"
BANK_FILTER = (
    f"Question banks ({' '.join('*' + s for s in BANK_SUFFIXES)});;"
    "TradeQuiz banks (*.yaml *.yml *.json);;Moodle (*.gift *.xml);;Anki (*.apkg);;"
    "Quizlet and spreadsheets (*.csv *.tsv);;All files (*)"
)
THEME_LABELS: tuple[tuple[Theme, str], ...] = (
    ("system", "&System"),
    ("light", "&Light"),
    ("dark", "&Dark"),
)


class LibraryActions(QObject):
    def __init__(self, window: MainWindow, file_menu: QMenu, paths: DataPaths | None) -> None:
        super().__init__(window)
        self.window = window
        self.paths = paths
        self.settings = ProfileSettings(paths) if paths is not None else None
        self.removals: list[Removal] = []
        self.dialogs: list[AddDialog] = []
        self.switch_requested = False

        def action(text: str, slot: object, shortcut: QKeySequence | None = None) -> QAction:
            act = QAction(text, window)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(slot)
            return act

        self.add_document_action = action(
            "&Add document…", self.choose_document, QKeySequence(QKeySequence.StandardKey.Open)
        )
        self.add_bank_action = action("Add &bank…", self.choose_bank)
        self.remove_action = action("&Remove document…", self.remove_document)
        self.undo_remove_action = action("&Undo remove document", self.undo_remove)
        self.undo_remove_action.setEnabled(False)
        self.switch_profile_action = action("Switch &profile…", self.switch_profile)
        first = file_menu.actions()[0] if file_menu.actions() else None
        for act in (
            self.add_document_action,
            self.add_bank_action,
            self.remove_action,
            self.undo_remove_action,
        ):
            file_menu.insertAction(first, act)  # type: ignore[arg-type]
        file_menu.insertSeparator(first)  # type: ignore[arg-type]
        file_menu.insertAction(first, self.switch_profile_action)  # type: ignore[arg-type]
        file_menu.insertSeparator(first)  # type: ignore[arg-type]
        self.switch_profile_action.setEnabled(paths is not None)
        self._theme_menu(window)
        home = window.home
        home.add_document.connect(self.choose_document)
        home.files_dropped.connect(self.add_files)
        home.undo_requested.connect(self.undo_remove)
        home.remove_requested.connect(self.remove_document)

    def _theme_menu(self, window: MainWindow) -> None:
        bar = window.menuBar()
        help_action = next((m.menuAction() for m in bar.findChildren(QMenu)
                            if m.title() == "&Help"), None)  # fmt: skip
        view = QMenu("&View", bar)
        if help_action is not None:
            bar.insertMenu(help_action, view)
        else:
            bar.addMenu(view)
        themes = view.addMenu("&Theme")
        group = QActionGroup(self)
        current = self.settings.theme if self.settings else "system"
        self.theme_actions: dict[str, QAction] = {}
        for theme, label in THEME_LABELS:
            act = QAction(label, group)
            act.setCheckable(True)
            act.setChecked(theme == current)
            act.triggered.connect(lambda _c=False, t=theme: self.set_theme(t))
            themes.addAction(act)
            self.theme_actions[theme] = act

    def set_theme(self, theme: Theme) -> None:
        appearance = replace(load_appearance(self.settings), theme=theme)
        apply_appearance(appearance)
        save_appearance(self.settings, appearance)
        self.theme_actions[theme].setChecked(True)
        self.window.home.refresh()

    def edit_document_bank(self, document_id: int) -> None:
        known = documents.by_id(self.window.store.db, document_id)
        if known is not None and known.bank_path:
            self.window.edit_bank_file(Path(known.bank_path))

    # --- adding -----------------------------------------------------------------------------

    def _at_home(self) -> bool:
        if self.window.pages.currentWidget() is self.window.home:
            return True
        messages.info(self.window, "TradeQuiz", "Finish or leave the study session first.")
        return False

    def choose_document(self) -> None:
        path = messages.choose_file(self.window, "Add a document", DOCUMENT_FILTER)
        if path is not None:
            self.add_file(path, "document")

    def choose_bank(self) -> None:
        path = messages.choose_file(self.window, "Add a question bank", BANK_FILTER)
        if path is not None:
            self.add_file(path, "bank")

    def add_files(self, paths: list[Path]) -> None:
        """Dropped files: banks by their extension, everything else as documents."""
        for path in paths:
            suffix = path.suffix.lower()
            if suffix in BANK_SUFFIXES:
                self.add_file(path, "bank")
            elif suffix in DOCUMENT_SUFFIXES:
                self.add_file(path, "document")
            else:
                messages.error(
                    self.window,
                    "Add document",
                    f"{path.name}: TradeQuiz adds documents (.txt, .md) and question banks "
                    f"({', '.join(BANK_SUFFIXES)}).",
                )
            return  # one at a time: the dialog is window-modal

    def add_file(self, path: Path, kind: JobKind) -> AddDialog | None:
        if self.paths is None or not self._at_home():
            return None
        dialog = AddDialog(self.window.store, self.paths, self.window.clock(), path, kind,
                           self.window)  # fmt: skip
        dialog.library_changed.connect(self.window.home.refresh)
        dialog.study_requested.connect(self.window.start_document)
        dialog.open_requested.connect(self.window.home.show_document)
        dialog.edit_requested.connect(self.edit_document_bank)
        dialog.finished.connect(lambda _r: self.dialogs.remove(dialog))
        self.dialogs.append(dialog)
        dialog.start()
        return dialog

    # --- removing ---------------------------------------------------------------------------

    def remove_document(self, document_id: int | None = None) -> None:
        """Remove ``document_id``, else the open document, else one the learner picks."""
        if self.paths is None or not self._at_home():
            return
        db = self.window.store.db
        if not isinstance(document_id, int) or isinstance(document_id, bool):
            document_id = self.window.home.document_id
        docs = library.documents(db)
        if document_id is None:
            if not docs:
                messages.info(self.window, "Remove document", "Your library is empty.")
                return
            index = messages.choose_item(
                self.window, "Remove document", "Document to remove:", [d.title for d in docs]
            )
            if index is None:
                return
            document_id = docs[index].id
        title = next(d.title for d in docs if d.id == document_id)
        if not messages.confirm(
            self.window,
            "Remove document",
            f"Remove “{title}” and your progress on it from your library?\n\n"
            "Your review history is kept in a backup, and you can undo this until you "
            "close TradeQuiz.",
        ):
            return
        try:
            removal = remove_document(self.window.store, self.paths, document_id,
                                      self.window.clock())  # fmt: skip
        except StoreError as exc:
            messages.error(self.window, "Remove document", str(exc))
            return
        self.removals.append(removal)
        self._update_undo()
        self.window.home.show_library()
        self.window.home.library_view.show_notice(f"Removed “{removal.title}”.", undo=True)

    def _update_undo(self) -> None:
        last = self.removals[-1] if self.removals else None
        self.undo_remove_action.setEnabled(last is not None)
        self.undo_remove_action.setText(
            f"&Undo remove “{last.title}”" if last else "&Undo remove document"
        )

    def undo_remove(self) -> None:
        if not self.removals or not self._at_home():
            return
        removal = self.removals[-1]
        try:
            document_id = undo_removal(self.window.store, removal)
        except StoreError as exc:
            messages.error(self.window, "Undo remove document", str(exc))
            return
        self.removals.pop()
        self._update_undo()
        self.window.home.show_document(document_id)

    # --- profiles ---------------------------------------------------------------------------

    def switch_profile(self) -> None:
        """Close this profile's window; the app then shows the profile chooser."""
        self.switch_requested = True
        self.window.close()
