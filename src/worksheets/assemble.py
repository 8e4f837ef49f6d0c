"""Stage 5: PDFs made from rendered PDFs: class sets (a copy per student, the name stamped in).

Each version is rendered once; a student's copy is that version's pages with
their name drawn on the Name field's line as a small overlay, padded so every
copy starts on a right-hand page when printed double-sided.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter

from worksheets.fonts import face_name, register
from worksheets.theme import Theme

BLANK_TEXT = "This page is intentionally left blank."


@dataclass(frozen=True)
class Copy:
    """One student's copy: the version's PDF, where its Name line is, and the name to print there."""

    pdf: bytes
    anchor: tuple[int, float, float, float] | None  # page (from 1), x, y, width of the Name line
    name: str
    theme: Theme


def _page_pdf(width: float, height: float, draw) -> PdfReader:  # type: ignore[no-untyped-def]
    from reportlab.pdfgen.canvas import Canvas

    register()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1, pageCompression=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue()))


def _name_overlay(copy: Copy, width: float, height: float) -> PdfReader:
    assert copy.anchor is not None
    _, x, y, line_width = copy.anchor
    theme = copy.theme
    font = face_name(theme.font, bold=True)

    def draw(canvas) -> None:  # type: ignore[no-untyped-def]
        from reportlab.pdfbase.pdfmetrics import stringWidth

        size = theme.body
        while size > 6 and stringWidth(copy.name, font, size) > line_width - 6:
            size -= 0.5
        canvas.setFont(font, size)
        canvas.drawString(x + 3, y + 3, copy.name)

    return _page_pdf(width, height, draw)


def _blank(theme: Theme, width: float, height: float) -> PdfReader:
    def draw(canvas) -> None:  # type: ignore[no-untyped-def]
        if theme.page_tint is not None:
            canvas.setFillColorRGB(*theme.page_tint)
            canvas.rect(0, 0, width, height, stroke=0, fill=1)
            canvas.setFillGray(0)
        canvas.setFont(face_name(theme.font, italic=theme.italic), theme.small)
        canvas.drawCentredString(width / 2, height / 2, BLANK_TEXT)

    return _page_pdf(width, height, draw)


def class_set(copies: list[Copy]) -> bytes:
    """One PDF with every student's copy in order, each starting on an odd page."""
    writer = PdfWriter()
    for copy in copies:
        reader = PdfReader(io.BytesIO(copy.pdf))
        first = len(writer.pages)
        for page in reader.pages:
            writer.add_page(page)
        box = reader.pages[0].mediabox
        width, height = float(box.width), float(box.height)
        if copy.anchor is not None and copy.name:
            writer.pages[first + copy.anchor[0] - 1].merge_page(_name_overlay(copy, width, height).pages[0])
        if len(reader.pages) % 2:
            writer.add_page(_blank(copy.theme, width, height).pages[0])
    writer.compress_identical_objects()  # fonts shared by every copy are stored once
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
