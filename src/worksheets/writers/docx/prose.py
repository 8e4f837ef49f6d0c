"""Prose in Word: where it goes (`Place`: the body or a table cell, its indent and right edge), inline runs
(text, cloze gaps, formulas as equations) and the prose blocks (paragraphs, lists, tables, pictures and
displayed formulas), a handler per node type."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import singledispatch
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from worksheets.document import prose as p
from worksheets.style.house import HOUSES, House
from worksheets.style.themes import Theme
from worksheets.style.words import ENGLISH, Words
from worksheets.writers.docx import elements, maths
from worksheets.writers.docx.elements import hanging, run, spacing, tab
from worksheets.writers.docx.ooxml import CELL_PAD, cell_at, grey, new_table, set_style, shade, table_borders

GapWriter = Callable[[Any, p.Gap], None]
"""Writes a cloze gap into a paragraph: a numbered blank on the handout, the answer in the mark scheme."""


@dataclass
class Writer:
    """What every part of one Word document needs: the theme, the text area, and what was left out."""

    theme: Theme
    width: float
    """The text area's width, points."""
    height: float
    """The text area's height, points."""
    source: str
    """The spec file, as notes name it."""
    notes: list[str] = field(default_factory=list)
    words: Words = ENGLISH
    """The words the page itself prints, in the document's language."""
    house: House = HOUSES["plain"]
    """The exam board's house style: numbering, marks, candidate boxes."""
    show_marks: bool = True
    """False on a primary pupils' page: no marks, totals, grading table or end marker."""


def blank(paragraph: Any, gap: p.Gap, chars: int = 10) -> None:
    """A numbered blank: '(3) __________'."""
    run(paragraph, f"({gap.number})\u00a0", bold=True)
    run(paragraph, "_" * chars)


@dataclass(frozen=True)
class Place:
    """Where blocks are written: the document body or a cell, from `left` to `right` points (tab stops and
    widths are measured from the body's or cell's left edge), in a paragraph style."""

    box: Any
    left: float
    right: float
    w: Writer
    style: str | None = None
    gaps: GapWriter = blank

    @property
    def width(self) -> float:
        """The room between the indent and the right edge, points."""
        return self.right - self.left

    def inset(self, by: float) -> Place:
        """The same place, indented `by` points more."""
        return replace(self, left=self.left + by)

    def para(self, style: str | None = None, text: str = "", bold: bool = False) -> Any:
        """A new paragraph at the indent."""
        name = style or self.style
        paragraph = elements.paragraph(self.box, name.replace(" ", "") if name else None, self.left)
        if text:
            run(paragraph, text, bold=bold)
        return paragraph

    def table(self, rows: int, widths: list[float], indent: float | None = None) -> Any:
        """A table of fixed column widths at the indent, and a small paragraph after it (two tables in a row
        would merge into one)."""
        table = new_table(self.box, rows, widths, self.left if indent is None else indent)
        gap = self.box.add_paragraph()
        set_style(gap, "Small")
        gap.paragraph_format.space_after = Pt(0)
        gap.paragraph_format.line_spacing = 0.5
        return table

    def cell(self, cell: Any, width: float, style: str | None = "Cell") -> Place:
        """A place inside a table cell `width` points wide."""
        return Place(cell, 0.0, max(10.0, width - 2 * CELL_PAD), self.w, style, self.gaps)


def tidy(cell: Any) -> None:
    """A filled cell without the empty paragraph it was made with, and ending in a paragraph (Word's rule)."""
    first = cell._tc.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")
    blocks = [e for e in cell._tc if not e.tag.endswith("}tcPr")]
    if first is not None and len(blocks) > 1 and blocks[0] is first and not first.xpath("string(.)") \
            and not first.xpath(".//*[local-name()='oMath' or local-name()='drawing']"):
        cell._tc.remove(first)
    if cell._tc[-1].tag.endswith("}tbl"):
        set_style(cell.add_paragraph(), "Small")


# --- inline -----------------------------------------------------------------------------------


@singledispatch
def inline(node: object, paragraph: Any, place: Place) -> None:
    """One inline node into a paragraph; every inline type has a handler."""
    raise TypeError(f"no Word for {type(node).__name__}")


@inline.register
def _run(node: p.Run, paragraph: Any, place: Place) -> None:
    for index, piece in enumerate(node.text.split("\n")):
        if index:
            run(paragraph).add_break()
        if piece:
            run(paragraph, piece, bold=node.bold or (node.italic and not place.w.theme.italic) or None,
                italic=(node.italic and place.w.theme.italic) or None, script=node.script)


@inline.register
def _gap(node: p.Gap, paragraph: Any, place: Place) -> None:
    place.gaps(paragraph, node)


@inline.register
def _math(node: p.Math, paragraph: Any, place: Place) -> None:
    element = maths.equation(node)
    if element is None:
        paragraph.add_run(node.text)
    else:
        paragraph._p.append(element)


def runs(nodes: tuple[p.Inline, ...], paragraph: Any, place: Place) -> Any:
    """Inline nodes into a paragraph, in order; the paragraph."""
    for node in nodes:
        inline(node, paragraph, place)
    return paragraph


# --- blocks -----------------------------------------------------------------------------------


def write(prose: p.Prose, place: Place, first: Any | None = None) -> list[Any]:
    """The prose's blocks at the place, in order; what was written (paragraphs and tables), top level only.
    `first`: a paragraph already begun (a question's number) that takes the first paragraph's runs."""
    out: list[Any] = []
    for index, node in enumerate(prose):
        if index == 0 and first is not None and isinstance(node, p.Para):
            out.append(runs(node.runs, first, place))
            continue
        out += block(node, place)
    return out


@singledispatch
def block(node: object, place: Place) -> list[Any]:
    """One prose block at the place; every prose block type has a handler."""
    raise TypeError(f"no Word for {type(node).__name__}")


@block.register
def _para(node: p.Para, place: Place) -> list[Any]:
    return [runs(node.runs, place.para(), place)]


LIST_INDENT = 18.0  # points: a list item's text from its bullet


@block.register
def _list(node: p.ListBlock, place: Place) -> list[Any]:
    out: list[Any] = []
    inner = place.inset(LIST_INDENT)
    for number, item in enumerate(node.items, node.start):
        mark = f"{number}." if node.ordered else "•"
        lead = inner.para()
        hanging(lead, LIST_INDENT)
        tab(lead, inner.left)
        spacing(lead, after=place.w.theme.paragraph_space * 0.4)
        run(lead, f"{mark}\t")
        written = write(item, inner, lead)
        out += written if written else [lead]
    return out


@block.register
def _table(node: p.TableBlock, place: Place) -> list[Any]:
    columns = len(node.header)
    widths = [place.width / columns] * columns
    table = place.table(1 + len(node.rows), widths)
    table_borders(table, 0.5, grey(0.55))
    aligns = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}
    for r, row in enumerate((node.header, *node.rows)):
        for c, nodes in enumerate(row):
            cell = cell_at(table, r, c)
            inner = place.cell(cell, widths[c])
            paragraph = runs(nodes, cell.paragraphs[0], inner)
            set_style(paragraph, "Cell")
            paragraph.alignment = aligns.get(node.align[c] if c < len(node.align) else "left")
            if r == 0:
                shade(cell, grey(0.86))
                for run in paragraph.runs:
                    run.bold = True
    return [table]


MAX_PICTURE = 0.5  # of the text area's height, at most


def picture(path: Path, place: Place, max_height: float | None = None, alt: str | None = None) -> Any:
    """A centred picture as wide as the place allows (small ones at their own size), no taller than half a
    page, with its alt text as Word's description; the paragraph holding it."""
    from docx.image.image import Image

    image = Image.from_file(str(path))
    natural_w = image.px_width * 72 / (image.horz_dpi or 72)
    natural_h = image.px_height * 72 / (image.vert_dpi or 72)
    tallest = max_height if max_height is not None else place.w.height * MAX_PICTURE
    scale = min(place.width / natural_w, tallest / natural_h, 1.0 if natural_w > 300 else place.width / natural_w)
    paragraph = place.para()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = True
    shape = paragraph.add_run().add_picture(str(path), width=Pt(natural_w * scale), height=Pt(natural_h * scale))
    describe(shape, alt)
    return paragraph


def describe(shape: Any, alt: str | None) -> None:
    """A picture's alt text, where Word (and a screen reader reading the document) looks for it."""
    if alt:
        shape._inline.docPr.set("descr", alt)


@block.register
def _figure(node: p.Figure, place: Place) -> list[Any]:
    if node.path is None or not Path(node.path).is_file():
        place.w.notes.append(f"{place.w.source}: the picture {node.name} cannot go in Word: left out")
        return [place.para(text=f"[Picture: {node.caption or node.name}]")]
    out = [picture(Path(node.path), place, alt=node.alt)]
    if node.caption:
        out.append(place.para("Picture Caption", node.caption))
    return out


@block.register
def _display(node: p.DisplayMath, place: Place) -> list[Any]:
    paragraph = place.para()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    element = maths.display(node)
    if element is None:
        paragraph.add_run(node.text)
    else:
        paragraph._p.append(element)
    return [paragraph]
