"""Two repeated costs of ziamath's layout taken away, with the same outlines as a result (a test sets the
spec's formulas both ways and compares them); ziamath is pinned to the minor version these were read from.

- Every row of a formula lays its children out twice: once only to learn the row's height for its
  stretchy brackets, then for real, so the work doubles at each level of nesting (a fraction inside a
  root inside a bracket): `\\left(` ten deep took a minute. The first pass is skipped for a row with
  nothing that can stretch, and inside another row's first pass, which leaves every stretchy glyph
  out of the heights it measures, so the sizes of those glyphs cannot change what it finds.
- Every node copies its parent's style through `dataclasses.asdict`, a deep recursive copy, to read
  four values from it; a shallow copy reads the same values."""

from __future__ import annotations

from typing import Any

STEADY = frozenset("+−-=×÷±∓·⋅*<>≤≥≠≈≡∝∼,.;:!′″∠△⊥∥∴∵°∘→←↔⇒⇐⇔⇌∈∉⊂⊆∪∩%&")
"""Operators that never stretch, whatever their row holds."""
STYLE_FIELDS = ("mathvariant", "displaystyle", "mathcolor", "mathbackground", "mathsize", "scriptlevel")

_done = False


def speed_up() -> None:
    """Apply both changes, once per process."""
    global _done
    if _done:
        return
    from ziamath import styles
    from ziamath.nodes import mrow

    measure = mrow.Mrow._get_height_nostretch

    def height_if_needed(self: Any, line: list[Any], **kwargs: Any) -> tuple[float, float]:
        if kwargs.get("nostretch") or not any(_may_stretch(mo) for child in line for mo in child.iter("mo")):
            return 0.0, 0.0  # only a stretchy operator reads the row's height, and a measuring pass ignores it
        return measure(self, line, **kwargs)

    mrow.Mrow._get_height_nostretch = height_if_needed  # type: ignore[method-assign]
    styles.asdict = _shallow  # type: ignore[assignment]
    _done = True


def _may_stretch(mo: Any) -> bool:
    stretchy = mo.get("stretchy")
    if stretchy == "false":
        return False
    text = (mo.text or "").strip()
    return stretchy == "true" or not text or any(char not in STEADY for char in text)


def _shallow(style: Any) -> dict[str, Any]:
    return {name: getattr(style, name) for name in STYLE_FIELDS}
