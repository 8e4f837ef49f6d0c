"""Which bank items a tier shows."""

from __future__ import annotations

from typing import Any

from worksheets.vocab import EXTENSION_TIER


def in_tier(item: Any, tier: str) -> bool:
    """Whether a bank item appears in a tier (its `tiers:`, and extension questions in challenge only).

    A question whose parts are all in other tiers does not appear either."""
    tiers = getattr(item, "tiers", None)
    if tiers is not None and tier not in tiers:
        return False
    if getattr(item, "extension", False) and tier != EXTENSION_TIER:
        return False
    parts = getattr(item, "parts", None)
    return not parts or any(in_tier(part, tier) for part in parts)
