"""The bundled OFL fonts: where their files are, their faces' names, and which characters they cover.

No reportlab here: the planner checks glyph coverage from `coverage.json` without loading a font;
`writers.pdf.fonts` registers the faces for drawing."""

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
FALLBACK = "Symbols"
"""The family a character missing from the text font prints in (DejaVu Sans, upright: arrows, maths and
science signs); registered only when a page needs it, and subset like every embedded font."""
FALLBACK_FILES = {"Regular": "DejaVuSans", "Bold": "DejaVuSans-Bold"}

SCHOOL_SYMBOLS = (
    "⁺⁻⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉₊₋"  # charges, powers and subscripts typed as characters
    "⇌⇋⇀↽→←↔⇒⇐⇔↑↓⟶"  # reactions, implication, gas and precipitate
    "∠∡⊥∥∴∵△□○°′″"  # geometry and angles
    "℃℉Åℓ‰µΩ"  # units
    "✓✗✔✘☐☑☒"  # ticks, crosses and tick boxes
    "×÷±∓√∛∞≈≃≅≠≤≥≡∝∑∏∫∂∆∇−·⋅∘½¼¾⅓⅔⅛"  # arithmetic and algebra
    "∈∉⊂⊆∪∩∅ℝℕℤℚ∀∃¬∧∨"  # sets and logic
    "αβγδελπθρσφωΔ"  # Greek letters used as quantities
)
"""The signs a school's worksheets use: every one prints in every style (checked by a test)."""


def font_dir() -> Path:
    """Where the TrueType files are: `worksheets/fonts` when installed, `fonts/` in a checkout."""
    here = Path(__file__).resolve()
    for candidate in (here.parents[1] / "fonts", here.parents[3] / "fonts"):
        if (candidate / "LiberationSans-Regular.ttf").is_file():
            return candidate
    raise FileNotFoundError("the bundled fonts are missing: reinstall worksheets")


def face_name(family: str, bold: bool = False, italic: bool = False) -> str:
    """The registered name of one face, e.g. 'Sans-Bold'."""
    suffix = ("Bold" if bold else "") + ("Italic" if italic else "")
    return f"{family}-{suffix or 'Regular'}"




@cache
def style_families(style: str) -> tuple[str, ...]:
    """The families a style prints in: its body font and its sources' font."""
    from worksheets.style.themes import theme_for

    theme = theme_for(style)
    return tuple(dict.fromkeys((theme.font, theme.source_font)))


ALWAYS_FINE = frozenset("\n\t\r")  # line breaks


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
def printing_family(char: str, family: str) -> str | None:
    """The family that prints `char` in text set in `family`: itself, the symbol fallback, or None (no glyph)."""
    if _covers(family, char):
        return family
    return FALLBACK if _covers(FALLBACK, char) else None


@cache
def _printable(char: str, style: str) -> bool:
    return char in ALWAYS_FINE or all(printing_family(char, family) for family in style_families(style))


def missing_glyphs(text: str, style: str) -> list[str]:
    """Characters of `text` that a style's bundled fonts cannot print (they would come out as boxes)."""
    if text.isascii():  # every bundled face has all of ASCII's printable characters
        return [c for c in dict.fromkeys(text) if not (c.isprintable() or c in ALWAYS_FINE)]
    return [c for c in dict.fromkeys(text) if not _printable(c, style)]


def unprintable(text: str, style: str) -> str | None:
    """"'☃' (U+2603), ..." for the characters of `text` the style's fonts cannot print; None if it can all print."""
    missing = missing_glyphs(text, style)
    if not missing:
        return None
    return ", ".join(f"'{c}' (U+{ord(c):04X})" for c in missing[:3]) + (" ..." if len(missing) > 3 else "")


COVERED = "Latin, Greek, Cyrillic and the usual maths and science signs"
"""What the bundled fonts print, for messages about a character they cannot."""


def cannot_print(field: str, shown: str, style: str) -> str:
    """The message for text in `field` holding characters (`shown` by `unprintable`) the style cannot print."""
    return f"{field}: {shown} cannot be printed with the bundled fonts of the {style} style (they cover {COVERED})"
