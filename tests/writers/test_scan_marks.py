"""Scan marking, the printed half (#21, in part): with `scan_marking: true` every page carries four corner marks
and a QR code a reader decodes (copy, page, checksum), each tick box and marker's box lands where the page map
says, measured on the page rendered at scanner resolution; without it the pages are as before."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import SPECS
from worksheets.library import build_library
from worksheets.plan import plan
from worksheets.writers.contract import render, unit
from worksheets.writers.pdf.scanmarks import corners, payload

DPI = 150


def _rendered(folder: Path, scan: bool, copy: str | None = None):
    spec = folder / "quiz.yaml"
    text = (SPECS / "export" / "quiz.yaml").read_text(encoding="utf-8").replace("  subtitle: Export test\n",
                                                    f"  subtitle: Export test\n  scan_marking: {str(scan).lower()}\n")
    spec.write_text(text, encoding="utf-8")
    doc = plan(build_library(spec, folder), "quiz", copy=copy)
    return render(unit(doc, "student"))


def _pages(data: bytes) -> list:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    return [pdf[i].render(scale=DPI / 72).to_pil().convert("L") for i in range(len(pdf))]


@pytest.fixture
def quiz(tmp_path: Path) -> Path:
    shutil.copytree(SPECS / "export", tmp_path / "quiz")
    return tmp_path / "quiz"


def _px(image, x: float, y: float) -> int:
    """The grey at (x, y) points from the page's foot-left."""
    return image.getpixel((round(x * DPI / 72), round(image.height - y * DPI / 72)))


def test_every_page_has_a_code_a_reader_decodes_and_four_corner_marks(quiz):
    zxingcpp = pytest.importorskip("zxingcpp")
    rendered = _rendered(quiz, scan=True)
    pages = _pages(rendered.data)
    assert len(pages) >= 3
    for number, image in enumerate(pages, start=1):
        found = [r.text for r in zxingcpp.read_barcodes(image)]
        assert found == [payload("C|-", number)]
        width, height = image.width * 72 / DPI, image.height * 72 / DPI
        assert all(_px(image, x, y) < 60 for x, y in corners(width, height))
        assert _px(image, width / 2, 8) > 200  # and nothing beside them at the foot's middle but the footer's gap


def test_each_box_is_where_the_page_map_says(quiz):
    rendered = _rendered(quiz, scan=True)
    boxes = dict(rendered.pages.boxes)
    assert [k for k in boxes if k.startswith("1:")] == ["1:box:0", "1:box:1", "1:box:2"]  # the choice's options
    assert len([k for k in boxes if k.startswith("3:box:")]) == 4  # true and false for each statement
    assert [k for k in boxes if k.startswith("9(a):")] == ["9(a):mark:0", "9(a):mark:1"]
    assert [k for k in boxes if k.startswith("9(b):")] == [f"9(b):mark:{m}" for m in range(5)]
    assert not any(k.startswith("9:") for k in boxes)  # a question in parts: each part has its own
    pages = _pages(rendered.data)
    for key, box in boxes.items():
        image = pages[box.page - 1]
        assert _px(image, box.x, box.y + box.size / 2) < 120, key  # its left side is drawn there
        assert _px(image, box.x + box.size / 2, box.y + box.size / 2) > 200, key  # and it is empty inside


def test_a_students_own_copy_says_so_and_without_scan_marking_nothing_changes(quiz):
    zxingcpp = pytest.importorskip("zxingcpp")
    amy = _pages(_rendered(quiz, scan=True, copy="Amy Shah").data)[0]
    ben = _pages(_rendered(quiz, scan=True, copy="Ben Ode").data)[0]
    codes = {zxingcpp.read_barcodes(image)[0].text.split("|")[2] for image in (amy, ben)}
    assert len(codes) == 2 and "-" not in codes
    plain = _rendered(quiz, scan=False)
    assert plain.pages.boxes == () and not zxingcpp.read_barcodes(_pages(plain.data)[0])
