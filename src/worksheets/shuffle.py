"""Deterministic shuffles: the same question, variant and purpose always give the same order."""

from __future__ import annotations

import hashlib
import random


def permutation(count: int, *key: str) -> list[int]:
    """A shuffled order of range(count), fixed by `key`; never the original order when count >= 3."""
    seed = int.from_bytes(hashlib.sha256("\x1f".join(key).encode("utf-8")).digest()[:8], "big")
    order = list(range(count))
    random.Random(seed).shuffle(order)
    if count >= 3 and order == sorted(order):
        order = order[1:] + order[:1]
    return order
