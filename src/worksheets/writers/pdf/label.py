"""Label questions on the page: the picture on the left with a numbered marker at each point, a leader line
from each marker to its numbered answer line on the right, the lines spread so none crowds another; in the
mark scheme the answers are written on the lines."""

from __future__ import annotations

import io
from contextlib import nullcontext
from pathlib import Path

from reportlab.platypus import Flowable, Spacer

from worksheets import document as d
from worksheets.style.fonts import face_name
from worksheets.style.themes import MM
from worksheets.writers.pdf import tagging
from worksheets.writers.pdf.closed import handout, scheme, word_bank
from worksheets.writers.pdf.figure import downsample, figure_content
from worksheets.writers.pdf.flow import MEASURING, measuring_canvas
from worksheets.writers.pdf.fonts import draw_text, text_width
from worksheets.writers.pdf.prose import Styles

COLUMN = 0.38  # of the width: the answer lines' column (never sized by the answers: that would tell them)
COLUMN_LEAST = 11  # text sizes: so large print's lines stay long enough to write on
LEAD_ROOM = 10 * MM  # between the picture and the answer lines, where the leader lines land
TALLEST = 0.5  # of the frame's height, for the picture
LEAST = 0.6  # of its full size: the picture shrinks this far to stay on the page of its prompt


def spread(wanted: list[float], pitch: float, height: float) -> list[float]:
    """Positions (from the top) as near each wanted one as they can be, in order, at least `pitch` apart and
    within `height` (which must hold them all)."""
    out: list[float] = []
    previous = -pitch / 2
    for want in wanted:
        previous = max(want, previous + pitch)
        out.append(previous)
    limit = height - pitch / 2
    for i in reversed(range(len(out))):
        out[i] = min(out[i], limit)
        limit = out[i] - pitch
    return out


class Labelled(Flowable):
    """The picture, its markers and leader lines, and the numbered answer lines (with answers if `solved`)."""

    def __init__(self, label: d.Label, s: Styles, solved: bool, after: tuple[Flowable, ...] = ()) -> None:
        from reportlab.lib.utils import ImageReader

        super().__init__()
        if label.picture.path is None:
            raise ValueError(f"the picture '{label.picture.name}' was not checked")
        self.label, self.theme, self.solved, self.after = label, s.theme, solved, after
        self.data = Path(label.picture.path).read_bytes()
        self.pixels = ImageReader(io.BytesIO(self.data)).getSize()
        self.drawn: tuple[float, float, bytes] | None = None
        self.slots: list[float] = []
        self.column = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        w, h = self.pixels
        frame = getattr(self, "_frame", None)
        tallest = (frame._height if frame is not None else availWidth * 1.4) * TALLEST
        self.column = max(availWidth * COLUMN, min(availWidth * 0.5, self.theme.body * COLUMN_LEAST))
        largest = min((availWidth - self.column - LEAD_ROOM) / w, tallest / h)
        if availHeight >= MEASURING:  # measured in the prompt's Keep: claim the least, so it stays with the prompt
            scale = largest * LEAST
        else:  # as large as fits above what follows (the word bank), down to LEAST
            below = sum(f.wrapOn(measuring_canvas(), availWidth, MEASURING)[1] for f in self.after)
            scale = max(largest * LEAST, min(largest, (availHeight - below - self.theme.body * 2) / h))
        if self.drawn is None or abs(self.drawn[0] - w * scale) > 0.01:
            self.drawn = (w * scale, h * scale, downsample(self.data, w * scale))
        pitch = self.theme.line_pitch  # as far apart as writing lines (wider in the support tier)
        self.width = availWidth
        self.height = max(self.drawn[1], pitch * len(self.label.at))
        self.slots = spread([y * self.drawn[1] for _, y in self.label.at], pitch, self.height)
        return self.width, self.height

    def draw(self) -> None:
        from reportlab.lib.utils import ImageReader

        assert self.drawn is not None
        canvas, t = self.canv, self.theme
        pw, ph, data = self.drawn
        top = self.height
        with figure_content(canvas, self.label.picture.alt):
            canvas.drawImage(ImageReader(io.BytesIO(data)), 0, top - ph, pw, ph, mask="auto")
        column = self.width - self.column
        number_width = text_width("00", face_name(t.font, bold=True), t.body) + t.body * 0.5
        radius, size = t.body * 0.62, t.body * 0.8
        for i, ((x, y), slot) in enumerate(zip(self.label.at, self.slots, strict=True)):
            mx, my, baseline = x * pw, top - y * ph, top - slot - t.body * 0.4
            end = (column - 2, baseline + t.body * 0.35)
            for grey, weight in ((1, 2.6), (0, 0.7)):  # a white edge keeps the line clear across dark parts
                canvas.setStrokeGray(grey)
                canvas.setLineWidth(weight)
                canvas.line(mx, my, *end)
            canvas.setFillGray(1)
            canvas.circle(mx, my, radius, stroke=1, fill=1)
            canvas.setFillGray(0)
            draw_text(canvas, mx, my - size * 0.35, str(i + 1), face_name(t.font, bold=True), size, align="centre")
            canvas.setStrokeGray(t.rule_grey)
            canvas.setLineWidth(0.5)
            canvas.line(column + number_width, baseline - 2, self.width, baseline - 2)
            solved = self.solved and bool(self.label.answers)
            with tagging.content(canvas, "P") if solved else nullcontext():  # the mark scheme's answers are read
                canvas.setFillGray(0)
                draw_text(canvas, column, baseline, str(i + 1), face_name(t.font, bold=True), t.body)
                if solved:
                    start = column + number_width
                    self._answer(self.label.answers[i], start + 2, baseline, self.width - start)

    def _answer(self, text: str, x: float, baseline: float, room: float) -> None:
        font = face_name(self.theme.font, bold=True)
        size = self.theme.body
        while size > 6 and text_width(text, font, size) > room - 4:
            size -= 0.5
        self.canv.setFillGray(0)
        draw_text(self.canv, x, baseline, text, font, size)


@handout.register
def _label(label: d.Label, s: Styles, width: float) -> list[Flowable]:
    bank = [Spacer(1, s.theme.body * 0.8), *word_bank(label.word_bank, s, width)] if label.word_bank else []
    return [Labelled(label, s, solved=False, after=tuple(bank)), *bank]


@scheme.register
def _label_key(label: d.Label, s: Styles, width: float) -> list[Flowable]:
    return [Labelled(label, s, solved=True)]
