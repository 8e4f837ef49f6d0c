"""Deterministic shuffles: the same question, variant and purpose always give the same order."""

from __future__ import annotations

import hashlib
import random


def permutation(count: int, *key: str) -> list[int]:
    """A shuffled order of range(count), fixed by `key`; never the original order when count >= 2
    (the original order of a matching or ordering question is its answer)."""
    seed = int.from_bytes(hashlib.sha256("\x1f".join(key).encode("utf-8")).digest()[:8], "big")
    order = list(range(count))
    random.Random(seed).shuffle(order)
    if count >= 2 and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def variant_order(count: int, variant: int, *key: str) -> list[int]:
    """The order for variant number `variant` (A = 0): shuffled, and unlike every earlier variant's when possible."""
    earlier: list[list[int]] = []
    for index in range(variant + 1):
        order = permutation(count, *key, f"variant-{index}")
        identity = list(range(count))
        for _ in range(count):
            if order not in earlier and (order != identity or count < 2):
                break
            order = order[1:] + order[:1]
        if order == identity and count >= 2:
            order = order[1:] + order[:1]  # never the answer order, even if that repeats a variant
        earlier.append(order)
    return earlier[-1]
