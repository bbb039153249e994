"""The SQLite floor: one committed single-row write with TradeQuiz's own pragmas.

Used alone (``app_level.sqlite_floor``) and interleaved with the W3 study loops on both
sides, so that W3 is compared with the floor of the very same moments: the disk of a
shared machine can change its fsync time several-fold within seconds.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from tradequiz.store.connection import PRAGMAS


class CommitFloor:
    """A scratch database beside the benchmark's; ``write()`` times one committed insert."""

    def __init__(self, path: str) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(path + suffix).unlink(missing_ok=True)
        self.conn = sqlite3.connect(path, isolation_level=None)
        for pragma in PRAGMAS:
            self.conn.execute(pragma)
        self.conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, at INTEGER, v TEXT NOT NULL)")
        self.count = 0
        self.samples: list[float] = []

    def pragmas(self) -> dict[str, object]:
        return {p: self.conn.execute(f"PRAGMA {p}").fetchone()[0]
                for p in ("journal_mode", "synchronous")}  # fmt: skip

    def write(self) -> float:
        self.count += 1
        started = time.perf_counter()
        self.conn.execute("BEGIN IMMEDIATE")
        self.conn.execute("INSERT INTO t (at, v) VALUES (?, ?)", [self.count, "x" * 40])
        self.conn.execute("COMMIT")
        ms = (time.perf_counter() - started) * 1000
        self.samples.append(ms)
        return ms

    def close(self) -> None:
        self.conn.close()
