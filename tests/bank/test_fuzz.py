"""Every parser answers bad input with a BankError, never an unhandled exception."""

from __future__ import annotations

import os
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.bank.samples import every_kind
from tradequiz.bank.csv_io import import_csv
from tradequiz.bank.gift import export_gift, import_gift
from tradequiz.bank.json_io import export_json, import_json
from tradequiz.bank.problems import BankError
from tradequiz.bank.yaml_io import dump_bank, parse_bank

# FUZZ_EXAMPLES=5000 for a longer hunt; the suite runs a quick pass.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
SEED_YAML = dump_bank(every_kind())
SEED_JSON = export_json(every_kind())
SEED_GIFT = export_gift(every_kind()).data.decode()
# Characters that mean something to one of the formats, so mutations hit the parsers' corners.
ALPHABET = st.sampled_from([*"{}[]:,#~=->\"'\\\n\t &*!|%@;-0123456789abcTF", "\x00", "é"])


def _safely(parse: Callable[[], object]) -> None:
    try:
        parse()
    except BankError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.line >= 1 and problem.col >= 1 and problem.message


def _mutate(seed: str) -> st.SearchStrategy[str]:
    return st.tuples(
        st.integers(0, len(seed)), st.integers(0, 40), st.text(ALPHABET, max_size=30)
    ).map(lambda t: seed[: t[0]] + t[2] + seed[t[0] + t[1] :])


@FUZZ
@given(st.one_of(st.text(ALPHABET, max_size=200), _mutate(SEED_YAML)))
def test_yaml_parser(text: str) -> None:
    _safely(lambda: parse_bank(text, "fuzz.yaml"))


@FUZZ
@given(st.one_of(st.text(ALPHABET, max_size=200), _mutate(SEED_JSON)))
def test_json_parser(text: str) -> None:
    _safely(lambda: import_json(text.encode(), "fuzz.json"))


@FUZZ
@given(st.one_of(st.binary(max_size=200), st.text(ALPHABET, max_size=200).map(str.encode)))
def test_csv_parser(data: bytes) -> None:
    _safely(lambda: import_csv(data, "fuzz.csv"))


@FUZZ
@given(st.one_of(st.text(ALPHABET, max_size=200), _mutate(SEED_GIFT)))
def test_gift_parser(text: str) -> None:
    _safely(lambda: import_gift(text.encode(), "fuzz.gift"))
