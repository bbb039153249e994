"""Progress per section and overall, computed in SQL from scheduling state and the review log."""

from tradequiz.progress.sections import MASTERED_STABILITY_DAYS, SectionProgress, section_progress

__all__ = ["MASTERED_STABILITY_DAYS", "SectionProgress", "section_progress"]
