"""Crosswords on the page: the squares with their numbers (no black fill, so a copier uses no toner on the
rest), the clues under Across and Down side by side; in the mark scheme the grid solved, letters bold."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from worksheets import document as d
from worksheets.style.fonts import face_name
from worksheets.writers.pdf.closed import MayBreak, handout, scheme
from worksheets.writers.pdf.flow import MEASURING, Keep, Paragraph, measuring_canvas
from worksheets.writers.pdf.fonts import draw_text
from worksheets.writers.pdf.prose import Styles, escape, flowables

LINE = 0.8  # the squares' edges: dark enough to copy, as a printed crossword's are
LARGEST = 2.3  # a square's side, in text sizes (9 mm in standard): room for a capital written by hand
SMALLEST = 1.8  # and the least it shrinks to (7 mm), so grid and clues share a page
AFTER = 4.0  # text sizes kept free under the clues: the gap after a question, and the end marker


class Grid(Flowable):
    """The crossword's squares, as large as the text size suggests and the width allows, and small enough
    (down to SMALLEST) for the flowables `after` it (the clues) to fit on the page below it."""

    def __init__(self, puzzle: d.Crossword, s: Styles, solved: bool, after: tuple[Flowable, ...] = ()) -> None:
        super().__init__()
        self.puzzle, self.solved, self.theme, self.after = puzzle, solved, s.theme, after
        self.numbers = {(r, c): n for r, c, n in puzzle.numbers}
        self.cell = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        rows, cols = len(self.puzzle.rows), len(self.puzzle.rows[0])
        body = self.theme.body
        largest, smallest = min(body * LARGEST, availWidth / cols), min(body * SMALLEST, availWidth / cols)
        below = sum(f.wrapOn(measuring_canvas(), availWidth, MEASURING)[1] for f in self.after) + body * AFTER
        if availHeight >= MEASURING:
            # measured inside the prompt's Keep: claim the least grid and its clues, so that the question moves to
            # the next page whole unless all of it fits here
            self.cell = smallest
            self.width, self.height = cols * smallest, rows * smallest
            return self.width, self.height + (below if self.after else 0)
        self.cell = max(smallest, min(largest, (availHeight - below) / rows))
        self.width, self.height = cols * self.cell, rows * self.cell
        return self.width, self.height

    def draw(self) -> None:
        canvas, cell, t = self.canv, self.cell, self.theme
        number_size = max(5.5, cell * 0.3, t.small * 0.55)
        canvas.setLineWidth(LINE)
        canvas.setStrokeGray(0)
        for r, row in enumerate(self.puzzle.rows):
            for c, char in enumerate(row):
                if char == ".":
                    continue
                x, y = c * cell, self.height - (r + 1) * cell
                canvas.setFillGray(1)
                canvas.rect(x, y, cell, cell, stroke=1, fill=1)
                canvas.setFillGray(0)
                number = self.numbers.get((r, c))
                if number is not None:
                    draw_text(canvas, x + cell * 0.07, y + cell - number_size * 0.95, str(number),
                              face_name(t.font), number_size)
                if self.solved and char != "_":
                    size = cell * 0.5
                    draw_text(canvas, x + cell / 2, y + cell * 0.22, char, face_name(t.font, bold=True), size,
                              align="centre")


def _clues(puzzle: d.Crossword, s: Styles, width: float) -> list[Table]:
    """Across and Down side by side, each row of clues its own table (same columns), so the list can run
    on to the next page a row at a time and the end marker keeps only the last row with it."""
    number_width = s.theme.body * 2
    half = width / 2

    def cells(clues: tuple[d.Clue, ...], i: int) -> list[object]:
        if i >= len(clues):
            return ["", ""]
        return [Paragraph(f"<b>{clues[i].number}</b>", s.cell), flowables(clues[i].clue, s.cell, s.theme)]

    def row(cells_: list[object], head: bool = False) -> Table:
        table = Table([cells_], colWidths=[number_width, half - number_width] * 2, hAlign="LEFT")
        spans = [("SPAN", (0, 0), (1, 0)), ("SPAN", (2, 0), (3, 0))] if head else []
        table.setStyle(TableStyle([*spans, ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                   ("RIGHTPADDING", (1, 0), (1, 0), s.theme.body), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                   ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
        return table

    head = row([Paragraph(escape(s.words("across")), s.cell_bold), "", Paragraph(escape(s.words("down")), s.cell_bold),
                ""], head=True)
    rows = [row(cells(puzzle.across, i) + cells(puzzle.down, i))
            for i in range(max(len(puzzle.across), len(puzzle.down)))]
    return [head, *rows]


@handout.register
def _crossword(puzzle: d.Crossword, s: Styles, width: float) -> list[Flowable]:
    head, *rows = _clues(puzzle, s, width)
    gap = Spacer(1, s.theme.body * 0.8)
    grid = Grid(puzzle, s, solved=False, after=(gap, head, *rows))  # measured plainly: a Keep claims a page
    return [grid, MayBreak(), gap, Keep([head, rows[0]]), *rows[1:]]


@scheme.register
def _crossword_key(puzzle: d.Crossword, s: Styles, width: float) -> list[Flowable]:
    def listed(clues: tuple[d.Clue, ...]) -> str:
        return ", ".join(f"{c.number}&nbsp;{escape(c.answer)}" for c in clues)

    out: list[Flowable] = [Paragraph(escape(s.words("grid_each")), s.subheading), Grid(puzzle, s, solved=True),
                           Spacer(1, s.theme.body * 0.5)]
    if puzzle.across:
        out.append(Paragraph(f"<b>{escape(s.words('across'))}:</b> {listed(puzzle.across)}", s.cell))
    if puzzle.down:
        out.append(Paragraph(f"<b>{escape(s.words('down'))}:</b> {listed(puzzle.down)}", s.cell))
    return out
