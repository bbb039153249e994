"""Who is studying? The profile chooser shown at start when the computer has several learners.

Create, rename and delete profiles here (a deleted profile is moved aside as
a backup, after confirmation).  The dialog works on closed profiles only:
the app opens the chosen one afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tradequiz.humanize import plural
from tradequiz.paths import DataFolder
from tradequiz.profiles import (
    ProfileError,
    create_profile,
    delete_profile,
    last_profile,
    list_profiles,
    rename_profile,
)
from tradequiz.store.maintenance import glance
from tradequiz.ui import messages
from tradequiz.ui.question_views.base import wrapping_label

Clock = Callable[[], datetime]


class ProfileDialog(QDialog):
    """Choose a profile; ``selected`` holds its name after ``Accepted``."""

    def __init__(self, folder: DataFolder, clock: Clock, parent: QWidget | None = None,
                 switching_from: str | None = None) -> None:  # fmt: skip
        super().__init__(parent)
        self.folder = folder
        self.clock = clock
        self.selected: str | None = None
        self.setWindowTitle("TradeQuiz — who is studying?")
        self.setMinimumSize(520, 360)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(wrapping_label("Who is studying?", "pageTitle"))
        layout.addWidget(
            wrapping_label(
                "Each learner has their own documents, progress and settings.", "pageSubtitle"
            )
        )
        body = QHBoxLayout()
        self.list = QListWidget(self)
        self.list.setObjectName("profileList")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName("Profiles")
        self.list.itemDoubleClicked.connect(lambda _item: self._open())
        self.list.currentItemChanged.connect(lambda *_a: self._update_buttons())
        body.addWidget(self.list, 1)
        side = QVBoxLayout()
        self.new_button = QPushButton("&New…", self)
        self.rename_button = QPushButton("&Rename…", self)
        self.delete_button = QPushButton("&Delete…", self)
        self.new_button.clicked.connect(self.new_profile)
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        for button in (self.new_button, self.rename_button, self.delete_button):
            button.setAutoDefault(False)
            side.addWidget(button)
        side.addStretch(1)
        body.addLayout(side)
        layout.addLayout(body, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        # At start, leaving the chooser quits; when switching, it goes back to the profile.
        self.quit_button = QPushButton("Quit" if switching_from is None else "Cancel", self)
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        self.open_button = QPushButton("&Open", self)
        self.open_button.setObjectName("primary")
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(self._open)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        self.reload(switching_from or last_profile(folder))

    def names(self) -> list[str]:
        return [
            str(self.list.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(self.list.count())
        ]

    def reload(self, select: str | None = None) -> None:
        self.list.clear()
        for name in list_profiles(self.folder):
            about = self._glance(name)
            item = QListWidgetItem(f"{name}\n{about}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{name}: {about}")
        names = self.names()
        row = names.index(select) if select in names else 0
        if names:
            self.list.setCurrentRow(row)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()

    def _glance(self, name: str) -> str:
        seen = glance(self.folder.profile(name).database)
        if seen is None:
            return "Not opened yet"
        docs, reviews, last = seen
        if last is None:
            return f"{plural(docs, 'document')} · not studied yet"
        days = (self.clock() - datetime.fromtimestamp(last / 1000, UTC)).days
        when = "today" if days < 1 else f"{plural(days, 'day')} ago"
        return f"{plural(docs, 'document')} · {plural(reviews, 'answer')} · last {when}"

    def selected_name(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _update_buttons(self) -> None:
        name = self.selected_name()
        self.open_button.setEnabled(name is not None)
        self.rename_button.setEnabled(name is not None)
        self.delete_button.setEnabled(name is not None)

    def _open(self) -> None:
        name = self.selected_name()
        if name is not None:
            self.selected = name
            self.accept()

    def new_profile(self) -> None:
        name, ok = messages.ask_text(self, "New profile", "The learner's name:")
        if not ok:
            return
        try:
            created = create_profile(self.folder, name, self.clock())
        except ProfileError as exc:
            messages.error(self, "New profile", str(exc))
            return
        self.reload(created)

    def rename_selected(self) -> None:
        old = self.selected_name()
        if old is None:
            return
        name, ok = messages.ask_text(self, "Rename profile", "The learner's name:", old)
        if not ok or name.strip() == old:
            return
        try:
            new = rename_profile(self.folder, old, name, self.clock())
        except ProfileError as exc:
            messages.error(self, "Rename profile", str(exc))
            return
        self.reload(new)

    def delete_selected(self) -> None:
        name = self.selected_name()
        if name is None:
            return
        if not messages.confirm(
            self,
            "Delete profile",
            f"Delete the profile “{name}” with its documents and progress?\n\n"
            "Its folder is kept as a backup in “deleted-profiles” in the data folder.",
        ):
            return
        try:
            kept = delete_profile(self.folder, name, self.clock())
        except ProfileError as exc:
            messages.error(self, "Delete profile", str(exc))
            return
        messages.info(self, "Profile deleted", f"“{name}” was deleted. A backup is in\n{kept}")
        self.reload()
