"""Combine many learners' progress exports (JSON, one bank) into a class report.

- **Sections**: the mean over learners of each section's figures (a learner without a
  value, e.g. no checked answers, is left out of that mean).
- **Item analysis**, as in classical test theory, on each learner's *first* answer to a
  question (right = checked correct, or rated Hard or better when self-rated) — the
  answer given before any practice.  *Difficulty* p is the share of learners right;
  *discrimination* D = p(upper group) − p(lower group), the groups being the top and
  bottom 27% of learners by their share of first answers right.
- **Behind**: a learner whose mastered share is 20 points or more below the class
  median, who has a backlog (due today more than twice the median and over 20), or who
  has not studied for 7 days or more.
- Exports of another version of the bank are matched by question id to the newest
  version; questions missing from, or unknown to, that version are reported.
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tradequiz.progress.export_json import FORMAT, FORMAT_VERSION

UPPER_LOWER_SHARE = 0.27
BEHIND_MASTERED_GAP = 0.20
BACKLOG_FACTOR, BACKLOG_MINIMUM = 2.0, 20
IDLE_DAYS = 7


class ClassReportError(Exception):
    """An export that cannot be combined; the message names the file and the field."""


@dataclass(frozen=True)
class LearnerExport:
    path: Path
    name: str
    bank_id: str
    bank_title: str
    bank_version: int
    today: date
    overall: dict[str, Any]
    sections: dict[str, dict[str, Any]]  # key → figures (with "title")
    questions: dict[str, dict[str, Any]]  # id → state
    last_study_day: date | None

    @property
    def first_answers(self) -> dict[str, bool]:
        return {
            qid: bool(q["first_right"])
            for qid, q in self.questions.items()
            if q.get("first_right") is not None
        }

    @property
    def score(self) -> float | None:
        """Share of first answers right (the learner's "test score")."""
        answers = self.first_answers
        return sum(answers.values()) / len(answers) if answers else None

    @property
    def mastered_share(self) -> float:
        total = int(self.overall.get("total", 0))
        return int(self.overall.get("mastered", 0)) / total if total else 0.0


def _need(data: Any, key: str, kind: type | tuple[type, ...], where: str, path: Path) -> Any:
    if not isinstance(data, dict) or key not in data:
        raise ClassReportError(f"{path}: missing field {where}{key}")
    value = data[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is int):
        raise ClassReportError(f"{path}: field {where}{key} has the wrong type")
    return value


def load_export(path: Path) -> LearnerExport:
    """Read and check one export; any problem is a ClassReportError naming file and field."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ClassReportError(f"{path}: cannot read the file: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:
        raise ClassReportError(f"{path}: not UTF-8 text") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ClassReportError(
            f"{path}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}"
        ) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ClassReportError(f"{path}: not a TradeQuiz progress export (field format)")
    version = _need(data, "format_version", int, "", path)
    if version > FORMAT_VERSION:
        raise ClassReportError(
            f"{path}: written by a newer TradeQuiz (format_version {version}); "
            f"this version reads up to {FORMAT_VERSION}"
        )
    learner = _need(data, "learner", dict, "", path)
    bank = _need(data, "bank", dict, "", path)
    calendar = _need(data, "calendar", dict, "", path)
    overall = _need(data, "overall", dict, "", path)
    sections: dict[str, dict[str, Any]] = {}
    for i, s in enumerate(_need(data, "sections", list, "", path)):
        key = _need(s, "key", str, f"sections[{i}].", path)
        for name in ("total", "mastered", "due_today"):
            _need(s, name, int, f"sections[{i}].", path)
        sections[key] = s
    questions: dict[str, dict[str, Any]] = {}
    for i, q in enumerate(_need(data, "questions", list, "", path)):
        qid = _need(q, "id", str, f"questions[{i}].", path)
        _need(q, "section", str, f"questions[{i}].", path)
        first = q.get("first_right")
        if first is not None and not isinstance(first, bool):
            raise ClassReportError(f"{path}: field questions[{i}].first_right has the wrong type")
        questions[qid] = q
    try:
        today = date.fromisoformat(_need(calendar, "today", str, "calendar.", path))
        days = (data.get("activity") or {}).get("days") or []
        last = max((date.fromisoformat(d["date"]) for d in days if d.get("reviews")), default=None)
    except (ValueError, TypeError, KeyError) as exc:
        raise ClassReportError(f"{path}: a date in calendar or activity is not YYYY-MM-DD") from exc
    return LearnerExport(
        path=path,
        name=str(learner.get("name") or "") or path.stem,
        bank_id=_need(bank, "id", str, "bank.", path),
        bank_title=str(bank.get("title", "")),
        bank_version=_need(bank, "version", int, "bank.", path),
        today=today,
        overall=overall,
        sections=sections,
        questions=questions,
        last_study_day=last,
    )


@dataclass(frozen=True)
class SectionAverage:
    key: str
    title: str
    learners: int
    mastered_share: float | None
    accuracy: float | None
    retention: float | None
    recall: float | None
    reviews_per_day: float | None
    minutes: float | None


@dataclass(frozen=True)
class ItemAnalysis:
    qid: str
    section: str
    prompt: str
    answered: int
    right: int
    difficulty: float  # p-value: share right
    discrimination: float | None

    @property
    def missed(self) -> int:
        return self.answered - self.right


@dataclass(frozen=True)
class LearnerStanding:
    name: str
    path: Path
    bank_version: int
    mastered_share: float
    score: float | None
    due_today: int
    last_study_day: date | None
    reasons: tuple[str, ...]

    @property
    def behind(self) -> bool:
        return bool(self.reasons)


@dataclass(frozen=True)
class Mismatch:
    path: Path
    bank_version: int
    missing: tuple[str, ...]  # in the reference version, not in this export
    unknown: tuple[str, ...]  # in this export, not in the reference version


@dataclass(frozen=True)
class ClassReport:
    bank_id: str
    bank_title: str
    bank_version: int
    learners: tuple[LearnerStanding, ...]
    sections: tuple[SectionAverage, ...]
    items: tuple[ItemAnalysis, ...]
    mismatches: tuple[Mismatch, ...] = field(default=())

    @property
    def behind(self) -> list[LearnerStanding]:
        return [learner for learner in self.learners if learner.behind]

    def most_missed(self, limit: int = 15) -> list[ItemAnalysis]:
        """Questions by difficulty (lowest share right first), then most misses."""
        answered = [i for i in self.items if i.answered]
        return sorted(answered, key=lambda i: (i.difficulty, -i.missed, i.qid))[:limit]


def _mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.fmean(present) if present else None


def _ratio(figures: dict[str, Any], name: str) -> float | None:
    value = figures.get(name)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _section_averages(
    exports: Sequence[LearnerExport], reference: LearnerExport
) -> list[SectionAverage]:
    keys = list(reference.sections)
    keys += [k for e in exports for k in e.sections if k not in keys]
    result = []
    for key in keys:
        having = [e.sections[key] for e in exports if key in e.sections]
        title = (reference.sections.get(key) or having[0]).get("title", key)

        def mean_of(get: Callable[[dict[str, Any]], float | None]) -> float | None:
            return _mean([get(s) for s in having])  # noqa: B023 — used at once

        result.append(
            SectionAverage(
                key=key,
                title=str(title),
                learners=len(having),
                mastered_share=mean_of(
                    lambda s: s["mastered"] / s["total"] if s.get("total") else None
                ),
                accuracy=mean_of(lambda s: _ratio(s, "accuracy")),
                retention=mean_of(lambda s: _ratio(s, "true_retention")),
                recall=mean_of(lambda s: _ratio(s, "recall_now")),
                reviews_per_day=mean_of(lambda s: _ratio(s, "reviews_per_day")),
                minutes=mean_of(
                    lambda s: (
                        (_ratio(s, "time_studied_seconds") or 0.0) / 60
                        if "time_studied_seconds" in s
                        else None
                    )
                ),
            )
        )
    return result


def _groups(exports: Sequence[LearnerExport]) -> tuple[list[LearnerExport], list[LearnerExport]]:
    """Upper and lower 27% of learners by score (at least one each when two or more)."""
    scored = sorted((e for e in exports if e.score is not None), key=lambda e: e.score or 0.0)
    if len(scored) < 2:
        return [], []
    size = max(1, round(UPPER_LOWER_SHARE * len(scored)))
    size = min(size, len(scored) // 2)
    return scored[-size:], scored[:size]


def _items(exports: Sequence[LearnerExport], reference: LearnerExport) -> list[ItemAnalysis]:
    upper, lower = _groups(exports)

    def share(group: Sequence[LearnerExport], qid: str) -> float | None:
        answers = [e.first_answers[qid] for e in group if qid in e.first_answers]
        return sum(answers) / len(answers) if answers else None

    items = []
    for qid, question in reference.questions.items():
        answers = [e.first_answers[qid] for e in exports if qid in e.first_answers]
        if not answers:
            continue
        high, low = share(upper, qid), share(lower, qid)
        items.append(
            ItemAnalysis(
                qid=qid,
                section=str(question.get("section", "")),
                prompt=str(question.get("prompt", "")),
                answered=len(answers),
                right=sum(answers),
                difficulty=sum(answers) / len(answers),
                discrimination=None if high is None or low is None else high - low,
            )
        )
    return items


def _standings(exports: Sequence[LearnerExport]) -> list[LearnerStanding]:
    median_mastered = statistics.median(e.mastered_share for e in exports)
    median_due = statistics.median(int(e.overall.get("due_today", 0)) for e in exports)
    standings = []
    for e in exports:
        reasons = []
        due = int(e.overall.get("due_today", 0))
        if e.mastered_share <= median_mastered - BEHIND_MASTERED_GAP:
            reasons.append(
                f"mastered {e.mastered_share:.0%} against a class median of {median_mastered:.0%}"
            )
        if due > BACKLOG_MINIMUM and due > BACKLOG_FACTOR * median_due:
            reasons.append(f"{due} questions due (class median {median_due:g})")
        if e.last_study_day is None:
            reasons.append("has not studied yet")
        elif (e.today - e.last_study_day).days >= IDLE_DAYS:
            reasons.append(f"last studied {(e.today - e.last_study_day).days} days ago")
        standings.append(
            LearnerStanding(
                e.name,
                e.path,
                e.bank_version,
                e.mastered_share,
                e.score,
                due,
                e.last_study_day,
                tuple(reasons),
            )
        )
    return sorted(standings, key=lambda s: (not s.behind, s.mastered_share, s.name))


def combine(exports: Sequence[LearnerExport]) -> ClassReport:
    """The class report of exports of one bank (any versions of it)."""
    if not exports:
        raise ClassReportError("no exports to combine")
    banks = {e.bank_id for e in exports}
    if len(banks) > 1:
        first = exports[0]
        other = next(e for e in exports if e.bank_id != first.bank_id)
        raise ClassReportError(
            f"{other.path}: bank {other.bank_id!r} is not the bank of {first.path} "
            f"({first.bank_id!r}); a class report combines exports of one bank"
        )
    reference = max(exports, key=lambda e: e.bank_version)
    mismatches = []
    for e in exports:
        if e.bank_version == reference.bank_version:
            continue
        mismatches.append(
            Mismatch(
                e.path,
                e.bank_version,
                missing=tuple(q for q in reference.questions if q not in e.questions),
                unknown=tuple(q for q in e.questions if q not in reference.questions),
            )
        )
    return ClassReport(
        bank_id=reference.bank_id,
        bank_title=reference.bank_title,
        bank_version=reference.bank_version,
        learners=tuple(_standings(exports)),
        sections=tuple(_section_averages(exports, reference)),
        items=tuple(_items(exports, reference)),
        mismatches=tuple(mismatches),
    )


def load_and_combine(paths: Sequence[Path]) -> ClassReport:
    return combine([load_export(p) for p in paths])
