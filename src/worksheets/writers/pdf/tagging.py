"""Tagged PDF: a structure tree a screen reader (and `pdfinfo -struct-text`) reads in the page's order.

reportlab writes no tags, so the writer marks its content as it draws: each paragraph, picture and formula is
a marked-content sequence with its own structure element (a heading, paragraph, figure with its alternative
text...), lists and tables group theirs (L and LI; Table, TR, TH and TD), and everything else the page
frame draws (rules, answer lines, boxes, shading) and the page furniture (header, footer, margin words) is
an artifact. The tree is then written with the file (reportlab's own objects), in drawing order, which is
the reading order. A canvas without a tagger (measuring, overlays) draws as before.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from reportlab.platypus import Flowable, Frame

ARTIFACT = "artifact"
CONTENT = "content"


@dataclass
class Node:
    """One structure element: a group (no page) or a marked-content sequence on a page."""

    role: str
    """Its standard structure type: H1, P, L, LI, Table, TR, TD, Figure, Formula..."""
    parent: int
    """The index of the group it belongs to (-1: the document)."""
    page: int = -1
    """The page its content is on, from 0 (-1: a group)."""
    mcid: int = -1
    """Its marked-content id on that page."""
    alt: str | None = None
    """Alternative text (a picture's, a formula's reading)."""


@dataclass
class Tagger:
    """What one document's canvas has marked so far."""

    nodes: list[Node] = field(default_factory=list)
    groups: list[int] = field(default_factory=lambda: [-1])
    state: list[str] = field(default_factory=list)
    next_mcid: dict[int, int] = field(default_factory=dict)


def tagger_of(canvas: Any) -> Tagger | None:
    """The canvas's tagger (None: this canvas is not tagged)."""
    return getattr(canvas, "tagger", None)


def _pdf_text(text: str) -> str:
    """A PDF text string (UTF-16 with its byte order mark, in hex: any script, no escaping)."""
    return "<FEFF" + text.encode("utf-16-be").hex().upper() + ">"


@contextmanager
def content(canvas: Any, role: str, alt: str | None = None) -> Iterator[None]:
    """What is drawn inside is one element's content (inside another's, it stays theirs, with its alt text)."""
    t = tagger_of(canvas)
    if t is None:
        yield
        return
    code: list[str] = canvas._code
    if t.state and t.state[-1] == CONTENT:  # a picture in a paragraph: its words are read where it stands
        if alt:
            code.append(f"/Span <</Alt {_pdf_text(alt)}>> BDC")
        try:
            yield
        finally:
            if alt:
                code.append("EMC")
        return
    if t.state and t.state[-1] == ARTIFACT:
        _pause(code)
    page = canvas.getPageNumber() - 1
    mcid = t.next_mcid.get(page, 0)
    t.next_mcid[page] = mcid + 1
    t.nodes.append(Node(role, t.groups[-1], page, mcid, alt))
    code.append(f"/{role} <</MCID {mcid}>> BDC")
    t.state.append(CONTENT)
    try:
        yield
    finally:
        t.state.pop()
        code.append("EMC")
        if t.state and t.state[-1] == ARTIFACT:
            code.append("/Artifact BMC")


def _pause(code: list[str]) -> None:
    """End the artifact in force (or take back its opening, if nothing was drawn in it yet)."""
    if code and code[-1] == "/Artifact BMC":
        code.pop()
    else:
        code.append("EMC")


@contextmanager
def group(canvas: Any, role: str) -> Iterator[None]:
    """The elements made inside belong to one element of `role` (a list, a table, a row, a cell)."""
    begin_group(canvas, role)
    try:
        yield
    finally:
        end_group(canvas)


def begin_group(canvas: Any, role: str) -> None:
    """`group` for a drawing that reports its start and end apart (a table's render callback)."""
    t = tagger_of(canvas)
    if t is not None and not (t.state and t.state[-1] == CONTENT):
        t.nodes.append(Node(role, t.groups[-1]))
        t.groups.append(len(t.nodes) - 1)


def end_group(canvas: Any) -> None:
    t = tagger_of(canvas)
    if t is not None and not (t.state and t.state[-1] == CONTENT) and len(t.groups) > 1:
        t.groups.pop()


@contextmanager
def artifact(canvas: Any) -> Iterator[None]:
    """What is drawn inside is not content (furniture, rules, shading), unless an element inside says so."""
    t = tagger_of(canvas)
    if t is None:
        yield
        return
    code: list[str] = canvas._code
    start = len(code)
    code.append("/Artifact BMC")
    t.state.append(ARTIFACT)
    try:
        yield
    finally:
        t.state.pop()
        if len(code) == start + 1 or code[-1] == "/Artifact BMC":
            code.pop()  # nothing drawn in it (or since the last element): no empty sequence
        else:
            code.append("EMC")


def space_line_ends(lines: Any) -> None:
    """Each broken line's last word ends with the space the break took (invisible after it), so text read from
    the tagged PDF (a screen reader's) keeps its words apart: "the / exam" is not read as "theexam"."""
    if lines is None or getattr(lines, "spaced", False):
        return
    lines.spaced = True
    for line in lines.lines[:-1]:
        if lines.kind == 0:  # plain text: (extra space, words)
            words = line[1]
            if words and not words[-1].endswith(("-", " ", "\u00ad")):
                words[-1] += " "
            continue
        last = next((w for w in reversed(line.words) if getattr(w, "text", "") or getattr(w, "cbDefn", None)), None)
        text = getattr(last, "text", "")
        if last is not None and text and not getattr(last, "cbDefn", None) and not text.endswith(("-", " ", "\u00ad")):
            last.text = text + " "


class ListItem(Flowable):
    """One of a list's items, drawn as its own element (LI) of the tagged list."""

    def __init__(self, inner: Flowable) -> None:
        super().__init__()
        self.inner = inner

    def wrapOn(self, canvas: Any, availWidth: float, availHeight: float) -> tuple[float, float]:
        size: tuple[float, float] = self.inner.wrapOn(canvas, availWidth, availHeight)
        return size

    def getSpaceBefore(self) -> float:
        return float(self.inner.getSpaceBefore())

    def getSpaceAfter(self) -> float:
        return float(self.inner.getSpaceAfter())

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        self.inner._frame = self.__dict__.get("_frame")  # as the list sets it on its items while it draws them
        try:
            with group(canvas, "LI"):
                self.inner.drawOn(canvas, x, y, _sW)
        finally:
            del self.inner._frame


class TaggedFrame(Frame):
    """The page frame: what a flowable draws is an artifact but for the elements it marks itself."""

    def add(self, flowable: Any, canv: Any, trySplit: int = 0) -> Any:  # reportlab's names
        with artifact(canv):
            return super().add(flowable, canv, trySplit)


def table_callback(table: Any, event: str, *args: Any) -> None:
    """A data table's render callback (reportlab's renderCB): the table, its rows and its cells as elements, the
    header rows' cells as TH."""
    canvas = table.canv
    if event == "startTable":
        begin_group(canvas, "Table")
    elif event == "startRow":
        begin_group(canvas, "TR")
    elif event == "startCell":
        head = table.repeatRows if isinstance(table.repeatRows, int) else len(table.repeatRows)
        begin_group(canvas, "TH" if args[0] < head else "TD")
    elif event in ("endCell", "endRow", "endTable"):
        end_group(canvas)


def structure(canvas: Any, tagger: Tagger) -> None:
    """Write the structure tree into the document the canvas is about to save (every page already shown): the
    elements in drawing order under one Document element, each page's parent tree entry and /StructParents,
    and the catalogue marked as tagged. Written with reportlab's own objects, so the file is made once."""
    from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObjectReference, PDFString

    doc = canvas._doc
    pages = doc.Pages.pages
    root = PDFDictionary({"Type": PDFName("StructTreeRoot")})
    top = PDFDictionary({"Type": PDFName("StructElem"), "S": PDFName("Document"), "P": doc.Reference(root)})
    made = [PDFDictionary({"Type": PDFName("StructElem"), "S": PDFName(node.role)}) for node in tagger.nodes]
    refs = [doc.Reference(element) for element in made]
    kids: dict[int, list[Any]] = {}
    marks: dict[int, dict[int, Any]] = {}
    for index, (node, element) in enumerate(zip(tagger.nodes, made, strict=True)):
        element["P"] = doc.Reference(top) if node.parent < 0 else refs[node.parent]
        kids.setdefault(node.parent, []).append(refs[index])
        if node.page >= 0:
            element["Pg"] = PDFObjectReference(f"Page{node.page + 1}")  # reportlab's names for its pages
            element["K"] = node.mcid
            marks.setdefault(node.page, {})[node.mcid] = refs[index]
        if node.alt is not None:
            element["Alt"] = PDFString(node.alt)
    for index, element in enumerate(made):
        if tagger.nodes[index].page < 0:
            element["K"] = PDFArray(kids.get(index, []))
    top["K"] = PDFArray(kids.get(-1, []))
    numbers: list[Any] = []
    for index, page in enumerate(pages):
        page.__NoDefault__ = [*type(page).__NoDefault__, "StructParents", "Tabs"]  # keys reportlab's page lacks
        page.StructParents, page.Tabs = index, PDFName("S")
        found = marks.get(index, {})
        numbers += [index, doc.Reference(PDFArray([found[m] for m in sorted(found)]))]
    root["K"] = doc.Reference(top)
    root["ParentTree"] = doc.Reference(PDFDictionary({"Nums": PDFArray(numbers)}))
    root["ParentTreeNextKey"] = len(pages)
    doc.Catalog.StructTreeRoot = doc.Reference(root)
    doc.Catalog.MarkInfo = PDFDictionary({"Marked": "true"})
