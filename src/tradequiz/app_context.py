"""Open a learner's profile: the one place the entry points share.

The profile is, in order: the ``profile`` argument (``--profile``), the
``TRADEQUIZ_PROFILE`` environment variable, the profile opened last, the only
one, or a new one named after the computer account.  A data folder from
before profiles is first moved into a profile of its own.

The clock is read by the callers (entry points) and passed in.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime

from tradequiz.library.bundled import load_bundled_banks
from tradequiz.paths import ENV_PROFILE, DataFolder, DataPaths, resolve_data_dir
from tradequiz.profiles import LEARNER_NAME_KEY, choose_profile, remember_profile
from tradequiz.scheduling.study_day import StudyDay, study_day
from tradequiz.shipped import LoadResult
from tradequiz.store.opening import Store, open_store
from tradequiz.store.settings import get_meta, get_setting, set_meta

DEFAULT_ROLLOVER_HOUR = 4


@dataclass
class LearnerContext:
    paths: DataPaths  # the profile's folder
    store: Store
    day: StudyDay
    loaded: list[LoadResult]
    folder: DataFolder
    profile: str
    created: bool = False  # the profile did not exist before

    @property
    def learner_name(self) -> str:
        return get_meta(self.store.db, LEARNER_NAME_KEY) or self.profile


def open_learner_store(
    data_dir: str | None,
    now: datetime,
    load_shipped: bool = True,
    profile: str | None = None,
) -> LearnerContext:
    """Open (creating on first run) the learner's profile and load the shipped banks."""
    folder = DataFolder(resolve_data_dir(data_dir))
    requested = profile or os.environ.get(ENV_PROFILE) or None
    name, created = choose_profile(folder, requested, now)
    return open_profile(folder, name, now, load_shipped=load_shipped, created=created)


def open_profile(
    folder: DataFolder, name: str, now: datetime, *, load_shipped: bool = True,
    created: bool = False,
) -> LearnerContext:  # fmt: skip
    """Open the existing profile ``name``, remember it as the last one, load shipped banks."""
    paths = folder.profile(name)
    paths.ensure()
    store = open_store(paths.database, now, paths.backups)
    try:
        if get_meta(store.db, LEARNER_NAME_KEY) != name:
            # The folder's name is the profile's name; a folder renamed by hand wins.
            set_meta(store.db, LEARNER_NAME_KEY, name)
        loaded = load_bundled_banks(store, now) if load_shipped else []
        rollover = int(get_setting(store.db, "rollover_hour", DEFAULT_ROLLOVER_HOUR))
        remember_profile(folder, name)
    except BaseException:
        store.close()
        raise
    return LearnerContext(paths, store, study_day(now, rollover), loaded, folder, name, created)
