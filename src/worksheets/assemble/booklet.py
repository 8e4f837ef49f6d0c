"""Booklets: parts' PDFs merged in reading order with continuous page numbers and bookmarks, the
contents page filled in, and the saddle-stitched print file imposed two pages to a sheet side.

Assembly only places pages: the booklet's own pages (cover, contents, dividers) and the page
numbers and blanks it draws on are made by the PDF writer. An included landscape page is turned a
quarter to fill a portrait page; the numbers and blanks on a part's pages are in its style's furniture
(a large-print part's in 16 pt).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pikepdf import Name, OutlineItem

from worksheets.assemble.xobjects import (
    IDENTITY,
    Forms,
    Matrix,
    Source,
    compose,
    new_pdf,
    open_pdf,
    pdf_bytes,
    then,
    turned,
    upright,
)
from worksheets.document import BookletPlan, DividerPart, PdfPart, SectionBlock, WorksheetPart
from worksheets.style.themes import Theme, theme_for
from worksheets.style.words import ENGLISH, Words
from worksheets.writers.contract import Rendered, RenderUnit, unit
from worksheets.writers.pdf import booklet as own_pages
from worksheets.writers.pdf import overlays
from worksheets.writers.pdf.page import PAPERS


@dataclass
class Segment:
    """A run of pages in the booklet: generated pages get continuous numbers, included PDFs do not."""

    title: str | None  # contents entry and bookmark; None for the cover and the contents
    pdf: object  # bytes, or a Path to an included PDF
    numbered: bool = True
    children: tuple[tuple[str, int], ...] = ()  # (bookmark title, page within the segment, from 0)
    theme: Theme | None = None  # the furniture (numbers, blanks) on its pages: its style's; None: the booklet's


def _reader(pdf: object, cache: dict | None = None) -> Source:
    """A PDF from bytes or a path; with `cache`, one per distinct PDF (so its pages become forms once)."""
    key = pdf if isinstance(pdf, bytes) else str(pdf)
    if cache is not None and key in cache:
        cached: Source = cache[key]
        return cached
    assert isinstance(pdf, bytes | Path)
    reader = open_pdf(pdf)
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


Placed = tuple[Source, int, Matrix]  # a source page, and how it is drawn on the booklet's page
Sheet = tuple[tuple[float, float], list[Placed]]  # a page's size, and the source pages drawn on it


def booklet_pages(segments: list[Segment], start_odd: bool, theme: Theme, page_size: tuple[float, float],
                  words: Words = ENGLISH) -> tuple[list[Sheet], dict[int, int]]:
    """Every page of the booklet, as the source pages drawn on it (the page itself, turned to the booklet's
    orientation, then its "Page N of T" number, upright), with padding blanks; and the page (from 0) each
    segment starts on. A page's number and blank are in its segment's furniture, a blank's in the larger
    of the two parts it lies between (a large-print part's blanks are large print too)."""
    cache: dict = {}
    readers = [_reader(s.pdf, cache) for s in segments]
    # blank pages are generated, so numbered; other pages as their segment says
    plan = [(index, page, page < 0 or segments[index].numbered)
            for index, page in page_plan([len(r.pages) for r in readers], start_odd)]
    themes = [s.theme or theme for s in segments]
    furniture = [themes[index] if page >= 0 else larger(themes[index - 1], themes[index])
                 for index, page, _ in plan]
    numbers = _numbers(furniture, [numbered for _, _, numbered in plan], page_size, words)
    blanks: dict[Theme, Source] = {}
    pages: list[Sheet] = []
    starts: dict[int, int] = {}
    for number_index, (index, page_index, numbered) in enumerate(plan):
        if page_index < 0:
            blank = furniture[number_index]
            if blank not in blanks:
                blanks[blank] = open_pdf(overlays.blank_page(blank, page_size, words))
            size, sources = page_size, [(blanks[blank], 0, IDENTITY)]
        else:
            matrix, size = turned(upright(readers[index].pages[page_index])[1], page_size)
            sources = [(readers[index], page_index, matrix)]
            starts.setdefault(index, number_index)
        pages.append((size, [*sources, (*numbers[number_index], IDENTITY)] if numbered else sources))
    return pages, starts


def larger(first: Theme, second: Theme) -> Theme:
    """Of two styles' furniture, the one in the larger size (the first if they are the same size)."""
    return second if second.small > first.small else first


def _numbers(themes: list[Theme], numbered: list[bool], page_size: tuple[float, float], words: Words = ENGLISH
             ) -> dict[int, tuple[Source, int]]:
    """Each numbered page's "Page N of T" (by page, from 0): one small PDF per style, of the pages in it."""
    chosen: dict[Theme, list[int]] = {}
    for index, (theme, wanted) in enumerate(zip(themes, numbered, strict=True)):
        if wanted:
            chosen.setdefault(theme, []).append(index)
    found: dict[int, tuple[Source, int]] = {}
    for theme, indexes in chosen.items():
        reader = open_pdf(overlays.page_numbers(theme, page_size, len(themes), [index + 1 for index in indexes],
                                                words))
        found.update({index: (reader, page) for page, index in enumerate(indexes)})
    return found


def merge_booklet(segments: list[Segment], pages: list[Sheet], starts: dict[int, int]) -> bytes:
    """The booklet's pages in one PDF, with one bookmark per part (and per section inside it)."""
    pdf = new_pdf()
    forms = Forms(pdf)
    for size, sources in pages:
        compose(pdf, size, [(forms.of(reader, index), matrix) for reader, index, matrix in sources])
    with pdf.open_outline() as outline:
        for index, segment in enumerate(segments):
            if segment.title is None:
                continue
            item = OutlineItem(segment.title, starts[index])
            item.children += [OutlineItem(title, starts[index] + offset) for title, offset in segment.children]
            outline.root.append(item)
    pdf.Root.PageMode = Name.UseOutlines
    return pdf_bytes(pdf)


def concatenate(pdfs: list[tuple[str, bytes]]) -> bytes:
    """Several PDFs one after the other, each with a bookmark (the separate mark schemes)."""
    joined = new_pdf()
    sources = [open_pdf(pdf) for _, pdf in pdfs]  # open until the joined PDF is written
    with joined.open_outline() as outline:
        for (title, _), source in zip(pdfs, sources, strict=True):
            outline.root.append(OutlineItem(title, len(joined.pages)))
            joined.pages.extend(source.pages)
    return pdf_bytes(joined)


SADDLE = {"a5-booklet": (842.0, 595.0), "a4-on-a3": (1190.55, 841.89)}  # landscape sheet, points


def saddle_order(count: int) -> list[tuple[int, int]]:
    """Pairs of pages (from 1; left, right) for each sheet side, front then back, for n a multiple of 4."""
    sides = []
    for sheet in range(count // 4):
        sides.append((count - 2 * sheet, 2 * sheet + 1))
        sides.append((2 * sheet + 2, count - 2 * sheet - 1))
    return sides


def impose(pages: list[Sheet], mode: str, theme: Theme, page_size: tuple[float, float] | None = None,
           words: Words = ENGLISH) -> bytes:
    """Two pages per landscape sheet side in saddle-stitch order, padded with blank pages (in `theme`, of
    `page_size`, by default the first page's) to a multiple of four. Each page's sources are drawn scaled
    onto the sheet directly, not the merged booklet."""
    first = page_size or pages[0][0]
    blank: Sheet = (first, [(open_pdf(overlays.blank_page(theme, first, words)), 0, IDENTITY)])
    count = len(pages) + (-len(pages)) % 4
    sheet_w, sheet_h = SADDLE[mode]
    pdf = new_pdf()
    forms = Forms(pdf)
    for left, right in saddle_order(count):
        placed = []
        for slot, number in enumerate((left, right)):
            (w, h), sources = pages[number - 1] if number <= len(pages) else blank
            scale = min((sheet_w / 2) / w, sheet_h / h)
            x = slot * sheet_w / 2 + (sheet_w / 2 - w * scale) / 2
            y = (sheet_h - h * scale) / 2
            placed += [(forms.of(reader, index), then(matrix, (scale, 0, 0, scale, x, y)))
                       for reader, index, matrix in sources]
        compose(pdf, (sheet_w, sheet_h), placed)
    return pdf_bytes(pdf)


def booklet_outputs(plan: BookletPlan, rendered: dict[RenderUnit, Rendered]) -> dict[str, bytes]:
    """The booklet in reading order ("booklet"), and its imposed print file ("print") and separate mark
    schemes ("markschemes") when asked for."""
    parts, schemes = _part_segments(plan, rendered)
    if plan.mark_schemes == "appendix" and schemes:
        heading = Words(plan.language)("mark_schemes")
        page = own_pages.divider(heading, (), plan.paper, plan.style, plan.title, plan.language)
        parts.append(Segment(heading, page))
        parts += [Segment(title, pdf, theme=style) for title, pdf, style in schemes]  # numbered in the part's style
    segments = [*_head_segments(plan, parts), *parts]
    theme = theme_for(plan.style)
    page_size = PAPERS[plan.paper]
    sheets, starts = booklet_pages(segments, plan.start_odd, theme, page_size, Words(plan.language))
    outputs = {"booklet": merge_booklet(segments, sheets, starts)}
    if plan.impose != "none":  # the blanks that pad it follow the last part
        outputs["print"] = impose(sheets, plan.impose, larger(theme, segments[-1].theme or theme), page_size,
                                  Words(plan.language))
    if plan.mark_schemes == "separate" and schemes:
        outputs["markschemes"] = concatenate([(title, pdf) for title, pdf, _ in schemes])
    return outputs


def _part_segments(plan: BookletPlan, rendered: dict[RenderUnit, Rendered]
                   ) -> tuple[list[Segment], list[tuple[str, bytes, Theme]]]:
    """Each part as a segment (a worksheet's sections as its bookmarks), and the mark schemes to add."""
    parts: list[Segment] = []
    schemes: list[tuple[str, bytes, Theme]] = []
    numbered = plan.mark_schemes != "appendix"
    for part in plan.parts:
        if isinstance(part, WorksheetPart):
            handout = rendered[unit(part.document, "student", False)]
            titles = {index: block.title for index, block in enumerate(part.document.blocks)
                      if isinstance(block, SectionBlock) and block.title}
            children = tuple((titles[index], page - 1) for index, page in handout.pages.sections)
            style = theme_for(part.document.style)
            parts.append(Segment(part.title, handout.data, True, children, style))
            if plan.mark_schemes != "none" and part.mark_scheme:
                scheme = rendered[unit(plan.scheme_document(part.document), "markscheme", numbered)]
                schemes.append((f"Mark scheme: {part.title}", scheme.data, style))
        elif isinstance(part, PdfPart):
            parts.append(Segment(part.title, part.path, numbered=False))
        else:
            assert isinstance(part, DividerPart)
            page = own_pages.divider(part.title, part.text, plan.paper, plan.style, plan.title, plan.language)
            parts.append(Segment(part.title, page))
    return parts, schemes


def _head_segments(plan: BookletPlan, parts: list[Segment]) -> list[Segment]:
    """The cover and the contents page, whose page numbers come from a first layout with a draft of it."""
    head: list[Segment] = []
    if plan.cover:
        head.append(Segment(None, own_pages.cover(plan.title, plan.subtitle, plan.cover_image, plan.paper, plan.style,
                                                plan.language),
                            numbered=False))
    if plan.contents_page:
        entries: list[tuple[str, int | None]] = [(s.title or "", None) for s in parts]
        draft = Segment(None, own_pages.contents(plan.title, entries, plan.paper, plan.style, plan.language))
        starts = layout([*head, draft, *parts], plan.start_odd)[len(head) + 1:]
        final = own_pages.contents(plan.title, [(s.title or "", start) for s, start in zip(parts, starts, strict=True)],
                                   plan.paper, plan.style, plan.language)
        assert len(_reader(final).pages) == len(_reader(draft.pdf).pages)
        head.append(Segment(None, final))
    return head
