"""Paragraphs and runs made as WordprocessingML elements directly, for the calls a worksheet makes thousands of
times (a paragraph in a style and indent, a bold run, a tab stop, spacing): python-docx's property setters
search the schema's order of children on every call, and took most of a Word export's time. The elements
are python-docx's own classes, so its API still works on what these make."""

from __future__ import annotations

from functools import cache
from typing import Any

from docx.text.paragraph import Paragraph
from docx.text.run import Run

W_ = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
VAL = W_ + "val"
P, PPR, R, RPR, T = W_ + "p", W_ + "pPr", W_ + "r", W_ + "rPr", W_ + "t"
SECT_PR = W_ + "sectPr"


PPR_ORDER = tuple(W_ + tag for tag in [
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
    "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
    "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
    "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange"
])
"""The children of a paragraph's properties in the schema's order (Word calls a file out of order corrupt)."""
RPR_ORDER = tuple(W_ + tag for tag in [
    "rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline", "shadow",
    "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing", "w", "kern",
    "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
    "em", "lang", "eastAsianLayout", "specVanish", "oMath"
])
"""The children of a run's properties in the schema's order."""


@cache
def _later(order: tuple[str, ...], tag: str) -> frozenset[str]:
    return frozenset(order[order.index(tag) + 1:])


def twips(points: float) -> str:
    """Points as Word's twentieths of a point, rounded as python-docx rounds them (through EMUs)."""
    return str(round(int(points * 12700) / 635))


def child(parent: Any, tag: str, order: tuple[str, ...]) -> Any:
    """The parent's child `tag` (a Clark name), made in the schema's order when missing."""
    found = parent.find(tag)
    if found is not None:
        return found
    made = parent.makeelement(tag, {})
    later = _later(order, tag)
    for existing in parent:
        if existing.tag in later:
            existing.addprevious(made)
            return made
    parent.append(made)
    return made


def _props(element: Any, tag: str) -> Any:
    """An element's properties child (`w:pPr`, `w:rPr`), which always comes first."""
    if len(element) and element[0].tag == tag:
        return element[0]
    made = element.makeelement(tag, {})
    element.insert(0, made)
    return made


def paragraph(box: Any, style_id: str | None = None, left: float = 0.0) -> Paragraph:
    """A new paragraph at the end of a document's body (before its section properties) or of a table cell,
    in a style (by id) and at a left indent (points)."""
    cell = getattr(box, "_tc", None)
    parent = cell if cell is not None else box.element.body
    p = parent.makeelement(P, {})
    if cell is None and len(parent) and parent[-1].tag == SECT_PR:
        parent[-1].addprevious(p)
    else:
        parent.append(p)
    if style_id is not None:
        _props(p, PPR).append(p.makeelement(W_ + "pStyle", {VAL: style_id}))
    if left:
        child(_props(p, PPR), W_ + "ind", PPR_ORDER).set(W_ + "left", twips(left))
    return Paragraph(p, box)


def set_style_id(para: Paragraph, style_id: str) -> None:
    """The paragraph's style, by id."""
    ppr = _props(para._p, PPR)
    found = ppr.find(W_ + "pStyle")
    if found is None:
        found = ppr.makeelement(W_ + "pStyle", {})
        ppr.insert(0, found)
    found.set(VAL, style_id)


def _flag(rpr: Any, name: str, on: bool | None) -> None:
    """A run property that is on, off (written as off, over a style that has it on) or not said (None)."""
    if on is None:
        return
    element = child(rpr, W_ + name, RPR_ORDER)
    if not on:
        element.set(VAL, "0")


def run(para: Paragraph, text: str = "", bold: bool | None = None, italic: bool | None = None,
        script: str | None = None) -> Run:
    """A run at the end of the paragraph: `text` (a tab and a line break become Word's own), bold or
    italic when asked, set as a subscript or superscript (`script` 'sub' or 'super')."""
    r = para._p.makeelement(R, {})
    para._p.append(r)
    if bold is not None or italic is not None or script:
        rpr = r.makeelement(RPR, {})
        r.append(rpr)
        _flag(rpr, "b", bold)
        _flag(rpr, "i", italic)
        if script:
            child(rpr, W_ + "vertAlign", RPR_ORDER).set(VAL, "subscript" if script == "sub" else "superscript")
    for index, line in enumerate(text.replace("\r", "\n").split("\n")):
        if index:
            r.append(r.makeelement(W_ + "br", {}))
        for number, piece in enumerate(line.split("\t")):
            if number:
                r.append(r.makeelement(W_ + "tab", {}))
            if piece:
                t = r.makeelement(T, {})
                if len(piece.strip()) < len(piece):
                    t.set(XML_SPACE, "preserve")
                t.text = piece
                r.append(t)
    return Run(r, para)


def tab(para: Paragraph, position: float, align: str = "left", leader: str = "none") -> None:
    """A tab stop at `position` points (align 'left', 'right', 'center'; leader 'none', 'dot', 'underscore'),
    kept in order of position as Word expects."""
    tabs = child(_props(para._p, PPR), W_ + "tabs", PPR_ORDER)
    attrs = {VAL: align, W_ + "pos": twips(position)}
    if leader != "none":
        attrs[W_ + "leader"] = leader
    made = tabs.makeelement(W_ + "tab", attrs)
    for existing in tabs:
        if int(existing.get(W_ + "pos")) > int(attrs[W_ + "pos"]):
            existing.addprevious(made)
            return
    tabs.append(made)


def spacing(para: Paragraph, before: float | None = None, after: float | None = None,
            exactly: float | None = None, multiple: float | None = None) -> None:
    """Space before and after the paragraph (points), and its line height: `exactly` points, or a
    `multiple` of single spacing."""
    element = child(_props(para._p, PPR), W_ + "spacing", PPR_ORDER)
    if before is not None:
        element.set(W_ + "before", twips(before))
    if after is not None:
        element.set(W_ + "after", twips(after))
    if exactly is not None:
        element.set(W_ + "line", twips(exactly))
        element.set(W_ + "lineRule", "exact")
    elif multiple is not None:
        element.set(W_ + "line", str(round(multiple * 240)))
        element.set(W_ + "lineRule", "auto")


def hanging(para: Paragraph, by: float) -> None:
    """The first line starts `by` points left of the others (a number or bullet hanging in the margin)."""
    ind = child(_props(para._p, PPR), W_ + "ind", PPR_ORDER)
    ind.set(W_ + "hanging", twips(by))


def keep_with_next(para: Paragraph) -> None:
    """The paragraph stays on the page of the one after it."""
    child(_props(para._p, PPR), W_ + "keepNext", PPR_ORDER)


def first_paragraph(cell: Any) -> Paragraph:
    """A table cell's first paragraph (every new cell has one)."""
    return Paragraph(cell._tc.find(P), cell)
