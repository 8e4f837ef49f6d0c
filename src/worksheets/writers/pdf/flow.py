"""Flowables of our own: paragraphs that remember their line breaks, ruled answer lines, answer
boxes, and boxed panels."""

from __future__ import annotations

from functools import cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Indenter, KeepTogether, ListFlowable, Spacer
from reportlab.platypus import Paragraph as _Paragraph

from worksheets.writers.pdf import tagging
from worksheets.writers.pdf.fonts import draw_text, with_fallback

MIN_RUN = 4  # fewest answer lines left on either side of a page break


HEADINGS = {"title": "H1", "heading": "H2", "subheading": "H3"}
"""The structure type of a paragraph in each heading style (the style's name): every other paragraph is P."""


class Paragraph(_Paragraph):
    """reportlab's Paragraph, breaking its lines once per width.

    Tables, KeepTogether and page splitting wrap the same paragraph at the same width several
    times; line breaking is most of the time spent laying out a page, so it is done once. Characters
    the style's font lacks are set in the symbol fallback."""

    def __init__(self, text: str | None, style: Any, *args: Any, **kwargs: Any) -> None:
        # reportlab makes the halves of a split paragraph from their fragments, with no text
        super().__init__(text if text is None else with_fallback(text, style.fontName), style, *args, **kwargs)
        if text is not None and "<onDraw" in text:
            from worksheets.writers.pdf.maths import resolve

            frags = resolve(self.__dict__["frags"])
            if frags is not None:  # a tall formula opens its line up rather than overprint the one above
                self.frags = frags
                self.style = ParagraphStyle(f"{style.name}-maths", parent=style, autoLeading="max")

    tag = ""
    """Its structure type in the tagged PDF ('': by its style, HEADINGS or P; Formula for displayed maths)."""
    alt: str | None = None
    """Its alternative text (a displayed formula's reading)."""

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # reportlab's names
        if tagging.tagger_of(canvas) is None or self._empty():
            super().drawOn(canvas, x, y, _sW)
            return
        tagging.space_line_ends(self.__dict__.get("blPara"))
        with tagging.content(canvas, self.tag or HEADINGS.get(self.style.name, "P"), self.alt):
            super().drawOn(canvas, x, y, _sW)

    def _empty(self) -> bool:
        """Nothing to read (an empty cell's paragraph): drawn as part of the page, not as a paragraph."""
        return not any(isinstance(f, list) or getattr(f, "text", "") or getattr(f, "cbDefn", None)
                       for f in self.frags)  # a list: a formula's words, made by maths.resolve

    def drawPara(self, debug: int = 0) -> None:
        """Reportlab sets a paragraph's first line one font size below its top, whatever the line holds; a
        formula taller than the text (a stacked fraction) would rise above the paragraph, so that line is
        lowered by the difference, into the room its height already holds."""
        if getattr(self.style, "autoLeading", "") == "max":
            from worksheets.writers.pdf.maths import first_line_rise

            rise = first_line_rise(self)
            if rise > 0:
                self.canv.translate(0, -rise)
        super().drawPara(debug)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        cache: dict[float, tuple[tuple[float, float], Any, Any]] = self.__dict__.setdefault("_wrapped", {})
        if availWidth not in cache:
            size: tuple[float, float] = super().wrap(availWidth, availHeight)
            cache[availWidth] = (size, self.__dict__.get("_wrapWidths"), self.__dict__.get("blPara"))
            return size
        size, self.__dict__["_wrapWidths"], self.__dict__["blPara"] = cache[availWidth]
        self.width, self.height = size
        return size


def tagged(paragraph: Paragraph, role: str, alt: str | None = None) -> Paragraph:
    """The paragraph, tagged as `role` (H1-H3 for headings, Formula) with its alternative text."""
    paragraph.tag, paragraph.alt = role, alt
    return paragraph


class _Unframed:
    """Measures its content without reportlab's deep copy of the page frame.

    KeepTogether and ListFlowable deep-copy the frame at every measurement, in case their
    content adds generated content to the frame; none of ours does, and the copies were a
    tenth of the time spent laying out a long mark scheme."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if getattr(self, "canv", None) is None:  # a table splitting a cell wraps its content without a canvas
            self.canv = measuring_canvas()
        template: Any = getattr(self.canv, "_doctemplate", None)
        frame = getattr(template, "frame", None)
        if frame is None:
            return super().wrap(availWidth, availHeight)  # type: ignore[misc]
        template.frame = None
        try:
            return super().wrap(availWidth, availHeight)  # type: ignore[misc]
        finally:
            template.frame = frame


class Keep(_Unframed, KeepTogether):
    """reportlab's KeepTogether, measured without copying the frame, and nestable: measured inside another
    Keep (reportlab measures a list's members against an endless height) it gives its real height, not
    reportlab's "endless" that makes every outer Keep start a new page."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight)
        return (width, self._H) if availHeight >= MEASURING else (width, height)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        if frame is not None:  # reportlab's frame splits at its full width, ignoring an Indenter in force
            availWidth = frame._getAvailableWidth()
        parts: list[Flowable] = super().split(availWidth, availHeight)
        if availHeight >= self._H:  # all of it goes here: a nested Keep is placed as its content
            return unnested(parts)
        return parts


class Together(Keep):
    """Content kept on one page only where a page can hold it all: taller than a page, it is not moved to a
    new page first (as a Keep would be) but flows from where it stands."""

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        if frame is not None:
            self.wrap(frame._getAvailableWidth(), availHeight)
            if frame._height < self._H:  # an action first, so reportlab lays out the rest one by one
                from reportlab.platypus.doctemplate import NullActionFlowable

                return [NullActionFlowable(), *self._content]
        return super().split(availWidth, availHeight)


def unnested(flowables: list[Flowable]) -> list[Flowable]:
    """The flowables with each Keep replaced by its content: a table cell cannot keep anything together."""
    return [g for f in flowables for g in (unnested(f._content) if isinstance(f, Keep) else [f])]


MEASURING = 0xFFFFFFF
"""The height reportlab's _listWrapOn measures a list's members against: a flowable wrapped with at least this
is being measured inside a Keep, not laid out on a page."""


class Bullets(_Unframed, ListFlowable):
    """reportlab's ListFlowable, measured without copying the frame; tagged as a list (L) of items (LI)."""

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # reportlab's names
        if tagging.tagger_of(canvas) is None:
            super().drawOn(canvas, x, y, _sW)
            return
        with tagging.group(canvas, "L"):
            ListFlowable.drawOn(self, canvas, x, y, _sW, content=[tagging.ListItem(c) for c in self._content])


def keep_tail(out: list[Flowable], following: list[Flowable]) -> None:
    """Append `following` to `out`, kept on one page with the end of `out` (the end marker with the last
    question, a question's last part with the part before). Answer lines that run on keep only their last
    few lines with it (split off here), so the rest still fills the page before instead of moving whole."""
    index = len(out) - 1
    while index > 0 and isinstance(out[index], Spacer | Indenter):  # nothing to keep with: look past it
        index -= 1
    if index < 0:
        out += following
        return
    last = out[index]
    if isinstance(last, AnswerLines) and last.lines > 2 * MIN_RUN:
        tail = AnswerLines(MIN_RUN, last.pitch, last.grey, last.indent, 0.0, last.continued, last.font,
                           label_at_top=True)
        out[index:index + 1] = [AnswerLines(last.lines - MIN_RUN, last.pitch, last.grey, last.indent, last.first_gap,
                                            last.continued, last.font, last.label_at_top), tail]
        index += 1
    # one Keep, not keepWithNext flags: reportlab does not join a Keep to its neighbours by those
    out[index:] = [Keep([*out[index:], *following])]


def outline(canvas, x: float, y: float, w: float, h: float, grey: float, width: float) -> None:  # type: ignore[no-untyped-def]
    """An empty rectangle in one grey and line width, leaving the canvas state as it was."""
    canvas.saveState()
    canvas.setStrokeGray(grey)
    canvas.setLineWidth(width)
    canvas.rect(x, y, w, h, stroke=1, fill=0)
    canvas.restoreState()


class AnswerLines(Flowable):
    """Ruled writing lines; splits between lines at a page break, never mid-line."""

    def __init__(
        self, lines: int, pitch: float, grey: float, indent: float = 0.0, first_gap: float = 0.0,
        continued: str = "", font: tuple[str, float] = ("Sans-Italic", 9), label_at_top: bool = False,
    ) -> None:
        super().__init__()
        self.lines = lines
        self.pitch = pitch
        self.grey = grey
        self.indent = indent
        self.first_gap = first_gap
        self.continued = continued  # label printed above lines carried on to a new page
        self.font = font
        self.label = ""
        self.label_at_top = label_at_top  # lines that run on: say whose they are when they open a page

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        frame = getattr(self, "_frame", None)
        if self.label_at_top and self.continued and not self.label and frame is not None and frame._atTop:
            self.label = self.continued
            self.first_gap = max(self.first_gap, self.font[1] * 0.6)
        self.width = avail_width
        self.height = self.lines * self.pitch + self.first_gap
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int((avail_height - self.first_gap) // self.pitch)
        fits = min(fits, self.lines - MIN_RUN)  # never leave a stub of a line or two for the next page
        if fits < MIN_RUN:
            return []
        head = AnswerLines(fits, self.pitch, self.grey, self.indent, self.first_gap, self.continued, self.font)
        head.label = self.label
        tail = AnswerLines(self.lines - fits, self.pitch, self.grey, self.indent, self.font[1] * 0.6, self.continued,
                           self.font)
        tail.label = self.continued
        return [head, tail]

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        if self.label:
            canvas.setFillGray(0.3)
            draw_text(canvas, self.indent, self.height - self.font[1], self.label, *self.font)
        canvas.setStrokeGray(self.grey)
        canvas.setLineWidth(0.5)
        for i in range(self.lines):
            y = self.height - self.first_gap - (i + 1) * self.pitch
            canvas.line(self.indent, y, self.width, y)
        canvas.restoreState()


class AnswerBox(Flowable):
    """An empty bordered box to write or draw in; never taller than the frame."""

    def __init__(self, height: float, indent: float = 0.0, max_height: float | None = None) -> None:
        super().__init__()
        self.box_height = min(height, max_height) if max_height else height
        self.indent = indent

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = self.box_height + 4
        return self.width, self.height

    def draw(self) -> None:
        outline(self.canv, self.indent, 0, self.width - self.indent, self.box_height, grey=0.45, width=0.6)


class Anchor(Flowable):
    """Records where it is drawn (page, x, y, width) into `sink[key]`: e.g. the Name field's line,
    so a class set can print each student's name there without rendering the page again."""

    def __init__(self, key: str, sink: dict[str, tuple[int, float, float, float]], height: float = 1.0) -> None:
        super().__init__()
        self.key = key
        self.sink = sink
        self.anchor_height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.anchor_height

    def draw(self) -> None:
        x, y = self.canv.absolutePosition(0, 0)
        self.sink.setdefault(self.key, (self.canv.getPageNumber(), x, y, self.width))


class RunningLabel(Flowable):
    """Zero-size: sets the label a page starting after this point carries in its header
    (e.g. "Question 11 continued" on a mark scheme page that opens mid-question); None clears it. One drawn before
    anything else on its page (a question's end carried over, or its start) means that page opens mid-question
    for nobody, so its own header carries no label."""

    _ZEROSIZE = 1

    def __init__(self, label: str | None) -> None:
        super().__init__()
        self.label = label

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        frame = getattr(self, "_frame", None)  # reportlab's: the frame adding this flowable
        if frame is not None and frame._atTop:
            self.canv._opens_page = True
        self.canv._running_label = self.label


class Beside(Flowable):
    """Wraps a flowable (a column of boxes) so platypus' ImageAndFlowables can float it beside text."""

    def __init__(self, content: Flowable) -> None:
        super().__init__()
        self.content = content
        self.size = (0.0, 0.0)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        canvas = getattr(self, "canv", None) or measuring_canvas()
        self.size = self.content.wrapOn(canvas, avail_width, avail_height)
        return self.size

    def _restrictSize(self, avail_width: float, avail_height: float) -> tuple[float, float]:  # reportlab's name
        return self.size

    def _unRestrictSize(self) -> None:  # reportlab's name
        pass

    def draw(self) -> None:
        self.content.drawOn(self.canv, 0, 0)


@cache
def measuring_canvas():  # type: ignore[no-untyped-def]
    """A canvas that is never saved, for measuring flowables outside layout."""
    import io

    from reportlab.pdfgen.canvas import Canvas

    return Canvas(io.BytesIO())
