"""The progress figures of one document, per section and overall.

Definitions (also in docs/progress-format.md):

- **new / learning / review / mastered**: active questions by scheduling state; learning
  includes relearning; *mastered* is a question in review whose FSRS stability is at least
  ``MASTERED_STABILITY_DAYS`` (21) days, *review* the other questions in review.
- **true retention** (last 30 study days): of the reviews of questions already learned
  (state before the review = review), the share answered right (rating Hard or better).
- **accuracy** (all time): of the answers the app checked, the share that was correct.
- **due today**: learning questions due now plus reviews due before the study day ends.
- **forecast**: questions scheduled on each of the next 30 study days (today first,
  overdue questions counted today).
- **recall now**: mean FSRS retrievability of the studied questions at ``now``.
- **time studied**: the answering time of every review, all time.
- **reviews per day**: reviews in the last 30 study days (today included) divided by 30.
- **streak**: consecutive study days with at least one review, ending today, or
  yesterday while today has no review yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from sqlite_utils import Database

from tradequiz.progress.calendar import DayCalendar
from tradequiz.progress.sections import MASTERED_STABILITY_DAYS
from tradequiz.scheduling.fsrs_adapter import SchedulerConfig
from tradequiz.store import library, progress_queries
from tradequiz.store.progress_queries import DayRow, WindowRow

WINDOW_DAYS = 30
FORECAST_DAYS = 30
HEATMAP_DAYS = 53 * 7
RETENTION_WEEKS = 12


def fsrs_curve(config: SchedulerConfig | None = None) -> tuple[float, float]:
    """(factor, decay) of the forgetting curve R(t) = (1 + factor·t/S) ** decay."""
    decay = -float((config or SchedulerConfig()).parameters[20])
    return 0.9 ** (1 / decay) - 1, decay


@dataclass(frozen=True)
class SectionFigures:
    """Figures for one section, or for the whole document (``section_id`` None)."""

    section_id: int | None
    key: str
    title: str
    total: int = 0
    new: int = 0
    learning: int = 0
    review: int = 0
    mastered: int = 0
    due_today: int = 0
    reviews: int = 0
    checked: int = 0
    correct: int = 0
    time_studied_ms: int = 0
    reviews_30d: int = 0
    learned_reviews_30d: int = 0
    learned_passed_30d: int = 0
    recall_sum: float = 0.0
    recall_count: int = 0
    forecast: tuple[int, ...] = ()

    @property
    def studied(self) -> int:
        return self.total - self.new

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.checked if self.checked else None

    @property
    def retention(self) -> float | None:
        if not self.learned_reviews_30d:
            return None
        return self.learned_passed_30d / self.learned_reviews_30d

    @property
    def recall(self) -> float | None:
        return self.recall_sum / self.recall_count if self.recall_count else None

    @property
    def reviews_per_day(self) -> float:
        return self.reviews_30d / WINDOW_DAYS

    @property
    def mastered_share(self) -> float:
        return self.mastered / self.total if self.total else 0.0


@dataclass(frozen=True)
class DayActivity:
    day: date
    reviews: int
    time_ms: int


@dataclass(frozen=True)
class RetentionPoint:
    """True retention over the 7 study days ending ``last_day``."""

    last_day: date
    reviews: int
    passed: int

    @property
    def retention(self) -> float | None:
        return self.passed / self.reviews if self.reviews else None


@dataclass(frozen=True)
class ProgressReport:
    document_id: int
    bank_id: str
    title: str
    bank_version: int
    generated_at: datetime
    today: date
    sections: tuple[SectionFigures, ...]
    overall: SectionFigures
    streak: int
    studied_today: bool
    activity: tuple[DayActivity, ...] = ()
    retention_weeks: tuple[RetentionPoint, ...] = field(default=())

    @property
    def forecast_days(self) -> tuple[date, ...]:
        return tuple(self.today + timedelta(days=i) for i in range(FORECAST_DAYS))


def _sum_sections(sections: list[SectionFigures]) -> SectionFigures:
    forecast = [sum(s.forecast[i] for s in sections) for i in range(FORECAST_DAYS)]
    total = SectionFigures(None, "", "All sections", forecast=tuple(forecast))
    numeric = [
        "total", "new", "learning", "review", "mastered", "due_today", "reviews", "checked",
        "correct", "time_studied_ms", "reviews_30d", "learned_reviews_30d",
        "learned_passed_30d", "recall_sum", "recall_count",
    ]  # fmt: skip
    values = {name: sum(getattr(s, name) for s in sections) for name in numeric}
    return replace(total, **values)


def current_streak(days_with_reviews: set[date], today: date) -> int:
    """Consecutive study days with reviews, ending today (or yesterday, today not yet studied)."""
    day = today if today in days_with_reviews else today - timedelta(days=1)
    streak = 0
    while day in days_with_reviews:
        streak += 1
        day -= timedelta(days=1)
    return streak


def _retention_weeks(rows: list[DayRow], today: date) -> tuple[RetentionPoint, ...]:
    by_day = {date.fromordinal(r.ordinal): r for r in rows}
    points = []
    for week in range(RETENTION_WEEKS - 1, -1, -1):
        last = today - timedelta(days=7 * week)
        days = [by_day.get(last - timedelta(days=i)) for i in range(7)]
        reviews = sum(d.learned_reviews for d in days if d)
        passed = sum(d.learned_passed for d in days if d)
        points.append(RetentionPoint(last, reviews, passed))
    return tuple(points)


def compute_progress(
    db: Database,
    document_id: int,
    now: datetime,
    calendar: DayCalendar,
    config: SchedulerConfig | None = None,
    *,
    activity_of_all_documents: bool = False,
) -> ProgressReport:
    """Every figure of the document at ``now`` (aware); see the module docstring.

    The heatmap and streak count this document's reviews, or every document's when
    ``activity_of_all_documents`` (the learner's own streak on the progress screen).
    """
    doc = next((d for d in library.documents(db) if d.id == document_id), None)
    if doc is None:
        raise KeyError(document_id)
    epoch = int(now.timestamp())
    today = calendar.day_of(now)
    day_end = calendar.end_of(today)
    factor, decay = fsrs_curve(config)
    rows = progress_queries.section_rows(
        db, document_id, epoch, day_end, MASTERED_STABILITY_DAYS, factor, decay
    )
    window_start = calendar.start_of(today - timedelta(days=WINDOW_DAYS - 1))
    window = progress_queries.section_window(db, document_id, window_start, day_end)
    last_forecast_day = today + timedelta(days=FORECAST_DAYS - 1)
    segments = [(s.start, s.ordinal, s.days) for s in calendar.segments(today, last_forecast_day)]
    forecast: dict[int, list[int]] = {}
    for section_id, ordinal, count in progress_queries.due_forecast(
        db, document_id, segments, calendar.end_of(last_forecast_day)
    ):
        forecast.setdefault(section_id, [0] * FORECAST_DAYS)[ordinal - today.toordinal()] += count

    sections = []
    for r in rows:
        w = window.get(r.section_id, WindowRow())
        sections.append(
            SectionFigures(
                r.section_id, r.key, r.title, r.total, r.new, r.learning, r.review, r.mastered,
                r.due_today, r.reviews, r.checked, r.correct, r.duration_ms, w.reviews,
                w.learned_reviews, w.learned_passed, r.recall_sum, r.recall_count,
                tuple(forecast.get(r.section_id, [0] * FORECAST_DAYS)),
            )
        )  # fmt: skip

    scope = None if activity_of_all_documents else document_id
    activity_rows = _activity(db, scope, calendar, today, day_end)
    days_with_reviews = {date.fromordinal(r.ordinal) for r in activity_rows if r.reviews}
    heatmap_start = today - timedelta(days=HEATMAP_DAYS - 1)
    activity = tuple(
        DayActivity(date.fromordinal(r.ordinal), r.reviews, r.duration_ms)
        for r in activity_rows
        if r.ordinal >= heatmap_start.toordinal()
    )
    return ProgressReport(
        document_id=doc.id,
        bank_id=doc.bank_id,
        title=doc.title,
        bank_version=doc.bank_version,
        generated_at=now,
        today=today,
        sections=tuple(sections),
        overall=_sum_sections(sections),
        streak=current_streak(days_with_reviews, today),
        studied_today=today in days_with_reviews,
        activity=activity,
        retention_weeks=_retention_weeks(activity_rows, today),
    )


def _activity(
    db: Database, document_id: int | None, calendar: DayCalendar, today: date, day_end: int
) -> list[DayRow]:
    """Reviews per study day from the first review on (the streak may be long)."""
    first = progress_queries.first_activity(db, document_id)
    if first is None:
        return []
    first_day = min(calendar.day_of_epoch(first), today)
    segments = [(s.start, s.ordinal, s.days) for s in calendar.segments(first_day, today)]
    return progress_queries.activity_by_day(db, document_id, segments, day_end)
