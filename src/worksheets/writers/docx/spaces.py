"""Room to answer in Word: writing lines as dotted tab leaders to the right margin (one paragraph each, the
theme's line pitch apart), boxes as bordered single-cell tables of the asked height, squared paper and graphs
as tables of squares, number lines, the final answer line, and the support tier's scaffolds."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from worksheets import document as d
from worksheets.style.themes import MM
from worksheets.writers.docx import prose
from worksheets.writers.docx.blocks import in_box
from worksheets.writers.docx.elements import first_paragraph, keep_with_next, run, spacing
from worksheets.writers.docx.ooxml import (
    cell_at,
    cell_borders,
    grey,
    leader_tab,
    row_height,
    set_style,
    shade,
    table_borders,
    valign,
)
from worksheets.writers.docx.prose import Place
from worksheets.writers.wording import tick_label

DEFAULT_GRAPH = 70 * MM
MAX_SQUARES = 2000  # cells in one squared-paper table, at most (Word slows on huge tables)


def writing_line(place: Place, text: str = "", pitch: float | None = None, after: str = "") -> Any:
    """One writing line: optional words, then dots to the right edge (then `after`, a unit)."""
    paragraph = place.para()
    spacing(paragraph, before=0, after=0, exactly=pitch or place.w.theme.line_pitch)
    end = place.right - (len(after) + 1) * place.w.theme.body * 0.6 if after else place.right
    leader_tab(paragraph, end, "dots")
    run(paragraph, f"{text}\t{(' ' + after) if after else ''}")
    return paragraph


def lines(count: int, place: Place, pitch: float | None = None) -> list[Any]:
    """`count` writing lines; the first two stay with what comes before them. The lines after the first are
    copies of it (lxml copies an element tree much faster than python-docx builds one)."""
    out = [writing_line(place, pitch=pitch)] if count > 0 else []
    for _ in range(count - 1):
        line = deepcopy(out[0]._p)
        out[-1]._p.addnext(line)
        out.append(Paragraph(line, out[0]._parent))
    for paragraph in out[:1]:
        keep_with_next(paragraph)
    return out


def box(place: Place, height: float) -> None:
    """A bordered box `height` points tall (never taller than most of a page)."""
    table = place.table(1, [place.width])
    row_height(table.rows[0], min(height, place.w.height * 0.85))
    cell_borders(cell_at(table, 0, 0), 0.8)


def squares(place: Place, height: float, square: float, labels: bool = False) -> Any:
    """Squared paper: a table of square cells filling the width, about `height` tall."""
    square = max(square or 5 * MM, 4 * MM)
    columns = max(1, int(place.width // square))
    rows = max(1, min(int(min(height, place.w.height * 0.8) // square), MAX_SQUARES // columns))
    table = place.table(rows, [square] * columns)
    table_borders(table, 0.25, grey(0.7))
    for row in table.rows:
        row_height(row, square, exact=True)
    return table


def number_line(place: Place, axis: tuple[float, float, float]) -> None:
    """A number line: a ruled row of cells, each tick's value under it."""
    lo, hi, step = axis
    count = max(1, min(40, round((hi - lo) / step) if step else 1))
    width = place.width / (count + 1)
    table = place.table(1, [width] * (count + 1))
    for i in range(count + 1):
        cell = cell_at(table, 0, i)
        cell_borders(cell, 1.0, sides="top")
        cell_borders(cell, 0.6, sides="left")
        value = lo + i * step
        text = tick_label(value, place.w.words.decimal)
        paragraph = first_paragraph(cell)
        set_style(paragraph, "Small")
        run(paragraph, text)


def space(area: d.AnswerArea, place: Place) -> None:
    """The answer space of a question, and its final answer line at the foot."""
    kind, t = area.kind, place.w.theme
    if kind == "lines" and area.lines > 0:
        lines(area.lines, place)
    elif kind == "handwriting" and area.lines > 0:
        lines(area.lines, place, pitch=t.line_pitch * 1.2)
    elif kind == "box" and area.height > 0:
        box(place, area.height)
    elif kind == "grid":
        squares(place, area.height or DEFAULT_GRAPH, area.square)
    elif kind == "graph":
        x, y = area.x, area.y
        ends = {name: tick_label(value, place.w.words.decimal)
                for name, value in (("x0", x[0]), ("x1", x[1]), ("y0", y[0]), ("y1", y[1]))}
        place.para("Small", place.w.words("axes", **ends))
        squares(place, area.height or DEFAULT_GRAPH, area.square)
    elif kind == "number_line":
        number_line(place, area.x)
    if area.answer_line is not None:
        label = area.answer_line
        line = writing_line(place, f"{label.label} ", after=label.units)
        line.paragraph_format.left_indent = Pt(max(place.left, place.right - t.body * 16))
        line.paragraph_format.space_before = Pt(t.body * 0.6)


def scaffold_before(sc: d.Scaffold, place: Place) -> None:
    """Support-tier help under the prompt: the hint in a shaded box and the word bank."""
    if sc.hint:
        def inside(inner: Place) -> None:
            inner.para(text=inner.w.words("hint"), bold=True)
            prose.write(sc.hint, inner)

        in_box(place, 0.95, inside, border=0, left_rule=2.5)
    if sc.word_bank:
        word_bank(sc.word_bank, place)


def starters(sc: d.Scaffold, place: Place) -> None:
    """Sentence starters at the top of the answer space."""
    if not sc.sentence_starters:
        return
    place.para(text=place.w.words("sentence_starters"), bold=True).paragraph_format.keep_with_next = True
    italic = place.w.theme.italic
    for text in sc.sentence_starters:
        run(place.para(), f"{text} …", italic=italic or None, bold=(not italic) or None)


def writing_frame(labels: tuple[str, ...], count: int, place: Place) -> None:
    """A labelled box per step of the frame (Point, Evidence, Explain...), each with writing lines."""
    for label in labels:
        table = place.table(2, [place.width])
        table_borders(table, 0.8, grey(0.2), inside=False)
        head = cell_at(table, 0, 0)
        shade(head, grey(0.92))
        set_style(first_paragraph(head), "Cell")
        first_paragraph(head).add_run(label).bold = True
        first_paragraph(head).paragraph_format.keep_with_next = True
        body = cell_at(table, 1, 0)
        lines(count, place.cell(body, place.width))
        prose.tidy(body)


def word_bank(words: tuple[str, ...], place: Place) -> None:
    """'Word bank' and a shaded, boxed table of the words, each in its own cell."""
    place.para(text=place.w.words("word_bank"), bold=True).paragraph_format.keep_with_next = True
    widest = max(len(w) for w in words) * place.w.theme.body * 0.6
    per_row = max(1, min(len(words), int(place.width // (widest + 24))))
    rows = -(-len(words) // per_row)
    table = place.table(rows, [place.width / per_row] * per_row)
    table_borders(table, 0.8, "000000", inside=False)
    for index in range(rows * per_row):
        cell = cell_at(table, index // per_row, index % per_row)
        shade(cell, grey(0.93))
        valign(cell)
        paragraph = first_paragraph(cell)
        set_style(paragraph, "Cell")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        if index < len(words):
            paragraph.add_run(words[index])
