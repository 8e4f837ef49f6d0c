"""WordprocessingML the python-docx API has no call for: fonts without theme overrides, cell shading and
borders, fixed table geometry, fields (PAGE, NUMPAGES), and grey tones as hex colours."""

from __future__ import annotations

from typing import Any

from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

TWIPS = 20  # a point is twenty twips: Word's unit for widths and indents
CELL_PAD = 4.0  # points of padding left and right inside every table cell


def set_style(paragraph: Any, name: str | None) -> None:
    """Give a paragraph a style by its id (the name without spaces, as python-docx makes it; None: Normal):
    python-docx's own setter scans every style of the document to find it, most of a document's writing time."""
    if name is not None:
        paragraph._p.style = name.replace(" ", "")


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


def _tag(element: Any) -> str:
    """'w:tcW' for an element in the WordprocessingML namespace."""
    return "w:" + element.tag.split("}")[1] if element.tag.startswith("{" + W) else ""


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _child(parent: Any, tag: str, first: bool = False) -> Any:
    """The parent's child element `tag`, made when missing: in the schema's order where that is known, else
    last (or first)."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    found = OxmlElement(tag)
    order = ORDER.get(_tag(parent))
    if order and tag in order:
        later = set(order[order.index(tag) + 1:])
        after = next((child for child in parent if _tag(child) in later or _tag(child) not in order), None)
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


def fix_geometry(table: Any, widths: list[float], indent: float = 0.0) -> None:
    """Fixed column widths (points) and a left indent: Word and LibreOffice then lay the table out alike."""
    tblpr = table._tbl.tblPr
    width = _child(tblpr, "w:tblW")
    width.set(qn("w:w"), str(round(sum(widths) * TWIPS)))
    width.set(qn("w:type"), "dxa")
    ind = _child(tblpr, "w:tblInd")
    ind.set(qn("w:w"), str(round(indent * TWIPS)))
    ind.set(qn("w:type"), "dxa")
    _child(tblpr, "w:tblLayout").set(qn("w:type"), "fixed")
    margins = _child(tblpr, "w:tblCellMar")
    for side in ("left", "right"):
        edge = _child(margins, f"w:{side}")
        edge.set(qn("w:w"), str(round(CELL_PAD * TWIPS)))
        edge.set(qn("w:type"), "dxa")
    table.autofit = False
    for col, w in zip(table.columns, widths, strict=True):
        col.width = Pt(w)
    for row in table.rows:
        _child(row._tr.get_or_add_trPr(), "w:cantSplit")
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = Pt(w)


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
    leaders = {"dots": WD_TAB_LEADER.DOTS, "line": WD_TAB_LEADER.LINES, "none": WD_TAB_LEADER.SPACES}
    aligns = {"right": WD_TAB_ALIGNMENT.RIGHT, "left": WD_TAB_ALIGNMENT.LEFT, "center": WD_TAB_ALIGNMENT.CENTER}
    paragraph.paragraph_format.tab_stops.add_tab_stop(Pt(position), aligns[align], leaders[leader])


def prepend_run(paragraph: Any, text: str, bold: bool = False) -> Any:
    """A run put before the paragraph's others (a question's number before its prompt)."""
    run = paragraph.add_run(text)
    run.bold = bold
    paragraph._p.remove(run._r)
    ppr = paragraph._p.pPr
    paragraph._p.insert(1 if ppr is not None else 0, run._r)
    return run


def page_background(document: Any, fill: str) -> None:
    """A page colour behind every page (shown on screen; printed when Word prints backgrounds)."""
    body = document.element
    background = OxmlElement("w:background")
    background.set(qn("w:color"), fill)
    body.insert(0, background)
    settings = document.settings.element
    _child(settings, "w:displayBackgroundShape")
