"""Launch the built bundle offscreen until it shows the first question; report size and start time.

Usage: python tools/bundle_self_test.py dist/TradeQuiz/tradequiz   (``make bundle-test``)

Each launch uses a fresh temporary data folder except the "warm" ones, which
reuse the folder of the first (database made, shipped bank imported).  The
time is wall-clock from process start to exit after the first question was
drawn (``--self-test``), which includes Python's and Qt's start-up.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WARM_RUNS = 5


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def launch(
    executable: Path, home: Path, *args: str
) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update({"QT_QPA_PLATFORM": "offscreen", "TRADEQUIZ_HOME": str(home)})
    started = time.perf_counter()
    result = subprocess.run(
        [str(executable), *args], capture_output=True, text=True, env=env, timeout=180,
        cwd=home.parent,
    )  # fmt: skip
    return time.perf_counter() - started, result


def main() -> int:
    executable = Path(sys.argv[1] if len(sys.argv) > 1 else "dist/TradeQuiz/tradequiz").resolve()
    if not executable.exists():
        print(f"{executable}: no bundle here; run `make bundle` first", file=sys.stderr)
        return 1
    bundle = executable.parent
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        cold, first = launch(executable, home, "--self-test")
        if first.returncode != 0 or "self-test: first question:" not in first.stdout:
            print(first.stdout, first.stderr, sep="\n", file=sys.stderr)
            print("bundle self-test FAILED", file=sys.stderr)
            return 1
        warm = []
        for _ in range(WARM_RUNS):
            seconds, result = launch(executable, home, "--self-test")
            if result.returncode != 0:
                print(result.stderr, file=sys.stderr)
                return 1
            warm.append(seconds)
        _t, listed = launch(executable, home, "list")
        if listed.returncode != 0 or "Japan–United States trade" not in listed.stdout:
            print(listed.stdout, listed.stderr, file=sys.stderr)
            return 1
    print(first.stdout.strip())
    print(f"bundle:      {bundle}")
    print(f"size:        {folder_size(bundle) / 2**20:.0f} MiB on disk")
    for archive in sorted(bundle.parent.glob("TradeQuiz-*.tar.gz")):
        print(f"archive:     {archive.name} {archive.stat().st_size / 2**20:.0f} MiB")
    print(f"first start: {cold:.2f} s (new data folder: database made, shipped bank imported)")
    print(
        f"later start: {statistics.median(warm):.2f} s median of {WARM_RUNS} "
        f"(min {min(warm):.2f}, max {max(warm):.2f})"
    )
    print("bundle self-test passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
