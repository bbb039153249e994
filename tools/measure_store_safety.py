"""Time the safety work the app does on every start and every backup.

Builds a learner database of a given size (questions copied from the shipped
bank, a year of reviews), then times open_store (read-only quick_check +
open) and one backup (VACUUM INTO + quick_check of the copy).

Usage: python tools/measure_store_safety.py [copies_of_shipped_bank] [reviews]
"""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from tradequiz.bank.yaml_io import load_bank
from tradequiz.resources import shipped_banks
from tradequiz.store.backup import AutoBackup
from tradequiz.store.library import import_bank
from tradequiz.store.opening import open_store

NOW = datetime(2026, 11, 23, 12, tzinfo=UTC)


def main() -> None:
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    reviews = int(sys.argv[2]) if len(sys.argv) > 2 else 50_000
    shipped = load_bank(shipped_banks()[0]).bank
    questions = tuple(
        dataclasses.replace(q, id=f"{q.id}-{n}") for n in range(copies) for q in shipped.questions
    )
    bank = dataclasses.replace(shipped, id="big", questions=questions)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.sqlite3"
        store = open_store(path, NOW)
        import_bank(store.db, bank, source_text="x" * 10_000, bank_sha256="b", bank_path="b",
                    now=NOW)  # fmt: skip
        ids = [r[0] for r in store.db.execute("SELECT id FROM questions")]
        with store.db.conn:
            store.db.conn.executemany(
                "INSERT INTO reviews (question_id, reviewed_at, rating, queue_before,"
                " state_before, due_before, reps_before, lapses_before, state_after, due_after)"
                " VALUES (?, ?, 3, 2, 2, 0, 0, 0, 2, 0)",
                [(ids[i % len(ids)], i) for i in range(reviews)],
            )
        store.close()
        size = path.stat().st_size
        started = time.perf_counter()
        store = open_store(path, NOW)
        opened = time.perf_counter() - started
        auto = AutoBackup(store.db, Path(folder) / "backups")
        started = time.perf_counter()
        auto.backup(NOW, "auto")
        backed_up = time.perf_counter() - started
        store.close()
    print(
        f"{len(questions)} questions, {reviews} reviews, {size / 2**20:.1f} MB: "
        f"open with quick_check {opened * 1000:.0f} ms, backup + check {backed_up * 1000:.0f} ms"
    )


if __name__ == "__main__":
    main()
