"""Pages as Form XObjects: a page is drawn onto new pages (stamped, scaled, two-up) by reference,
without parsing or rewriting its content. Far faster than merging content streams, and pages
shared by many copies (a class set) are stored once."""

from __future__ import annotations

from collections.abc import Sequence

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import (
    ArrayObject,
    DictionaryObject,
    EncodedStreamObject,
    FloatObject,
    IndirectObject,
    NameObject,
    StreamObject,
)

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


class Forms:
    """Makes (once) and remembers the Form XObject of each source page, inside one writer."""

    def __init__(self, writer: PdfWriter) -> None:
        self.writer = writer
        self._made: dict[tuple[int, int], IndirectObject] = {}
        self._readers: list[PdfReader] = []  # kept alive so their ids stay unique

    def of(self, reader: PdfReader, index: int) -> IndirectObject:
        key = (id(reader), index)
        if key not in self._made:
            if reader not in self._readers:
                self._readers.append(reader)
            self._made[key] = self._form(reader.pages[index])
        return self._made[key]

    def _form(self, page: PageObject) -> IndirectObject:
        single = page.get("/Contents")
        single = single.get_object() if single is not None else None
        if isinstance(single, EncodedStreamObject) and _flate_only(single):
            encoded = EncodedStreamObject()  # one compressed stream (reportlab's pages): copied as it is
            encoded._data = single._data
            encoded[NameObject("/Filter")] = NameObject("/FlateDecode")
        else:
            contents = page.get_contents()
            form = StreamObject()
            form.set_data(contents.get_data() if contents is not None else b"")
            encoded = form.flate_encode()
        box = page.cropbox
        resources = page.get("/Resources")
        encoded.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Form"),
                NameObject("/BBox"): ArrayObject([FloatObject(v) for v in (box.left, box.bottom, box.right, box.top)]),
                NameObject("/Resources"): resources.get_object().clone(self.writer) if resources is not None
                else DictionaryObject(),
            }
        )
        matrix, _ = upright(page)
        if matrix != IDENTITY:
            encoded[NameObject("/Matrix")] = ArrayObject([FloatObject(v) for v in matrix])
        return self.writer._add_object(encoded)


def upright(page: PageObject) -> tuple[Matrix, tuple[float, float]]:
    """How to draw a page as a viewer shows it, and the size it then has: only its crop box, its
    lower left corner at the origin, turned by its /Rotate (a scan stored sideways comes out upright)."""
    box = page.cropbox
    corners = [(float(x), float(y)) for x in (box.left, box.right) for y in (box.bottom, box.top)]
    turn = Transformation().translate(-float(box.left), -float(box.bottom)).rotate(-page.rotation)
    placed = [turn.apply_on(corner) for corner in corners]
    low_x, low_y = min(x for x, _ in placed), min(y for _, y in placed)
    turn = turn.translate(-low_x, -low_y)
    size = (max(x for x, _ in placed) - low_x, max(y for _, y in placed) - low_y)
    matrix = tuple(round(v, 6) + 0.0 for v in turn.ctm)  # exact quarter turns, and no -0.0
    return matrix, (round(size[0], 6), round(size[1], 6))  # type: ignore[return-value]


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


def _flate_only(stream: EncodedStreamObject) -> bool:
    filters = stream.get("/Filter")
    if isinstance(filters, ArrayObject) and len(filters) == 1:
        filters = filters[0]
    return filters == "/FlateDecode" and "/DecodeParms" not in stream


def compose(writer: PdfWriter, size: tuple[float, float], placed: Sequence[tuple[IndirectObject, Matrix]],
            shared: dict | None = None) -> PageObject:
    """A new page of `size` drawing each form with its matrix, in order.

    With `shared` (a dict kept for one writer), pages that draw the same forms the same way share
    one content stream: a class set's thirty copies of a page cost thirty small page objects."""
    page = writer.add_blank_page(width=size[0], height=size[1])
    key = tuple((form.idnum, matrix) for form, matrix in placed) if shared is not None else ()
    if shared is not None and key in shared:
        page[NameObject("/Contents")], page[NameObject("/Resources")] = shared[key]
        return page
    names = DictionaryObject()
    ops = []
    for number, (form, matrix) in enumerate(placed):
        name = f"/P{number}"
        names[NameObject(name)] = form
        ops.append("q " + " ".join(f"{v:.4f}" for v in matrix) + f" cm {name} Do Q")
    content = StreamObject()
    content.set_data("\n".join(ops).encode("ascii"))
    made = (writer._add_object(content.flate_encode()), DictionaryObject({NameObject("/XObject"): names}))
    if shared is not None:
        shared[key] = made  # the stream by reference; the small resource dictionary is written into each page
    page[NameObject("/Contents")], page[NameObject("/Resources")] = made
    return page
