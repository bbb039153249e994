"""Run one workload in this (fresh) process and print its figures as one JSON line.

Usage: python bench/worker.py tq|anki FUNCTION '{"keyword": "arguments"}'

The figures include the process's peak resident memory and how long the imports took
(the interpreter and the library; the workloads' own timings start after them).
"""

from __future__ import annotations

import time

_STARTED = time.perf_counter()

import importlib  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from typing import Any  # noqa: E402

MODULES = {"tq": "tq_side", "anki": "anki_side", "app": "app_level"}


def main(argv: list[str]) -> int:
    system, function, raw = argv
    module = importlib.import_module(MODULES[system])
    imported = time.perf_counter() - _STARTED
    result: dict[str, Any] = getattr(module, function)(**json.loads(raw))
    result["import_s"] = imported
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("RESULT " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1:])
    sys.stderr.flush()
    # Skip the interpreter's teardown: the figures are out, and PySide6 can crash while
    # objects are collected at exit (seen once: "bool_dealloc" during finalization).
    os._exit(code)
