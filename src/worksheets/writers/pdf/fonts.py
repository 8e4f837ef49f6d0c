"""The bundled fonts registered with reportlab, each family once per process."""

from __future__ import annotations

from functools import cache

from worksheets.style.fonts import FACES, FAMILIES, face_name, font_dir


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
    stem = FAMILIES[family]
    for face in FACES:
        pdfmetrics.registerFont(TTFont(f"{family}-{face}", str(folder / f"{stem}-{face}.ttf")))
    for bold in (0, 1):
        for italic in (0, 1):
            addMapping(family, bold, italic, face_name(family, bool(bold), bool(italic)))
            addMapping(face_name(family), bold, italic, face_name(family, bool(bold), bool(italic)))
