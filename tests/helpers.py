"""Plain helpers and paths shared by the tests (fixtures are in conftest.py).

The tests folder is on the import path (`pythonpath` in pyproject.toml), so any test imports these with
`from helpers import ...`, wherever it lives under tests/.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader

TESTS = Path(__file__).parent  # golden files are named relative to this folder
SPECS = TESTS / "specs"  # the test specs
BAD = TESTS / "bad"  # the catalogue of bad inputs, each NAME.yaml with its NAME.err
EXAMPLE = TESTS.parent / "specs" / "stalin-terror"
DOCS = TESTS.parent / "docs"


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """Text with runs of white space folded, for phrases that may wrap across lines."""
    return " ".join(text.split())


def write_file(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def past_paper(path: Path, pages: int = 3) -> None:
    """A plain PDF of PAGES pages, each saying "PAST PAPER PAGE n", to include in a booklet."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), invariant=1)
    for number in range(1, pages + 1):
        canvas.drawString(100, 700, f"PAST PAPER PAGE {number}")
        canvas.showPage()
    canvas.save()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_browser = pytest.mark.skipif(CHROMIUM is None or shutil.which("chromedriver") is None,
                                   reason="needs Debian's chromium and chromium-driver (installed by .ci/run)")
"""Marks a test that drives a real headless browser (the `browser` fixture)."""


def wait_until(predicate: Callable[[], bool], seconds: float = 30.0) -> None:
    """Poll until `predicate()` holds; fail after `seconds` (no test waits forever)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")


MATHS_CONTRACT = [  # section 9 of the spec format: every command it names
    "x^2 y_1", "\\frac{1}{2} \\dfrac{1}{2}", "\\sqrt{2} \\sqrt[3]{2}", "a \\times b \\div c \\pm d \\cdot e",
    "a \\le b \\ge c \\ne d \\approx e \\equiv f \\propto g", "\\infty", "30\\degree 2^\\circ",
    "\\alpha \\beta \\Gamma \\Delta \\omega", "\\pi \\theta \\angle ABC \\triangle ABC", "AB \\perp CD \\parallel EF",
    "\\therefore x \\to y \\rightarrow z \\Rightarrow w \\rightleftharpoons v",
    "\\overline{AB} \\vec{v} \\hat{x} \\bar{x}",
    "\\left( \\frac{a}{b} \\right)", "\\text{m s}^{-1} \\mathrm{d}x", "\\sin x \\cos x \\tan x \\log x \\ln x",
    "\\sum_{i=1}^{n} i \\int_0^1 x\\,dx \\lim_{x \\to 0} x", "\\begin{aligned} a &= b \\\\ c &= d \\end{aligned}",
    "\\begin{cases} a & x > 0 \\\\ b & x \\le 0 \\end{cases}", "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}",
    "\\ce{H2SO4} + \\ce{Fe^3+}",
]


def scan_quiz(folder: Path, *settings: str) -> Path:
    """The export quiz (every question type) copied to `folder` with `scan_marking: true` and any more worksheet
    settings ('variants: 2'); the spec's path."""
    import shutil

    shutil.copytree(SPECS / "export", folder)
    spec = folder / "quiz.yaml"
    extra = "".join(f"  {line}\n" for line in ("scan_marking: true", *settings))
    spec.write_text(spec.read_text(encoding="utf-8").replace("  subtitle: Export test\n",
                                                             f"  subtitle: Export test\n{extra}"), encoding="utf-8")
    return spec
