"""Stage 5: PDFs made from rendered PDFs: class sets (a copy per student, the name stamped in).

Each version is rendered once; a student's copy is that version's pages with
their name drawn on the Name field's line as a small overlay, padded so every
copy starts on a right-hand page when printed double-sided.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter

from worksheets.fonts import face_name, register
from worksheets.theme import Theme

BLANK_TEXT = "This page is intentionally left blank."


@dataclass(frozen=True)
class Copy:
    """One student's copy: the version's PDF, where its Name line is, and the name to print there."""

    pdf: bytes
    anchor: tuple[int, float, float, float] | None  # page (from 1), x, y, width of the Name line
    name: str
    theme: Theme


def _page_pdf(width: float, height: float, draw) -> PdfReader:  # type: ignore[no-untyped-def]
    from reportlab.pdfgen.canvas import Canvas

    register()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), invariant=1, pageCompression=1)
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue()))


def _name_overlay(copy: Copy, width: float, height: float) -> PdfReader:
    assert copy.anchor is not None
    _, x, y, line_width = copy.anchor
    theme = copy.theme
    font = face_name(theme.font, bold=True)

    def draw(canvas) -> None:  # type: ignore[no-untyped-def]
        from reportlab.pdfbase.pdfmetrics import stringWidth

        size = theme.body
        while size > 6 and stringWidth(copy.name, font, size) > line_width - 6:
            size -= 0.5
        canvas.setFont(font, size)
        canvas.drawString(x + 3, y + 2 + theme.body * 0.22, copy.name)  # on the label's baseline

    return _page_pdf(width, height, draw)


def _blank(theme: Theme, width: float, height: float) -> PdfReader:
    def draw(canvas) -> None:  # type: ignore[no-untyped-def]
        if theme.page_tint is not None:
            canvas.setFillColorRGB(*theme.page_tint)
            canvas.rect(0, 0, width, height, stroke=0, fill=1)
            canvas.setFillGray(0)
        canvas.setFont(face_name(theme.font, italic=theme.italic), theme.small)
        canvas.drawCentredString(width / 2, height / 2, BLANK_TEXT)

    return _page_pdf(width, height, draw)


def class_set(copies: list[Copy]) -> bytes:
    """One PDF with every student's copy in order, each starting on an odd page."""
    writer = PdfWriter()
    for copy in copies:
        reader = PdfReader(io.BytesIO(copy.pdf))
        first = len(writer.pages)
        for page in reader.pages:
            writer.add_page(page)
        box = reader.pages[0].mediabox
        width, height = float(box.width), float(box.height)
        if copy.anchor is not None and copy.name:
            writer.pages[first + copy.anchor[0] - 1].merge_page(_name_overlay(copy, width, height).pages[0])
        if len(reader.pages) % 2:
            writer.add_page(_blank(copy.theme, width, height).pages[0])
    writer.compress_identical_objects()  # fonts shared by every copy are stored once
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


# --- booklets --------------------------------------------------------------------------------


@dataclass
class Segment:
    """A run of pages in the booklet: generated pages get continuous numbers, included PDFs do not."""

    title: str | None  # contents entry and bookmark; None for the cover and the contents
    pdf: object  # bytes, or a Path to an included PDF
    numbered: bool = True
    children: tuple[tuple[str, int], ...] = ()  # (bookmark title, page within the segment, from 0)


def _reader(pdf: object) -> PdfReader:
    return PdfReader(io.BytesIO(pdf)) if isinstance(pdf, bytes) else PdfReader(pdf, strict=False)  # type: ignore[arg-type]


def _number_overlay(text: str, theme: Theme, width: float, height: float) -> PdfReader:
    def draw(canvas) -> None:  # type: ignore[no-untyped-def]
        canvas.setFont(face_name(theme.font), theme.small)
        canvas.setFillGray(0.15)
        canvas.drawCentredString(width / 2, theme.margin_bottom - theme.small * 2.2, text)

    return _page_pdf(width, height, draw)


def layout(segments: list[Segment], start_odd: bool, first_at: int = 1) -> list[int]:
    """The page (from 1) each segment starts on; with start_odd, blank pages push segments to odd pages."""
    starts, page = [], first_at
    for index, segment in enumerate(segments):
        if start_odd and index > 0 and page % 2 == 0:
            page += 1
        starts.append(page)
        page += len(_reader(segment.pdf).pages)
    return starts


def merge_booklet(segments: list[Segment], start_odd: bool, theme: Theme, page_size: tuple[float, float]) -> bytes:
    """Concatenate the segments with padding, continuous "Page N of T" numbers and one bookmark per part."""
    width, height = page_size
    readers = [_reader(s.pdf) for s in segments]
    writer = PdfWriter()
    plan: list[tuple[int, int, bool]] = []  # (segment, page within it, or -1 for a blank; numbered)
    for index, (segment, reader) in enumerate(zip(segments, readers)):
        if start_odd and index > 0 and len(plan) % 2 == 1:
            plan.append((index, -1, True))
        plan += [(index, n, segment.numbered) for n in range(len(reader.pages))]
    total = len(plan)
    starts: dict[int, int] = {}
    for number, (index, page_index, numbered) in enumerate(plan, start=1):
        if page_index < 0:
            page = writer.add_page(_blank(theme, width, height).pages[0])
        else:
            page = writer.add_page(readers[index].pages[page_index])
            starts.setdefault(index, number - 1)
        if numbered:
            box = page.mediabox
            page.merge_page(_number_overlay(f"Page {number} of {total}", theme, float(box.width), float(box.height)).pages[0])
    for index, segment in enumerate(segments):
        if segment.title is None:
            continue
        parent = writer.add_outline_item(title=segment.title, page_number=starts[index])
        for title, offset in segment.children:
            writer.add_outline_item(title=title, page_number=starts[index] + offset, parent=parent)
    writer.page_mode = "/UseOutlines"
    writer.compress_identical_objects()
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def concatenate(pdfs: list[tuple[str, bytes]]) -> bytes:
    """Several PDFs one after the other, each with a bookmark (the separate mark schemes)."""
    writer = PdfWriter()
    for title, pdf in pdfs:
        first = len(writer.pages)
        for page in PdfReader(io.BytesIO(pdf)).pages:
            writer.add_page(page)
        writer.add_outline_item(title=title, page_number=first)
    writer.compress_identical_objects()
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


SADDLE = {"a5-booklet": (842.0, 595.0), "a4-on-a3": (1190.55, 841.89)}  # landscape sheet, points


def saddle_order(count: int) -> list[tuple[int, int]]:
    """Pairs of pages (from 1; left, right) for each sheet side, front then back, for n a multiple of 4."""
    sides = []
    for sheet in range(count // 4):
        sides.append((count - 2 * sheet, 2 * sheet + 1))
        sides.append((2 * sheet + 2, count - 2 * sheet - 1))
    return sides


def impose(pdf: bytes, mode: str, theme: Theme) -> bytes:
    """Two pages per landscape sheet side in saddle-stitch order, padded with blank pages to a multiple of four."""
    from pypdf import PageObject, Transformation

    reader = PdfReader(io.BytesIO(pdf))
    pages = list(reader.pages)
    first = pages[0].mediabox
    blank = _blank(theme, float(first.width), float(first.height)).pages[0]
    while len(pages) % 4:
        pages.append(blank)
    sheet_w, sheet_h = SADDLE[mode]
    writer = PdfWriter()
    for left, right in saddle_order(len(pages)):
        side = PageObject.create_blank_page(width=sheet_w, height=sheet_h)
        for slot, number in enumerate((left, right)):
            page = pages[number - 1]
            w, h = float(page.mediabox.width), float(page.mediabox.height)
            scale = min((sheet_w / 2) / w, sheet_h / h)
            x = slot * sheet_w / 2 + (sheet_w / 2 - w * scale) / 2
            y = (sheet_h - h * scale) / 2
            side.merge_transformed_page(page, Transformation().scale(scale).translate(x, y))
        writer.add_page(side)
    writer.compress_identical_objects()
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def booklet_outputs(plan, rendered: dict) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """`NAME-booklet.pdf`, and `NAME-booklet-print.pdf` and `NAME-markschemes.pdf` when asked for."""
    from worksheets.booklet import DividerPart, PdfPart, WorksheetPart
    from worksheets.render import booklet as pages
    from worksheets.render.page import PAPERS
    from worksheets.theme import theme_for

    theme = theme_for(plan.style)
    size = PAPERS[plan.paper]
    parts: list[Segment] = []
    schemes: list[tuple[str, bytes]] = []
    for part in plan.parts:
        if isinstance(part, WorksheetPart):
            pdf, anchors = rendered[(part.document, "student", False)]
            children = tuple(
                (part.document.blocks[int(key.split(":")[1])].title, spot[0] - 1)  # type: ignore[union-attr]
                for key, spot in sorted(anchors.items(), key=lambda item: item[1][0])
                if key.startswith("section:")
            )
            parts.append(Segment(part.title, pdf, True, children))
            numbered = plan.mark_schemes != "appendix"
            if plan.mark_schemes != "none":
                schemes.append((f"Mark scheme: {part.title}", rendered[(part.document, "markscheme", numbered)][0]))
        elif isinstance(part, PdfPart):
            parts.append(Segment(part.title, part.path, numbered=False))
        else:
            assert isinstance(part, DividerPart)
            parts.append(Segment(part.title, pages.divider(part.title, part.text, plan.paper, plan.style, plan.title)))
    if plan.mark_schemes == "appendix" and schemes:
        parts.append(Segment("Mark schemes", pages.divider("Mark schemes", (), plan.paper, plan.style, plan.title)))
        parts += [Segment(title, pdf) for title, pdf in schemes]
    head: list[Segment] = []
    if plan.cover:
        head.append(Segment(None, pages.cover(plan.title, plan.subtitle, plan.cover_image, plan.paper, plan.style),
                            numbered=False))
    if plan.contents_page:
        entries: list[tuple[str, int | None]] = [(s.title or "", None) for s in parts]
        draft = Segment(None, pages.contents(plan.title, entries, plan.paper, plan.style))
        starts = layout([*head, draft, *parts], plan.start_odd)[len(head) + 1:]
        final = pages.contents(plan.title, [(s.title or "", start) for s, start in zip(parts, starts)],
                               plan.paper, plan.style)
        assert len(_reader(final).pages) == len(_reader(draft.pdf).pages)
        head.append(Segment(None, final))
    booklet = merge_booklet([*head, *parts], plan.start_odd, theme, size)
    outputs = {f"{plan.stem}-booklet.pdf": booklet}
    if plan.impose != "none":
        outputs[f"{plan.stem}-booklet-print.pdf"] = impose(booklet, plan.impose, theme)
    if plan.mark_schemes == "separate" and schemes:
        outputs[f"{plan.stem}-markschemes.pdf"] = concatenate(schemes)
    return outputs
