"""Answer spaces for maths, science and primary: squared paper, a graph's axes over a grid, a number line,
four-line handwriting ruling, and the line a final answer goes on.

Lines are grey at the weight the print conventions give writing lines; the space itself stays white.
Each scales with the style (`scale`: large print's squares and lines are bigger) and is never taller
than the frame."""

from __future__ import annotations

import math
from typing import Any

from reportlab.platypus import Flowable

from worksheets.document import AnswerArea
from worksheets.style.fonts import face_name
from worksheets.style.themes import MM, Theme, theme_for
from worksheets.writers.pdf.fonts import draw_text, text_width
from worksheets.writers.wording import tick_label

GRID_GREY = 0.7  # squares: lighter than writing lines, so working in pencil stands out on a copier
AXIS_GREY = 0.0
MINOR_GREY = 0.85  # a graph's finer squares, fainter still
MINOR_LEAST = 2 * MM  # the finest squares drawn


def _ticks(lo: float, hi: float, step: float) -> list[float]:
    """Every step from lo to hi (inclusive), rounded so 0.1 steps print as 0.3, not 0.30000000000000004."""
    count = round((hi - lo) / step)
    return [round(lo + i * step, 10) for i in range(count + 1)]


class Grid(Flowable):
    """Squared paper: whole squares filling the width and the height asked for."""

    def __init__(self, height: float, square: float, indent: float, max_height: float, weight: float = 0.3) -> None:
        super().__init__()
        self.square = square
        self.asked = min(height, max_height)
        self.indent = indent
        self.weight = weight

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.columns = max(1, int((avail_width - self.indent) / self.square + 1e-6))
        self.rows = max(1, int(self.asked / self.square + 1e-6))
        self.width, self.height = avail_width, self.rows * self.square
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeGray(GRID_GREY)
        canvas.setLineWidth(self.weight)
        right = self.indent + self.columns * self.square
        for row in range(self.rows + 1):
            canvas.line(self.indent, row * self.square, right, row * self.square)
        for column in range(self.columns + 1):
            x = self.indent + column * self.square
            canvas.line(x, 0, x, self.height)
        canvas.restoreState()


class Graph(Flowable):
    """Axes with numbered ticks over a grid of square cells, as large as the height and width allow."""

    def __init__(self, x: tuple[float, float, float], y: tuple[float, float, float], height: float, indent: float,
                 max_height: float, font: tuple[str, float], weight: float = 0.3, decimal: str = ".",
                 ground: tuple[float, float, float] = (1.0, 1.0, 1.0)) -> None:
        super().__init__()
        self.ground = ground  # the page's own colour, laid under each number
        self.x, self.y = x, y
        self.decimal = decimal
        self.asked = min(height, max_height)
        self.indent = indent
        self.font = font
        self.weight = weight

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        size = self.font[1]
        self.margin = text_width(tick_label(min(self.y[0], -abs(self.y[1]))), *self.font) + size  # room for y labels
        columns = round((self.x[1] - self.x[0]) / self.x[2])
        rows = round((self.y[1] - self.y[0]) / self.y[2])
        across = (avail_width - self.indent - self.margin - size) / columns
        down = (self.asked - 3 * size) / rows
        self.cell = max(2.0, min(across, down))  # square cells
        self.width = avail_width
        self.height = rows * self.cell + 3 * size  # the x numbers below, the y axis's name above
        return self.width, self.height

    def _at(self, value: float, axis: tuple[float, float, float]) -> float:
        return (value - axis[0]) / axis[2] * self.cell

    def draw(self) -> None:
        canvas = self.canv
        size = self.font[1]
        left, bottom = self.indent + self.margin, size * 1.6
        xs, ys = _ticks(*self.x), _ticks(*self.y)
        right, top = left + self._at(self.x[1], self.x), bottom + self._at(self.y[1], self.y)
        canvas.saveState()
        parts = next((n for n in (5, 2) if self.cell / n >= MINOR_LEAST), 1)  # graph paper's finer squares
        if parts > 1:
            canvas.setStrokeGray(MINOR_GREY)
            canvas.setLineWidth(self.weight * 0.6)
            minor = self.cell / parts
            for i in range(round((right - left) / minor) + 1):
                canvas.line(left + i * minor, bottom, left + i * minor, top)
            for i in range(round((top - bottom) / minor) + 1):
                canvas.line(left, bottom + i * minor, right, bottom + i * minor)
        canvas.setStrokeGray(GRID_GREY)
        canvas.setLineWidth(self.weight)
        for value in xs:
            canvas.line(left + self._at(value, self.x), bottom, left + self._at(value, self.x), top)
        for value in ys:
            canvas.line(left, bottom + self._at(value, self.y), right, bottom + self._at(value, self.y))
        # the axes cross at 0 where 0 is on them, else they run along the edges
        x_axis = bottom + self._at(min(max(0.0, self.y[0]), self.y[1]), self.y)
        y_axis = left + self._at(min(max(0.0, self.x[0]), self.x[1]), self.x)
        canvas.setStrokeGray(AXIS_GREY)
        canvas.setLineWidth(self.weight * 3)
        canvas.line(left, x_axis, right, x_axis)
        canvas.line(y_axis, bottom, y_axis, top)
        canvas.setFillGray(0)
        every = max(1, math.ceil(len(xs) * text_width("−00", *self.font) / max(right - left, 1)))
        for index, value in enumerate(xs):  # numbers under the x axis, thinned where they would touch
            if (index % every == 0 and value != 0) or (value == 0 and self.y[0] >= 0):
                at = left + self._at(value, self.x)
                align = "left" if at <= left else "right" if at >= right else "centre"  # the ends kept inside
                nudge = {"left": 1.0, "right": -1.0, "centre": 0.0}[align]
                _number(canvas, self.ground, at + nudge, x_axis - size * 1.1, tick_label(value, self.decimal),
                        self.font, align)
        every = max(1, math.ceil(len(ys) * size * 1.2 / max(top - bottom, 1)))
        for index, value in enumerate(ys):
            if index % every == 0 and value != 0:
                at = bottom + self._at(value, self.y) - size * 0.35
                at = min(max(at, bottom + size * 0.25), top - size * 0.95)  # the ends kept inside the frame
                _number(canvas, self.ground, y_axis - size * 0.4, at, tick_label(value, self.decimal), self.font,
                        "right")
        draw_text(canvas, right + size * 0.5, x_axis + size * 0.25, "x", self.font[0], size)
        draw_text(canvas, y_axis, top + size * 0.4, "y", self.font[0], size, align="centre")
        canvas.restoreState()


def _number(canvas: Any, ground: tuple[float, float, float], x: float, y: float, text: str, font: tuple[str, float],
            align: str) -> None:
    """A tick's number on the page's own colour (`ground`), so the grid's lines do not run through it."""
    width, size = text_width(text, *font), font[1]
    start = x - {"left": 0.0, "centre": width / 2, "right": width}[align]
    canvas.saveState()
    canvas.setFillColorRGB(*ground)
    canvas.rect(start - 0.8, y - size * 0.22, width + 1.6, size * 0.98, stroke=0, fill=1)
    canvas.restoreState()
    draw_text(canvas, x, y, text, *font, align=align)


class NumberLine(Flowable):
    """A line with a numbered tick at every step and arrows at both ends."""

    def __init__(self, axis: tuple[float, float, float], indent: float, font: tuple[str, float],
                 weight: float = 0.8, decimal: str = ".") -> None:
        super().__init__()
        self.axis = axis
        self.decimal = decimal
        self.indent = indent
        self.font = font
        self.weight = weight

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.font[1] * 4.5
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        size = self.font[1]
        ticks = _ticks(*self.axis)
        left, right = self.indent + size * 1.5, self.width - size * 1.5
        spacing = (right - left) / max(1, len(ticks) - 1)
        y = size * 2.2
        canvas.saveState()
        canvas.setLineWidth(self.weight)
        canvas.line(left - size, y, right + size, y)
        for end, sign in ((left - size, 1), (right + size, -1)):  # arrow heads: the line goes on
            canvas.line(end, y, end + sign * size * 0.5, y + size * 0.3)
            canvas.line(end, y, end + sign * size * 0.5, y - size * 0.3)
        every = max(1, math.ceil(text_width("−000", *self.font) / spacing))
        for index, value in enumerate(ticks):
            x = left + index * spacing
            canvas.line(x, y - size * 0.4, x, y + size * 0.4)
            if index % every == 0 or index == len(ticks) - 1:
                draw_text(canvas, x, y - size * 1.5, tick_label(value, self.decimal), *self.font, align="centre")
        canvas.restoreState()


class Handwriting(Flowable):
    """Rows of four-line school ruling: ascender, x-height (dashed), baseline (darker), descender."""

    def __init__(self, rows: int, x_height: float, indent: float) -> None:
        super().__init__()
        self.rows = rows
        self.x_height = x_height
        self.indent = indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.row = self.x_height * 4  # ascender, x-height and descender bands, and a gap to the next row
        self.width, self.height = avail_width, self.rows * self.row
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int(avail_height // (self.x_height * 4))
        if fits < 1 or fits >= self.rows:
            return []
        return [Handwriting(fits, self.x_height, self.indent), Handwriting(self.rows - fits, self.x_height,
                                                                           self.indent)]

    def draw(self) -> None:
        canvas = self.canv
        unit = self.x_height
        canvas.saveState()
        for row in range(self.rows):
            base = self.height - row * self.row - unit * 2.5
            for offset, grey, width, dashed in ((2, 0.7, 0.4, False), (1, 0.7, 0.4, True), (0, 0.35, 0.7, False),
                                                (-1, 0.7, 0.4, False)):
                canvas.setStrokeGray(grey)
                canvas.setLineWidth(width)
                canvas.setDash(2, 2) if dashed else canvas.setDash()
                canvas.line(self.indent, base + offset * unit, self.width, base + offset * unit)
        canvas.restoreState()


class AnswerLine(Flowable):
    """'Answer ............... cm' at the right of the working space, for the final answer."""

    def __init__(self, label: str, units: str, font: tuple[str, float], grey: float, length: float) -> None:
        super().__init__()
        self.label, self.units = label, units
        self.font = font
        self.grey = grey
        self.length = length

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.font[1] * 2.6
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        size = self.font[1]
        units = text_width(self.units, *self.font) + size * 0.4 if self.units else 0.0
        end = self.width - units
        start = end - self.length
        y = size * 0.6
        canvas.saveState()
        canvas.setFillGray(0)
        draw_text(canvas, start - size * 0.4, y, self.label, *self.font, align="right")
        if self.units:
            draw_text(canvas, end + size * 0.4, y, self.units, *self.font)
        canvas.setStrokeGray(self.grey)
        canvas.setLineWidth(0.5)
        canvas.setDash(1, 2)
        canvas.line(start, y - size * 0.15, end, y - size * 0.15)
        canvas.restoreState()


def drawn_space(area: AnswerArea, t: Theme, indent: float, max_height: float, decimal: str = ".") -> Flowable | None:
    """Squared paper, a graph, a number line or handwriting ruling, at the style's scale (None for others); the
    numbers with the language's decimal sign."""
    scale = t.body / STANDARD.body  # large print: bigger squares and numbers, thicker lines
    room = t.line_pitch / STANDARD.line_pitch  # the support tier's wider ruling gives more room here too
    font = (face_name(t.font), max(t.small, 8.0))
    if area.kind == "grid":
        return Grid(area.height * room, area.square * scale, indent, max_height, weight=0.3 * scale)
    if area.kind == "graph":
        return Graph(area.x, area.y, area.height * room, indent, max_height, font, weight=0.3 * scale, decimal=decimal,
                     ground=t.page_tint or (1.0, 1.0, 1.0))
    if area.kind == "number_line":
        return NumberLine(area.x, indent, font, weight=0.8 * scale, decimal=decimal)
    if area.kind == "handwriting":
        return Handwriting(area.lines, HANDWRITING_X_HEIGHT * room * scale, indent)
    return None


STANDARD = theme_for("standard")
"""Answer spaces are drawn at their given size in the standard style, scaled from it in the others."""
HANDWRITING_X_HEIGHT = 4 * MM
"""The x-height band of primary handwriting ruling."""
