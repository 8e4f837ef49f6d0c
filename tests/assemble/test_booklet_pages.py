"""A booklet's pages as the reader holds them: landscape parts turned to fill a portrait page (not shrunk),
and the page numbers and blanks of a large-print part in large print."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader, PdfWriter

from helpers import write_file
from worksheets.assemble.booklet import saddle_order
from worksheets.style.themes import theme_for

LARGE = theme_for("large-print").small  # 16 pt
STANDARD = theme_for("standard").small  # 8.5 pt


def _landscape_pdf(path: Path) -> None:
    """Two pages shown landscape, each with "TOP" at its top edge and a frame round it: an A4 landscape page,
    and a portrait page stored with /Rotate 90 (a viewer shows it landscape, "TOP" upright at its top)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=landscape(A4), invariant=1)
    width, height = landscape(A4)
    canvas.setLineWidth(4)
    canvas.rect(10, 10, width - 20, height - 20)
    canvas.setFont("Helvetica-Bold", 60)
    canvas.drawCentredString(width / 2, height - 80, "TOP")
    canvas.showPage()
    canvas.setPageSize(A4)  # stored portrait: its left edge is the top a viewer shows
    width, height = A4
    canvas.setLineWidth(4)
    canvas.rect(10, 10, width - 20, height - 20)
    canvas.setFont("Helvetica-Bold", 60)
    canvas.saveState()
    canvas.translate(80, height / 2)
    canvas.rotate(90)
    canvas.drawCentredString(0, 0, "TOP")
    canvas.restoreState()
    canvas.showPage()
    canvas.save()
    writer = PdfWriter(clone_from=io.BytesIO(buffer.getvalue()))
    writer.pages[1].rotate(90)
    writer.write(path)


def _top(char: dict) -> bool:
    """A letter of the landscape part's "TOP" (the only text in its font)."""
    return "Helvetica-Bold" in char["fontname"]


def _frame(page: pdfplumber.page.Page) -> tuple[float, float, float, float]:
    """The bounding box (x0, top, x1, bottom) of everything drawn with lines on the page."""
    drawn = page.rects + page.lines + page.curves
    assert drawn
    return (min(o["x0"] for o in drawn), min(o["top"] for o in drawn),
            max(o["x1"] for o in drawn), max(o["bottom"] for o in drawn))


def _assert_turned(page: pdfplumber.page.Page, left: float, width: float) -> None:
    """The turned part fills the slot from `left`, `width` wide, the full height of the page: its frame
    covers most of it, and "TOP" is against the slot's left edge, half way down, turned a quarter anticlockwise."""
    x0, top, x1, bottom = _frame(page)
    assert left - 1 <= x0 and x1 <= left + width + 1
    assert bottom - top > 0.8 * page.height  # the landscape page's width runs down the portrait page
    assert x1 - x0 > 0.8 * width
    letters = [c for c in page.chars if _top(c) and left <= c["x0"] < left + width]
    assert len(letters) == 3
    assert all(not c["upright"] for c in letters)  # turned, not upright
    assert all(c["x1"] < left + 0.25 * width for c in letters)  # its top is at the slot's left edge
    middle = (min(c["top"] for c in letters) + max(c["bottom"] for c in letters)) / 2
    assert abs(middle - page.height / 2) < 0.1 * page.height
    assert [c["text"] for c in sorted(letters, key=lambda c: -c["top"])] == ["T", "O", "P"]  # read upwards


@pytest.mark.parametrize("impose", ["a5-booklet", "a4-on-a3"])
def test_a_landscape_pdf_is_turned_to_fill_the_page_not_shrunk(run, specs, impose):
    _landscape_pdf(specs / "wide.pdf")
    write_file(specs, "b.yaml", "booklet:\n  title: Wide\n  cover: false\n  contents_page: false\n"
                                f"  impose: {impose}\n  parts:\n    - worksheet: basic.yaml\n    - pdf: wide.pdf\n")
    result = run("build", "b.yaml", cwd=specs)
    assert result.code == 0, result.stderr
    folder = specs / "output/b"
    with pdfplumber.open(folder / "b-booklet.pdf") as pdf:
        wide = [page for page in pdf.pages if any(_top(c) for c in page.chars)]
        assert len(wide) == 2
        for page in wide:
            assert page.height > page.width  # a portrait page, as the booklet's are
            _assert_turned(page, 0, page.width)
    with pdfplumber.open(folder / "b-booklet-print.pdf") as pdf:
        found = 0
        for side in pdf.pages:
            for slot in (0, 1):
                left, half = slot * side.width / 2, side.width / 2
                if any(_top(c) and left <= c["x0"] < left + half for c in side.chars):
                    _assert_turned(side.crop((left, 0, left + half, side.height)), left, half)
                    found += 1
        assert found == 2
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert run("build", "b.yaml", "--force", cwd=specs).code == 0
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_pdf_whose_pages_inherit_their_resources_and_turn_is_drawn_as_a_viewer_shows_it(run, specs):
    """/Resources and /Rotate may stand on the page tree, not on each page (other tools write PDFs so)."""
    import pikepdf

    _landscape_pdf(specs / "both.pdf")
    with pikepdf.open(specs / "both.pdf", inherit_page_attributes=False) as source:
        del source.pages[0]  # only the portrait page stored turned, its turn and fonts moved up to its tree
        page = source.pages[0].obj
        source.Root.Pages.Rotate, source.Root.Pages.Resources = 90, page.Resources
        del page["/Resources"], page["/Rotate"]
        source.save(specs / "wide.pdf")
    with pikepdf.open(specs / "wide.pdf", inherit_page_attributes=False) as check:
        assert "/Rotate" not in check.pages[0].obj and "/Resources" not in check.pages[0].obj
    write_file(specs, "b.yaml", "booklet:\n  title: Wide\n  cover: false\n  contents_page: false\n"
                                "  parts:\n    - worksheet: basic.yaml\n    - pdf: wide.pdf\n")
    result = run("build", "b.yaml", cwd=specs)
    assert result.code == 0, result.stderr
    with pdfplumber.open(specs / "output/b/b-booklet.pdf") as pdf:
        wide = [page for page in pdf.pages if any(_top(c) for c in page.chars)]
        assert len(wide) == 1
        _assert_turned(wide[0], 0, wide[0].width)


def test_page_numbers_drawn_over_a_turned_page_stay_upright_at_its_foot(tmp_path):
    """Furniture is drawn on the booklet's page, not on the part: a number on a turned page reads as the
    booklet is held, centred at the page's foot, in the plain booklet and on the imposed sheet."""
    from worksheets.assemble.booklet import Segment, booklet_pages, impose, merge_booklet
    from worksheets.writers.pdf.page import PAPERS

    _landscape_pdf(tmp_path / "wide.pdf")
    theme = theme_for("standard")
    segments = [Segment("Wide", tmp_path / "wide.pdf")]  # numbered, as a generated page is
    pages, starts = booklet_pages(segments, False, theme, PAPERS["A4"])
    for data in (merge_booklet(segments, pages, starts), impose(pages, "a4-on-a3", theme)):
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            numbers = 0
            for side in pdf.pages:
                words = side.extract_words()
                for word in words:
                    if word["text"] != "Page":
                        continue
                    line = [w["text"] for w in words if abs(w["top"] - word["top"]) < 1]
                    assert re.fullmatch(r"Page \d of 2", " ".join(line))
                    assert word["upright"] and word["top"] > 0.9 * side.height
                    numbers += 1
                    slot = side.width / 2 if side.width > side.height else side.width
                    centre = [c for c in side.chars if abs(c["top"] - word["top"]) < 1]
                    middle = (min(c["x0"] for c in centre) + max(c["x1"] for c in centre)) / 2 % slot
                    assert abs(middle - slot / 2) < 2
            assert numbers == 2


def _part_pages(path: Path) -> dict[str, range]:
    """Each part's pages (from 1), from the bookmarks: up to the page before the next part starts."""
    reader = PdfReader(path)
    top = [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline
           if not isinstance(item, list)]
    ends = [start for _, start in top[1:]] + [len(reader.pages) + 1]
    return {title: range(start, end) for (title, start), end in zip(top, ends, strict=True)}


def _number_sizes(page: pdfplumber.page.Page) -> set[float] | None:
    """The sizes of the "Page N of T" characters at the foot of the page (or of the cropped half-sheet
    one booklet page is on), or None if it has none."""
    x0, top, x1, bottom = page.bbox
    words = [w for w in page.extract_words(extra_attrs=["size"]) if w["text"] == "Page"
             and w["top"] > top + (bottom - top) * 0.8]
    if not words:
        return None
    assert len(words) == 1
    line = [c for c in page.chars if abs(c["top"] - words[0]["top"]) < 2 and c["text"].strip()
            and abs((c["x0"] + c["x1"]) / 2 - (x0 + x1) / 2) < (x1 - x0) * 0.2]
    assert re.fullmatch(r"Page\d+of\d+", "".join(c["text"] for c in line))
    return {round(c["size"], 1) for c in line}


def test_a_large_print_part_has_large_page_numbers_and_blanks(run, example):
    """Every number and blank-page word on a large-print part's pages (and the blanks either side of it) is in
    its style's 16 pt, as its own header and footer are; a standard part's stay at 8.5 pt. In the print file too."""
    write_file(example, "b.yaml", "booklet:\n  title: A4 on A3\n  start_parts_on: odd\n  parts:\n"
                                  "    - worksheet: source-skills.yaml\n      tier: support\n      style: large-print\n"
                                  "      title: Large\n"
                                  "    - divider: {title: Part two, text: \"Some *prose*\"}\n"
                                  "    - worksheet: terror.yaml\n      title: Standard\n  impose: a4-on-a3\n")
    result = run("build", "b.yaml", cwd=example)
    assert result.code == 0, result.stderr
    booklet = example / "output/b/b-booklet.pdf"
    parts = _part_pages(booklet)
    assert list(parts) == ["Large", "Part two", "Standard"]
    large = {min(parts["Large"]) - 1, *parts["Large"]}  # with the blank facing its first page
    with pdfplumber.open(booklet) as pdf:
        pages = dict(enumerate(pdf.pages, 1))
        blanks = {n for n, page in pages.items() if "intentionally left blank" in (page.extract_text() or "")}
        assert {min(large), max(large)} <= blanks and blanks - large  # blanks round it, and standard ones
        for number, page in pages.items():
            sizes = _number_sizes(page)
            if number == 1:
                assert sizes is None  # the cover
            elif number in large:
                assert sizes is not None and min(sizes) >= LARGE, number
                # the part's own header and footer are in its style too: nothing on its pages is under 16 pt
                assert min(round(c["size"], 1) for c in page.chars) >= LARGE, number
            else:
                assert sizes == {STANDARD}, number
        total = len(pages)
    with pdfplumber.open(example / "output/b/b-booklet-print.pdf") as pdf:  # A4 on A3: printed at full size
        count = total + (-total) % 4
        for side, numbers in zip(pdf.pages, saddle_order(count), strict=True):
            for slot, number in enumerate(numbers):
                half = side.crop((slot * side.width / 2, 0, (slot + 1) * side.width / 2, side.height))
                sizes = _number_sizes(half)
                if number == 1 or number > total:
                    assert sizes is None
                else:
                    assert sizes == ({LARGE} if number in large else {STANDARD}), number
