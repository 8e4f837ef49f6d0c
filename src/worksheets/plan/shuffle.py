"""Deterministic shuffles: the same question, variant and purpose always give the same order."""

from __future__ import annotations

import hashlib
import random

AVOID_ANSWER_FROM = 3
"""From this many items on, a shuffle never prints the original order (a matching's or an ordering's answer) nor
its exact reverse (the answer read backwards): a page in either looks unshuffled. Two items keep whichever order
the shuffle gives, either equally often, since any fixed rule for two (always swapped) would print the answer by
construction."""


def gives_away(order: list[int]) -> bool:
    """The order prints the answer: from AVOID_ANSWER_FROM items, the original order or its reverse."""
    return len(order) >= AVOID_ANSWER_FROM and order in (sorted(order), sorted(order, reverse=True))


RETRIES = 8
"""Shuffles drawn before one that gives the answer away is rotated instead."""


def permutation(count: int, *key: str) -> list[int]:
    """A shuffled order of range(count), fixed by `key`; from AVOID_ANSWER_FROM items, never one that gives the
    answer away: such a shuffle is drawn again (from the key and the attempt), as a rotation of it would be the
    answer with one item moved."""
    for attempt in range(RETRIES):
        order = _shuffled(count, *key, *(("again", str(attempt)) if attempt else ()))
        if not gives_away(order):
            return order
    return order[1:] + order[:1]  # after RETRIES unlucky draws (one time in thousands): rotated


def _shuffled(count: int, *key: str) -> list[int]:
    seed = int.from_bytes(hashlib.sha256("\x1f".join(key).encode("utf-8")).digest()[:8], "big")
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return order


def variant_order(count: int, variant: int, *key: str) -> list[int]:
    """The order for variant number `variant` (A = 0): shuffled, and unlike every earlier variant's when possible."""
    earlier: list[list[int]] = []
    for index in range(variant + 1):
        order = permutation(count, *key, f"variant-{index}")
        for _ in range(count):
            if order not in earlier and not gives_away(order):
                break
            order = order[1:] + order[:1]
        earlier.append(order)  # after `count` rotations, permutation's own order: never the answer's
    return earlier[-1]
