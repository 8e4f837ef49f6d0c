"""Golden page renders: three pages of the Stalin's Terror example, rasterised small and compared with PNGs in
tests/golden/ within a small tolerance. `pytest --accept tests/writers/test_golden_pages.py` rewrites the PNGs (look at
them before committing). On a failure NAME.actual.png and NAME.diff.png (changed pixels in red) are written
beside the golden file; git ignores them."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageChops

from helpers import EXAMPLE, page_texts

DPI = 45  # an A4 page is 372 x 526 pixels: body text is still legible, a PNG is tens of KB at most
LEVELS = 48  # a pixel counts as changed when its grey differs by more than this (out of 255) ...
MOST_CHANGED = 0.0001  # ... and at most this fraction of the page's pixels may have changed (about 20 on A4),
MOST_MEAN = 0.25  # and the mean absolute difference over the page must stay below this many grey levels.
# Measured, in pixels changed by more than LEVELS (of 196,000 on either page size): one word of the handout's
# background paragraph ("show" -> "public") 330 (mean 0.2); a word in the mark scheme's grid 370; one word of the
# booklet's contents ("Practice" -> "Revision") 57 (mean 0.03), one letter there ("c" -> "s") only 4, under what
# 45 dpi can show; the page moved by one pixel 1,700 to 20,000; another page in its place 13,000 to 38,000. The
# same pypdfium2 renders the same page to the same pixels, so the tolerance is only slack for tiny rasteriser
# noise: a pdfium that anti-aliases text differently fails by thousands of pixels, and is re-accepted after a
# look at the .diff.png files.


def grid_page(pdf: Path) -> int:
    """The first page (from 1) with a levels-of-response grid: its heading is a line of its own (page 1's
    general guidance mentions levels of response too, in a sentence)."""
    for number, text in enumerate(page_texts(pdf), start=1):
        if "Levels of response" in text.splitlines():
            return number
    raise AssertionError(f"no levels-of-response grid in {pdf.name}")


PAGES = {
    # name: (PDF under output/, how to find the page)
    "terror-student-p1": ("terror/terror-student.pdf", lambda pdf: 1),
    "terror-markscheme-grid": ("terror/terror-markscheme.pdf", grid_page),
    "booklet-print-p3": ("booklet/booklet-booklet-print.pdf", lambda pdf: 3),
}


def render(pdf: Path, number: int) -> Image.Image:
    document = pdfium.PdfDocument(str(pdf))
    try:
        return document[number - 1].render(scale=DPI / 72, grayscale=True).to_pil().convert("L")
    finally:
        document.close()


def png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def difference(expected: Image.Image, actual: Image.Image) -> str | None:
    """None if the two renders match within the tolerance, else how far apart they are."""
    if expected.size != actual.size:
        return f"the page is {actual.size[0]} x {actual.size[1]} pixels, the golden one {expected.size[0]} x " \
               f"{expected.size[1]}"
    histogram = ImageChops.difference(expected.convert("L"), actual.convert("L")).histogram()
    pixels = expected.size[0] * expected.size[1]
    changed = sum(histogram[LEVELS + 1:]) / pixels
    mean = sum(level * count for level, count in enumerate(histogram)) / pixels
    if changed <= MOST_CHANGED and mean <= MOST_MEAN:
        return None
    return f"{changed:.3%} of the pixels differ by more than {LEVELS} grey levels (at most {MOST_CHANGED:.2%} " \
           f"may), mean difference {mean:.2f} grey levels (at most {MOST_MEAN})"


def diff_image(expected: Image.Image, actual: Image.Image) -> Image.Image:
    """The golden page faded, with the pixels that changed by more than LEVELS in red."""
    changed = ImageChops.difference(expected.convert("L"), actual.convert("L")).point(
        lambda v: 255 if v > LEVELS else 0)
    faded = Image.blend(expected.convert("RGB"), Image.new("RGB", expected.size, "white"), 0.7)
    return Image.composite(Image.new("RGB", expected.size, (255, 0, 0)), faded, changed)


def check_page(golden, name: str, image: Image.Image) -> None:
    __tracebackhide__ = True
    path = golden.path(f"golden/{name}.png")
    actual_path, diff_path = path.with_suffix(".actual.png"), path.with_suffix(".diff.png")
    for stale in (actual_path, diff_path):
        stale.unlink(missing_ok=True)

    def same(expected_png: bytes, actual_png: bytes) -> str | None:
        expected, actual = Image.open(io.BytesIO(expected_png)), Image.open(io.BytesIO(actual_png))
        problem = difference(expected, actual)
        if problem is None or golden.accepting:
            return problem
        actual_path.write_bytes(actual_png)
        written = [golden.shown(actual_path)]
        if expected.size == actual.size:
            diff_image(expected, actual).save(diff_path, format="PNG", optimize=True)
            written.append(f"{golden.shown(diff_path)} (changed pixels in red)")
        return f"{problem}; wrote {' and '.join(written)} to look at"

    golden(path, png(image), same=same)


@pytest.fixture
def built(run, example: Path) -> Path:
    assert EXAMPLE.is_dir()
    result = run("build", "terror.yaml", "booklet.yaml", "--force", cwd=example)
    assert result.code == 0, result.stderr
    return example / "output"


@pytest.mark.parametrize("name", PAGES)
def test_page_looks_as_it_did(built, golden, name):
    pdf, which = PAGES[name]
    pdf = built / pdf
    check_page(golden, name, render(pdf, which(pdf)))


def test_the_tolerance_sees_a_visible_change(built):
    """The thresholds are not so loose that a page one pixel out of place, or another page, passes."""
    pdf = built / "terror/terror-student.pdf"
    first, second = render(pdf, 1), render(pdf, 2)
    assert difference(first, render(pdf, 1)) is None
    assert difference(first, second) is not None
    shifted = Image.new("L", first.size, 255)
    shifted.paste(first, (1, 0))
    assert difference(first, shifted) is not None
    shifted = Image.new("L", first.size, 255)
    shifted.paste(first, (0, 1))
    assert difference(first, shifted) is not None
