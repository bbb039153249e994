from __future__ import annotations

import pytest

from tradequiz.store.opening import Store
from tradequiz.store.settings import set_settings
from tradequiz.study.preferences import (
    Preferences,
    format_steps,
    load_preferences,
    parse_steps,
    save_preferences,
)


def test_defaults_when_nothing_is_stored(empty_store: Store) -> None:
    prefs = load_preferences(empty_store.db)
    assert prefs == Preferences()
    assert prefs.limits().new_per_day == 20
    assert prefs.limits().reviews_per_day == 200
    assert prefs.scheduler().desired_retention == 0.90
    assert prefs.scheduler().learning_steps == (60, 600)


def test_round_trip(empty_store: Store) -> None:
    prefs = Preferences(new_per_day=5, desired_retention=0.85, learning_steps_minutes=(2.0, 30.0),
                        rollover_hour=6, fuzz=False)  # fmt: skip
    save_preferences(empty_store.db, prefs)
    assert load_preferences(empty_store.db) == prefs


def test_bad_stored_values_fall_back_to_defaults(empty_store: Store) -> None:
    set_settings(
        empty_store.db,
        {"desired_retention": 5, "new_per_day": "lots", "learning_steps_minutes": [-1]},
    )
    prefs = load_preferences(empty_store.db)
    assert prefs.desired_retention == 0.90
    assert prefs.new_per_day == 20
    assert prefs.learning_steps_minutes == (1.0, 10.0)


def test_parse_steps() -> None:
    assert parse_steps("1m 10m") == (1.0, 10.0)
    assert parse_steps("30s, 1h 1d") == (0.5, 60.0, 1440.0)
    assert parse_steps("5") == (5.0,)
    assert format_steps((0.5, 10.0, 60.0, 1440.0)) == "30s 10m 1h 1d"
    with pytest.raises(ValueError, match="use s, m, h or d"):
        parse_steps("10x")
    with pytest.raises(ValueError, match="at least one"):
        parse_steps("  ")
    with pytest.raises(ValueError, match="between"):
        parse_steps("30d")
