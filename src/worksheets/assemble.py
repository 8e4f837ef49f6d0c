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
from worksheets.render.blocks import FIELD_LEADING
from worksheets.theme import Theme
from worksheets.xobjects import upright

BLANK_TEXT = "This page is intentionally left blank."


@dataclass(frozen=True)
class Copy:
    """One student's copy: the version's PDF, where its Name line is, and the name to print there."""

    pdf: bytes
    anchor: tuple[int, float, float, float] | None  # page (from 1), x, y, width of the Name line
    name: str
    theme: Theme
    class_anchor: tuple[int, float, float, float] | None = None  # the Class line, if the handout has one
    group: str = ""  # printed on the Class line


def _pdf(size: tuple[float, float], pages: list, families: tuple[str, ...] = ()) -> PdfReader:  # type: ignore[type-arg]
    """A small PDF drawn with reportlab: one page per drawing function."""
    from reportlab.pdfgen.canvas import Canvas

    register(*families)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=size, invariant=1, pageCompression=1)
    for draw in pages:
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return PdfReader(io.BytesIO(buffer.getvalue()))


def _name_drawing(copy: Copy):  # type: ignore[no-untyped-def]
    """Draws the student's name on the Name line, and their class on the Class line when given."""
    theme = copy.theme
    font = face_name(theme.font, bold=True)
    fields = [(copy.anchor, copy.name), (copy.class_anchor, copy.group)]

    def draw(canvas) -> None:  # type: ignore[no-untyped-def]
        from reportlab.pdfbase.pdfmetrics import stringWidth

        for anchor, text in fields:
            if anchor is None or not text:
                continue
            _, x, y, line_width = anchor
            size = theme.body
            while size > 6 and stringWidth(text, font, size) > line_width - 6:
                size -= 0.5
            canvas.setFont(font, size)
            # on the label's baseline: the anchor is where the label's line box starts (see blocks.FIELD_LEADING)
            canvas.drawString(x + 3, y + theme.body * (FIELD_LEADING - 1), text)

    return draw


def _blank_drawing(theme: Theme, width: float, height: float):  # type: ignore[no-untyped-def]
    def draw(canvas) -> None:  # type: ignore[no-untyped-def]
        if theme.page_tint is not None:
            canvas.setFillColorRGB(*theme.page_tint)
            canvas.rect(0, 0, width, height, stroke=0, fill=1)
            canvas.setFillGray(0)
        canvas.setFont(face_name(theme.font, italic=theme.italic), theme.small)
        canvas.drawCentredString(width / 2, height / 2, BLANK_TEXT)

    return draw


def _finish(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def class_set(copies: list[Copy]) -> bytes:
    """One PDF with every student's copy in order, each starting on an odd page.

    A version's pages are stored once and drawn on each copy; only the name differs."""
    from worksheets.xobjects import IDENTITY, Forms, compose

    writer = PdfWriter()
    forms = Forms(writer)
    readers: dict[bytes, PdfReader] = {}  # one per version: its pages become forms once
    for copy in copies:
        if copy.pdf not in readers:
            readers[copy.pdf] = PdfReader(io.BytesIO(copy.pdf))
    named = {id(c): index for index, c in enumerate(c for c in copies if c.anchor is not None and c.name)}
    first = readers[copies[0].pdf].pages[0].mediabox if copies else None
    # every name on its own page of one small PDF, so the name font is embedded once
    families = tuple({c.theme.font for c in copies})
    drawings = [_name_drawing(c) for c in copies if id(c) in named]
    names = _pdf((float(first.width), float(first.height)), drawings, families) if drawings and first else None
    blanks: dict[Theme, PdfReader] = {}
    shared: dict = {}
    for copy in copies:
        reader = readers[copy.pdf]
        box = reader.pages[0].mediabox
        size = (float(box.width), float(box.height))
        name_page = copy.anchor[0] - 1 if id(copy) in named and copy.anchor else -1
        for index in range(len(reader.pages)):
            placed = [(forms.of(reader, index), IDENTITY)]
            if index == name_page and names is not None:
                placed.append((forms.of(names, named[id(copy)]), IDENTITY))
            compose(writer, size, placed, shared)
        if len(reader.pages) % 2:
            if copy.theme not in blanks:
                blanks[copy.theme] = _pdf(size, [_blank_drawing(copy.theme, *size)], (copy.theme.font,))
            compose(writer, size, [(forms.of(blanks[copy.theme], 0), IDENTITY)], shared)
    return _finish(writer)


# --- booklets --------------------------------------------------------------------------------


@dataclass
class Segment:
    """A run of pages in the booklet: generated pages get continuous numbers, included PDFs do not."""

    title: str | None  # contents entry and bookmark; None for the cover and the contents
    pdf: object  # bytes, or a Path to an included PDF
    numbered: bool = True
    children: tuple[tuple[str, int], ...] = ()  # (bookmark title, page within the segment, from 0)


def _reader(pdf: object, cache: dict | None = None) -> PdfReader:
    """A reader for PDF bytes or a path; with `cache`, one reader per distinct PDF (so its pages become forms once)."""
    key = pdf if isinstance(pdf, bytes) else str(pdf)
    if cache is not None and key in cache:
        return cache[key]  # type: ignore[no-any-return]
    reader = PdfReader(io.BytesIO(pdf)) if isinstance(pdf, bytes) else PdfReader(pdf, strict=False)  # type: ignore[arg-type]
    if cache is not None:
        cache[key] = reader
    return reader


def page_plan(page_counts: list[int], start_odd: bool) -> list[tuple[int, int]]:
    """The booklet's pages in order, as (segment, page within it); a page of -1 is a blank that
    pushes the next segment onto an odd (right-hand) page when start_odd is set."""
    plan: list[tuple[int, int]] = []
    for index, count in enumerate(page_counts):
        if start_odd and index > 0 and len(plan) % 2 == 1:
            plan.append((index, -1))
        plan += [(index, n) for n in range(count)]
    return plan


def layout(segments: list[Segment], start_odd: bool) -> list[int]:
    """The page (from 1) each segment starts on."""
    cache: dict = {}
    plan = page_plan([len(_reader(s.pdf, cache).pages) for s in segments], start_odd)
    return [next(n for n, (i, p) in enumerate(plan, 1) if i == index and p >= 0) for index in range(len(segments))]


Sheet = tuple[tuple[float, float], list[tuple[PdfReader, int]]]  # a page's size, and the source pages drawn on it


def booklet_pages(segments: list[Segment], start_odd: bool, theme: Theme, page_size: tuple[float, float]
                  ) -> tuple[list[Sheet], dict[int, int]]:
    """Every page of the booklet, as the source pages drawn on it (the page itself, then its
    "Page N of T" number), with padding blanks; and the page (from 0) each segment starts on."""
    width, height = page_size
    cache: dict = {}
    readers = [_reader(s.pdf, cache) for s in segments]
    # blank pages are generated, so numbered; other pages as their segment says
    plan = [(index, page, page < 0 or segments[index].numbered)
            for index, page in page_plan([len(r.pages) for r in readers], start_odd)]
    total = len(plan)

    def number(text: str):  # type: ignore[no-untyped-def]
        def draw(canvas) -> None:  # type: ignore[no-untyped-def]
            canvas.setFont(face_name(theme.font), theme.small)
            canvas.setFillGray(0.15)
            canvas.drawCentredString(width / 2, theme.margin_bottom - theme.small * 2.2, text)

        return draw

    numbers = _pdf(page_size, [number(f"Page {n} of {total}") for n in range(1, total + 1)], (theme.font,))
    blank = _pdf(page_size, [_blank_drawing(theme, width, height)], (theme.font,))
    pages: list[Sheet] = []
    starts: dict[int, int] = {}
    for number_index, (index, page_index, numbered) in enumerate(plan):
        if page_index < 0:
            size, sources = page_size, [(blank, 0)]
        else:
            _, size = upright(readers[index].pages[page_index])
            sources = [(readers[index], page_index)]
            starts.setdefault(index, number_index)
        pages.append((size, sources + [(numbers, number_index)] if numbered else sources))
    return pages, starts


def merge_booklet(segments: list[Segment], pages: list[Sheet], starts: dict[int, int]) -> bytes:
    """The booklet's pages in one PDF, with one bookmark per part (and per section inside it)."""
    from worksheets.xobjects import IDENTITY, Forms, compose

    writer = PdfWriter()
    forms = Forms(writer)
    for size, sources in pages:
        compose(writer, size, [(forms.of(reader, index), IDENTITY) for reader, index in sources])
    for index, segment in enumerate(segments):
        if segment.title is None:
            continue
        parent = writer.add_outline_item(title=segment.title, page_number=starts[index])
        for title, offset in segment.children:
            writer.add_outline_item(title=title, page_number=starts[index] + offset, parent=parent)
    writer.page_mode = "/UseOutlines"
    return _finish(writer)


def concatenate(pdfs: list[tuple[str, bytes]]) -> bytes:
    """Several PDFs one after the other, each with a bookmark (the separate mark schemes)."""
    writer = PdfWriter()
    for title, pdf in pdfs:
        first = len(writer.pages)
        for page in PdfReader(io.BytesIO(pdf)).pages:
            writer.add_page(page)
        writer.add_outline_item(title=title, page_number=first)
    return _finish(writer)


SADDLE = {"a5-booklet": (842.0, 595.0), "a4-on-a3": (1190.55, 841.89)}  # landscape sheet, points


def saddle_order(count: int) -> list[tuple[int, int]]:
    """Pairs of pages (from 1; left, right) for each sheet side, front then back, for n a multiple of 4."""
    sides = []
    for sheet in range(count // 4):
        sides.append((count - 2 * sheet, 2 * sheet + 1))
        sides.append((2 * sheet + 2, count - 2 * sheet - 1))
    return sides


def impose(pages: list[Sheet], mode: str, theme: Theme) -> bytes:
    """Two pages per landscape sheet side in saddle-stitch order, padded with blank pages to a multiple
    of four. Each page's sources are drawn scaled onto the sheet directly, not the merged booklet."""
    from worksheets.xobjects import Forms, compose

    first = pages[0][0]
    blank: Sheet = (first, [(_pdf(first, [_blank_drawing(theme, *first)], (theme.font,)), 0)])
    count = len(pages) + (-len(pages)) % 4
    sheet_w, sheet_h = SADDLE[mode]
    writer = PdfWriter()
    forms = Forms(writer)
    for left, right in saddle_order(count):
        placed = []
        for slot, number in enumerate((left, right)):
            (w, h), sources = pages[number - 1] if number <= len(pages) else blank
            scale = min((sheet_w / 2) / w, sheet_h / h)
            x = slot * sheet_w / 2 + (sheet_w / 2 - w * scale) / 2
            y = (sheet_h - h * scale) / 2
            placed += [(forms.of(reader, index), (scale, 0, 0, scale, x, y)) for reader, index in sources]
        compose(writer, (sheet_w, sheet_h), placed)
    return _finish(writer)


def booklet_outputs(plan, rendered: dict) -> dict[str, bytes]:  # type: ignore[no-untyped-def]
    """`NAME-booklet.pdf`, and `NAME-booklet-print.pdf` and `NAME-markschemes.pdf` when asked for."""
    from worksheets.document import DividerPart, PdfPart, WorksheetPart
    from worksheets.render import booklet as pages
    from worksheets.render.page import PAPERS
    from worksheets.theme import theme_for

    theme = theme_for(plan.style)
    size = PAPERS[plan.paper]
    parts: list[Segment] = []
    schemes: list[tuple[str, bytes]] = []
    for part in plan.parts:
        if isinstance(part, WorksheetPart):
            pdf, anchors = rendered[(part.document.student_view(), "student", False)]
            children = tuple(
                (part.document.blocks[int(key.split(":")[1])].title, spot[0] - 1)  # type: ignore[union-attr]
                for key, spot in sorted(anchors.items(), key=lambda item: item[1][0])
                if key.startswith("section:")
            )
            parts.append(Segment(part.title, pdf, True, children))
            numbered = plan.mark_schemes != "appendix"
            if plan.mark_schemes != "none" and part.mark_scheme:
                schemes.append((f"Mark scheme: {part.title}", rendered[(plan.scheme_document(part.document), "markscheme", numbered)][0]))
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
    segments = [*head, *parts]
    sheets, starts = booklet_pages(segments, plan.start_odd, theme, size)
    outputs = {f"{plan.stem}-booklet.pdf": merge_booklet(segments, sheets, starts)}
    if plan.impose != "none":
        outputs[f"{plan.stem}-booklet-print.pdf"] = impose(sheets, plan.impose, theme)
    if plan.mark_schemes == "separate" and schemes:
        outputs[f"{plan.stem}-markschemes.pdf"] = concatenate(schemes)
    return outputs
