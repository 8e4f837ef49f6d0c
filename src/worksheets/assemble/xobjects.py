"""Pages as Form XObjects: a page is drawn onto new pages (stamped, scaled, two-up) by reference,
without parsing or rewriting its content. Far faster than merging content streams, and pages
shared by many copies (a class set) are stored once.

The PDFs are handled with pikepdf (qpdf): a source's fonts and pictures are copied into the new PDF once,
however many of its pages are drawn, and nothing is decompressed on the way through."""

from __future__ import annotations

import io
import math
import zlib
from collections.abc import Sequence
from pathlib import Path

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)
Source = Pdf
"""A PDF pages are drawn from: a rendered document, an overlay of names or numbers, a teacher's own PDF."""


def open_pdf(pdf: bytes | Path) -> Source:
    """A PDF from bytes or a file (a damaged file is read as well as qpdf can; it was checked when planned), each
    page holding the /Resources, /Rotate and boxes it may inherit from its page tree."""
    return pikepdf.open(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf, inherit_page_attributes=True)


def new_pdf() -> Pdf:
    """An empty PDF to draw pages on."""
    return pikepdf.new()


def pdf_bytes(pdf: Pdf) -> bytes:
    """The PDF's bytes: the same pages give the same bytes (its /ID is a hash of them). Streams are written as
    they are (already compressed: the pages' own, and the small ones made here)."""
    buffer = io.BytesIO()
    pdf.save(buffer, deterministic_id=True, compress_streams=False,
             stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return buffer.getvalue()


def page_size(source: Source, index: int = 0) -> tuple[float, float]:
    """The size of a page's media box (points)."""
    box = pikepdf.Rectangle(source.pages[index].mediabox)
    return float(box.width), float(box.height)


class Forms:
    """Makes (once) and remembers the Form XObject of each source page, inside one PDF."""

    def __init__(self, pdf: Pdf) -> None:
        self.pdf = pdf
        self._made: dict[tuple[int, int], pikepdf.Object] = {}
        self._sources: list[Source] = []  # kept open until the PDF is written: their streams are read then

    def of(self, source: Source, index: int) -> pikepdf.Object:
        """The form of page `index` of `source`."""
        key = (id(source), index)
        if key not in self._made:
            if not any(s is source for s in self._sources):
                self._sources.append(source)
            self._made[key] = self.pdf.copy_foreign(_form(source, source.pages[index]))
        return self._made[key]


def _form(source: Source, page: pikepdf.Page) -> pikepdf.Object:
    """The page as a form in its own PDF (copied across with its resources, each shared one once)."""
    contents = page.obj.get("/Contents")
    form = pikepdf.Stream(source, b"")
    if isinstance(contents, pikepdf.Stream) and _flate_only(contents):
        form.write(contents.read_raw_bytes(), filter=Name.FlateDecode)  # reportlab's pages: copied as they are
    else:
        parts = [contents] if isinstance(contents, pikepdf.Stream) else list(contents or [])
        form.write(zlib.compress(b"\n".join(part.read_bytes() for part in parts)), filter=Name.FlateDecode)
    box = pikepdf.Rectangle(page.cropbox)
    form.Type, form.Subtype = Name.XObject, Name.Form
    form.BBox = Array([box.llx, box.lly, box.urx, box.ury])
    form.Resources = page.obj.get("/Resources", Dictionary())
    matrix, _ = upright(page)
    if matrix != IDENTITY:
        form.Matrix = Array(matrix)
    return source.make_indirect(form)


def _flate_only(stream: pikepdf.Stream) -> bool:
    filters = stream.get("/Filter")
    if isinstance(filters, Array) and len(filters) == 1:
        filters = filters[0]
    return filters == Name.FlateDecode and "/DecodeParms" not in stream


def upright(page: pikepdf.Page) -> tuple[Matrix, tuple[float, float]]:
    """How to draw a page as a viewer shows it, and the size it then has: only its crop box, its
    lower left corner at the origin, turned by its /Rotate (a scan stored sideways comes out upright)."""
    box = pikepdf.Rectangle(page.cropbox)
    turn = -int(page.obj.get("/Rotate", 0)) % 360
    cos, sin = round(math.cos(math.radians(turn))), round(math.sin(math.radians(turn)))
    matrix: Matrix = (cos, sin, -sin, cos, -box.llx * cos + box.lly * sin, -box.llx * sin - box.lly * cos)
    placed = [_apply(matrix, (x, y)) for x in (box.llx, box.urx) for y in (box.lly, box.ury)]
    low_x, low_y = min(x for x, _ in placed), min(y for _, y in placed)
    matrix = then(matrix, (1, 0, 0, 1, -low_x, -low_y))
    size = (max(x for x, _ in placed) - low_x, max(y for _, y in placed) - low_y)
    clean: Matrix = tuple(round(float(v), 6) + 0.0 for v in matrix)  # type: ignore[assignment]  # and no -0.0
    return clean, (round(float(size[0]), 6), round(float(size[1]), 6))


def _apply(matrix: Matrix, point: tuple[float, float]) -> tuple[float, float]:
    a, b, c, d, e, f = matrix
    x, y = point
    return a * x + c * y + e, b * x + d * y + f


def then(first: Matrix, second: Matrix) -> Matrix:
    """The matrix that draws as `first` and then `second` do (a page turned, then scaled onto a sheet)."""
    a, b, c, d, e, f = first
    a2, b2, c2, d2, e2, f2 = second
    return (a * a2 + b * c2 + 0.0, a * b2 + b * d2 + 0.0, c * a2 + d * c2 + 0.0, c * b2 + d * d2 + 0.0,
            e * a2 + f * c2 + e2 + 0.0, e * b2 + f * d2 + f2 + 0.0)


def turned(size: tuple[float, float], page: tuple[float, float]) -> tuple[Matrix, tuple[float, float]]:
    """How to draw a page of `size` (as a viewer shows it) in a booklet of `page`-sized pages, and the size
    it then has: a landscape page in a portrait booklet is turned a quarter anticlockwise to fill a portrait
    page, its top against the left edge, as a book prints a wide table; any other page as it is."""
    width, height = size
    if width > height and page[1] > page[0]:
        return (0.0, 1.0, -1.0, 0.0, height, 0.0), (height, width)
    return IDENTITY, size


def compose(pdf: Pdf, size: tuple[float, float], placed: Sequence[tuple[pikepdf.Object, Matrix]],
            shared: dict | None = None) -> pikepdf.Page:
    """A new page of `size` drawing each form with its matrix, in order.

    With `shared` (a dict kept for one PDF), pages that draw the same forms the same way share
    one content stream: a class set's thirty copies of a page cost thirty small page objects."""
    page = pdf.add_blank_page(page_size=size)
    key = tuple((form.objgen, matrix) for form, matrix in placed) if shared is not None else ()
    if shared is not None and key in shared:
        page.obj.Contents, names = shared[key]
        page.obj.Resources = Dictionary(XObject=names)
        return page
    names = Dictionary()
    ops = []
    for number, (form, matrix) in enumerate(placed):
        names[f"/P{number}"] = form
        ops.append("q " + " ".join(f"{v:.4f}" for v in matrix) + f" cm /P{number} Do Q")
    content = pikepdf.Stream(pdf, b"")
    content.write(zlib.compress("\n".join(ops).encode("ascii")), filter=Name.FlateDecode)
    made = (pdf.make_indirect(content), names)
    if shared is not None:
        shared[key] = made  # the stream by reference; the small resource dictionary is written into each page
    page.obj.Contents = made[0]
    page.obj.Resources = Dictionary(XObject=names)
    return page
