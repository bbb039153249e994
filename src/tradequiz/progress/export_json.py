"""A learner's progress on one bank as a versioned JSON document (docs/progress-format.md).

``build_export`` gathers everything the exporters need (figures, per-question states,
learner, calendar); ``export_dict`` is the JSON format, checked against
``resources/schema/progress.schema.json`` by the tests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from tradequiz import __version__
from tradequiz.files import atomic_write_text
from tradequiz.progress.calendar import DayCalendar
from tradequiz.progress.figures import (
    FORECAST_DAYS,
    WINDOW_DAYS,
    ProgressReport,
    SectionFigures,
    compute_progress,
)
from tradequiz.progress.questions import question_states, queue_name, state_name
from tradequiz.progress.sections import MASTERED_STABILITY_DAYS
from tradequiz.scheduling.fsrs_adapter import SchedulerConfig
from tradequiz.store.review_queries import QuestionRow
from tradequiz.store.settings import get_meta

FORMAT = "tradequiz-progress"
FORMAT_VERSION = 1
LEARNER_META_KEY = "learner_name"


@dataclass(frozen=True)
class ProgressExport:
    """What every exporter writes: one learner, one bank, at one moment."""

    learner: str
    report: ProgressReport
    questions: tuple[QuestionRow, ...]
    rollover_hour: int
    time_zone: str

    def weakest(self, limit: int = 10) -> list[QuestionRow]:
        """The weakest studied questions, as the progress screen lists them."""
        candidates = [
            q for q in self.questions if q.reps > 0 and q.queue in (1, 2) and q.weakness is not None
        ]
        candidates.sort(key=lambda q: (-(q.weakness or 0.0), -q.lapses))
        return candidates[:limit]


def learner_name(db: Database, override: str | None = None) -> str:
    """``override`` if given, else the profile's name (meta ``learner_name``), else ""."""
    if override is not None and override.strip():
        return override.strip()
    return (get_meta(db, LEARNER_META_KEY) or "").strip()


def _zone_name(calendar: DayCalendar, now: datetime) -> str:
    if calendar.tz is None:
        return now.astimezone().tzname() or "local"
    return str(getattr(calendar.tz, "key", None) or calendar.tz.tzname(now) or "UTC")


def build_export(
    db: Database,
    document_id: int,
    now: datetime,
    calendar: DayCalendar,
    learner: str | None = None,
    config: SchedulerConfig | None = None,
) -> ProgressExport:
    """Compute the figures and per-question states of one document at ``now`` (aware)."""
    report = compute_progress(db, document_id, now, calendar, config)
    questions = tuple(question_states(db, document_id, now, config))
    return ProgressExport(
        learner=learner_name(db, learner),
        report=report,
        questions=questions,
        rollover_hour=calendar.rollover_hour,
        time_zone=_zone_name(calendar, now),
    )


def iso(epoch: int | None) -> str | None:
    if epoch is None:
        return None
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _ratio(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def section_dict(s: SectionFigures) -> dict[str, Any]:
    """One section's (or the whole bank's) figures in the export format."""
    return {
        "total": s.total,
        "new": s.new,
        "learning": s.learning,
        "review": s.review,
        "mastered": s.mastered,
        "due_today": s.due_today,
        "forecast": list(s.forecast),
        "reviews": s.reviews,
        "checked": s.checked,
        "correct": s.correct,
        "accuracy": _ratio(s.accuracy),
        "time_studied_seconds": round(s.time_studied_ms / 1000, 3),
        "reviews_30d": s.reviews_30d,
        "reviews_per_day": round(s.reviews_per_day, 4),
        "learned_reviews_30d": s.learned_reviews_30d,
        "learned_passed_30d": s.learned_passed_30d,
        "true_retention": _ratio(s.retention),
        "recall_now": _ratio(s.recall),
    }


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


def question_dict(q: QuestionRow) -> dict[str, Any]:
    studied = q.reps > 0
    return {
        "id": q.qid,
        "section": q.section_key,
        "kind": q.kind,
        "status": q.status,
        "prompt": q.prompt,
        "state": state_name(q),
        "queue": queue_name(q),
        "reps": q.reps,
        "lapses": q.lapses,
        "stability_days": None if q.stability is None else round(q.stability, 4),
        "difficulty": None if q.difficulty is None else round(q.difficulty, 4),
        "due": iso(q.due) if studied else None,
        "last_review": iso(q.last_review),
        "recall_now": _ratio(q.recall),
        "reviews": q.reviews,
        "checked": q.checked,
        "correct": q.correct,
        "right": q.right_answers,
        "first_right": _bool(q.first_right),
        "last_right": _bool(q.last_right),
        "time_seconds": round(q.duration_ms / 1000, 3),
        "weakness": _ratio(q.weakness) if studied else None,
    }


def export_dict(export: ProgressExport) -> dict[str, Any]:
    """The JSON document (format ``tradequiz-progress``, version 1)."""
    report = export.report
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": f"TradeQuiz {__version__}",
        "generated_at": report.generated_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "learner": {"name": export.learner},
        "bank": {"id": report.bank_id, "title": report.title, "version": report.bank_version},
        "calendar": {
            "today": report.today.isoformat(),
            "rollover_hour": export.rollover_hour,
            "time_zone": export.time_zone,
        },
        "definitions": {
            "mastered_stability_days": MASTERED_STABILITY_DAYS,
            "window_days": WINDOW_DAYS,
            "forecast_days": FORECAST_DAYS,
        },
        "overall": section_dict(report.overall),
        "sections": [{"key": s.key, "title": s.title, **section_dict(s)} for s in report.sections],
        "activity": {
            "streak_days": report.streak,
            "studied_today": report.studied_today,
            "days": [
                {"date": a.day.isoformat(), "reviews": a.reviews, "seconds": a.time_ms / 1000}
                for a in report.activity
            ],
            "retention_weeks": [
                {"last_day": p.last_day.isoformat(), "reviews": p.reviews, "passed": p.passed}
                for p in report.retention_weeks
            ],
        },
        "questions": [question_dict(q) for q in export.questions],
    }


def write_json(export: ProgressExport, path: Path) -> None:
    """Write the export atomically (UTF-8, indented)."""
    text = json.dumps(export_dict(export), ensure_ascii=False, indent=2) + "\n"
    atomic_write_text(path, text)
