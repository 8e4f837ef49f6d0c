"""The closed question types, for both roles in one place: a handler per detail node type.

`handout` lays out what the student fills in; `scheme` shows the key. Each registered question
type with a detail registers one handler with each (a test checks none is missing).
"""

from __future__ import annotations

import math
from functools import singledispatch

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from worksheets import document as d
from worksheets.document import letters
from worksheets.document.prose import Prose, plain
from worksheets.style.fonts import face_name
from worksheets.writers.pdf.boxes import TickBox
from worksheets.writers.pdf.flow import Paragraph
from worksheets.writers.pdf.prose import GapMarkup, Styles, escape, flowables, plain_markup
from worksheets.writers.wording import numeric_answer

GRID = Color(0.55, 0.55, 0.55)
HEAD_FILL = Color(0.86, 0.86, 0.86)


class MayBreak(Flowable):
    """Zero-size, in a closed question's body: what comes before it stays with the prompt, what follows may
    run on to the next page (a crossword's clues after its grid)."""

    _ZEROSIZE = 1

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


def kept_and_rest(body: list[Flowable]) -> tuple[list[Flowable], list[Flowable]]:
    """A closed question's body as (kept with its prompt, may run on): split at its MayBreak, if any."""
    at = next((i for i, part in enumerate(body) if isinstance(part, MayBreak)), len(body))
    return body[:at], body[at + 1:]


def _cell(prose: Prose, s: Styles) -> list[Flowable]:
    return flowables(prose, s.cell, s.theme) or [Paragraph("", s.cell)]


def _box_size(s: Styles) -> float:
    return s.theme.body * 1.45


def _grid(table: Table, header: bool = False, lines: bool = True) -> Table:
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]
    if lines:
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID))
    if header:
        commands += [("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL), ("BOX", (0, 0), (-1, -1), 0.6, GRID)]
    table.setStyle(TableStyle(commands))
    return table


# --- handout --------------------------------------------------------------------------------


def _text_width(prose: Prose, s: Styles) -> float:
    """The width of the prose's longest line in the cell style."""
    lines = plain(prose).split("\n")
    return max((stringWidth(line, s.cell.fontName, s.cell.fontSize) for line in lines), default=0)


@singledispatch
def handout(detail: object, s: Styles, width: float) -> list[Flowable]:
    """What the student fills in for a closed question (never the answers); one handler per detail type."""
    raise TypeError(f"the PDF handout has no layout for {type(detail).__name__}")


@handout.register
def _choice(c: d.Choice, s: Styles, width: float) -> list[Flowable]:
    box = _box_size(s)
    lw = stringWidth("W", s.label.fontName, s.label.fontSize) + 8
    n = len(c.options)
    text_widths = [_text_width(o, s) for o in c.options]
    column = width / n
    if n <= 5 and all(tw + lw + box + 36 <= column for tw in text_widths):  # cell padding included
        # all options on one row
        cells, widths = [], []
        for i, option in enumerate(c.options):
            cells += [Paragraph(letters(i), s.label), _cell(option, s), TickBox(box)]
            widths += [lw, column - lw - box - 12, box + 12]
        table = Table([cells], colWidths=widths, hAlign="LEFT")
        return [_grid(table, lines=False)]
    rows = [[Paragraph(letters(i), s.label), _cell(option, s), TickBox(box)] for i, option in enumerate(c.options)]
    table = Table(rows, colWidths=[lw, min(width - lw - box - 10, max(text_widths) + 30), box + 10], hAlign="LEFT")
    return [_grid(table, lines=False)]


@handout.register
def _true_false(tf: d.TrueFalse, s: Styles, width: float) -> list[Flowable]:
    box = _box_size(s)
    heads = (s.words("statement"), s.words("true"), s.words("false"))
    col = max(stringWidth(word, s.cell_bold.fontName, s.cell_bold.fontSize) for word in heads[1:]) + 16
    rows: list[list[object]] = [[Paragraph(escape(word), s.cell_bold) for word in heads]]
    for text in tf.statements:
        rows.append([_cell(text, s), TickBox(box), TickBox(box)])
    table = Table(rows, colWidths=[width - 2 * col, col, col], repeatRows=1)
    _grid(table, header=True)
    table.setStyle(TableStyle([("ALIGN", (1, 0), (-1, -1), "CENTER")]))
    return [table]


def _gap_blank(width_chars: int) -> GapMarkup:
    def blank(number: int) -> str:
        return f"<b>({number})</b>\u00a0{'_' * width_chars}"

    return blank


MIN_BLANK_CHARS = 10  # underscores: room for a short word in handwriting
HANDWRITING = 1.8  # how much wider a word is handwritten than printed at the body size


AVERAGE_LETTER = 0.5  # em: a printed letter's width, on average


def blank_chars(longest: int, s: Styles, width: float) -> int:
    """How many underscores every gap of a cloze gets: one width for all, whatever each answer's length,
    wide enough to handwrite the longest (handwriting is wider than print), and never wider than the line.
    Only the longest answer's length is known here: the handout never sees an answer."""
    style = _cloze_style(s)
    underscore = stringWidth("_", style.fontName, style.fontSize)
    room = longest * AVERAGE_LETTER * style.fontSize * HANDWRITING
    number = stringWidth("(000)\u00a0", face_name(s.theme.font, bold=True), style.fontSize)
    fits = int((width - number) // underscore)
    return max(1, min(fits, max(MIN_BLANK_CHARS, math.ceil(room / underscore) + 2)))


def _cloze_style(s: Styles) -> ParagraphStyle:
    return ParagraphStyle("cloze", parent=s.body, leading=s.theme.body * 2.1)


@handout.register
def _cloze(c: d.Cloze, s: Styles, width: float) -> list[Flowable]:
    out = flowables(c.text, _cloze_style(s), s.theme, _gap_blank(blank_chars(c.longest, s, width)))
    if c.word_bank:
        out += [Spacer(1, 4), *word_bank(c.word_bank, s, width)]
    return out


def word_bank(words: tuple[str, ...], s: Styles, width: float) -> list[Flowable]:
    """A boxed row (or rows) of words, each in its own cell so they cannot run together."""
    widest = max(stringWidth(w, s.cell.fontName, s.cell.fontSize) for w in words)
    per_row = max(1, min(len(words), int(width // (widest + 24))))
    cells = [Paragraph(escape(w), s.cell) for w in words]
    rows = [cells[i:i + per_row] + [""] * (per_row - len(cells[i:i + per_row])) for i in range(0, len(cells), per_row)]
    table = Table(rows, colWidths=[width / per_row] * per_row)
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, Color(0, 0, 0)),
                               ("BACKGROUND", (0, 0), (-1, -1), Color(0.93, 0.93, 0.93)),
                               ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return [Paragraph(escape(s.words("word_bank")), s.cell_bold), Spacer(1, 2), table]


@handout.register
def _matching(mt: d.Matching, s: Styles, width: float) -> list[Flowable]:
    box = _box_size(s)
    nw = stringWidth("00.", s.label.fontName, s.label.fontSize) + 6
    answer = tick_row([letters(j) for j in range(len(mt.right))], s) if s.scan else None
    room = answer.minWidth() if answer is not None else box + 8
    half = (width - 2 * nw - room - 16) / 2
    rows = []
    for i in range(max(len(mt.left), len(mt.right))):
        entry = tick_row([letters(j) for j in range(len(mt.right))], s) if s.scan else TickBox(box)
        left = [Paragraph(f"{i + 1}.", s.label), _cell(mt.left[i], s), entry] if i < len(mt.left) else ["", "", ""]
        right = [Paragraph(letters(i), s.label), _cell(mt.right[i], s)] if i < len(mt.right) else ["", ""]
        rows.append([*left, "", *right])
    table = Table(rows, colWidths=[nw, half, room, 16, nw, half])
    return [_grid(table)]


def tick_row(labels: list[str], s: Styles) -> Table:
    """Boxes to tick, each after its label (A B C..., or 1 2 3...): a letter or a number given by a tick, so a
    scan can read it."""
    small = _box_size(s) * 0.8
    cells: list[object] = [x for text in labels for x in (Paragraph(text, s.cell), TickBox(small))]
    label_width = stringWidth("00", s.cell.fontName, s.cell.fontSize) + 6
    table = Table([cells], colWidths=[label_width, small + 8] * len(labels), hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 3), ("ALIGN", (0, 0), (-1, -1), "RIGHT"),
                               *[("ALIGN", (c, 0), (c, 0), "LEFT") for c in range(1, 2 * len(labels), 2)]]))
    return table


@handout.register
def _ordering(o: d.Ordering, s: Styles, width: float) -> list[Flowable]:
    box = _box_size(s)
    nw = stringWidth("W", s.label.fontName, s.label.fontSize) + 10
    places = [str(n + 1) for n in range(len(o.items))]
    room = tick_row(places, s).minWidth() + 8 if s.scan else box + 12
    rows = [[tick_row(places, s) if s.scan else TickBox(box), Paragraph(letters(i), s.label), _cell(item, s)]
            for i, item in enumerate(o.items)]
    table = Table(rows, colWidths=[room, nw, width - room - nw])
    return [_grid(table)]


# --- mark scheme ----------------------------------------------------------------------------


@handout.register
def _numeric(detail: d.Numeric, s: Styles, width: float) -> list[Flowable]:
    return []  # its working space and answer line are the question's answer space


@singledispatch
def scheme(detail: object, s: Styles, width: float) -> list[Flowable]:
    """The answer key of a closed question; one handler per detail type."""
    raise TypeError(f"the PDF mark scheme has no key for {type(detail).__name__}")


@scheme.register
def _numeric_key(detail: d.Numeric, s: Styles, width: float) -> list[Flowable]:
    return [Paragraph(escape(numeric_answer(detail, s.words)), s.subheading)]


@scheme.register
def _choice_key(detail: d.Choice, s: Styles, width: float) -> list[Flowable]:
    picks = ", ".join(letters(i) for i in detail.correct)
    rows = [[Paragraph(letters(i), s.cell_bold), _cell(detail.options[i], s)] for i in detail.correct]
    head = Paragraph(escape(s.words.count("answers_are", len(detail.correct), answer=picks)), s.subheading)
    table = Table(rows, colWidths=[s.theme.body * 2, width - s.theme.body * 2], hAlign="LEFT")
    return [head, _grid(table, lines=False)]


@scheme.register
def _true_false_key(detail: d.TrueFalse, s: Styles, width: float) -> list[Flowable]:
    w = s.words
    col = max(stringWidth(word, s.cell_bold.fontName, s.cell_bold.fontSize) for word in
              (w("answer"), w("true"), w("false"))) + 16
    rows: list[list[object]] = [[Paragraph(escape(w(word)), s.cell_bold) for word in ("statement", "answer")]]
    rows += [[_cell(text, s), Paragraph(escape(w("true") if answer else w("false")), s.cell_bold)]
             for text, answer in zip(detail.statements, detail.answers, strict=True)]
    return [_grid(Table(rows, colWidths=[width - col, col], repeatRows=1), header=True)]


@scheme.register
def _cloze_key(detail: d.Cloze, s: Styles, width: float) -> list[Flowable]:
    filled = flowables(detail.text, _cloze_style(s), s.theme,
                       lambda n: f"<b>({n})\u00a0<u>{escape(detail.answers[n - 1])}</u></b>")
    rows = [[Paragraph(f"({n})", s.cell_bold), Paragraph(escape(a), s.cell)] for n, a in enumerate(detail.answers, 1)]
    key = Table(rows, colWidths=[s.theme.body * 3, width - s.theme.body * 3], hAlign="LEFT")
    return [Paragraph(escape(s.words("answers_each")), s.subheading), _grid(key, lines=False), *filled]


@scheme.register
def _matching_key(detail: d.Matching, s: Styles, width: float) -> list[Flowable]:
    rows = [
        [Paragraph(f"{i + 1}.", s.cell_bold), _cell(left, s), Paragraph(f"→ {letters(detail.key[i])}", s.cell_bold),
         _cell(detail.right[detail.key[i]], s)]
        for i, left in enumerate(detail.left)
    ]
    arrow = stringWidth("→ WW", s.cell_bold.fontName, s.cell_bold.fontSize) + 12
    half = (width - s.theme.body * 2 - arrow) / 2
    return [Paragraph(escape(s.words("pairs_each")), s.subheading),
            _grid(Table(rows, colWidths=[s.theme.body * 2, half, arrow, half]))]


@scheme.register
def _ordering_key(detail: d.Ordering, s: Styles, width: float) -> list[Flowable]:
    sequence = ", ".join(letters(i) for i in detail.order)
    rows = [[Paragraph(f"{n}", s.cell_bold), Paragraph(letters(i), s.cell_bold), _cell(detail.items[i], s)]
            for n, i in enumerate(detail.order, 1)]
    w = s.theme.body * 2.2
    return [Paragraph(plain_markup(s.words("correct_order", order=sequence)), s.subheading),
            _grid(Table(rows, colWidths=[w, w, width - 2 * w], hAlign="LEFT"))]


# the puzzle types' handlers live in a module of their own and register on import
from worksheets.writers.pdf import crossword, label, puzzles  # noqa: E402, F401
