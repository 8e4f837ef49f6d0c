"""WordprocessingML the python-docx API has no call for: fonts without theme overrides, cell shading and
borders, fixed table geometry, fields (PAGE, NUMPAGES), and grey tones as hex colours."""

from __future__ import annotations

import functools
from typing import Any

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from worksheets.writers.docx.elements import set_style_id, tab, twips

TWIPS = 20  # a point is twenty twips: Word's unit for widths and indents
CELL_PAD = 4.0  # points of padding left and right inside every table cell


def set_style(paragraph: Any, name: str | None) -> None:
    """Give a paragraph a style by its id (the name without spaces, as python-docx makes it; None: Normal):
    python-docx's own setter scans every style of the document to find it, most of a document's writing time."""
    if name is not None:
        set_style_id(paragraph, name.replace(" ", ""))


def grey(level: float) -> str:
    """A grey (0 black, 1 white) as the hex colour Word writes."""
    value = max(0, min(255, round(level * 255)))
    return f"{value:02X}" * 3


ORDER = {  # the schema's order of the children Word is strict about (it calls a file out of order corrupt)
    "w:tblPr": ("w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
                "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd",
                "w:tblLayout", "w:tblCellMar", "w:tblLook"),
    "w:tcPr": ("w:cnfStyle", "w:tcW", "w:gridSpan", "w:hMerge", "w:vMerge", "w:tcBorders", "w:shd", "w:noWrap",
               "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign", "w:hideMark"),
    "w:trPr": ("w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
               "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden"),
    "w:tblBorders": ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end", "w:insideH", "w:insideV"),
    "w:tcBorders": ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end", "w:insideH", "w:insideV",
                    "w:tl2br", "w:tr2bl"),
    "w:tblCellMar": ("w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"),
    "w:settings": ("w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:removeDateAndTime",
                   "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape"),
}
"""For each parent, its children in the schema's order (those after the last named go after them all)."""


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_ORDER = {qn(parent): tuple(qn(tag) for tag in tags) for parent, tags in ORDER.items()}
"""ORDER in Clark names, as lxml holds them."""


@functools.cache
def _clark(tag: str) -> str:
    return str(qn(tag))


@functools.cache
def _after(parent: str, tag: str) -> frozenset[str] | None:
    """The children that come after `tag` in a `parent` (Clark names), or None when the schema's order of
    the parent's children is not known here."""
    order = _ORDER.get(parent)
    if not order or tag not in order:
        return None
    return frozenset(order[order.index(tag) + 1:])


def _child(parent: Any, tag: str, first: bool = False) -> Any:
    """The parent's child element `tag`, made when missing: in the schema's order where that is known (a
    child whose place is not known goes after those that are), else last (or first)."""
    name = _clark(tag)
    found = parent.find(name)
    if found is not None:
        return found
    found = parent.makeelement(name, {})
    later = _after(parent.tag, name)
    if later is not None:
        order = _ORDER[parent.tag]
        after = next((child for child in parent if child.tag in later or child.tag not in order), None)
        if after is not None:
            after.addprevious(found)
        else:
            parent.append(found)
    elif first:
        parent.insert(0, found)
    else:
        parent.append(found)
    return found


def set_fonts(rpr: Any, name: str) -> None:
    """Every script of a run properties element (`w:rPr`) in one font, the theme's fonts removed (they win)."""
    fonts = _child(rpr, "w:rFonts", first=True)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        if fonts.get(qn(attr)) is not None:
            del fonts.attrib[qn(attr)]
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def shade(cell: Any, fill: str) -> None:
    """A table cell's background colour."""
    tcpr = cell._tc.get_or_add_tcPr()
    shd = _child(tcpr, "w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)


def cell_borders(cell: Any, size: float = 0.75, color: str = "000000", sides: str = "top left bottom right",
                 val: str = "single") -> None:
    """Borders on some sides of one cell (`size` in points; val 'nil' removes them)."""
    tcpr = cell._tc.get_or_add_tcPr()
    borders = _child(tcpr, "w:tcBorders")
    for side in sides.split():
        edge = _child(borders, f"w:{side}")
        edge.set(qn("w:val"), val)
        edge.set(qn("w:sz"), str(max(2, round(size * 8))))
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), color)


def table_borders(table: Any, size: float = 0.5, color: str = "8C8C8C", inside: bool = True,
                  val: str = "single") -> None:
    """The table's outer borders (and the lines between its cells when `inside`)."""
    tblpr = table._tbl.tblPr
    borders = _child(tblpr, "w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = _child(borders, f"w:{side}")
        shown = val if inside or not side.startswith("inside") else "nil"
        edge.set(qn("w:val"), shown)
        edge.set(qn("w:sz"), str(max(2, round(size * 8))))
        edge.set(qn("w:space"), "0")
        edge.set(qn("w:color"), color)


def new_table(box: Any, rows: int, widths: list[float], indent: float = 0.0) -> Any:
    """A table at the end of a document or cell: fixed column widths (points) and a left indent, so Word and
    LibreOffice lay it out alike, rows never split across pages, no borders. Made as one piece of XML (python-docx
    builds a table, then each setting searches the schema's order of children: most of a table's cost)."""
    from docx.oxml.ns import nsdecls
    from docx.oxml.parser import parse_xml
    from docx.table import Table

    measures = [twips(w) for w in widths]
    pad = round(CELL_PAD * TWIPS)
    edges = "".join(f'<w:{side} w:val="nil" w:sz="4" w:space="0" w:color="8C8C8C"/>'
                    for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
    cells = "".join(f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{m}"/></w:tcPr><w:p/></w:tc>' for m in measures)
    grid = "".join(f'<w:gridCol w:w="{m}"/>' for m in measures)
    tbl = parse_xml(
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblW w:type="dxa" w:w="{round(sum(widths) * TWIPS)}"/>'
        f'<w:tblInd w:w="{round(indent * TWIPS)}" w:type="dxa"/><w:tblBorders>{edges}</w:tblBorders>'
        f'<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{pad}" w:type="dxa"/>'
        f'<w:right w:w="{pad}" w:type="dxa"/></w:tblCellMar><w:tblLook w:firstColumn="1" w:firstRow="1" '
        f'w:lastColumn="0" w:lastRow="0" w:noHBand="0" w:noVBand="1" w:val="04A0"/></w:tblPr>'
        f'<w:tblGrid>{grid}</w:tblGrid>' + f'<w:tr><w:trPr><w:cantSplit/></w:trPr>{cells}</w:tr>' * rows + '</w:tbl>')
    container = getattr(box, "_body", box)  # a document's body, or a cell
    container._element._insert_tbl(tbl)
    if container is box:  # Word requires a cell to end in a paragraph
        box.add_paragraph()
    return Table(tbl, container)


def cell_at(table: Any, row: int, col: int) -> Any:
    """The cell at (row, col) of a table without merged cells: python-docx's `table.cell` works out every
    cell's span each call, most of the time a mark scheme took."""
    from docx.table import _Cell

    return _Cell(table._tbl.tr_lst[row].tc_lst[col], table)


def row_cells(row: Any) -> list[Any]:
    """A row's cells (no merged cells), in order."""
    from docx.table import _Cell

    return [_Cell(tc, row.table) for tc in row._tr.tc_lst]


def row_height(row: Any, height: float, exact: bool = False) -> None:
    """A row at least (or exactly) `height` points tall; it is never split across pages."""
    row.height = Pt(height)
    row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST
    _child(row._tr.get_or_add_trPr(), "w:cantSplit")


def repeat_header(row: Any) -> None:
    """The row is repeated at the top of each page the table runs on to."""
    _child(row._tr.get_or_add_trPr(), "w:tblHeader")


def valign(cell: Any, where: str = "center") -> None:
    """A cell's content set top, center or bottom."""
    _child(cell._tc.get_or_add_tcPr(), "w:vAlign").set(qn("w:val"), where)


def field(paragraph: Any, instruction: str, shown: str) -> None:
    """A field (`PAGE`, `NUMPAGES`) that Word updates, showing `shown` until it does."""
    def char(kind: str) -> None:
        run = paragraph.add_run()
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        run._r.append(mark)

    char("begin")
    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    paragraph.add_run()._r.append(code)
    char("separate")
    paragraph.add_run(shown)
    char("end")


def leader_tab(paragraph: Any, position: float, leader: str = "dots", align: str = "right") -> None:
    """A tab stop at `position` points whose gap is filled with dots (or a rule): a writing line."""
    tab(paragraph, position, align, {"dots": "dot", "line": "underscore", "none": "none"}[leader])


def page_background(document: Any, fill: str) -> None:
    """A page colour behind every page (shown on screen; printed when Word prints backgrounds)."""
    body = document.element
    background = OxmlElement("w:background")
    background.set(qn("w:color"), fill)
    body.insert(0, background)
    settings = document.settings.element
    _child(settings, "w:displayBackgroundShape")
