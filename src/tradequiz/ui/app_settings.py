"""What the app remembers between runs (QSettings in INI files inside the data folder).

- ``<data folder>/tradequiz.ini``: the window's geometry, shared by every profile.
- ``<profile>/settings.ini``: that learner's theme and the document they had open.

The files live in the data folder rather than in ~/.config so that
``--data-dir`` (and each test's temporary folder) keeps everything together,
and a profile's settings move, rename and back up with its folder.  Which
profile was used last is kept by ``tradequiz.profiles`` (the command line
needs it too, without Qt).
"""

from __future__ import annotations

from pathlib import Path
from typing import cast, get_args

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QWidget

from tradequiz.paths import DataFolder, DataPaths
from tradequiz.ui.theme import Theme

THEMES: tuple[str, ...] = get_args(Theme)


def _ini(path: Path) -> QSettings:
    path.parent.mkdir(parents=True, exist_ok=True)
    return QSettings(str(path), QSettings.Format.IniFormat)


class WindowSettings:
    """Window geometry for the whole data folder."""

    def __init__(self, folder: DataFolder) -> None:
        self.qsettings = _ini(folder.app_settings_file)

    def restore(self, window: QWidget) -> bool:
        geometry = self.qsettings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            return bool(window.restoreGeometry(geometry))
        return False

    def save(self, window: QWidget) -> None:
        self.qsettings.setValue("window/geometry", window.saveGeometry())
        self.qsettings.sync()


class ProfileSettings:
    """One learner's theme, text size and last document."""

    def __init__(self, paths: DataPaths) -> None:
        self.qsettings = _ini(paths.settings_file)

    @property
    def theme(self) -> Theme:
        value = str(self.qsettings.value("ui/theme", "system"))
        return cast(Theme, value) if value in THEMES else "system"

    @theme.setter
    def theme(self, value: Theme) -> None:
        self.qsettings.setValue("ui/theme", value)
        self.qsettings.sync()

    @property
    def font_scale(self) -> float:
        try:
            value = float(str(self.qsettings.value("ui/font_scale", 1.0)))
        except ValueError:
            return 1.0
        return min(2.0, max(0.75, value))

    @font_scale.setter
    def font_scale(self, value: float) -> None:
        self.qsettings.setValue("ui/font_scale", value)
        self.qsettings.sync()

    @property
    def last_document(self) -> int | None:
        value = self.qsettings.value("library/last_document", 0)
        try:
            number = int(str(value))
        except ValueError:
            return None
        return number if number > 0 else None

    @last_document.setter
    def last_document(self, document_id: int | None) -> None:
        self.qsettings.setValue("library/last_document", document_id or 0)
        self.qsettings.sync()
