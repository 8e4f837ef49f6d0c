"""Our flowables on a real page: tables never leave a lone row, and a Keep inside a Keep does not start a page."""

from __future__ import annotations

import io

import pdfplumber
import pytest
from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import SimpleDocTemplate, Spacer

from worksheets.writers.pdf.flow import Keep, Paragraph
from worksheets.writers.pdf.fonts import register
from worksheets.writers.pdf.rows import Rows

register("Sans")  # before any paragraph is made: reportlab parses its markup at once
STYLE = ParagraphStyle("t", fontName="Sans-Regular", fontSize=10, leading=12)


def _pages(story) -> list[str]:
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A5, invariant=1).build(story)
    with pdfplumber.open(io.BytesIO(out.getvalue())) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


@pytest.mark.parametrize("before", range(240, 436, 12))
@pytest.mark.parametrize("header", [0, 1])
def test_a_table_split_by_a_page_leaves_at_least_two_rows_on_each_side(before, header):
    rows = [[Paragraph(f"ROW{n:02d} text", STYLE), Paragraph("cell", STYLE)] for n in range(8)]
    table = Rows(rows, colWidths=[200, 100], repeatRows=header)
    pages = _pages([Spacer(1, before), table])
    counts = [sum(f"ROW{n:02d}" in page for n in range(header, 8)) for page in pages]
    assert sum(counts) >= 8 - header
    assert all(count == 0 or count >= 2 for count in counts), counts


def test_a_table_whose_rows_cannot_go_two_to_a_page_still_splits():
    long = " ".join(["words"] * 380)
    rows = [[Paragraph(f"ROW{n} {long}", STYLE)] for n in range(4)]
    pages = _pages([Rows(rows, colWidths=[300], splitInRow=1)])
    assert all(any(f"ROW{n}" in page for page in pages) for n in range(4))


def test_a_keep_inside_a_keep_stays_on_the_page_when_both_fit():
    inner = Keep([Paragraph("INNER", STYLE)])
    pages = _pages([Paragraph("FIRST", STYLE), Keep([inner, Paragraph("AFTER", STYLE)])])
    assert len(pages) == 1 and "INNER" in pages[0]


def test_a_keep_inside_a_keep_moves_whole_when_it_does_not_fit():
    inner = Keep([Paragraph("INNER", STYLE), Spacer(1, 100)])
    pages = _pages([Spacer(1, 420), Keep([inner, Paragraph("AFTER", STYLE)])])
    assert len(pages) == 2 and "INNER" in pages[1] and "AFTER" in pages[1]
