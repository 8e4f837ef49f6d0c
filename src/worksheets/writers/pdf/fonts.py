"""The bundled fonts registered with reportlab, each family once per process, and the symbol fallback:
characters the text font lacks print in the fallback family, in paragraphs and in page furniture alike."""

from __future__ import annotations

import re
from functools import cache
from itertools import groupby
from typing import Any

from worksheets.style.fonts import FACES, FALLBACK, FALLBACK_FILES, FAMILIES, face_name, font_dir, printing_family


def register(*families: str) -> None:
    """Register the bundled faces of these families (default: all) with reportlab, each once per process."""
    for family in families or tuple(FAMILIES):
        _register_family(family)


@cache
def _register_family(family: str) -> None:
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = font_dir()
    if family == FALLBACK:  # upright faces only: an italic sentence keeps its signs upright, as maths does
        files = {face: FALLBACK_FILES["Bold" if "Bold" in face else "Regular"] for face in FACES}
    else:
        files = {face: f"{FAMILIES[family]}-{face}" for face in FACES}
    for face, stem in files.items():
        pdfmetrics.registerFont(TTFont(f"{family}-{face}", str(folder / f"{stem}.ttf")))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(family, bold, italic, face_name(family, bool(bold), bool(italic)))
            addMapping(face_name(family), bold, italic, face_name(family, bool(bold), bool(italic)))


def family_of(font: str) -> str:
    """'Sans-BoldItalic' -> 'Sans'."""
    return font.split("-", 1)[0]


_TAG = re.compile(r"(<[^>]*>)")


def with_fallback(markup: str, font: str) -> str:
    """Paragraph markup whose characters missing from `font`'s family are set in the fallback family.

    Tags and entities are ASCII, so only text between tags is touched. Reportlab's font tag forgets the
    weight around it, so each run names the bold or regular face that the `<b>` tags around it ask for."""
    if markup.isascii():
        return markup
    family = family_of(font)
    bold = int("Bold" in font)
    out: list[str] = []
    for piece in _TAG.split(markup):
        if piece.startswith("<"):
            bold += {"<b>": 1, "</b>": -1}.get(piece, 0)
            out.append(piece)
        elif piece.isascii():
            out.append(piece)
        else:
            face = face_name(FALLBACK, bold=bold > 0)
            out.extend(text if name == family else f'<font face="{face}">{text}</font>'
                       for name, text in text_runs(piece, family))
    return "".join(out)


def text_runs(text: str, family: str) -> list[tuple[str, str]]:
    """(family, text) runs of `text`: the text family where it has the glyph, else the fallback (registered
    here, on first use). A character no bundled font has stays in the text family (the planner refused it)."""
    def face(char: str) -> str:
        return family if char.isascii() else printing_family(char, family) or family

    runs = [(name, "".join(chars)) for name, chars in groupby(text, key=face)]
    if any(name == FALLBACK for name, _ in runs):
        _register_family(FALLBACK)
    return runs


def _face(font: str, family: str) -> str:
    """The face of `family` with the weight and slant of `font`."""
    return f"{family}-{font.split('-', 1)[1]}" if "-" in font else face_name(family)


def text_width(text: str, font: str, size: float) -> float:
    """Width of one line of plain text set in `font`, fallback characters included."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if text.isascii():
        return float(stringWidth(text, font, size))
    return sum(float(stringWidth(part, _face(font, face), size)) for face, part in text_runs(text, family_of(font)))


def draw_text(canvas: Any, x: float, y: float, text: str, font: str, size: float, align: str = "left") -> None:
    """One line of plain text on the canvas at (x, y), aligned 'left', 'centre' or 'right' of x, with the
    fallback family for the characters `font` lacks; the canvas keeps `font` afterwards."""
    width = text_width(text, font, size)
    x -= {"left": 0.0, "centre": width / 2, "right": width}[align]
    if text.isascii():
        canvas.setFont(font, size)
        canvas.drawString(x, y, text)
        return
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for face, part in text_runs(text, family_of(font)):
        name = _face(font, face)
        canvas.setFont(name, size)
        canvas.drawString(x, y, part)
        x += float(stringWidth(part, name, size))
    canvas.setFont(font, size)
