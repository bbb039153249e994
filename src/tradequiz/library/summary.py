"""What a bank holds: questions per section and kind, and rejected questions per reason."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from tradequiz.bank.model import KINDS, Bank

REASON_TAG = "rejected:"


@dataclass(frozen=True)
class BankSummary:
    """Counts of studiable questions by section and kind, in document and kind order."""

    title: str
    sections: tuple[tuple[str, str], ...]  # (section id, title)
    kinds: tuple[str, ...]
    counts: dict[tuple[str, str], int]
    rejected: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def section_total(self, section_id: str) -> int:
        return sum(n for (s, _k), n in self.counts.items() if s == section_id)

    def kind_total(self, kind: str) -> int:
        return sum(n for (_s, k), n in self.counts.items() if k == kind)

    def lines(self) -> list[str]:
        """The summary as a plain-text table (for the command line)."""
        if not self.sections:
            return []
        labels = [k.replace("_", " ") for k in self.kinds]
        width = max(len(t) for _s, t in self.sections)
        width = max(width, len("section"))
        cols = [max(len(label), 5) for label in labels]
        head = f"{'section':<{width}}  " + "  ".join(
            f"{label:>{c}}" for label, c in zip(labels, cols, strict=True)
        )
        out = [head]
        for sid, title in self.sections:
            cells = "  ".join(
                f"{self.counts.get((sid, k), 0):>{c}}"
                for k, c in zip(self.kinds, cols, strict=True)
            )
            out.append(f"{title:<{width}}  {cells}")
        for reason, n in sorted(self.rejected.items()):
            out.append(f"rejected ({reason}): {n}")
        return out


def _reason(tags: tuple[str, ...]) -> str:
    for tag in tags:
        if tag.startswith(REASON_TAG):
            return tag[len(REASON_TAG) :].strip() or "no reason given"
    return "no reason given"


def summarise(bank: Bank, generator_rejected: Mapping[str, int] | None = None) -> BankSummary:
    """Count the questions a learner may be given, and the rejected ones by reason.

    ``generator_rejected`` adds the candidates the generator itself turned down
    (they are in its report, not in the bank), by reason.
    """
    studiable = bank.studiable()
    counts: Counter[tuple[str, str]] = Counter((q.section, str(q.kind)) for q in studiable)
    kinds = tuple(k for k in KINDS if any(kind == k for _s, kind in counts))
    known = {s.id for s in bank.sections}
    sections = [(s.id, s.title) for s in bank.sections]
    sections += [
        (sid, sid) for sid in dict.fromkeys(q.section for q in studiable) if sid not in known
    ]
    rejected = Counter(_reason(q.tags) for q in bank.questions if q.status == "rejected")
    rejected.update(generator_rejected or {})
    return BankSummary(bank.title, tuple(sections), kinds, dict(counts), dict(rejected))
