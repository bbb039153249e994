"""Print every question of a bank in a form a teacher can read and mark.

    .venv/bin/python tools/question_dump.py BANK.yaml
    .venv/bin/python tools/question_dump.py DOCUMENT.txt            # generate, then print
    .venv/bin/python tools/question_dump.py DOC.md --sample 40 --seed 7
    .venv/bin/python tools/question_dump.py DOC.txt --generator mcq.list_item
    .venv/bin/python tools/question_dump.py DOC.txt --rejected near_duplicate

For a document, the bank is generated in memory (nothing is written).  ``--sample``
draws ``random.seed(SEED); random.sample(questions, N)`` over the bank in file order,
the way the reviews were drawn.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

from tradequiz.bank.model import Question
from tradequiz.bank.yaml_io import load_bank
from tradequiz.document import read_document
from tradequiz.generate import generate
from tradequiz.generate.candidate import Rejected


def show(q: Question, number: int | str) -> str:
    lines = [f"#{number} {q.id} [{q.kind}/{q.generator}] sec={q.section} status={q.status}"]
    lines.append(f"  P: {q.prompt}")
    for c in q.choices:
        mark = "*" if c.correct else "-"
        lines.append(f"    {mark} {c.text}" + (f"   [fb: {c.feedback}]" if c.feedback else ""))
    if q.truth is not None:
        lines.append(f"    truth: {q.truth}")
    if q.answers:
        shown = q.answers if q.kind != "flashcard" else (q.answers[0],)
        lines.append(f"    answers: {' | '.join(shown)}")
    for p in q.pairs:
        lines.append(f"    pair: {p.left}  <->  {p.right}")
    for i, item in enumerate(q.items, 1):
        lines.append(f"    {i}. {item}")
    explanation = q.explanation.replace("\n", " / ")
    if len(explanation) > 400:
        explanation = explanation[:380] + f" …[{len(q.explanation)} chars]"
    lines.append(f"  E: {explanation}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--generator", default="", help="only questions of this generator prefix")
    parser.add_argument("--kind", default="")
    parser.add_argument("--section", default="")
    parser.add_argument("--rejected", default="", help="print rejected candidates of a reason")
    parser.add_argument("--summary", action="store_true", help="counts only")
    args = parser.parse_args(argv)
    rejected: tuple[Rejected, ...] = ()
    if args.path.suffix in {".yaml", ".yml"}:
        questions = list(load_bank(args.path).bank.questions)
    else:
        started = time.perf_counter()
        result = generate(read_document(args.path), args.path.name)
        seconds = time.perf_counter() - started
        questions = list(result.bank.questions)
        rejected = result.rejected
        print(f"generated {len(questions)} questions in {seconds:.2f} s", file=sys.stderr)
    if args.rejected:
        for r in rejected:
            if r.reason.startswith(args.rejected):
                print(show(r.question, r.reason) + f"\n  WHY: {r.detail}\n")
        return 0
    numbered = list(enumerate(questions))
    if args.sample:
        random.seed(args.seed)
        numbered = random.sample(numbered, min(args.sample, len(numbered)))
    numbered = [
        (i, q)
        for i, q in numbered
        if q.generator.startswith(args.generator)
        and q.kind.startswith(args.kind)
        and q.section.startswith(args.section)
    ]
    if not args.summary:
        for i, q in numbered:
            print(show(q, i))
            print()
    by_gen = Counter(q.generator for _, q in numbered)
    by_section = Counter(q.section for _, q in numbered)
    print(f"{len(numbered)} questions", file=sys.stderr)
    print(
        "  by generator: " + ", ".join(f"{g} {n}" for g, n in by_gen.most_common()), file=sys.stderr
    )
    print("  by section: " + ", ".join(f"{s} {n}" for s, n in by_section.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
