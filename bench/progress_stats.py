"""Benchmark: progress figures for 100,000 questions and 1,000,000 reviews (target < 200 ms).

Usage: python bench/progress_stats.py [DB_PATH] [--rebuild]

Builds (once, then reuses) a learner database through the real schema and its
migrations: one bank of 20 sections x 5,000 questions, 70% of them studied, and a
review log of 1,000,000 reviews over the last 365 days in daily sessions (the
triggers of migration 0002 keep the summaries while it is written).  Then times
``compute_progress`` (every per-section figure, the forecast, the heatmap and the
streak) several times and prints the median and the slowest run, with the parts.
Not a unit test: the numbers depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tradequiz.progress.calendar import DayCalendar
from tradequiz.progress.export_json import build_export, export_dict
from tradequiz.progress.figures import compute_progress, fsrs_curve
from tradequiz.progress.questions import weakest_questions
from tradequiz.store import progress_queries
from tradequiz.store.opening import open_store

NOW = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
SECTIONS, QUESTIONS, REVIEWS, DAYS = 20, 100_000, 1_000_000, 365
CALENDAR = DayCalendar(rollover_hour=4, tz=UTC)


def build(path: Path) -> float:
    started = time.perf_counter()
    store = open_store(path, NOW)
    conn = store.db.conn
    rng = random.Random(20260302)
    now = int(NOW.timestamp())
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO documents (id, bank_id, title, bank_version, added_at, updated_at)"
        " VALUES (1, 'bench', 'Benchmark bank', 1, 0, 0)"
    )
    conn.executemany(
        "INSERT INTO sections (id, document_id, key, title, position) VALUES (?, 1, ?, ?, ?)",
        [(s + 1, f"section-{s}", f"Section {s + 1}", s) for s in range(SECTIONS)],
    )
    conn.executemany(
        "INSERT INTO questions (id, document_id, section_id, qid, kind, status, position, body)"
        " VALUES (?, 1, ?, ?, 'flashcard', 'draft', ?, ?)",
        (
            (q, (q - 1) % SECTIONS + 1, f"q-{q:06d}", q,
             json.dumps({"id": f"q-{q:06d}", "kind": "flashcard", "section": "s",
                         "prompt": f"Question {q}", "answers": ["a"]}))
            for q in range(1, QUESTIONS + 1)
        ),
    )  # fmt: skip
    studied = rng.sample(range(1, QUESTIONS + 1), int(QUESTIONS * 0.7))
    studied_set = set(studied)
    cards = []
    for q in range(1, QUESTIONS + 1):
        section = (q - 1) % SECTIONS + 1
        if q in studied_set:
            state = rng.choice((1, 2, 2, 2, 2, 3))
            stability = rng.uniform(0.5, 90.0)
            last = now - rng.randint(0, 60 * 86400)
            due = last + int(stability * 86400) if state == 2 else last + 600
            cards.append((q, section, 2 if state == 2 else 1, state, stability, due, last,
                          rng.randint(1, 30), rng.randint(0, 5)))  # fmt: skip
        else:
            cards.append((q, section, 0, 0, None, q, None, 0, 0))
    conn.executemany(
        "INSERT INTO cards (question_id, document_id, section_id, queue, state, stability,"
        " difficulty, due, last_review, reps, lapses) VALUES (?, 1, ?, ?, ?, ?, 5.0, ?, ?, ?, ?)",
        cards,
    )

    def reviews() -> Iterator[tuple[object, ...]]:
        per_day = REVIEWS // DAYS + 1
        written = 0
        for day in range(DAYS, 0, -1):
            start = now - day * 86400 + rng.randint(6, 20) * 3600
            for i in range(min(per_day, REVIEWS - written)):
                # Two sessions a day, an answer every ~6 s.
                at = start + i * 6 + (0 if i < per_day // 2 else 5 * 3600)
                state_before = rng.choice((0, 1, 2, 2, 2, 3))
                rating = rng.choice((1, 2, 3, 3, 3, 4))
                correct = rng.choice((None, 0, 1, 1, 1))
                yield (studied[rng.randrange(len(studied))], at * 1000, rating, correct,
                       rng.randint(1_000, 30_000), state_before, state_before,
                       2 if rating > 1 else 3)  # fmt: skip
            written += min(per_day, REVIEWS - written)

    conn.executemany(
        "INSERT INTO reviews (question_id, reviewed_at, rating, correct, duration_ms,"
        " queue_before, state_before, due_before, reps_before, lapses_before, state_after,"
        " due_after) VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 0)",
        reviews(),
    )
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    store.close()
    return time.perf_counter() - started


def timed(fn: Callable[[], object], runs: int = 7) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), max(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "db",
        nargs="?",
        type=Path,
        default=Path(tempfile.gettempdir()) / "tradequiz-bench-progress.sqlite3",
    )
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()  # fmt: skip
    path: Path = args.db
    if args.rebuild and path.exists():
        path.unlink()
    if not path.exists():
        print(f"building {path} ({QUESTIONS:,} questions, {REVIEWS:,} reviews)...", flush=True)
        print(f"  built in {build(path):.1f} s (triggers included)")
    store = open_store(path, NOW)
    db = store.db
    count = db.execute("SELECT count(*) FROM reviews").fetchone()[0]
    print(f"{path}: {count:,} reviews, {db.execute('SELECT count(*) FROM cards').fetchone()[0]:,} "
          "questions")  # fmt: skip
    now = int(NOW.timestamp())
    today = CALENDAR.day_of(NOW)
    end = CALENDAR.end_of(today)
    factor, decay = fsrs_curve()
    ahead = [(s.start, s.ordinal, s.days) for s in CALENDAR.segments(today, today + timedelta(29))]
    back = [(s.start, s.ordinal, s.days) for s in CALENDAR.segments(today - timedelta(400), today)]
    report = compute_progress(db, 1, NOW, CALENDAR)  # warm the page cache once
    median, worst = timed(lambda: compute_progress(db, 1, NOW, CALENDAR))
    verdict = "OK" if median < 200 else "OVER BUDGET"
    print(f"compute_progress (all per-section figures): median {median:.1f} ms, "
          f"slowest {worst:.1f} ms  [{verdict}: target < 200 ms]")  # fmt: skip
    parts: dict[str, Callable[[], object]] = {
        "  section states, recall, all-time totals": lambda: progress_queries.section_rows(
            db, 1, now, end, 21.0, factor, decay
        ),
        "  last 30 days per section": lambda: progress_queries.section_window(
            db, 1, CALENDAR.start_of(today - timedelta(days=29)), end
        ),
        "  30-day forecast": lambda: progress_queries.due_forecast(
            db, 1, ahead,
            CALENDAR.end_of(today + timedelta(days=29)),
        ),
        "  study days (heatmap, streak)": lambda: progress_queries.activity_by_day(
            db, 1, back,
            end,
        ),
    }  # fmt: skip
    for label, fn in parts.items():
        m, w = timed(fn)
        print(f"{label}: median {m:.1f} ms, slowest {w:.1f} ms")
    m, w = timed(lambda: weakest_questions(db, 1, NOW, 10), runs=3)
    print(f"weakest 10 questions: median {m:.1f} ms, slowest {w:.1f} ms")
    started = time.perf_counter()
    export = build_export(db, 1, NOW, CALENDAR)
    export_dict(export)
    print(f"full JSON export (per-question states): {time.perf_counter() - started:.2f} s")
    o = report.overall
    print(f"figures: {o.total:,} questions, {o.mastered:,} mastered, retention "
          f"{o.retention:.1%}, streak {report.streak} days, due today {o.due_today:,}")  # fmt: skip
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
