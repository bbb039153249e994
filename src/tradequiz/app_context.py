"""Open a learner's data folder: the one place the entry points share.

The clock is read by the callers (entry points) and passed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from tradequiz.paths import DataPaths, resolve_data_dir
from tradequiz.scheduling.study_day import StudyDay, study_day
from tradequiz.shipped import LoadResult, load_shipped_banks
from tradequiz.store.opening import Store, open_store
from tradequiz.store.settings import get_setting

DEFAULT_ROLLOVER_HOUR = 4


@dataclass
class LearnerContext:
    paths: DataPaths
    store: Store
    day: StudyDay
    loaded: list[LoadResult]


def open_learner_store(
    data_dir: str | None, now: datetime, load_shipped: bool = True
) -> LearnerContext:
    """Open (creating on first run) the learner's database and load the shipped banks."""
    paths = DataPaths(resolve_data_dir(data_dir))
    paths.ensure()
    store = open_store(paths.database, now, paths.backups)
    try:
        loaded = load_shipped_banks(store, now) if load_shipped else []
        rollover = int(get_setting(store.db, "rollover_hour", DEFAULT_ROLLOVER_HOUR))
    except BaseException:
        store.close()
        raise
    return LearnerContext(paths, store, study_day(now, rollover), loaded)
