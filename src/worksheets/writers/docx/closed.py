"""The closed question types in Word, for both roles: `handout` lays out what the student fills in (tick
boxes, true/false tables, cloze blanks, matching and ordering boxes), never an answer; `scheme` writes the
key. One handler per detail type in each (the puzzles' are in `puzzles`)."""

from __future__ import annotations

import math
from functools import singledispatch
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from worksheets import document as d
from worksheets.document import letters
from worksheets.writers.docx import prose, spaces
from worksheets.writers.docx.elements import first_paragraph, run
from worksheets.writers.docx.ooxml import cell_at, grey, set_style, shade, table_borders, valign
from worksheets.writers.docx.prose import Place
from worksheets.writers.wording import numeric_answer

TICK_BOX = "☐"
CHAR = 0.6  # ems: a printed character's width, roughly, for sizing columns


def text_cell(table: Any, r: int, c: int, text: str, bold: bool = False, centre: bool = False,
              size: float | None = None) -> Any:
    """A cell holding one line of text."""
    cell = cell_at(table, r, c)
    valign(cell)
    paragraph = first_paragraph(cell)
    set_style(paragraph, "Cell")
    if centre:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    made = run(paragraph, text, bold=bold or None)
    if size:
        made.font.size = Pt(size)
    return cell


def prose_cell(table: Any, r: int, c: int, text: d.Prose, place: Place, width: float) -> Any:
    """A cell holding prose."""
    cell = cell_at(table, r, c)
    valign(cell)
    prose.write(text, place.cell(cell, width))
    prose.tidy(cell)
    return cell


def tick(table: Any, r: int, c: int, place: Place) -> None:
    """A tick box, a little larger than the text."""
    text_cell(table, r, c, TICK_BOX, centre=True, size=place.w.theme.body * 1.4)


def longest(items: tuple[d.Prose, ...], place: Place) -> float:
    """The printed width of the longest line of any item, roughly, points."""
    lines = [line for item in items for line in d.plain(item).split("\n")]
    return max((len(line) for line in lines), default=1) * place.w.theme.body * CHAR


@singledispatch
def handout(detail: object, place: Place) -> None:
    """What the student fills in for a closed question (never the answers); one handler per detail type."""
    raise TypeError(f"the Word handout has no layout for {type(detail).__name__}")


@singledispatch
def scheme(detail: object, place: Place) -> None:
    """The answer key of a closed question; one handler per detail type."""
    raise TypeError(f"the Word mark scheme has no key for {type(detail).__name__}")


@handout.register
def _choice(c: d.Choice, place: Place) -> None:
    t = place.w.theme
    lw, bw = t.body * 2, t.body * 2.6
    option_w = min(place.width - lw - bw, longest(c.options, place) + 30)
    table = place.table(len(c.options), [lw, option_w, bw])
    for i, option in enumerate(c.options):
        text_cell(table, i, 0, letters(i), bold=True)
        prose_cell(table, i, 1, option, place, option_w)
        tick(table, i, 2, place)


@scheme.register
def _choice_key(c: d.Choice, place: Place) -> None:
    picks = ", ".join(letters(i) for i in c.correct)
    place.para("Heading 3", place.w.words.count("answers_are", len(c.correct), answer=picks))
    lw = place.w.theme.body * 2
    table = place.table(len(c.correct), [lw, place.width - lw])
    for r, i in enumerate(c.correct):
        text_cell(table, r, 0, letters(i), bold=True)
        prose_cell(table, r, 1, c.options[i], place, place.width - lw)


def _ruled(table: Any) -> None:
    table_borders(table, 0.5, grey(0.55))


@handout.register
def _true_false(tf: d.TrueFalse, place: Place) -> None:
    col = place.w.theme.body * 4.2
    table = place.table(1 + len(tf.statements), [place.width - 2 * col, col, col])
    _ruled(table)
    for c, word in enumerate((place.w.words("statement"), place.w.words("true"), place.w.words("false"))):
        shade(text_cell(table, 0, c, word, bold=True, centre=c > 0), grey(0.86))
    for r, text in enumerate(tf.statements, 1):
        prose_cell(table, r, 0, text, place, place.width - 2 * col)
        tick(table, r, 1, place)
        tick(table, r, 2, place)


@scheme.register
def _true_false_key(tf: d.TrueFalse, place: Place) -> None:
    col = place.w.theme.body * 5
    table = place.table(1 + len(tf.statements), [place.width - col, col])
    _ruled(table)
    for c, word in enumerate((place.w.words("statement"), place.w.words("answer"))):
        shade(text_cell(table, 0, c, word, bold=True), grey(0.86))
    for r, (text, answer) in enumerate(zip(tf.statements, tf.answers, strict=True), 1):
        prose_cell(table, r, 0, text, place, place.width - col)
        text_cell(table, r, 1, place.w.words("true") if answer else place.w.words("false"), bold=True)


MIN_BLANK = 10  # underscores: room for a short word in handwriting
HANDWRITING = 1.8  # how much wider a word is handwritten than printed
UNDERSCORE = 0.556  # ems: an underscore's width in Arial


def blank_chars(longest_answer: int, place: Place) -> int:
    """How many underscores every gap gets: one width for all, sized by the longest answer's length alone
    (the handout never sees an answer), never wider than the line."""
    room = longest_answer * 0.5 * HANDWRITING / UNDERSCORE
    fits = int(place.width / (place.w.theme.body * UNDERSCORE)) - 6
    return max(1, min(fits, max(MIN_BLANK, math.ceil(room) + 2)))


def _spaced(written: list[Any], place: Place) -> None:
    """Room above each line of a cloze's text, for the handwriting in its blanks."""
    for paragraph in written:
        if hasattr(paragraph, "paragraph_format"):
            paragraph.paragraph_format.line_spacing = 2.0


@handout.register
def _cloze(c: d.Cloze, place: Place) -> None:
    chars = blank_chars(c.longest, place)
    filling = Place(place.box, place.left, place.right, place.w, place.style,
                    lambda paragraph, gap: prose.blank(paragraph, gap, chars))
    _spaced(prose.write(c.text, filling), place)
    if c.word_bank:
        spaces.word_bank(c.word_bank, place)


@scheme.register
def _cloze_key(c: d.Cloze, place: Place) -> None:
    place.para("Heading 3", place.w.words("answers_each"))
    nw = place.w.theme.body * 3
    table = place.table(len(c.answers), [nw, place.width - nw])
    for r, answer in enumerate(c.answers):
        text_cell(table, r, 0, f"({r + 1})", bold=True)
        text_cell(table, r, 1, answer)

    def filled(paragraph: Any, gap: d.Gap) -> None:
        run = paragraph.add_run(f"({gap.number})\u00a0{c.answers[gap.number - 1]}")
        run.bold = run.underline = True

    prose.write(c.text, Place(place.box, place.left, place.right, place.w, place.style, filled))


@handout.register
def _matching(m: d.Matching, place: Place) -> None:
    t = place.w.theme
    nw, bw, space = t.body * 2.2, t.body * 2.6, t.body * 1.5
    half = (place.width - 2 * nw - bw - space) / 2
    rows = max(len(m.left), len(m.right))
    table = place.table(rows, [nw, half, bw, space, nw, half])
    table_borders(table, 0.4, grey(0.55), val="nil")
    for i in range(rows):
        if i < len(m.left):
            text_cell(table, i, 0, f"{i + 1}.", bold=True)
            prose_cell(table, i, 1, m.left[i], place, half)
            tick(table, i, 2, place)
        if i < len(m.right):
            text_cell(table, i, 4, letters(i), bold=True)
            prose_cell(table, i, 5, m.right[i], place, half)


@scheme.register
def _matching_key(m: d.Matching, place: Place) -> None:
    place.para("Heading 3", place.w.words("pairs_each"))
    t = place.w.theme
    nw, aw = t.body * 2, t.body * 3.5
    half = (place.width - nw - aw) / 2
    table = place.table(len(m.left), [nw, half, aw, half])
    for i, left in enumerate(m.left):
        text_cell(table, i, 0, f"{i + 1}.", bold=True)
        prose_cell(table, i, 1, left, place, half)
        text_cell(table, i, 2, f"→ {letters(m.key[i])}", bold=True)
        prose_cell(table, i, 3, m.right[m.key[i]], place, half)


@handout.register
def _ordering(o: d.Ordering, place: Place) -> None:
    t = place.w.theme
    bw, lw = t.body * 2.6, t.body * 2
    table = place.table(len(o.items), [bw, lw, place.width - bw - lw])
    for i, item in enumerate(o.items):
        tick(table, i, 0, place)
        text_cell(table, i, 1, letters(i), bold=True)
        prose_cell(table, i, 2, item, place, place.width - bw - lw)


@scheme.register
def _ordering_key(o: d.Ordering, place: Place) -> None:
    place.para("Heading 3", place.w.words("correct_order", order=", ".join(letters(i) for i in o.order)))
    w = place.w.theme.body * 2.2
    table = place.table(len(o.order), [w, w, place.width - 2 * w])
    for r, i in enumerate(o.order):
        text_cell(table, r, 0, str(r + 1), bold=True)
        text_cell(table, r, 1, letters(i), bold=True)
        prose_cell(table, r, 2, o.items[i], place, place.width - 2 * w)


@handout.register
def _numeric(n: d.Numeric, place: Place) -> None:
    """Nothing of its own: its working space and answer line are the question's answer space."""


@scheme.register
def _numeric_key(n: d.Numeric, place: Place) -> None:
    place.para("Heading 3", numeric_answer(n, place.w.words))


# the puzzle types' handlers live in a module of their own and register on import
from worksheets.writers.docx import puzzles  # noqa: E402, F401
