"""Deterministic shuffles: the same question, variant and purpose always give the same order."""

from __future__ import annotations

import hashlib
import random

AVOID_ANSWER_FROM = 3
"""From this many items on, a shuffle never prints the original order (a matching's or an ordering's answer):
a page in answer order looks unshuffled. Two items keep whichever order the shuffle gives, either equally
often, since any fixed rule for two (always swapped) would print the answer by construction."""


def permutation(count: int, *key: str) -> list[int]:
    """A shuffled order of range(count), fixed by `key`; never the original order from AVOID_ANSWER_FROM items."""
    seed = int.from_bytes(hashlib.sha256("\x1f".join(key).encode("utf-8")).digest()[:8], "big")
    order = list(range(count))
    random.Random(seed).shuffle(order)
    if count >= AVOID_ANSWER_FROM and order == sorted(order):
        order = order[1:] + order[:1]
    return order


def variant_order(count: int, variant: int, *key: str) -> list[int]:
    """The order for variant number `variant` (A = 0): shuffled, and unlike every earlier variant's when possible."""
    earlier: list[list[int]] = []
    for index in range(variant + 1):
        order = permutation(count, *key, f"variant-{index}")
        identity = list(range(count))
        for _ in range(count):
            if order not in earlier and (order != identity or count < AVOID_ANSWER_FROM):
                break
            order = order[1:] + order[:1]
        if order == identity and count >= AVOID_ANSWER_FROM:
            order = order[1:] + order[:1]  # never the answer order, even if that repeats a variant
        earlier.append(order)
    return earlier[-1]
