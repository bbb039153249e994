"""Where the time of one answer goes: the study loop with parts of the write taken away.

Usage: python bench/answer_cost.py [--n 100000] [--answers 600] [--rounds 2]

Not part of ``make bench``: an experiment behind the W3 analysis in docs/benchmarks.md.
On copies of the same history database (built here like ``run.py`` builds it), the
TradeQuiz study loop runs as shipped and with pieces of the answer's write dropped
(the review-summary triggers of migration 0002, the ``question_stats_section`` index,
the ``cards_document_queue_due`` index), once with ``synchronous=FULL`` (the app's) and
once with ``synchronous=OFF`` (no fsync: the CPU alone); Anki's loop runs beside it, as
the issue defines it and also rendering each question.  Rounds alternate all variants.
The dropped pieces are not proposals: the point is how much of the gap each explains.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import anki_side
import tq_side
from anki.collection import Collection
from dataset import ratings

from tradequiz.scheduling.card_state import Rating
from tradequiz.scheduling.study_day import study_day
from tradequiz.store.cards import Scope
from tradequiz.store.opening import open_store
from tradequiz.study.session import StudyLimits, StudySession

DROPS = {
    "as shipped": [],
    "without the 3 summary triggers' insert": ["DROP TRIGGER reviews_stats_insert"],
    "without question_stats_section": ["DROP INDEX question_stats_section"],
    "without cards_document_queue_due": ["DROP INDEX cards_document_queue_due"],
    "without all three": [
        "DROP TRIGGER reviews_stats_insert",
        "DROP INDEX question_stats_section",
        "DROP INDEX cards_document_queue_due",
    ],
}


def _copy(source: Path, target: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, target)


def tq_loop(source: Path, work: Path, drops: list[str], sync: str, answers: int) -> list[float]:
    path = work / "variant.sqlite3"
    _copy(source, path)
    now = datetime.now(UTC)
    store = open_store(path, now)
    for sql in drops:
        store.db.execute(sql)
    store.db.execute(f"PRAGMA synchronous={sync}")
    session = StudySession(store, Scope(document_id=1), study_day(now, 4),
                           limits=StudyLimits(10**6, 10**6))  # fmt: skip
    session.start(now)
    samples = []
    for rating in ratings(answers):
        started = time.perf_counter()
        session.reveal(datetime.now(UTC))
        session.grade(Rating(rating), datetime.now(UTC))
        samples.append((time.perf_counter() - started) * 1000)
    store.close()
    return samples


def anki_loop(source: Path, work: Path, render: bool, sync: str, answers: int) -> list[float]:
    path = work / "variant.anki2"
    _copy(source, path)
    col = Collection(str(path))
    col.db.execute(f"PRAGMA synchronous={sync}")
    anki_side.raise_limits(col)
    card, top = anki_side._first(col)
    samples = []
    for rating in ratings(answers):
        started = time.perf_counter()
        answer = col.sched.build_answer(card=card, states=top.states,
                                        rating=anki_side._RATING[rating])  # fmt: skip
        col.sched.answer_card(answer)
        card, top = anki_side._first(col)
        if render:
            card.question()
        samples.append((time.perf_counter() - started) * 1000)
    col.close()
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--answers", type=int, default=600)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="tradequiz-answer-cost-"))
    try:
        now = int(time.time())
        tq_db, anki_db = work / "history.sqlite3", work / "history.anki2"
        print(f"building {args.n:,} questions + {10 * args.n:,} reviews…", flush=True)
        tq_side.prepare_history(str(tq_db), args.n, now)
        anki_side.prepare_history(str(anki_db), args.n, now)
        results: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.rounds):
            for sync in ("FULL", "OFF"):
                for name, drops in DROPS.items():
                    key = (f"TradeQuiz {name}", sync)
                    results.setdefault(key, []).extend(
                        tq_loop(tq_db, work, drops, sync, args.answers)
                    )
                for render in (False, True):
                    key = ("Anki" + (", rendering each question" if render else ""), sync)
                    results.setdefault(key, []).extend(
                        anki_loop(anki_db, work, render, sync, args.answers)
                    )
        print(f"\n{'loop':58} {'sync':>5} {'median ms':>10} {'p95 ms':>8}")
        for (name, sync), samples in sorted(results.items(), key=lambda kv: kv[0][1]):
            ordered = sorted(samples)
            p95 = ordered[int(0.95 * len(ordered)) - 1]
            print(f"{name:58} {sync:>5} {statistics.median(ordered):>10.3f} {p95:>8.3f}")
        print(f"\nload average: {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
