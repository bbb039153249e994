"""Scheduling: a thin adapter over the `fsrs` package and the study day."""

from tradequiz.scheduling.card_state import CardState, Rating
from tradequiz.scheduling.fsrs_adapter import SchedulerConfig, retrievability, schedule
from tradequiz.scheduling.study_day import StudyDay, study_day

__all__ = [
    "CardState",
    "Rating",
    "SchedulerConfig",
    "StudyDay",
    "retrievability",
    "schedule",
    "study_day",
]
