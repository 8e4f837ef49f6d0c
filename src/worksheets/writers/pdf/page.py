"""Pages: paper size, margins, running header, and a footer with "Page X of Y".

The footer needs the page count, so pages are kept until the end and the
furniture is drawn on each as it is finally written.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4, A5, letter
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, PageTemplate, Spacer
from reportlab.platypus.doctemplate import LayoutError

from worksheets.style.fonts import face_name
from worksheets.style.themes import Theme
from worksheets.style.words import ENGLISH, Words
from worksheets.writers.pdf import tagging
from worksheets.writers.pdf.flow import Keep
from worksheets.writers.pdf.fonts import draw_text, text_width

PAPERS = {"A4": A4, "letter": letter, "A5": A5}  # A5: the pages of an a5-booklet


@dataclass(frozen=True)
class Furniture:
    """What every page carries besides its content."""

    theme: Theme
    header_left: str  # running title, from page 2
    header_right: str
    footer_left: str  # discreet version code
    turn_over: bool  # "Turn over" at the foot of right-hand pages that are not the last
    first_page_header: bool = False
    page_numbers: bool = True  # False in a booklet, which numbers its pages continuously itself
    scan: str = ""  # the copy a page is of, for its QR code and corner marks ('': not marked from scans)
    words: Words = ENGLISH  # "Page 1 of 4" and "Turn over" in the document's language
    margin: str = ""  # printed down the right margin of every page (an exam board's "Do not write outside the box")
    both_margins: bool = False  # and down the left one too


class _DeferredCanvas(Canvas):
    """Holds every page until save(), so each footer can say "Page X of Y"."""

    def __init__(self, *args: object, furniture: Furniture, tagger: tagging.Tagger | None = None,
                 **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.setNamedCB("formula", _formula_reading)
        self._furniture = furniture
        self._held: list[dict[str, object]] = []
        self.tagger = tagger

    def drawImage(self, image: Any, x: float, y: float, *args: Any, **kwargs: Any) -> Any:
        """A formula travels through a paragraph as an inline image: it draws itself."""
        draw = getattr(image, "draw_at", None)
        if draw is not None:
            return draw(self, x, y)
        return super().drawImage(image, x, y, *args, **kwargs)

    def showPage(self) -> None:  # reportlab's name
        self._held.append(dict(self.__dict__))
        self.__dict__.pop("_opens_page", None)  # said of the page it was drawn on only
        self._startPage()

    def save(self) -> None:
        total = len(self._held)
        carried: str | None = None  # the running label in force where each page begins
        for number, state in enumerate(self._held, start=1):
            self.__dict__.update(state)
            with tagging.artifact(self):
                _draw_furniture(self, self._furniture, number, total, None if state.get("_opens_page") else carried)
            label = state.get("_running_label")
            carried = label if isinstance(label, str) else None
            Canvas.showPage(self)
        if self.tagger is not None:
            tagging.structure(self, self.tagger)
        Canvas.save(self)


def _formula_reading(canvas: Canvas, kind: str, formula: object) -> None:
    """Writes a formula's searchable reading where it stands (imported only when a page has one)."""
    from worksheets.writers.pdf.maths import write_reading

    write_reading(canvas, kind, formula)  # type: ignore[arg-type]


def _margin_words(canvas: Canvas, f: Furniture, width: float, height: float, font: str, size: float) -> None:
    """The margin words, reading upwards, centred down the right margin (and the left one, if asked)."""
    t = f.theme
    sides = [width - t.margin_right / 2] + ([t.margin_left / 2] if f.both_margins else [])
    for x in sides:
        canvas.saveState()
        canvas.translate(x + size / 3, height / 2)
        canvas.rotate(90)
        draw_text(canvas, 0, 0, f.margin, font, size, "centre")
        canvas.restoreState()


def _draw_furniture(canvas: Canvas, f: Furniture, number: int, total: int, running: str | None = None) -> None:
    t = f.theme
    width, height = canvas._pagesize
    canvas.saveState()
    size = t.small
    regular, bold = face_name(t.font), face_name(t.font, bold=True)
    foot_y = t.margin_bottom - size * 2.2
    canvas.setFillGray(0.15)
    if f.page_numbers:
        draw_text(canvas, width / 2, foot_y, f.words("page_of", page=number, pages=total), regular, size, "centre")
    if f.footer_left:
        draw_text(canvas, t.margin_left, foot_y, f.footer_left, regular, size)
    if f.margin:
        _margin_words(canvas, f, width, height, regular, size)
    if f.turn_over and number < total and number % 2 == 1:
        draw_text(canvas, width - t.margin_right, foot_y, f.words("turn_over"), bold, size, "right")
    if number > 1 or f.first_page_header:
        head_y = height - t.margin_top + size * 1.4
        full = width - t.margin_left - t.margin_right
        right = " · ".join(x for x in (running, f.header_right) if x)
        gap = size * 2
        if right and text_width(f.header_left, regular, size) + gap + text_width(right, regular, size) > full:
            # both do not fit on one line: the title goes on a line of its own above, so neither is cut short
            # (unless one alone is wider than the page)
            draw_text(canvas, t.margin_left, head_y + size * 1.25, _fit(f.header_left, regular, size, full), regular,
                      size)
            draw_text(canvas, width - t.margin_right, head_y, _fit(right, regular, size, full), regular, size, "right")
        else:
            draw_text(canvas, t.margin_left, head_y, _fit(f.header_left, regular, size, full), regular, size)
            if right:
                draw_text(canvas, width - t.margin_right, head_y, right, regular, size, "right")
        canvas.setStrokeGray(0.6)
        canvas.setLineWidth(0.5)
        canvas.line(t.margin_left, head_y - size * 0.45, width - t.margin_right, head_y - size * 0.45)
    canvas.restoreState()
    if f.scan:
        from worksheets.writers.pdf import scanmarks

        scanmarks.draw(canvas, f.scan, number)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """The text, cut short with an ellipsis if it is wider than `width`."""
    if text_width(text, font, size) <= width:
        return text
    while text and text_width(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _tint(theme: Theme) -> Callable[[Canvas, BaseDocTemplate], None]:
    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        if theme.page_tint is not None:
            with tagging.artifact(canvas):
                canvas.saveState()
                canvas.setFillColorRGB(*theme.page_tint)
                width, height = canvas._pagesize
                canvas.rect(0, 0, width, height, stroke=0, fill=1)
                canvas.restoreState()

    return on_page


def frame_size(paper: str, theme: Theme) -> tuple[float, float]:
    """Width and height of the text frame on this paper."""
    width, height = PAPERS[paper]
    return width - theme.margin_left - theme.margin_right, height - theme.margin_top - theme.margin_bottom


STEPS_A_FLOWABLE = 50
"""How many times reportlab may place or split pieces, per flowable handed to it (plus STEPS_AT_LEAST), before
a layout that goes round in circles is given up as one that cannot fit a page: a bounded time, never a hang
(real worksheets take two or three steps a flowable)."""
STEPS_AT_LEAST = 5_000


class _Bounded(BaseDocTemplate):
    """reportlab's document template, with a bound on its steps (see STEPS_A_FLOWABLE)."""

    def build(self, flowables: list[Flowable], *args: Any, **kwargs: Any) -> None:
        self._steps_left = STEPS_A_FLOWABLE * len(flowables) + STEPS_AT_LEAST
        super().build(flowables, *args, **kwargs)

    def handle_flowable(self, flowables: list[Flowable]) -> None:
        self._steps_left -= 1
        if self._steps_left < 0:
            raise LayoutError("the layout does not come to an end")
        super().handle_flowable(flowables)


def build_pdf(flowables: list[Flowable], paper: str, furniture: Furniture, title: str, subject: str) -> bytes:
    """Lay out flowables on pages and return the PDF bytes (deterministic: no dates or random ids)."""
    t = furniture.theme
    pagesize = PAPERS[paper]
    buffer = io.BytesIO()
    doc = _Bounded(
        buffer, pagesize=pagesize, leftMargin=t.margin_left, rightMargin=t.margin_right, topMargin=t.margin_top,
        bottomMargin=t.margin_bottom, title=title, subject=subject, author="", creator="worksheets",
        producer="worksheets", invariant=1, pageCompression=1, initialFontName=face_name(t.font),
        initialFontSize=t.body, keepTogetherClass=Keep,  # headings kept with what follows, without frame copies
        lang=furniture.words.language, displayDocTitle=1,  # a screen reader's language; a viewer shows the title
    )
    width, height = frame_size(paper, t)
    frame = tagging.TaggedFrame(t.margin_left, t.margin_bottom, width, height, id="body", leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate("page", [frame], onPage=_tint(t))])
    while flowables and isinstance(flowables[-1], Spacer):  # a gap after the end would start an empty page
        flowables = flowables[:-1]
    tagger = tagging.Tagger()
    doc.build(flowables, canvasmaker=partial(_DeferredCanvas, furniture=furniture, tagger=tagger))
    return buffer.getvalue()
