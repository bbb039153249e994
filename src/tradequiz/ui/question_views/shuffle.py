"""Deterministic shuffles: the same question always shows its options in the same order."""

from __future__ import annotations

import hashlib
import random


def shuffled_indices(count: int, seed: str, avoid_identity: bool = True) -> list[int]:
    order = list(range(count))
    rng = random.Random(hashlib.sha256(seed.encode()).digest())
    rng.shuffle(order)
    if avoid_identity and count > 1 and order == list(range(count)):
        order = order[1:] + order[:1]
    return order
