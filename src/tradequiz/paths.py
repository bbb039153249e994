"""Where TradeQuiz keeps a learner's data.

The data folder is, in order of precedence: the ``--data-dir`` option, the
``TRADEQUIZ_HOME`` environment variable, then the platform's user data folder
(via platformdirs).  Nothing else in the package decides on a location.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "TradeQuiz"
ENV_HOME = "TRADEQUIZ_HOME"
DB_FILENAME = "collection.sqlite3"


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
    """The files inside one data folder."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / DB_FILENAME

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    def ensure(self) -> None:
        self.root.mkdir(parents=True, exist_ok=True)
        self.backups.mkdir(exist_ok=True)
