"""Time question generation on synthetic documents of the source's shape (not a unit test).

Builds documents of about 0.25, 0.5 and 1 MB by repeating the shape of the
shipped source document (title, introduction, headed sections, "Term:
description" lists, a proponents/critics debate) with each copy's words
varied, so that copies are not duplicates of one another, then times reading
and generating each and prints seconds, questions and seconds per 100 KB.

    .venv/bin/python bench/generation.py [--sizes 250,500,1000]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from pathlib import Path

from tradequiz.document import read_document, read_text
from tradequiz.generate import generate

SOURCE = Path(__file__).resolve().parents[1] / "question_bank" / "japan-us-trade.txt"
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ne",
    "ru",
    "ta",
    "so",
    "vi",
    "pe",
    "da",
    "zu",
    "ri",
    "mo",
    "na",
    "te",
    "gu",
]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def _vary(text: str, rng: random.Random) -> str:
    """Replace about a third of the longer lower-case words by made-up words, consistently."""
    mapping: dict[str, str] = {}

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        if word not in mapping:
            mapping[word] = _word(rng) if rng.random() < 0.35 else word
        return mapping[word]

    return re.sub(r"\b[a-z]{6,}\b", swap, text)


def synthetic(size_kb: int, seed: int = 7) -> str:
    """A document of about ``size_kb`` kilobytes with the source's shape."""
    source = SOURCE.read_text(encoding="utf-8")
    title, body = source.split("\n", 1)
    rng = random.Random(seed)
    parts = [title]
    copy = 0
    while sum(len(p) + 1 for p in parts) < size_kb * 1024:
        copy += 1
        varied = _vary(body, rng)
        # Number the headings so every section id is new (headings are short lines).
        suffix = f" {copy}"
        varied = re.sub(r"^([A-Z][^\n.:]{2,60})$", r"\1" + suffix, varied, flags=re.M)
        if copy > 1:
            varied = f"Overview {copy}\n" + varied
        parts.append(varied.rstrip("\n"))
    return "\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="250,500,1000", help="sizes in KB")
    args = parser.parse_args()
    started = time.perf_counter()
    doc = read_document(SOURCE)
    result = generate(doc, SOURCE.name)
    seconds = time.perf_counter() - started
    print(
        f"source document ({len(doc.text) / 1024:.1f} KB): {seconds:.2f} s, "
        f"{len(result.bank.questions)} questions"
    )
    print(f"{'size':>8}  {'seconds':>8}  {'questions':>9}  {'s per 100 KB':>12}")
    for size in (int(s) for s in args.sizes.split(",")):
        text = synthetic(size)
        started = time.perf_counter()
        doc = read_text(text, "synthetic.txt")
        result = generate(doc, "synthetic.txt")
        seconds = time.perf_counter() - started
        kb = len(text.encode()) / 1024
        print(
            f"{kb:>6.0f}KB  {seconds:>8.2f}  {len(result.bank.questions):>9}  "
            f"{seconds / kb * 100:>12.2f}"
        )


if __name__ == "__main__":
    main()
