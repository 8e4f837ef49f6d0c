"""Draws from a question pool: which questions of a `{from: POOL, draw: N}` block one copy prints, the
same every build of that copy, and for variants a different set for each where the pool allows."""

from __future__ import annotations

from worksheets.plan.shuffle import permutation


def drawn(pool: list[str], count: int, variant: int | None, *key: str) -> list[str]:
    """`count` of the pool for this copy, in the pool's order. `key` names the copy (its seed, its student);
    variant number `variant` (A = 0) avoids the sets of the variants before it while another set is left."""
    if count >= len(pool):
        return list(pool)
    if variant is None:
        return [pool[i] for i in sorted(permutation(len(pool), *key, "draw")[:count])]
    earlier: list[list[int]] = []
    for index in range(variant + 1):
        order = permutation(len(pool), *key, f"draw-{index}")
        picked = sorted(order[:count])
        for _ in range(len(pool)):
            if picked not in earlier:
                break
            order = order[1:] + order[:1]
            picked = sorted(order[:count])
        earlier.append(picked)
    return [pool[i] for i in earlier[-1]]
