"""What a generation run produced: a console summary and a Markdown report.

The summary counts kept questions per section × kind and rejected candidates
per reason, with the time taken.  The report lists every kept question (with
its options, answer and source sentence) and every rejected candidate with
the reason it was rejected, so an instructor can see what was left out and
why.
"""

from __future__ import annotations

from collections import Counter

from tradequiz.bank.model import KINDS, Bank, Question
from tradequiz.generate.candidate import Rejected
from tradequiz.generate.filters import REASONS

SHORT_KIND = {"multiple_choice": "mcq", "true_false": "t/f", "short_answer": "short"}


def _kinds(bank: Bank) -> list[str]:
    present = {q.kind for q in bank.questions}
    return [k for k in KINDS if k in present]


def summary(bank: Bank, rejected: tuple[Rejected, ...], seconds: float) -> str:
    """Questions per section × kind, rejected per reason, and the time taken."""
    counts: Counter[tuple[str, str]] = Counter()
    for q in bank.questions:
        counts[(q.section, q.kind)] += 1
    kinds = _kinds(bank)
    width = max([len("section"), *(len(s.id) for s in bank.sections)])
    cols = [SHORT_KIND.get(k, k) for k in kinds]
    lines = [
        f"{bank.title}: {len(bank.questions)} questions kept, "
        f"{len(rejected)} candidates rejected, in {seconds:.2f} s",
        "",
        f"{'section':<{width}}  " + "  ".join(f"{c:>8}" for c in cols) + f"  {'total':>6}",
    ]
    for section in bank.sections:
        cells = "  ".join(f"{counts[(section.id, k)]:>8}" for k in kinds)
        total = sum(counts[(section.id, k)] for k in kinds)
        lines.append(f"{section.id:<{width}}  {cells}  {total:>6}")
    totals = "  ".join(f"{sum(counts[(s.id, k)] for s in bank.sections):>8}" for k in kinds)
    lines.append(f"{'total':<{width}}  {totals}  {len(bank.questions):>6}")
    tf = [q for q in bank.questions if q.kind == "true_false"]
    if tf:
        trues = sum(1 for q in tf if q.truth)
        lines.append(f"true/false: {trues} true, {len(tf) - trues} false")
    reasons = Counter(r.reason for r in rejected)
    if reasons:
        lines.append("")
        lines.append("rejected:")
        for reason, n in reasons.most_common():
            lines.append(f"  {n:>5}  {reason} — {REASONS.get(reason, reason)}")
    return "\n".join(lines)


def _question_lines(q: Question) -> list[str]:
    lines = [f"- **{q.kind}** `{q.id}` ({q.generator}, difficulty {q.difficulty:.2f})", ""]
    lines.append(f"  {q.prompt}")
    lines.append("")
    for choice in q.choices:
        lines.append(f"  - {'✔' if choice.correct else '✗'} {choice.text}")
    if q.truth is not None:
        lines.append(f"  - answer: {'True' if q.truth else 'False'}")
    if q.answers:
        lines.append(f"  - answer: {' | '.join(q.answers)}")
    for pair in q.pairs:
        lines.append(f"  - {pair.left} → {pair.right}")
    for i, item in enumerate(q.items, start=1):
        lines.append(f"  {i}. {item}")
    if q.source is not None:
        lines.append(f"  - source: characters {q.source.start}–{q.source.end}")
    first_line = q.explanation.splitlines()[0] if q.explanation else ""
    lines.append(f"  - explanation: {first_line}")
    lines.append("")
    return lines


def markdown(bank: Bank, rejected: tuple[Rejected, ...], seconds: float) -> str:
    """The full report: summary, kept questions by section, rejected ones with reasons."""
    out = [
        f"# Generation report: {bank.title}",
        "",
        "```",
        summary(bank, rejected, seconds),
        "```",
        "",
    ]
    titles = {s.id: s.title for s in bank.sections}
    out.append("## Kept questions")
    out.append("")
    current = ""
    for q in bank.questions:
        if q.section != current:
            current = q.section
            out.extend([f"### {titles.get(current, current)}", ""])
        out.extend(_question_lines(q))
    out.extend(["## Rejected candidates", ""])
    by_reason: dict[str, list[Rejected]] = {}
    for r in rejected:
        by_reason.setdefault(r.reason, []).append(r)
    for reason, items in sorted(by_reason.items(), key=lambda kv: -len(kv[1])):
        out.extend([f"### {reason} ({len(items)}) — {REASONS.get(reason, reason)}", ""])
        for r in items:
            detail = f" — {r.detail}" if r.detail else ""
            out.append(
                f"- **{r.question.kind}** ({r.question.generator}) {r.question.prompt}{detail}"
            )
        out.append("")
    return "\n".join(out)
