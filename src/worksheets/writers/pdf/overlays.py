"""Small pages that assembly draws on or between others: students' names, page numbers, blank pages.

Each is a PDF of its own, one page per drawing, made here so that assembly never typesets.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence

from reportlab.pdfgen.canvas import Canvas

from worksheets.document.layout import Spot
from worksheets.style.fonts import face_name
from worksheets.style.themes import Theme
from worksheets.style.words import ENGLISH, Words
from worksheets.writers.pdf.fonts import draw_text, register, text_width

Drawing = Callable[[Canvas], None]


def pages(size: tuple[float, float], drawings: Sequence[Drawing], families: tuple[str, ...] = ()) -> bytes:
    """A small PDF drawn with reportlab: one page per drawing function."""
    register(*families)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1, pageCompression=1)
    for draw in drawings:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def name_drawing(fields: Sequence[tuple[Spot | None, str]]) -> Drawing:
    """Draws each text on its field's line (a student's name on the Name line, their class on the Class line),
    in the field's face, shrunk until it fits the line."""
    def draw(canvas: Canvas) -> None:
        for spot, text in fields:
            if spot is None or not text:
                continue
            size = spot.size
            while size > 6 and text_width(text, spot.font, size) > spot.width - 6:
                size -= 0.5
            while len(text) > 1 and text_width(text, spot.font, size) > spot.width - 6:
                text = text[:-2] + "…"  # never past the line's end, onto the next field
            draw_text(canvas, spot.x + 3, spot.baseline, text, spot.font, size)

    return draw


def blank_drawing(theme: Theme, width: float, height: float, words: Words = ENGLISH) -> Drawing:
    """A page left blank on purpose, saying so (in the document's language), in the style's tint."""
    def draw(canvas: Canvas) -> None:
        if theme.page_tint is not None:
            canvas.setFillColorRGB(*theme.page_tint)
            canvas.rect(0, 0, width, height, stroke=0, fill=1)
            canvas.setFillGray(0)
        canvas.setFont(face_name(theme.font, italic=theme.italic), theme.small)
        canvas.drawCentredString(width / 2, height / 2, words("blank_page"))

    return draw


def blank_page(theme: Theme, size: tuple[float, float], words: Words = ENGLISH) -> bytes:
    """One blank page of this size."""
    return pages(size, [blank_drawing(theme, *size, words)], (theme.font,))


def page_numbers(theme: Theme, size: tuple[float, float], total: int, numbers: Sequence[int] | None = None,
                 words: Words = ENGLISH) -> bytes:
    """One page for each of `numbers` (by default 1 to `total`), with only "Page N of T" (in the booklet's
    language) at its foot in the style's furniture size and place, to draw over a booklet's pages (a large-print
    part's in large print)."""
    def number(text: str) -> Drawing:
        def draw(canvas: Canvas) -> None:
            canvas.setFont(face_name(theme.font), theme.small)
            canvas.setFillGray(0.15)
            canvas.drawCentredString(size[0] / 2, theme.margin_bottom - theme.small * 2.2, text)

        return draw

    shown = range(1, total + 1) if numbers is None else numbers
    return pages(size, [number(words("page_of", page=n, pages=total)) for n in shown], (theme.font,))
