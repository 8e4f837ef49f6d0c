"""Boxes: the square a student ticks (or writes a letter in), and for scan marking (`scan_marking: true`)
each closed question's boxes keyed in reading order and, for each written question or part, a column of
marker's boxes 0, 1, 2... its marks in the right margin beside its answer space, for the teacher to tick."""

from __future__ import annotations

from reportlab.platypus import Flowable, Table

from worksheets import document as d
from worksheets.style.fonts import face_name
from worksheets.style.themes import MM, Theme
from worksheets.style.words import ENGLISH, Words
from worksheets.writers.pdf.flow import Keep, outline
from worksheets.writers.pdf.fonts import draw_text, text_width

Sink = dict[str, tuple[int, float, float, float]]
BOX = 4.5 * MM
GAP = 1.5 * MM


class TickBox(Flowable):
    """An empty square for a tick, a letter or a number; with a `key`, where it lands goes into `sink`
    (scan marking reads it there)."""

    def __init__(self, size: float) -> None:
        super().__init__()
        self.size = size
        self.key: str | None = None
        self.sink: dict[str, tuple[int, float, float, float]] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        outline(self.canv, 0, 0, self.size, self.size, grey=0.1, width=0.7)
        if self.key is not None and self.sink is not None:
            x, y = self.canv.absolutePosition(0, 0)
            self.sink.setdefault(self.key, (self.canv.getPageNumber(), x, y, self.size))


def box_key(number: str, kind: str, index: int) -> str:
    """`box:3:box:0`: the sink key of a question's box (its anchors sit beside the other anchors)."""
    return f"box:{number}:{kind}:{index}"


def _children(flowable: object) -> list[object]:
    if isinstance(flowable, Keep):
        return list(flowable._content)
    if isinstance(flowable, Table):
        return [cell for row in flowable._cellvalues for cell in row]
    if isinstance(flowable, list | tuple):
        return list(flowable)
    return []


def key_tick_boxes(q: d.Question, laid: list[Flowable], sink: Sink) -> None:
    """Give each tick box of the question's layout its key, in reading order (a choice's options, a true-false's
    True and False of each statement in turn)."""
    found: list[TickBox] = []
    stack: list[object] = list(reversed(laid))
    while stack:
        item = stack.pop()
        if isinstance(item, TickBox):
            found.append(item)
        stack.extend(reversed(_children(item)))
    for index, box in enumerate(found):
        box.key, box.sink = box_key(q.number, "box", index), sink


class MarkerBoxes(Flowable):
    """A row of the marker's boxes 0 to `marks`, right-aligned at the foot of a question's answer, labelled with
    the question's number (so it is never mistaken for another's, even at the top of the next page)."""

    def __init__(self, number: str, marks: int, theme: Theme, sink: Sink, label: str) -> None:
        super().__init__()
        self.number, self.marks, self.theme, self.sink = number, marks, theme, sink
        self.label = label  # 'Marker, question 3:', in the page's language

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.width, self.height = availWidth, BOX + 2 * GAP
        return self.width, self.height

    def draw(self) -> None:
        canvas, t = self.canv, self.theme
        size = t.small * 0.85
        regular = face_name(t.font)
        step = BOX + text_width("00", regular, size) + 2 * GAP
        left = self.width - (self.marks + 1) * step
        canvas.saveState()
        canvas.setFillGray(0.35)
        draw_text(canvas, left - GAP, GAP + BOX * 0.25, self.label, regular, size, "right")
        for mark in range(self.marks + 1):
            x = left + mark * step
            draw_text(canvas, x, GAP + BOX * 0.25, str(mark), regular, size)
            box_x = x + text_width("00", regular, size) + GAP / 2
            canvas.setStrokeGray(0.1)
            canvas.setLineWidth(0.7)
            canvas.rect(box_x, GAP, BOX, BOX, stroke=1, fill=0)
            page_x, page_y = canvas.absolutePosition(box_x, GAP)
            self.sink.setdefault(box_key(self.number, "mark", mark), (canvas.getPageNumber(), page_x, page_y, BOX))
        canvas.restoreState()


TICKED = (d.Choice, d.TrueFalse, d.Matching, d.Ordering)
"""The types whose answers are ticks a scan can read (with scan marking, a matching's letters and an ordering's
places are ticked too); every other answer is written, for the marker to mark."""


def marker_boxes(q: d.Question, theme: Theme, sink: Sink | None, words: Words = ENGLISH) -> list[Flowable]:
    """With scan marking (a sink), the marker's boxes of a question answered in writing (each part has its own);
    none for a question in parts, or one answered by ticks."""
    if sink is None or q.parts or isinstance(q.detail, TICKED):
        return []
    return [MarkerBoxes(q.number, q.marks, theme, sink, words("marker", number=q.number))]
