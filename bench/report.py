"""Turn the raw figures of ``run.py`` into the summary, the printed table and the doc."""

from __future__ import annotations

import math
import os
import platform
import sqlite3
import statistics
import subprocess
import time
from importlib import metadata
from pathlib import Path
from typing import Any

from notes import FIXES, METHOD

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("tradequiz", "anki", "fsrs", "genanki", "sqlite-utils", "pyside6-essentials")


def p95(values: list[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def med(values: list[float]) -> float:
    return float(statistics.median(values))


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                return int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return 0.0


def _run(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT,
                              check=False).stdout.strip()  # fmt: skip
    except OSError:
        return ""


def machine_info(work: Path) -> dict[str, Any]:
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    df = _run("df", "-T", str(work)).splitlines()
    fs = df[-1].split()[1] if len(df) > 1 else "unknown"
    return {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "commit": _run("git", "rev-parse", "--short", "HEAD"),
        "dirty": bool(_run("git", "status", "--porcelain", "--untracked-files=no")),
        "platform": platform.platform(),
        "cpu": _cpu(),
        "cores": os.cpu_count(),
        "memory_gb": round(_memory_gb(), 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "filesystem": fs,
        "versions": versions,
        "load_before": os.getloadavg(),
    }


def _pairs(tq: list[float], anki: list[float]) -> float:
    """The median of the ratios taken pair by pair (same repetition)."""
    return med([a / b for a, b in zip(tq, anki, strict=True)])


def summarize(results: dict[str, Any]) -> dict[str, Any]:
    """Medians, p95s and pairwise ratios per workload and N, and every target checked."""
    sizes = []
    for size in results["sizes"]:
        runs = size["runs"]
        n = size["n"]
        row: dict[str, Any] = {"n": n, "reps": size["reps"]}
        w1 = {s: [r["seconds"] for r in runs["w1"][s]] for s in ("tq", "anki")}
        row["w1"] = {"tq": n / med(w1["tq"]), "anki": n / med(w1["anki"]),
                     "ratio": _pairs(w1["tq"], w1["anki"])}  # fmt: skip
        w2 = {s: [r["ms"] for r in runs["w2"][s]] for s in ("tq", "anki")}
        row["w2"] = {"tq": med(w2["tq"]), "anki": med(w2["anki"]),
                     "ratio": _pairs(w2["tq"], w2["anki"])}  # fmt: skip
        row["w2_import_s"] = {s: med([r["import_s"] for r in runs["w2"][s]]) for s in w2}
        m3 = {s: [med(r["samples"]) for r in runs["w3"][s]] for s in ("tq", "anki")}
        q3 = {s: [p95(r["samples"]) for r in runs["w3"][s]] for s in ("tq", "anki")}
        # The floor written between the answers of TradeQuiz's own loop (same moments);
        # results from before that measured it beside each pair instead.
        floors = [med(r["floor"]) for r in runs["w3"]["tq"] if r.get("floor")]
        floors = floors or [med(f) for f in size["floor"]]
        rendered = [p95(r["samples"]) for r in runs.get("w3r", {}).get("anki", [])]
        row["w3"] = {
            "tq_median": med(m3["tq"]), "anki_median": med(m3["anki"]),
            "tq_p95": med(q3["tq"]), "anki_p95": med(q3["anki"]),
            "ratio_p95": _pairs(q3["tq"], q3["anki"]),
            "ratio_median": _pairs(m3["tq"], m3["anki"]),
            "floor": med(floors), "floor_multiple": _pairs(m3["tq"], floors),
            "kinds": {s: runs["w3"][s][0]["kinds"] for s in ("tq", "anki")},
            "anki_render_p95": med(rendered) if rendered else None,
            "ratio_p95_render": _pairs(q3["tq"], rendered) if rendered else None,
        }  # fmt: skip
        w4 = {s: [med(r["samples"]) for r in runs["w4"][s]] for s in ("tq", "anki")}
        row["w4"] = {"tq": med(w4["tq"]), "anki": med(w4["anki"]),
                     "ratio": _pairs(w4["tq"], w4["anki"]),
                     "tq_full": med([med(r["full_samples"]) for r in runs["w4"]["tq"]]),
                     "figures": {s: {k: runs["w4"][s][0][k]
                                     for k in ("new", "learning", "due", "retention")}
                                 for s in ("tq", "anki")}}  # fmt: skip
        w5 = {s: [r["seconds"] for r in runs["w5"][s]] for s in ("tq", "anki")}
        row["w5"] = {"tq": med(w5["tq"]), "anki": med(w5["anki"]),
                     "ratio": _pairs(w5["tq"], w5["anki"]),
                     "tq_bytes": runs["w5"]["tq"][0]["bytes"],
                     "anki_bytes": runs["w5"]["anki"][0]["bytes"]}  # fmt: skip
        row["rss"] = {}
        for s in ("tq", "anki"):
            peak = max((r["maxrss_mb"], w) for w in runs for r in runs[w][s])
            row["rss"][s] = {"mb": peak[0], "workload": peak[1].upper()}
        row["import_bytes"] = size["import_bytes"]
        row["history_bytes"] = size["history_bytes"]
        row["prepare_s"] = size.get("prepare_s", {})
        sizes.append(row)
    out: dict[str, Any] = {"machine": results["machine"], "reps": results["reps"],
                           "sizes": sizes, "elapsed_s": results.get("elapsed_s", 0.0)}  # fmt: skip
    app = results.get("app")
    if app:
        cold = [c["painted_s"] for c in app["cold"]]
        gen = app["generation"]
        out["app"] = {
            "n": app["n"],
            "cold_median": med(cold), "cold_max": max(cold),
            "cold_exit": med([c["exit_s"] for c in app["cold"]]),
            "cold_cpu": med([c.get("cpu_s", 0.0) for c in app["cold"]]),
            "cold_rss": max(c["maxrss_mb"] for c in app["cold"]),
            "answer_median": med(app["answer"]["answer"]),
            "answer_p95": p95(app["answer"]["answer"]),
            "reveal_median": med(app["answer"]["reveal"]),
            "reveal_p95": p95(app["answer"]["reveal"]),
            "answer_rss": app["answer"]["maxrss_mb"],
            "answer_size": app["answer"].get("size"),
            "gen_source": med([g["source"]["seconds"] for g in gen]),
            "gen_source_questions": gen[0]["source"]["questions"],
            "gen_big": med([g["1 MB"]["seconds"] for g in gen]),
            "gen_big_questions": gen[0]["1 MB"]["questions"],
            "gen_big_bytes": gen[0]["1 MB"]["bytes"],
            "floor_median": med(app["floor"]["samples"]),
            "floor_p95": p95(app["floor"]["samples"]),
            "floor_pragmas": app["floor"]["pragmas"],
        }  # fmt: skip
    out["targets"] = targets(out)
    return out


def targets(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """Every target of the issue, with the figure measured and whether it is met."""
    checks: list[dict[str, Any]] = []

    def check(name: str, value: float, limit: float, shown: str, goal: str) -> None:
        checks.append({"name": name, "value": value, "ok": value <= limit, "shown": shown,
                       "goal": goal})  # fmt: skip

    for row in summary["sizes"]:
        n = f"{row['n']:,}"
        check(f"W1 import, N={n}", row["w1"]["ratio"], 1.5, f"{row['w1']['ratio']:.2f}×", "≤ 1.5×")
        check(f"W2 open, N={n}", row["w2"]["ratio"], 1.0, f"{row['w2']['ratio']:.2f}×", "≤ 1.0×")
        r = row["w3"]["ratio_p95"]
        check(f"W3 study p95, N={n}", r, 1.0, f"{r:.2f}×", "≤ 1.0×")
        m = row["w3"]["floor_multiple"]
        check(f"W3 median vs commit floor, N={n}", m, 3.0, f"{m:.1f}× floor", "≤ 3× floor")
        check(f"W4 stats, N={n}", row["w4"]["ratio"], 1.0, f"{row['w4']['ratio']:.2f}×", "≤ 1.0×")
        check(f"W5 export, N={n}", row["w5"]["ratio"], 1.5, f"{row['w5']['ratio']:.2f}×", "≤ 1.5×")
    largest = max(summary["sizes"], key=lambda r: r["n"])
    if largest["n"] >= 100_000:
        rss = largest["rss"]["tq"]["mb"]
        check(f"peak RSS (workloads), N={largest['n']:,}", rss, 250, f"{rss:.0f} MB", "< 250 MB")
    app = summary.get("app")
    if app:
        check(f"cold start → first question painted, N={app['n']:,}", app["cold_median"], 1.0,
              f"{app['cold_median']:.2f} s", "< 1.0 s")  # fmt: skip
        check("answer → next question painted (median)", app["answer_median"], 16.0,
              f"{app['answer_median']:.1f} ms", "< 16 ms")  # fmt: skip
        check(f"peak RSS (app, cold start), N={app['n']:,}", app["cold_rss"], 250,
              f"{app['cold_rss']:.0f} MB", "< 250 MB")  # fmt: skip
        check(f"peak RSS (app, 200 answers), N={app['n']:,}", app["answer_rss"], 250,
              f"{app['answer_rss']:.0f} MB", "< 250 MB")  # fmt: skip
    return checks


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


def ratio_rows(summary: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """Ratio per workload (rows) and N (columns)."""
    rows = [
        ("W1 import (time)", [f"{r['w1']['ratio']:.2f}" for r in summary["sizes"]]),
        ("W2 open → first question", [f"{r['w2']['ratio']:.3f}" for r in summary["sizes"]]),
        ("W3 study loop, p95", [f"{r['w3']['ratio_p95']:.2f}" for r in summary["sizes"]]),
        ("W3 study loop, median", [f"{r['w3']['ratio_median']:.2f}" for r in summary["sizes"]]),
        (
            "W3 p95, Anki also rendering (info)",
            [_maybe(r["w3"].get("ratio_p95_render")) for r in summary["sizes"]],
        ),
        ("W4 stats", [f"{r['w4']['ratio']:.2f}" for r in summary["sizes"]]),
        ("W5 export .apkg (time)", [f"{r['w5']['ratio']:.2f}" for r in summary["sizes"]]),
    ]
    return rows


def _maybe(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def text_table(summary: dict[str, Any]) -> str:
    ns = [f"N={r['n']:,}" for r in summary["sizes"]]
    lines = ["TradeQuiz time ÷ Anki time (median of pairwise ratios; < 1 = TradeQuiz faster)",
             f"{'':28}" + "".join(f"{n:>14}" for n in ns)]  # fmt: skip
    for name, cells in ratio_rows(summary):
        lines.append(f"{name:28}" + "".join(f"{c:>14}" for c in cells))
    lines.append("")
    for t in summary["targets"]:
        lines.append(
            f"{'OK  ' if t['ok'] else 'MISS'} {t['name']}: {t['shown']} (target {t['goal']})"
        )
    return "\n".join(lines)


def _table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def _absolute(summary: dict[str, Any]) -> str:
    rows = []
    for r in summary["sizes"]:
        n = f"{r['n']:,}"
        w3 = r["w3"]
        rows += [
            [n, "W1 import", f"{r['w1']['tq']:,.0f} q/s", f"{r['w1']['anki']:,.0f} q/s"],
            [n, "W2 open → first question", f"{r['w2']['tq']:.1f} ms", f"{r['w2']['anki']:.1f} ms"],
            [n, "W3 per answer, median", f"{w3['tq_median']:.2f} ms",
             f"{w3['anki_median']:.2f} ms"],
            [n, "W3 per answer, p95", f"{w3['tq_p95']:.2f} ms", f"{w3['anki_p95']:.2f} ms"],
            [n, "W3 p95, Anki also rendering each question (info)", "",
             f"{_maybe(w3.get('anki_render_p95'))} ms"],
            [n, "W4 counts + retention", f"{r['w4']['tq']:.1f} ms", f"{r['w4']['anki']:.1f} ms"],
            [n, "W5 export", f"{r['w5']['tq']:.2f} s, {_mb(r['w5']['tq_bytes'])}",
             f"{r['w5']['anki']:.2f} s, {_mb(r['w5']['anki_bytes'])}"],
            [n, "peak RSS (all workloads)",
             f"{r['rss']['tq']['mb']:.0f} MB ({r['rss']['tq']['workload']})",
             f"{r['rss']['anki']['mb']:.0f} MB ({r['rss']['anki']['workload']})"],
            [n, "database after import", _mb(r["import_bytes"]["tq"]),
             _mb(r["import_bytes"]["anki"])],
            [n, f"database with {10 * r['n']:,} reviews", _mb(r["history_bytes"]["tq"]),
             _mb(r["history_bytes"]["anki"])],
        ]  # fmt: skip
    return _table(["N", "workload", "TradeQuiz", "Anki"], rows)


def _details(summary: dict[str, Any]) -> str:
    lines = []
    for r in summary["sizes"]:
        k = r["w3"]["kinds"]
        f = r["w4"]["figures"]

        def ret(x: float | None) -> str:
            return "–" if x is None else f"{x:.1%}"

        lines.append(
            f"- N={r['n']:,}: W3 answered (new/learning/review) TradeQuiz "
            f"{k['tq']['new']}/{k['tq']['learning']}/{k['tq']['review']}, Anki "
            f"{k['anki']['new']}/{k['anki']['learning']}/{k['anki']['review']}; "
            f"W3 median = {r['w3']['floor_multiple']:.1f}× the commit floor measured between "
            "its answers "
            f"({r['w3']['floor']:.2f} ms); W4 figures TradeQuiz new {f['tq']['new']:,}, learning "
            f"{f['tq']['learning']:,}, due {f['tq']['due']:,}, "
            f"retention {ret(f['tq']['retention'])}"
            f" — Anki (after its daily limits) new {f['anki']['new']:,}, learning "
            f"{f['anki']['learning']:,}, due {f['anki']['due']:,}, retention "
            f"{ret(f['anki']['retention'])}; TradeQuiz's whole progress page (compute_progress) "
            f"{r['w4']['tq_full']:.1f} ms; imports before the clock starts (W2 child): "
            f"TradeQuiz {r['w2_import_s']['tq']:.2f} s, Anki {r['w2_import_s']['anki']:.2f} s."
        )
    return "\n".join(lines)


def _app(app: dict[str, Any]) -> str:
    rows = [
        [f"cold start → first question painted ({app['n']:,} questions, offscreen)",
         f"{app['cold_median']:.2f} s (slowest {app['cold_max']:.2f} s; whole process: "
         f"{app['cold_exit']:.2f} s, {app['cold_cpu']:.2f} CPU s)", "< 1.0 s"],
        ["answer (rating key) → next question painted, real window",
         f"median {app['answer_median']:.1f} ms, p95 {app['answer_p95']:.1f} ms", "< 16 ms median"],
        ["reveal (Space) → answer painted",
         f"median {app['reveal_median']:.1f} ms, p95 {app['reveal_p95']:.1f} ms", ""],
        ["peak RSS: cold start / 200 answers",
         f"{app['cold_rss']:.0f} MB / {app['answer_rss']:.0f} MB", "< 250 MB"],
        ["generation: the source document",
         f"{app['gen_source']:.2f} s ({app['gen_source_questions']} questions)", ""],
        [f"generation: {app['gen_big_bytes'] / 1024 / 1024:.1f} MB document of the same shape",
         f"{app['gen_big']:.2f} s ({app['gen_big_questions']:,} questions)", ""],
        ["SQLite floor: one committed single-row write "
         f"(journal_mode={app['floor_pragmas']['journal_mode']}, "
         f"synchronous={app['floor_pragmas']['synchronous']})",
         f"median {app['floor_median']:.3f} ms, p95 {app['floor_p95']:.3f} ms", ""],
    ]  # fmt: skip
    return _table(["figure", "measured", "target"], rows)


def _before_after(summary: dict[str, Any], before: dict[str, Any]) -> str:
    by_n = {r["n"]: r for r in before["sizes"]}
    rows = []
    names = dict(ratio_rows(before))
    for name, cells in ratio_rows(summary):
        for r, cell in zip(summary["sizes"], cells, strict=True):
            if r["n"] in by_n:
                i = [b["n"] for b in before["sizes"]].index(r["n"])
                rows.append([name, f"{r['n']:,}", names[name][i], cell])
    for r in summary["sizes"]:
        b = by_n.get(r["n"])
        if b:
            rows.append(
                [
                    "W3 median ÷ commit floor",
                    f"{r['n']:,}",
                    f"{b['w3']['floor_multiple']:.1f}",
                    f"{r['w3']['floor_multiple']:.1f}",
                ]
            )
            rows.append(["W4 TradeQuiz ms", f"{r['n']:,}", f"{b['w4']['tq']:.1f}",
                         f"{r['w4']['tq']:.1f}"])  # fmt: skip
            rows.append(["W5 TradeQuiz s", f"{r['n']:,}", f"{b['w5']['tq']:.2f}",
                         f"{r['w5']['tq']:.2f}"])  # fmt: skip
            rows.append(["peak RSS TradeQuiz MB", f"{r['n']:,}", f"{b['rss']['tq']['mb']:.0f}",
                         f"{r['rss']['tq']['mb']:.0f}"])  # fmt: skip
    a, ab = summary.get("app"), before.get("app")
    if a and ab:
        rows.append(["cold start → painted (s)", f"{a['n']:,}", f"{ab['cold_median']:.2f}",
                     f"{a['cold_median']:.2f}"])  # fmt: skip
        rows.append(["answer → next painted, median (ms)", f"{a['n']:,}",
                     f"{ab['answer_median']:.1f}", f"{a['answer_median']:.1f}"])  # fmt: skip
    m = before["machine"]
    head = (
        f"Before: commit {m['commit']} ({m['date']}, load {m['load_before'][0]:.1f} at start). "
        "Ratios are TradeQuiz ÷ Anki from the same run, so they compare across runs.\n\n"
    )
    return head + _table(["figure", "N", "before", "after"], rows)


def render(summary: dict[str, Any], before: dict[str, Any] | None) -> str:
    m = summary["machine"]
    v = m["versions"]
    ns = [f"N={r['n']:,} ({r['reps']} pairs)" for r in summary["sizes"]]
    parts = [
        "# Benchmarks: TradeQuiz side by side with Anki's own engine",
        "",
        "Written by `make bench` (`bench/run.py`); do not edit by hand. Ratios are TradeQuiz's "
        "time divided by Anki's, taken pair by pair in the same run (the median of the "
        "pairs; how many at each N is in the table's header): **below 1 means TradeQuiz is "
        "faster**.",
        "",
        "## Machine",
        "",
        _table(
            ["", ""],
            [
                [
                    "run",
                    f"{m['date']}, commit {m['commit']}"
                    f"{' (uncommitted changes)' if m['dirty'] else ''}, "
                    f"{summary['elapsed_s'] / 60:.1f} min",
                ],
                ["CPU", f"{m['cpu']}, {m['cores']} cores (shared with other work)"],
                ["memory", f"{m['memory_gb']} GB"],
                [
                    "load average (1 min) before / after",
                    f"{m['load_before'][0]:.2f} / {m.get('load_after', [0])[0]:.2f}",
                ],
                ["system", m["platform"]],
                ["disk", f"{m['filesystem']} (the benchmark databases and the commit floor)"],
                ["Python / SQLite", f"{m['python']} / {m['sqlite']}"],
                [
                    "TradeQuiz / anki / fsrs / genanki",
                    f"{v['tradequiz']} / {v['anki']} / {v['fsrs']} / {v['genanki']}",
                ],
                ["sqlite-utils / PySide6", f"{v['sqlite-utils']} / {v['pyside6-essentials']}"],
            ],
        ),
        "",
        "## Ratios (TradeQuiz ÷ Anki)",
        "",
        _table(["workload", *ns], [[name, *cells] for name, cells in ratio_rows(summary)]),
        "",
        "## Targets",
        "",
        _table(
            ["target", "measured", "goal", ""],
            [
                [t["name"], t["shown"], t["goal"], "met" if t["ok"] else "**missed**"]
                for t in summary["targets"]
            ],
        ),
        "",
        "## Medians",
        "",
        _absolute(summary),
        "",
        _details(summary),
        "",
    ]
    if summary.get("app"):
        parts += ["## App level (TradeQuiz only)", "", _app(summary["app"]), ""]
    if before:
        parts += ["## Before and after the fixes", "", _before_after(summary, before), ""]
    parts += [FIXES, "", METHOD, ""]
    return "\n".join(parts)
