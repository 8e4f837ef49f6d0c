"""The marking stage on its own, over many cases (hypothesis): a page seen at any slant a phone gives is fitted
exactly through its corners and maps its inside inside; a box is scored only when every box of its question
was read with confidence; copies printed without names are put together in the pile's order."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from worksheets.marking import Marked, copy_for
from worksheets.marking.ink import Reading
from worksheets.marking.pages import perspective
from worksheets.marking.score import score

WIDTH, HEIGHT = 595.0, 842.0
TEMPLATE = [(14.0, HEIGHT - 14.0), (WIDTH - 14.0, HEIGHT - 14.0), (14.0, 14.0), (WIDTH - 14.0, 14.0)]


def _apply(matrix, x: float, y: float) -> tuple[float, float]:
    col, row, w = np.array([x, y, 1.0]) @ matrix
    return col / w, row / w


@settings(max_examples=300, deadline=None)
@given(st.floats(100, 400), st.lists(st.floats(-0.04, 0.04), min_size=8, max_size=8), st.booleans())
def test_a_slanted_page_is_fitted_through_its_corners(dpi, wobble, upright):
    """Corners where a photo puts them (up to 4% of the page off square, at 100-400 dpi): the fit takes each
    template corner to its pixel, and the page's centre and a box near an edge to inside the photographed
    page, so a box is looked for where it is."""
    scale = dpi / 72
    pixels = []
    for index, (x, y) in enumerate(TEMPLATE):
        dx, dy = wobble[2 * index] * WIDTH * scale, wobble[2 * index + 1] * HEIGHT * scale
        pixels.append((x * scale + dx, (HEIGHT - y) * scale + dy))
    if not upright:  # the same page at a quarter turn's share of slant: the fit does not care which
        pixels = [(col * 0.98 + row * 0.02, row * 0.98 - col * 0.02) for col, row in pixels]
    matrix = perspective(TEMPLATE, pixels)
    for (x, y), (col, row) in zip(TEMPLATE, pixels, strict=True):
        got = _apply(matrix, x, y)
        assert abs(got[0] - col) < 1e-6 * dpi and abs(got[1] - row) < 1e-6 * dpi
    cols, rows = [c for c, _ in pixels], [r for _, r in pixels]
    for x, y in ((WIDTH / 2, HEIGHT / 2), (40.0, 40.0), (WIDTH - 40.0, HEIGHT - 40.0)):
        col, row = _apply(matrix, x, y)
        assert min(cols) < col < max(cols) and min(rows) < row < max(rows)


STATES = st.sampled_from(["ticked", "empty", "doubtful", "missing", "absent"])


@settings(max_examples=400, deadline=None)
@given(st.lists(STATES, min_size=4, max_size=4), st.sets(st.sampled_from("ABCD"), min_size=1, max_size=2))
def test_a_choice_is_scored_only_from_boxes_read_with_confidence(states, answer):
    """Four option boxes in any states: a box too faint, not where it was printed or on a page not scanned
    leaves the question unscored with a flag; more ticks than asked goes to a person; otherwise it scores
    its marks exactly when the ticks are the key."""
    key = sorted(answer)
    student = {"questions": [{"number": "1", "id": "pick", "type": "choice", "marks": 2, "answer": key}],
               "boxes": {f"1:box:{i}": [1, 0, 0, 10] for i in range(4)}}
    seen = {f"1:box:{i}": Reading(state, 0.0, (0, 0, 1, 1)) for i, state in enumerate(states) if state != "absent"}
    (result,) = score(student, seen)
    ticked = ["ABCD"[i] for i, s in enumerate(states) if s == "ticked"]
    if any(s in ("doubtful", "missing", "absent") for s in states) or len(ticked) > len(key):
        assert result.scored is None and result.flag
    else:
        assert result.scored == (2 if ticked == key else 0)
        assert result.flag == ("" if ticked else "nothing ticked")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([0, 1]), st.integers(1, 3)), max_size=30))
def test_unnamed_copies_are_the_runs_of_a_versions_pages(pile):
    """Pages of two versions in pile order: each goes to its version's copy being put together, and a page
    that copy already has starts the next one; no copy ever holds a page twice, nothing is lost."""
    versions = [{"name": "version A", "version": "A"}, {"name": "version B", "version": "B"}]
    marked = Marked([])
    latest: dict[int, int] = {}
    for entry, page in pile:
        owner = copy_for(marked, versions[entry], latest, entry, page)
        assert page not in marked.pages[owner]
        marked.pages[owner][page] = page
    assert sum(len(p) for p in marked.pages) == len(pile)
    assert [s["name"] for s in marked.students] == [f"copy {i + 1}" for i in range(len(marked.students))]
    for entry in (0, 1):
        starts = sum(1 for i, (e, page) in enumerate(pile) if e == entry
                     and (not any(e2 == entry for e2, _ in pile[:i])
                          or page in _pages_since_start(pile[:i], entry)))
        assert sum(1 for s in marked.students if s["version"] == versions[entry]["version"]) == starts


def _pages_since_start(earlier: list[tuple[int, int]], entry: int) -> set[int]:
    """The pages of the version's copy being put together after `earlier` (the model the test checks)."""
    held: set[int] = set()
    for e, page in earlier:
        if e == entry:
            held = {page} if page in held else held | {page}
    return held
