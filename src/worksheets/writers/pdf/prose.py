"""Prose trees and the theme's paragraph styles to reportlab flowables."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from html import escape as _html_escape
from itertools import groupby
from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, ListItem

from worksheets.document.prose import DisplayMath, Figure, Gap, Inline, ListBlock, Math, Para, Prose, Run, TableBlock
from worksheets.style.fonts import face_name
from worksheets.style.house import HOUSES, House, house
from worksheets.style.themes import Theme
from worksheets.style.words import ENGLISH, Words
from worksheets.writers.pdf.flow import Bullets, Paragraph, tagged, unnested
from worksheets.writers.pdf.fonts import family_of, register


@dataclass(frozen=True)
class Styles:
    """Every paragraph style one theme uses."""

    theme: Theme
    body: ParagraphStyle
    source: ParagraphStyle
    attribution: ParagraphStyle
    caption: ParagraphStyle
    small: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    label: ParagraphStyle
    marks: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    end: ParagraphStyle
    scan: bool = False
    """The page is marked from a scan: answers a student writes as letters or numbers become boxes to tick."""
    words: Words = ENGLISH
    """The words the page itself prints, in the document's language."""
    show_marks: bool = True
    """Marks and totals are printed (not for primary pupils)."""
    house: House = HOUSES["plain"]
    """The exam board's conventions: how numbers and marks are printed."""


def styles_of(doc: Any, theme: Theme, scan: bool = False, pupils: bool = False) -> Styles:
    """The theme's styles for one document: in its language's words, set for scan marking if asked, and for a
    pupils' page (`pupils`) of a primary worksheet without marks."""
    return replace(styles_for(theme), words=Words.of(doc), scan=scan,
                   show_marks=not (pupils and doc.audience == "primary"), house=house(doc.house_style))


@cache
def styles_for(theme: Theme) -> Styles:
    register(theme.font, theme.source_font)
    t = theme
    align = TA_JUSTIFY if t.justify else TA_LEFT
    body = ParagraphStyle(
        "body", fontName=face_name(t.font), fontSize=t.body, leading=t.leading, alignment=align,
        spaceAfter=t.paragraph_space, bulletFontName=face_name(t.font), bulletFontSize=t.body,
    )
    bold = face_name(t.font, bold=True)
    source = ParagraphStyle("source", parent=body, fontName=face_name(t.source_font))
    small_size = t.small
    attribution = ParagraphStyle(
        "attribution", parent=body, fontName=face_name(t.font, italic=t.italic), fontSize=max(small_size, t.body - 1),
        leading=max(small_size, t.body - 1) * max(1.3, t.leading / t.body), spaceAfter=t.paragraph_space,
    )
    return Styles(
        theme=t,
        body=body,
        source=source,
        attribution=attribution,
        caption=ParagraphStyle("caption", parent=attribution, alignment=TA_CENTER),
        small=ParagraphStyle("small", parent=body, fontSize=small_size,
                             leading=small_size * max(1.25, t.leading / t.body), spaceAfter=0),
        heading=ParagraphStyle(
            "heading", parent=body, fontName=bold, fontSize=t.heading, leading=t.heading * 1.25,
            spaceBefore=t.heading * 0.9, spaceAfter=t.heading * 0.4, keepWithNext=1,
        ),
        subheading=ParagraphStyle(
            "subheading", parent=body, fontName=bold, fontSize=t.body * 1.1, leading=t.body * 1.4,
            spaceBefore=t.body * 0.6, spaceAfter=t.body * 0.25, keepWithNext=1,
        ),
        title=ParagraphStyle(
            "title", parent=body, fontName=bold, fontSize=t.title, leading=t.title * 1.2, alignment=TA_CENTER,
            spaceAfter=t.title * 0.25,
        ),
        subtitle=ParagraphStyle(
            "subtitle", parent=body, fontSize=t.body * 1.15, leading=t.body * 1.5, alignment=TA_CENTER, spaceAfter=0,
        ),
        label=ParagraphStyle("label", parent=body, fontName=bold, spaceAfter=0),
        marks=ParagraphStyle("marks", parent=body, fontName=bold, alignment=TA_RIGHT, spaceAfter=0),
        cell=ParagraphStyle("cell", parent=body, spaceAfter=0),
        cell_bold=ParagraphStyle("cell_bold", parent=body, fontName=bold, spaceAfter=0),
        end=ParagraphStyle("end", parent=body, fontName=bold, alignment=TA_CENTER, spaceBefore=t.body * 1.5),
    )


GapMarkup = Callable[[int], str]
"""Turns a cloze gap's number into its markup: a numbered blank, or the answer."""


def _face(run: Inline) -> tuple[bool, bool, bool, str]:
    """(bold, italic, is a line break, script): neighbours with the same face share one markup span."""
    if isinstance(run, Math):
        return False, False, False, ""
    script = run.script if isinstance(run, Run) else ""
    return run.bold, run.italic, isinstance(run, Run) and run.text == "\n", script


SCRIPT_TAGS = {  # 70% of the text size, raised or lowered by half or a quarter of that (reportlab's own are too big)
    "sub": ('<sub size="70%" rise="25%">', "</sub>"),
    "super": ('<super size="70%" rise="50%">', "</super>"),
    "": ("", ""),
}


def markup(runs: tuple[Inline, ...], theme: Theme, gap: GapMarkup | None = None) -> str:
    """Reportlab paragraph markup for runs; all user text is escaped, so it prints literally."""
    out: list[str] = []
    for (bold, italic, line_break, script), group in groupby(runs, key=_face):
        if line_break:
            out.extend("<br/>" for _ in group)
            continue
        text = "".join(_inline(run, gap) for run in group)
        opening, closing = SCRIPT_TAGS[script]
        text = f"{opening}{text}{closing}"
        if italic and theme.italic:
            text = f"<i>{text}</i>"
        if bold or (italic and not theme.italic):
            text = f"<b>{text}</b>"
        out.append(text)
    return "".join(out)


def _inline(node: Inline, gap: GapMarkup | None) -> str:
    if isinstance(node, Run):
        return escape(node.text)
    if isinstance(node, Math):
        from worksheets.writers.pdf import maths

        return maths.markup(node)
    return _gap(node, gap)


def _gap(node: Gap, gap: GapMarkup | None) -> str:
    if gap is None:
        raise ValueError("a cloze gap outside a cloze question")
    return gap(node.number)


def plain_markup(text: str) -> str:
    """Markup for text that is not prose (titles, labels): escaped, never interpreted."""
    return escape(text)


def flowables(prose: Prose, style: ParagraphStyle, theme: Theme, gap: GapMarkup | None = None) -> list[Flowable]:
    """The blocks of a prose field as paragraphs and lists."""
    out: list[Flowable] = []
    for block in prose:
        if isinstance(block, Para):
            out.append(Paragraph(markup(block.runs, theme, gap), style))
        elif isinstance(block, ListBlock):
            out.append(_list(block, style, theme, gap))
        elif isinstance(block, TableBlock):
            out.append(_table(block, style, theme, gap))
        elif isinstance(block, DisplayMath):
            from worksheets.writers.pdf import maths

            shown = ParagraphStyle(f"{style.name}-display", parent=style, alignment=TA_CENTER,
                                   spaceBefore=style.fontSize * 0.4,
                                   spaceAfter=max(style.spaceAfter, style.fontSize * 0.6))
            out.append(tagged(Paragraph(maths.markup(block, display=True), shown), "Formula", block.text))
        elif isinstance(block, Figure):
            from worksheets.writers.pdf.figure import figure

            caption = ParagraphStyle(f"{style.name}-caption", parent=style, alignment=TA_CENTER, spaceBefore=3)
            out += figure(block, style, caption)
        else:  # a new kind of prose block must be laid out here, not dropped
            raise TypeError(f"no layout for prose block {type(block).__name__}")
    return out


def _list(block: ListBlock, style: ParagraphStyle, theme: Theme, gap: GapMarkup | None = None) -> Bullets:
    item_style = ParagraphStyle(f"{style.name}-item", parent=style, spaceAfter=style.spaceAfter * 0.4)
    items = []
    for item in block.items:
        # an item is drawn as a whole: a picture's keep-together inside it is only its content
        content = unnested(flowables(item, item_style, theme, gap)) or [Paragraph("", item_style)]
        items.append(ListItem(content if len(content) > 1 else content[0]))
    indent = style.fontSize * 1.6
    if block.ordered:
        return Bullets(
            items, bulletType="1", start=block.start, bulletFontName=style.fontName, bulletFontSize=style.fontSize,
            leftIndent=indent * 1.3, bulletFormat="%s.", spaceAfter=style.spaceAfter,
        )
    return Bullets(
        items, bulletType="bullet", start="•", bulletFontName=style.fontName, bulletFontSize=style.fontSize,
        leftIndent=indent, spaceAfter=style.spaceAfter,
    )


HEADER_GREY = 0.85  # 15% grey: the print conventions' 10-20% for table headers


def _table(block: TableBlock, style: ParagraphStyle, theme: Theme, gap: GapMarkup | None = None) -> Flowable:
    """A ruled table: the header shaded and repeated on each page, columns as wide as their content needs
    (in proportion when the text width cannot hold them all), cells wrapping."""
    from reportlab.lib.colors import Color
    from reportlab.platypus import TableStyle

    from worksheets.writers.pdf.rows import FittedRows
    from worksheets.writers.pdf.tagging import table_callback

    aligns = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
    cell_styles = [ParagraphStyle(f"cell-{a}", parent=style, spaceBefore=0, spaceAfter=0, alignment=aligns[a],
                                  leading=style.leading) for a in block.align]
    bold = face_name(family_of(style.fontName), bold=True)  # the table's own family (a source's serif)
    head_styles = [ParagraphStyle(f"{c.name}-head", parent=c, fontName=bold) for c in cell_styles]
    rows = [[Paragraph(markup(cell, theme, gap), cell_style) for cell, cell_style in zip(row, styles, strict=False)]
            for row, styles in [(block.header, head_styles), *((r, cell_styles) for r in block.rows)]]
    table = FittedRows(rows, *_natural_widths(rows, style), repeatRows=1, splitInRow=1, hAlign="LEFT",
                       renderCB=table_callback)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, Color(0.25, 0.25, 0.25)),
        ("BACKGROUND", (0, 0), (-1, 0), Color(HEADER_GREY, HEADER_GREY, HEADER_GREY)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 5), ("RIGHTPADDING", (0, 0), (-1, -1), 5),
    ]))
    table.spaceAfter = style.spaceAfter
    return table


def _natural_widths(rows: list[list[Flowable]], style: ParagraphStyle) -> tuple[list[float], list[float]]:
    """Each column's (longest word, widest cell on one line), with the cell's padding; a formula counts
    at its own width."""
    columns = max(len(row) for row in rows)
    least, natural = [0.0] * columns, [0.0] * columns
    for row in rows:
        for index, cell in enumerate(row):
            if not isinstance(cell, Paragraph):
                continue
            natural[index] = max(natural[index], _one_line(cell) * 1.05 + 12)
            least[index] = max(least[index], cell.minWidth() * 1.05 + 12)
    return least, natural


def _one_line(cell: Paragraph) -> float:
    """The width of a paragraph set on one line (a formula at its own width)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    total = 0.0
    for frag in cell.frags:
        definition = getattr(frag, "cbDefn", None)
        if definition is not None:
            total += float(getattr(definition, "width", 0) or 0)
        elif frag.text:
            total += float(stringWidth(frag.text, frag.fontName, frag.fontSize))
    return total


def escape(text: str) -> str:
    """Text safe inside reportlab's paragraph markup (&, < and >; quotes need no escaping there)."""
    return _html_escape(text, quote=False)
