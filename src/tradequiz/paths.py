"""Where TradeQuiz keeps its data.

The data folder is, in order of precedence: the ``--data-dir`` option, the
``TRADEQUIZ_HOME`` environment variable, then the platform's user data folder
(via platformdirs).  Nothing else in the package decides on a location.

Inside it, every learner profile has a folder of its own::

    <data folder>/
        profiles/<name>/collection.sqlite3   the learner's database
        profiles/<name>/backups/             VACUUM INTO copies
        profiles/<name>/library/             documents and banks the learner added
        profiles/<name>/settings.ini         window and theme settings (QSettings)
        profiles/last-profile                the profile opened last
        deleted-profiles/<name>-<time>/      a deleted profile, kept as a backup

A data folder written before profiles existed holds ``collection.sqlite3``
and ``backups/`` at its top; ``tradequiz.profiles`` moves them into a profile.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "TradeQuiz"
ENV_HOME = "TRADEQUIZ_HOME"
ENV_PROFILE = "TRADEQUIZ_PROFILE"
DB_FILENAME = "collection.sqlite3"
PROFILE_SETTINGS_FILENAME = "settings.ini"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_data_dir(option: str | os.PathLike[str] | None = None) -> Path:
    """Return the data folder chosen by option, environment or platform default."""
    if option:
        return Path(option).expanduser().resolve()
    env = os.environ.get(ENV_HOME)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()


@dataclass(frozen=True)
class DataPaths:
    """The files of one learner: a database, its backups and the documents they added.

    Since profiles exist, ``root`` is a profile's folder; a pre-profile data
    folder has the same shape at its top.
    """

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def library(self) -> Path:
        """Copies of the documents and banks this learner added."""
        return self.root / "library"

    @property
    def settings_file(self) -> Path:
        return self.root / PROFILE_SETTINGS_FILENAME

    @property
    def name(self) -> str:
        return self.root.name

    def ensure(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.backups.mkdir(exist_ok=True)


@dataclass(frozen=True)
class DataFolder:
    """The top-level data folder, holding every profile."""

    root: Path

    @property
    def profiles_dir(self) -> Path:
        return self.root / "profiles"

    @property
    def last_profile_file(self) -> Path:
        return self.profiles_dir / "last-profile"

    @property
    def deleted_profiles_dir(self) -> Path:
        return self.root / "deleted-profiles"

    @property
    def legacy(self) -> DataPaths:
        """Where a data folder from before profiles kept its database."""
        return DataPaths(self.root)

    @property
    def app_settings_file(self) -> Path:
        """Settings shared by every profile (window geometry)."""
        return self.root / "tradequiz.ini"

    def profile(self, name: str) -> DataPaths:
        return DataPaths(self.profiles_dir / name)
