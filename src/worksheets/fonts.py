"""The bundled OFL fonts: found inside the package (wheel) or beside the source tree."""

from __future__ import annotations

from functools import cache
from pathlib import Path

FAMILIES = {
    # family name: file stem; each has Regular, Bold, Italic and BoldItalic
    "Sans": "LiberationSans",
    "Serif": "LiberationSerif",
    "Literacy": "Andika",
}
FACES = ("Regular", "Bold", "Italic", "BoldItalic")


def font_dir() -> Path:
    """Where the TrueType files are: `worksheets/fonts` when installed, `fonts/` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "fonts", here.parent.parent / "fonts"):
        if (candidate / "LiberationSans-Regular.ttf").is_file():
            return candidate
    raise FileNotFoundError("the bundled fonts are missing: reinstall worksheets")


def face_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The registered name of one face, e.g. 'Sans-Bold'."""
    suffix = ("Bold" if bold else "") + ("Italic" if italic else "")
    return f"{family}-{suffix or 'Regular'}"


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


STYLE_FAMILIES = {"standard": ("Sans", "Serif"), "large-print": ("Sans",), "dyslexia": ("Literacy",)}
ALWAYS_FINE = frozenset("\n\t\r\ue000\ue001")  # line breaks, and the marks of cloze gaps


@cache
def _ranges(family: str) -> tuple[tuple[int, int], ...]:
    import json

    data = json.loads((font_dir() / "coverage.json").read_text(encoding="utf-8"))
    return tuple((low, high) for low, high in data[family])


def _covers(family: str, char: str) -> bool:
    from bisect import bisect_right

    ranges = _ranges(family)
    index = bisect_right(ranges, (ord(char), 0x10FFFF)) - 1
    return index >= 0 and ranges[index][0] <= ord(char) <= ranges[index][1]


@cache
def _printable(char: str, style: str) -> bool:
    return char in ALWAYS_FINE or all(_covers(family, char) for family in STYLE_FAMILIES[style])


def missing_glyphs(text: str, style: str) -> list[str]:
    """Characters of `text` that a style's bundled fonts cannot print (they would come out as boxes)."""
    if text.isascii():  # every bundled face has all of ASCII's printable characters
        return [c for c in dict.fromkeys(text) if not (c.isprintable() or c in ALWAYS_FINE)]
    return [c for c in dict.fromkeys(text) if not _printable(c, style)]
