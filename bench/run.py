"""TradeQuiz side by side with Anki's own engine: run every workload, print, write the doc.

Usage: python bench/run.py [--sizes 1000,10000,100000] [--reps 3] [--out docs/benchmarks.md]

For each N, both systems get the same questions and the same study history
(``dataset.py``).  Every measurement runs in a fresh child process (``worker.py``),
TradeQuiz and Anki alternating (TradeQuiz first in odd repetitions, Anki first in even
ones), and ratios are taken pair by pair: TradeQuiz's time divided by Anki's in the
same repetition, so a busy moment on a shared machine hits both sides of a pair alike.
A ratio below 1 means TradeQuiz is faster.  Then the app-level figures (TradeQuiz
only) are taken at the largest N.  Raw figures go to ``<workdir>/results.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))

from dataset import ratings  # noqa: E402
from report import machine_info, render, summarize, text_table  # noqa: E402

SYSTEMS = ("tq", "anki")
EXT = {"tq": "sqlite3", "anki": "anki2"}
CHILD_TIMEOUT = 1800
# Below this N the history cannot fill 1,000 answers in one day (at N=1,000: 300 new,
# about 60 due), so the study loop starts from the freshly imported collection instead.
FULL_HISTORY_STUDY = 10_000


def child(system: str, function: str, **kwargs: Any) -> dict[str, Any]:
    """Run ``function`` of the system's module in a fresh process; its figures."""
    proc = subprocess.run(
        [sys.executable, str(BENCH / "worker.py"), system, function, json.dumps(kwargs)],
        capture_output=True, text=True, cwd=ROOT, timeout=CHILD_TIMEOUT, check=False,
    )  # fmt: skip
    lines = [x for x in proc.stdout.splitlines() if x.startswith("RESULT ")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{system} {function} failed:\n{proc.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(lines[-1][len("RESULT ") :])
    return result


def remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    shutil.rmtree(path.with_suffix(".media"), ignore_errors=True)


def db_bytes(path: Path) -> int:
    return sum(
        Path(str(path) + s).stat().st_size for s in ("", "-wal") if Path(str(path) + s).exists()
    )


def order(rep: int) -> tuple[str, ...]:
    return SYSTEMS if rep % 2 == 0 else tuple(reversed(SYSTEMS))


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def run_size(n: int, reps: int, work: Path, study: list[int]) -> dict[str, Any]:
    """Every workload at N questions, both systems alternating; raw figures."""
    out: dict[str, Any] = {"n": n, "reps": reps}
    history = {s: work / f"history-{n}.{EXT[s]}" for s in SYSTEMS}
    fresh = {s: work / f"fresh-{n}.{EXT[s]}" for s in SYSTEMS}
    now = int(time.time())
    out["prepare_s"] = {}
    for s in SYSTEMS:
        remove(history[s])
        log(f"N={n:,}: preparing {s} (questions + {10 * n:,} reviews)")
        out["prepare_s"][s] = child(s, "prepare_history", path=str(history[s]), n=n,
                                    now_epoch=now)["seconds"]  # fmt: skip
    out["history_bytes"] = {s: db_bytes(history[s]) for s in SYSTEMS}
    runs: dict[str, dict[str, list[dict[str, Any]]]] = {
        w: {s: [] for s in SYSTEMS} for w in ("w1", "w2", "w3", "w3r", "w4", "w5")
    }
    out["import_bytes"] = {}
    log(f"N={n:,}: W1 import")
    for rep in range(reps):
        for s in order(rep):
            path = work / f"import-{n}.{EXT[s]}"
            remove(path)
            runs["w1"][s].append(child(s, "w1_import", path=str(path), n=n))
            out["import_bytes"][s] = db_bytes(path)
            if rep == reps - 1 and n < FULL_HISTORY_STUDY:
                remove(fresh[s])
                path.rename(fresh[s])
            remove(path)
    log(f"N={n:,}: W2 open in a fresh process")
    for rep in range(reps):
        for s in order(rep):
            runs["w2"][s].append(child(s, "w2_open", path=str(history[s])))
    log(f"N={n:,}: W3 study loop ({len(study)} answers)")
    floor = str(work / "floor.sqlite3")
    for rep in range(reps):
        for s in order(rep):
            copy = work / f"study-{n}.{EXT[s]}"
            remove(copy)
            shutil.copyfile(history[s] if n >= FULL_HISTORY_STUDY else fresh[s], copy)
            runs["w3"][s].append(child(s, "w3_study", path=str(copy), ratings=study,
                                       floor_path=floor))  # fmt: skip
            remove(copy)
            if s == "anki":  # informative: Anki also rendering each question it gets
                shutil.copyfile(history[s] if n >= FULL_HISTORY_STUDY else fresh[s], copy)
                runs["w3r"][s].append(child(s, "w3_study", path=str(copy), ratings=study,
                                            render=True))  # fmt: skip
                remove(copy)
    log(f"N={n:,}: W4 stats")
    for rep in range(reps):
        for s in order(rep):
            runs["w4"][s].append(child(s, "w4_stats", path=str(history[s])))
    log(f"N={n:,}: W5 export to .apkg")
    for rep in range(reps):
        for s in order(rep):
            apkg = work / f"export-{n}-{s}.apkg"
            if s == "tq":
                runs["w5"][s].append(child(s, "w5_export", n=n, out_path=str(apkg)))
            else:
                runs["w5"][s].append(child(s, "w5_export", path=str(history[s]),
                                           out_path=str(apkg)))  # fmt: skip
            apkg.unlink(missing_ok=True)
    out["runs"] = runs
    out["study_from"] = "history" if n >= FULL_HISTORY_STUDY else "fresh import"
    for s in SYSTEMS:
        remove(fresh[s])
    return out


def cold_start(data_dir: Path, reps: int) -> list[dict[str, float]]:
    """Process start → the self-test's line saying the first question was painted."""
    exe = Path(sys.executable).parent / "tradequiz"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    samples = []
    for _ in range(reps):
        started = time.perf_counter()
        proc = subprocess.Popen(
            [str(exe), "--data-dir", str(data_dir), "--self-test"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, cwd=ROOT,
        )  # fmt: skip
        assert proc.stdout is not None
        painted = None
        for line in proc.stdout:
            if line.startswith("self-test: first question"):
                painted = time.perf_counter() - started
        _pid, status, usage = os.wait4(proc.pid, 0)
        total = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if painted is None or proc.returncode != 0:
            raise RuntimeError(f"tradequiz --self-test failed (exit {proc.returncode})")
        samples.append({"painted_s": painted, "exit_s": total, "maxrss_mb": usage.ru_maxrss / 1024,
                        "cpu_s": usage.ru_utime + usage.ru_stime})  # fmt: skip
    return samples


def run_app(largest: int, work: Path, reps: int) -> dict[str, Any]:
    out: dict[str, Any] = {"n": largest}
    data_dir = work / "appdir"
    log(f"app: data folder with {largest:,} questions + the shipped banks")
    child("app", "prepare_data_dir", history_db=str(work / f"history-{largest}.sqlite3"),
          data_dir=str(data_dir))  # fmt: skip
    log("app: cold start to first question painted")
    out["cold"] = cold_start(data_dir, max(reps, 7))
    log("app: answer → next question painted, 200 answers")
    out["answer"] = child("app", "answer_to_next", data_dir=str(data_dir), answers=200)
    log("app: generation")
    out["generation"] = [child("app", "generation") for _ in range(reps)]
    log("app: SQLite commit floor, 1,000 writes")
    out["floor"] = child("app", "sqlite_floor", path=str(work / "floor.sqlite3"), writes=1000)
    shutil.rmtree(data_dir, ignore_errors=True)
    return out


def _rounded(value: Any) -> Any:
    """Figures to 0.1 µs (ms with 4 decimals): plenty, and the raw file stays small."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, list | tuple):
        return [_rounded(v) for v in value]
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    return value


def render_only(results: Path, baseline: Path | None, out: Path) -> int:
    summary = summarize(json.loads(results.read_text()))
    before = None
    if baseline and baseline.exists():
        before = summarize(json.loads(baseline.read_text()))
    print(text_table(summary))
    out.write_text(render(summary, before))
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--reps", type=int, default=5, help="pairs per workload below 100,000")
    parser.add_argument("--reps-large", type=int, default=3,
                        help="pairs per workload at 100,000 questions and more")  # fmt: skip
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--workdir", type=Path,
                        default=Path(tempfile.gettempdir()) / "tradequiz-bench")  # fmt: skip
    parser.add_argument("--baseline", type=Path, default=BENCH / "baseline.json",
                        help="earlier results shown as 'before' (if the file exists)")  # fmt: skip
    parser.add_argument("--save", type=Path, help="also save the raw results here")
    parser.add_argument("--no-app", action="store_true", help="skip the app-level figures")
    parser.add_argument("--render", type=Path, metavar="RESULTS.json",
                        help="only write the doc again from saved raw results")  # fmt: skip
    args = parser.parse_args()
    if args.render:
        return render_only(args.render, args.baseline, args.out)
    sizes = [int(s) for s in args.sizes.split(",")]
    work: Path = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    results: dict[str, Any] = {"machine": machine_info(work), "reps": args.reps, "sizes": []}
    study = ratings(1000)
    for n in sizes:
        reps = args.reps if n < 100_000 else args.reps_large
        results["sizes"].append(run_size(n, reps, work, study))
    if not args.no_app:
        results["app"] = run_app(max(sizes), work, args.reps)
    results["machine"]["load_after"] = os.getloadavg()
    results["elapsed_s"] = time.perf_counter() - started
    raw = json.dumps(_rounded(results), separators=(",", ":"))
    (work / "results.json").write_text(raw)
    if args.save:
        args.save.write_text(raw)
    summary = summarize(results)
    baseline = None
    if args.baseline and args.baseline.exists():
        baseline = summarize(json.loads(args.baseline.read_text()))
    print(text_table(summary))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render(summary, baseline))
    log(f"wrote {args.out} ({results['elapsed_s'] / 60:.1f} min)")
    for size in results["sizes"]:
        for s in SYSTEMS:
            remove(work / f"history-{size['n']}.{EXT[s]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
