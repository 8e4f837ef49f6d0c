"""Plain helpers and paths shared by the tests (fixtures are in conftest.py).

The tests folder is on the import path (`pythonpath` in pyproject.toml), so any test imports these with
`from helpers import ...`, wherever it lives under tests/.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

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


def wait_until(predicate: Callable[[], bool], seconds: float = 30.0) -> None:
    """Poll until `predicate()` holds; fail after `seconds` (no test waits forever)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError("timed out")
