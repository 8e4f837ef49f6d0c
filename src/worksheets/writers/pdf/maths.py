"""Formulas on the page: LaTeX set by ziamath from an OpenType MATH font, drawn as vector outlines.

A formula travels through reportlab's paragraph as an inline object (`<onDraw name="formula">`, made a
sized inline image once the paragraph is parsed), so it sits on the baseline and takes part in line
breaking. The page's canvas draws it: once per document as a Form XObject, then placed wherever it
repeats, with its plain reading under it as invisible text so it can be searched and copied.
ziamath is imported only when a page has a formula."""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from worksheets.document.prose import DisplayMath, Math
from worksheets.style.fonts import face_name, font_dir

MATHS_FONTS = {"Serif": "STIXTwoMath-Regular.ttf", "Sans": "FiraMath-Regular.otf", "Literacy": "FiraMath-Regular.otf"}
"""The maths face beside each text family: STIX Two Math with serif text, Fira Math with sans."""
WIDEST = "STIXTwoMath-Regular.ttf"
"""Used for a formula whose characters the family's maths face lacks (STIX Two covers the most)."""
TAG = "formula"
LARGE_TEXT = 16.0
"""Text at this size or more (large print) sets its formulas in display style."""
"""The name of the paragraph callback a formula travels as."""


@dataclass(frozen=True)
class Formula:
    """One formula, set: its size about the baseline, its outlines, and its plain reading."""

    width: float
    """Advance width in points."""
    ascent: float
    """Height above the baseline."""
    depth: float
    """Depth below the baseline (positive)."""
    stream: str
    """Its outlines as PDF drawing operators, y up from the baseline: filled glyphs and rules, stroked boxes."""
    text: str
    """The plain reading, under the outlines as invisible text."""
    family: str
    """The family of the text it stands in, which the reading is set in (with the symbol fallback)."""
    size: float
    """The size of the text it stands in (the reading is set at it, so it lines up with the words around)."""
    name: str
    """The Form XObject's name: the same formula at the same size is drawn once per document."""

    @property
    def pad(self) -> float:
        """Room kept above and below a formula taller or deeper than its text (a stacked fraction), so it
        never touches the lines around it."""
        return self.size * 0.12 if self.ascent > self.size * 0.9 or self.depth > self.size * 0.3 else 0.0

    def draw_at(self, canvas: Any, x: float, y: float) -> None:
        """Place the formula, its room included, with its bottom-left corner at (x, y)."""
        if not canvas.hasForm(self.name):
            canvas.beginForm(self.name, 0, -self.depth, self.width, self.ascent)
            canvas.addLiteral(self.stream)
            canvas.endForm()
        canvas.saveState()
        canvas.translate(x, y + self.pad + self.depth)
        canvas.doForm(self.name)
        canvas.restoreState()


def write_reading(canvas: Any, kind: str, formula: Formula) -> None:
    """The paragraph callback that writes a formula's plain reading as invisible text (render mode 3) into
    the paragraph's own text, where the formula stands, so copied text keeps its order.

    It runs just before the formula's outlines are placed; the paragraph then moves its text position
    past the formula itself, and sets its own font again for the text that follows."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from worksheets.writers.pdf.fonts import text_runs

    if not formula.text:
        return
    text = canvas._curr_tx_info["tx"]  # reportlab hands a callback the text object it is writing
    runs = [(face_name(family), part) for family, part in text_runs(formula.text, formula.family)]
    natural = sum(float(stringWidth(part, font, formula.size)) for font, part in runs)
    text.setTextRenderMode(3)
    if natural > 0:
        text.setHorizScale(100 * formula.width / natural)
    for font, part in runs:  # the text's own face, and the symbol fallback for signs it lacks
        text.setFont(font, formula.size, leading=text._leading)  # setFont would reset the paragraph's leading
        text._textOut(part)
    text.setHorizScale(100)
    text.setTextRenderMode(0)


# --- setting a formula ---


@cache
def _has(file: str, char: str) -> bool:
    """Whether a maths font has a glyph for the character."""
    return _cmap(file).glyphid(char) != 0


@cache
def _cmap(file: str) -> Any:
    from ziafont import Font

    return Font(str(font_dir() / file)).cmap


INVISIBLE_OPERATOR = re.compile(r"<mo>&#x0206[1-4];</mo>|<mo>[\u2061-\u2064]</mo>")
"""Function application and invisible times: MathML's silent operators, which some maths fonts draw as a box."""
MATHML_TEXT = re.compile(r">([^<]+)<")


def maths_font(family: str, mathml: str) -> str:
    """The maths font file for a formula beside text in `family`: the family's own, unless it lacks a
    character the formula prints (then STIX Two Math, which has the most)."""
    file = MATHS_FONTS.get(family, WIDEST)
    if file == WIDEST:
        return file
    from html import unescape

    wanted = {char for text in MATHML_TEXT.findall(mathml) for char in unescape(text) if not char.isspace()}
    return file if all(_has(file, char) for char in wanted) else WIDEST


@lru_cache(maxsize=4096)
def typeset(tex: str, text: str, family: str, size: float, display: bool) -> Formula:
    """One formula at `size` points, in the maths face beside the text family `family`: from the disk
    cache when this machine has set it before, else set by ziamath (and kept)."""
    from worksheets.writers.pdf import maths_cache

    name = maths_cache.key(tex, family, size, display, font_files())
    entry = maths_cache.load(name)
    if entry is None:
        entry = _set(tex, family, size, display)
        maths_cache.store(name, entry)
    digest = hashlib.sha1(f"{entry['font']}|{size}|{display}|{tex}".encode()).hexdigest()[:16]
    return Formula(width=entry["width"], ascent=entry["ascent"], depth=entry["depth"], stream=entry["stream"],
                   text=text, family=family, size=size, name=f"Formula{digest}")


def _set(tex: str, family: str, size: float, display: bool) -> dict[str, Any]:
    """Set one formula with ziamath: its font, size about the baseline and outlines, as plain data."""
    import ziafont
    import ziamath
    from ziamath.tex import tex2mml

    from worksheets.writers.pdf import maths_speed

    maths_speed.speed_up()
    ziafont.config.svg2 = False  # every glyph as a path of its own, not an SVG symbol to look up
    mathml = INVISIBLE_OPERATOR.sub("", tex2mml(tex, inline=not display))
    font = maths_font(family, mathml)
    setter = ziamath.Math(mathml, size=size, font=str(font_dir() / font))
    svg = ET.Element("svg")
    setter.node.draw(0, 0, svg)
    fills: list[tuple[Any, ...]] = []
    strokes: list[tuple[float, tuple[tuple[Any, ...], ...]]] = []
    for element in svg.iter():
        _collect(element, fills, strokes)
    box = setter.node.bbox
    return {"font": font, "width": float(box.xmax), "ascent": float(box.ymax), "depth": float(-box.ymin),
            "stream": _stream(fills, strokes)}


def _stream(fills: list[tuple[Any, ...]], strokes: list[tuple[float, tuple[tuple[Any, ...], ...]]]) -> str:
    """PDF operators for the outlines: black, glyphs filled by the nonzero rule as TrueType outlines are."""
    parts = ["0 g 0 G"]
    if fills:
        parts += [_operators(fills), "f"]
    for width, operations in strokes:
        parts += [f"{_number(width)} w", _operators(operations), "S"]
    return "\n".join(parts)


PDF_OPERATOR = {"M": "m", "L": "l", "C": "c", "Z": "h"}


def _operators(operations: list[tuple[Any, ...]] | tuple[tuple[Any, ...], ...]) -> str:
    return "\n".join(" ".join([*(_number(v) for v in values), PDF_OPERATOR[op]]) for op, *values in operations)


def _number(value: float) -> str:
    """A coordinate to a thousandth of a point, without trailing zeros (-0 as 0)."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


NUMBER = re.compile(r"[A-Za-z]|-?[0-9.]+(?:e-?[0-9]+)?")


def _collect(element: ET.Element, fills: list[tuple[Any, ...]],
             strokes: list[tuple[float, tuple[tuple[Any, ...], ...]]]) -> None:
    """One SVG element ziamath drew (a glyph's path, a rule as a rectangle, a box or a stroke) as path
    operations, y turned up."""
    stroke = element.get("stroke") not in (None, "none")
    width = float(element.get("stroke-width") or 1)
    if element.tag == "path":
        operations = _svg_path(element.get("d", ""))
    elif element.tag == "rect":
        x, y = float(element.get("x", 0)), float(element.get("y", 0))
        w, h = float(element.get("width", 0)), float(element.get("height", 0))
        operations = [("M", x, -y), ("L", x + w, -y), ("L", x + w, -y - h), ("L", x, -y - h), ("Z",)]
        if stroke and element.get("fill") in ("none", None, ""):
            strokes.append((width, tuple(operations)))
            return
    else:
        return
    if stroke:
        strokes.append((width, tuple(operations)))
    else:
        fills.extend(operations)


def _svg_path(d: str) -> list[tuple[Any, ...]]:
    """ziafont's path data (absolute M, L, Q, C, Z: all it writes) as operations with y up; quadratics made
    cubic."""
    tokens = NUMBER.findall(d)
    out: list[tuple[Any, ...]] = []
    i, current, start = 0, (0.0, 0.0), (0.0, 0.0)

    def numbers(count: int) -> list[float]:
        nonlocal i
        values = [float(v) for v in tokens[i:i + count]]
        i += count
        return values

    while i < len(tokens):
        op = tokens[i]
        i += 1
        if op == "M":
            x, y = numbers(2)
            current = start = (x, -y)
            out.append(("M", *current))
        elif op == "L":
            x, y = numbers(2)
            current = (x, -y)
            out.append(("L", *current))
        elif op == "Q":
            qx, qy, x, y = numbers(4)
            (x0, y0), q, end = current, (qx, -qy), (x, -y)
            out.append(("C", x0 + 2 / 3 * (q[0] - x0), y0 + 2 / 3 * (q[1] - y0),
                        end[0] + 2 / 3 * (q[0] - end[0]), end[1] + 2 / 3 * (q[1] - end[1]), *end))
            current = end
        elif op == "C":
            x1, y1, x2, y2, x, y = numbers(6)
            current = (x, -y)
            out.append(("C", x1, -y1, x2, -y2, *current))
        elif op in ("Z", "z"):
            out.append(("Z",))
            current = start
    return out


# --- formulas in paragraph markup ---


def markup(node: Math | DisplayMath, display: bool = False) -> str:
    """The paragraph markup a formula travels as: the LaTeX and its reading, hex-encoded in the label."""
    flag = "d" if display or (isinstance(node, Math) and node.display) else "i"
    label = (flag + node.tex + "\x00" + node.text).encode().hex()
    return f'<onDraw name="{TAG}" label="{label}"/>'


def resolve(frags: list[Any]) -> list[Any] | None:
    """The parsed paragraph's fragments with each formula callback made two: the callback that writes the
    formula's reading, and an inline object of the formula's size that draws it, set in the maths face
    beside its text's family at its text's size. None if the paragraph has no formula."""
    from worksheets.writers.pdf.fonts import family_of

    out: list[Any] = []
    found = False
    for frag in frags:
        out.append(frag)
        definition = getattr(frag, "cbDefn", None)
        if definition is None or getattr(definition, "name", None) != TAG or definition.kind != "onDraw" \
                or not isinstance(definition.label, str):
            continue
        decoded = bytes.fromhex(definition.label).decode()
        tex, text = decoded[1:].split("\x00", 1)
        size = float(frag.fontSize)
        # text of large-print size sets its formulas in display style, so a fraction's figures stay that size
        formula = typeset(tex, text, family_of(frag.fontName), size, decoded[0] == "d" or size >= LARGE_TEXT)
        definition.label = formula
        shown = frag.clone(text="")
        shown.cbDefn = _inline_object(formula)
        out.append(shown)
        found = True
    return out if found else None


def _inline_object(formula: Formula) -> Any:
    """The definition reportlab's paragraph reads for an inline image, holding the formula."""
    from reportlab.lib.abag import ABag

    return ABag(kind="img", image=formula, width=formula.width,
                height=formula.ascent + formula.depth + 2 * formula.pad, valign=-formula.depth - formula.pad)


def first_line_rise(paragraph: Any) -> float:
    """How far the first line's tallest formula reaches above what its text reaches (0 if it does not)."""
    from reportlab.pdfbase.pdfmetrics import getAscent

    lines = getattr(getattr(paragraph, "blPara", None), "lines", None) or []
    words = getattr(lines[0], "words", []) if lines else []
    tops = [float(word.cbDefn.height) + float(word.cbDefn.valign) for word in words
            if getattr(getattr(word, "cbDefn", None), "kind", "") == "img"]
    if not tops:
        return 0.0
    style = paragraph.style
    return max(tops) - max(float(style.fontSize), float(getAscent(style.fontName, style.fontSize)))


@cache
def font_files() -> tuple[Path, ...]:
    """The bundled maths fonts (for checks that they travel in the wheel)."""
    return tuple(font_dir() / name for name in sorted(set(MATHS_FONTS.values())))
