"""Time importing large files from other tools (figures for docs/bank-format.md and reliability.md).

- a 100,000-row CSV through the real command line (``tradequiz import-bank``):
  refused by the 10,000-question cap — how long until the refusal;
- 10,000 rows (the cap): reading the CSV, and writing the YAML bank;
- Anki packages: the shipped bank, and 10,000 flashcards (genanki);
- Moodle XML, GIFT and JSON of the shipped bank copied up to 10,000 questions.

Usage: python tools/measure_interchange.py
"""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from tradequiz.bank.apkg import export_apkg
from tradequiz.bank.apkg_import import import_apkg
from tradequiz.bank.csv_io import import_csv
from tradequiz.bank.gift import export_gift, import_gift
from tradequiz.bank.json_io import export_json, import_json
from tradequiz.bank.model import Bank, Question
from tradequiz.bank.moodle_xml import export_moodle_xml
from tradequiz.bank.moodle_xml_import import import_moodle_xml
from tradequiz.bank.yaml_io import dump_bank, load_bank
from tradequiz.resources import shipped_banks

T = TypeVar("T")


def timed(label: str, work: Callable[[], T]) -> T:
    started = time.perf_counter()
    result = work()
    print(f"{label}: {time.perf_counter() - started:.2f} s")
    return result


def rows(count: int) -> bytes:
    return "".join(
        f"Term number {i} in the glossary,The definition of term {i}: a phrase of some words\n"
        for i in range(count)
    ).encode()


def copies(bank: Bank, total: int) -> Bank:
    questions: list[Question] = []
    n = 0
    while len(questions) < total:
        questions += [dataclasses.replace(q, id=f"{q.id}-{n}") for q in bank.questions]
        n += 1
    return dataclasses.replace(bank, questions=tuple(questions[:total]))


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "glossary.csv"
        big.write_bytes(rows(100_000))
        out = Path(folder) / "glossary.yaml"
        command = [sys.executable, "-m", "tradequiz", "import-bank", str(big), "-o", str(out)]
        print(f"100,000-row CSV: {big.stat().st_size / 1e6:.1f} MB")
        done = timed("  tradequiz import-bank (whole process, refused by the cap)",
                     lambda: subprocess.run(command, capture_output=True, text=True))  # fmt: skip
        print(f"  exit {done.returncode}: {done.stderr.strip()[:120]}")
    cap = rows(10_000)
    imported = timed("10,000-row CSV: read and check", lambda: import_csv(cap, "glossary.csv"))
    timed("10,000-row CSV: write the YAML bank", lambda: dump_bank(imported.bank))

    shipped = load_bank(shipped_banks()[0]).bank
    package = export_apkg(shipped, timestamp=1_700_000_000).data
    timed(f"Anki package of the shipped bank ({len(shipped.questions)} questions, "
          f"{len(package) / 1e3:.0f} kB)", lambda: import_apkg(package, "shipped.apkg"))  # fmt: skip
    cards = dataclasses.replace(imported.bank, id="glossary", title="Glossary")
    package = export_apkg(cards, timestamp=1_700_000_000).data
    timed(f"Anki package of 10,000 flashcards ({len(package) / 1e6:.1f} MB)",
          lambda: import_apkg(package, "glossary.apkg"))  # fmt: skip
    many = copies(shipped, 10_000)
    xml = export_moodle_xml(many).data
    timed(f"Moodle XML, 10,000 questions ({len(xml) / 1e6:.1f} MB)",
          lambda: import_moodle_xml(xml, "quiz.xml"))  # fmt: skip
    gift = export_gift(many).data
    timed(f"GIFT, {gift.count(b'// tradequiz: kind='):,} questions ({len(gift) / 1e6:.1f} MB)",
          lambda: import_gift(gift, "quiz.gift"))  # fmt: skip
    json_data = export_json(many).encode()
    timed(f"JSON, 10,000 questions ({len(json_data) / 1e6:.1f} MB)",
          lambda: import_json(json_data, "bank.json"))  # fmt: skip


if __name__ == "__main__":
    main()
