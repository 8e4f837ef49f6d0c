"""Reading one box on a fitted page: first that its printed outline is where the template says (a box that is
not there is never read), then how much of its inside is inked against the paper: ticked, empty, or too
close to call (a faint mark, or one in light pencil), which is shown to a person rather than scored."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

TICKED = 0.10  # of the inside inked: a tick, a cross or a filled box
EMPTY = 0.035  # at most this, and the box is empty; between the two, a person decides
OUTLINE = 0.55  # of the outline's samples that must be dark: else the page does not match its template
INSET = 0.24  # of the side kept clear of the outline when measuring the inside
INK, FAINT = 0.6, 0.82  # of the paper's grey: darker is ink; darker than FAINT is at least a light pencil mark


@dataclass(frozen=True)
class Reading:
    """What one box holds."""

    state: str
    """'ticked', 'empty', 'doubtful' or 'missing' (its outline is not where it should be)."""
    ink: float
    """The share of its inside that is inked."""
    crop: tuple[int, int, int, int]
    """The box and a little round it, in pixels (left, top, right, bottom): for a person to look at."""


def _pixel(fit: Any, x: float, y: float) -> tuple[float, float]:
    col, row, w = [x, y, 1.0] @ fit
    return float(col / w), float(row / w)


def _samples(pixels: Any, fit: Any, points: list[tuple[float, float]]) -> Any:
    """The grey at each page point (in points from the foot-left), through the page's fit."""
    import numpy as np

    rows, cols = pixels.shape
    placed = np.column_stack([np.array(points, dtype=float), np.ones(len(points))]) @ fit
    placed = placed[:, :2] / placed[:, 2:3]
    cs = np.clip(np.rint(placed[:, 0]).astype(int), 0, cols - 1)
    rs = np.clip(np.rint(placed[:, 1]).astype(int), 0, rows - 1)
    return pixels[rs, cs]


def read_box(pixels: Any, fit: Any, x: float, y: float, size: float, paper: float) -> Reading:
    """The box whose foot-left corner is (x, y) points, `size` a side, on a page fitted by `fit`."""
    import numpy as np

    steps = [i / 23 for i in range(24)]
    around = [(x - size * 0.5 + 2 * size * t, y - size * 0.5) for t in steps]
    around += [(x - size * 0.5 + 2 * size * t, y + size * 1.5) for t in steps]
    # the paper's grey here, for the ink inside: a photo is lit unevenly (90th percentile: a letter nearby is
    # ignored); the printed outline, thin and blurred, is held to the page's paper
    here = min(paper, float(np.percentile(_samples(pixels, fit, around), 90)))
    sides = [(x + size * t, y) for t in steps] + [(x + size * t, y + size) for t in steps]
    sides += [(x, y + size * t) for t in steps] + [(x + size, y + size * t) for t in steps]
    dark = paper * INK
    # the outline's share that is dark, the best of the place itself and a hair off it (a scan's own blur)
    on_line = max(float(np.mean(_samples(pixels, fit, [(px + dx, py + dy) for px, py in sides]) < dark))
                  for dx, dy in ((0, 0), (0.7, 0), (-0.7, 0), (0, 0.7), (0, -0.7)))
    inside = [(x + size * (INSET + (1 - 2 * INSET) * i / 11), y + size * (INSET + (1 - 2 * INSET) * j / 11))
              for i in range(12) for j in range(12)]
    greys = _samples(pixels, fit, inside)
    ink = float(np.mean(greys < here * INK))
    faint = float(np.mean(greys < here * FAINT))  # a light pencil mark is never taken for an empty box
    corners = [_pixel(fit, x - size * 0.6, y - size * 0.6), _pixel(fit, x + size * 1.6, y + size * 1.6)]
    crop = (int(min(c for c, _ in corners)), int(min(r for _, r in corners)), int(max(c for c, _ in corners)),
            int(max(r for _, r in corners)))
    if on_line < OUTLINE:
        return Reading("missing", ink, crop)
    state = "ticked" if ink >= TICKED else "empty" if ink <= EMPTY and faint <= EMPTY else "doubtful"
    return Reading(state, ink, crop)
