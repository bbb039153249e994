"""Periods a document dates events by: decades, years, ranges and named eras.

Each mention gets a sort key (so a chronology can be ordered), the answers a
learner may type for it, and a way to put another period in its place that
keeps the sentence grammatical (for a false statement or a distractor).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tradequiz.generate.lexicon import ERA_VARIANTS, ERAS

_DECADE = r"(?:(?:early|mid|late)[- ])?(?:1[0-9]|20)\d0s"
_YEAR = r"(?:1[5-9]|20)\d\d(?!s)"
_DECADE_RANGE = rf"{_DECADE}(?:,? (?:and|to|through|into|or) (?:the )?{_DECADE}|[–-]{_DECADE})?"
_YEAR_RANGE = rf"(?:(?:from|between) )?{_YEAR}(?:(?: to | and |[–-]){_YEAR})?"
_ERA = "|".join(f"(?:{pattern})" for pattern, _year in ERAS)
PERIOD = re.compile(
    rf"(?P<the>\b[Tt]he )?(?P<body>\b{_DECADE_RANGE}\b)"
    rf"|\b(?P<year>{_YEAR_RANGE})\b|(?P<era>\b(?:{_ERA})\b)"
)
_PREP_BEFORE = re.compile(
    r"(?:\b(?:in|during|after|before|since|by|until|following|in the (?:wake|aftermath|years) of"
    r"|at the (?:end|start) of))\s*$",
    re.IGNORECASE,
)
_MODIFIER = {"early": 1, "mid": 4, "late": 7}


@dataclass(frozen=True)
class Period:
    text: str  # as written, with its article ("the 1980s and 1990s")
    start: int  # offsets within the text searched
    end: int
    key: float  # a year to sort by
    kind: str  # "decade", "year" or "era"

    @property
    def bare(self) -> str:
        """The period without a leading article."""
        return re.sub(r"^[Tt]he ", "", self.text)

    def answers(self) -> tuple[str, ...]:
        """What a learner may type for this period."""
        bare = self.bare
        out = [bare]
        if self.kind == "decade":
            out.append(re.sub(r" (?:and|to|through|into) (?:the )?", "–", bare))
            out.append(re.sub(r"\b(?:1[0-9]|20)(\d0s)", r"\1", bare))
            plain = re.sub(r"\b(?:early|mid|late)[- ]", "", bare)
            if plain != bare:
                # "late 2010s and early 2020s": "2010s and 2020s" and the first part alone
                # are what a learner who knows the answer types.
                out.extend([plain, re.sub(r" (?:and|to|through|into) (?:the )?", "–", plain)])
                first = re.split(r",? (?:and|to|through|into|or) ", bare)[0]
                if first != bare:
                    out.append(first)
        out.extend(ERA_VARIANTS.get(bare.lower(), ()))
        seen: list[str] = []
        for a in out:
            if a not in seen:
                seen.append(a)
        return tuple(seen)


def _decade_key(text: str) -> float:
    first = re.search(r"(?:(early|mid|late)[- ])?((?:1[0-9]|20)\d0)s", text)
    if not first:
        return 0.0
    return int(first.group(2)) + _MODIFIER.get(first.group(1) or "", 0)


def find_periods(text: str) -> list[Period]:
    """Every period mentioned in ``text``, in order."""
    found: list[Period] = []
    for match in PERIOD.finditer(text):
        if match.group("body"):
            start = match.start("the") if match.group("the") else match.start("body")
            found.append(
                Period(
                    text[start : match.end()],
                    start,
                    match.end(),
                    _decade_key(match.group()),
                    "decade",
                )
            )
        elif match.group("year"):
            year = int(re.search(r"\d{4}", match.group("year")).group())  # type: ignore[union-attr]
            found.append(Period(match.group(), match.start(), match.end(), float(year), "year"))
        elif match.group("era"):
            era = match.group("era")
            key = next(y for p, y in ERAS if re.fullmatch(p, era))
            found.append(Period(era, match.start(), match.end(), float(key), "era"))
    return found


def put_period(text: str, period: Period, other: Period) -> str:
    """``text`` with ``period`` replaced by ``other``, keeping the grammar around it."""
    before, after = text[: period.start], text[period.end :]
    replacement = (
        other.text
        if other.kind != "decade" or other.text.lower().startswith("the ")
        else f"the {other.text}"
    )
    at_start = not before.strip()
    prep = _PREP_BEFORE.search(before)
    if prep and period.kind != other.kind:
        # "in the wake of World War II" → "in the 1980s and 1990s", not "in the wake of the 1980s".
        before = before[: prep.start()] + ("after " if other.kind == "era" else "in ")
    if at_start:
        replacement = replacement[:1].upper() + replacement[1:]
    elif replacement.startswith("The "):
        replacement = "the " + replacement[4:]
    return before + replacement + after


def decade_count(period: Period) -> int:
    """How many decades or years a period names: 1 for "the 1980s", 2 for "2023 and 2024"."""
    return len(re.findall(r"\d0s\b|\b\d{4}\b(?!s)", period.text))


def shifted_decades(existing: list[Period], count: int) -> list[Period]:
    """Plausible decades the document does not use, for a period distractor."""
    used = {int(d) for p in existing for d in re.findall(r"((?:1[0-9]|20)\d0)s", p.text)}
    used |= {int(p.key) // 10 * 10 for p in existing}
    base = [int(p.key) // 10 * 10 for p in existing if p.kind == "decade"] or [1990]
    # The shape of the answer: "the 1980s" wants single decades, "the 1980s and 1990s" pairs.
    pair = not existing or existing[0].kind != "decade" or decade_count(existing[0]) != 1
    # "the early 1980s" wants "the early 1960s", not a bare "the 1960s" beside it.
    qualified = (
        re.search(r"\b(early|late|mid)[\s-]+(?:1[0-9]|20)\d0s", existing[0].text)
        if existing
        else None
    )
    qualifier = f"{qualified.group(1)} " if qualified and not pair else ""
    out: list[Period] = []
    for step in (-20, 20, -40, 40, -10, 10, -30, 30):
        if len(out) >= count:
            break
        decade = base[0] + step
        last = decade + 10 if pair else decade
        if decade in used or last in used or last > 2020 or decade < 1900:
            continue
        used.add(decade)
        text = f"the {decade}s and {decade + 10}s" if pair else f"the {qualifier}{decade}s"
        out.append(Period(text, 0, len(text), float(decade), "decade"))
    return out
