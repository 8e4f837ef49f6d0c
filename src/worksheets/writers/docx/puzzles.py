"""The puzzle types in Word: a word search's letter grid as a table and its word list; a crossword's grid as
a table of bordered squares (numbers small in their corner) with its clues; a label question's picture with
its numbered markers drawn on, and a numbered answer line each. The keys fill them in."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from worksheets import document as d
from worksheets.style.fonts import font_dir
from worksheets.style.themes import MM
from worksheets.writers.answers import answer_text
from worksheets.writers.docx import prose, spaces
from worksheets.writers.docx.closed import handout, scheme, text_cell
from worksheets.writers.docx.ooxml import cell_at, cell_borders, grey, row_height, set_style, shade, table_borders
from worksheets.writers.docx.prose import Place

MAX_SQUARE = 9 * MM  # a grid's squares, at most


def _square(columns: int, place: Place) -> float:
    return min(MAX_SQUARE, place.width / max(1, columns))


def _letter_grid(rows: tuple[str, ...], place: Place, found: frozenset[tuple[int, int]] = frozenset()) -> None:
    """The word search's letters, one per square (the found ones shaded, in the key)."""
    size = _square(len(rows[0]) if rows else 1, place)
    table = place.table(len(rows), [size] * (len(rows[0]) if rows else 1))
    table_borders(table, 0.5, grey(0.55))
    for r, row in enumerate(rows):
        row_height(table.rows[r], size, exact=True)
        for c, char in enumerate(row):
            cell = text_cell(table, r, c, char, bold=(r, c) in found, centre=True)
            if (r, c) in found:
                shade(cell, grey(0.8))


@handout.register
def _wordsearch(ws: d.WordSearch, place: Place) -> None:
    _letter_grid(ws.rows, place)
    place.para(text=place.w.words("words_to_find") + " ", bold=True).add_run(", ".join(ws.words)).bold = False


@scheme.register
def _wordsearch_key(ws: d.WordSearch, place: Place) -> None:
    found = {(r + i * dr, c + i * dc) for r, c, dr, dc, length in ws.where for i in range(length)}
    place.para("Heading 3", "Where the words are")
    _letter_grid(ws.rows, place, frozenset(found))
    place.para(text=answer_text_of(ws))


def answer_text_of(detail: d.Detail) -> str:
    """A closed type's answer on one line, as the answer keys print it."""
    stub = d.Question("", "", "", "", (), 0, d.AnswerArea("none"), detail=detail)
    return answer_text(stub)


def _crossword_grid(cw: d.Crossword, place: Place, solved: bool) -> None:
    """The squares bordered, the rest shaded out, each word's number small in its first square."""
    columns = max(len(row) for row in cw.rows)
    size = _square(columns, place)
    numbers = {(r, c): n for r, c, n in cw.numbers}
    table = place.table(len(cw.rows), [size] * columns)
    t = place.w.theme
    for r, row in enumerate(cw.rows):
        row_height(table.rows[r], size, exact=True)
        for c in range(columns):
            char = row[c] if c < len(row) else "."
            cell = cell_at(table, r, c)
            if char == ".":
                continue
            cell_borders(cell, 1.0)
            paragraph = cell.paragraphs[0]
            set_style(paragraph, "Cell")
            paragraph.paragraph_format.line_spacing = 1.0
            if (r, c) in numbers:
                run = paragraph.add_run(str(numbers[(r, c)]))
                run.font.size = Pt(max(6.0, t.small * 0.8))
            if solved and char != "_":
                paragraph.add_run((" " if (r, c) in numbers else "") + char.upper()).bold = True


def _clues(title: str, clues: tuple[d.Clue, ...], place: Place, solved: bool) -> None:
    if not clues:
        return
    place.para("Heading 3", title)
    hang = place.w.theme.body * 2
    for clue in clues:
        inner = place.inset(hang)
        first = inner.para()
        first.paragraph_format.first_line_indent = Pt(-hang)
        first.paragraph_format.tab_stops.add_tab_stop(Pt(inner.left))
        first.paragraph_format.space_after = Pt(2)
        first.add_run(f"{clue.number}\t").bold = True
        prose.write(clue.clue, inner, first)
        if solved and clue.answer:
            first.add_run(f"  {clue.answer}").bold = True


@handout.register
def _crossword(cw: d.Crossword, place: Place) -> None:
    _crossword_grid(cw, place, solved=False)
    _clues(place.w.words("across"), cw.across, place, solved=False)
    _clues(place.w.words("down"), cw.down, place, solved=False)


@scheme.register
def _crossword_key(cw: d.Crossword, place: Place) -> None:
    place.para("Heading 3", "Completed grid")
    _crossword_grid(cw, place, solved=True)
    _clues(place.w.words("across"), cw.across, place, solved=True)
    _clues(place.w.words("down"), cw.down, place, solved=True)


MARKER = 0.045  # a marker's radius, of the picture's shorter side
LEAST_PIXELS = 1200  # a picture narrower than this is enlarged before its markers are drawn
PICTURE_SHARE = 0.7  # of the width, at most, for a label question's picture


def marked_picture(label: d.Label) -> bytes | None:
    """The picture as a PNG with a numbered, white-filled circle at each marker (None: it cannot be read)."""
    from PIL import Image, ImageDraw, ImageFont, UnidentifiedImageError

    if label.picture.path is None or not Path(label.picture.path).is_file():
        return None
    try:
        with Image.open(label.picture.path) as original:
            picture = original.convert("RGB")
    except (OSError, UnidentifiedImageError):
        return None
    if picture.width < LEAST_PIXELS:  # a small picture is enlarged first, so its markers print crisp
        scale = LEAST_PIXELS / picture.width
        picture = picture.resize((LEAST_PIXELS, max(1, round(picture.height * scale))), Image.Resampling.LANCZOS)
    draw = ImageDraw.Draw(picture)
    radius = max(8, round(min(picture.size) * MARKER))
    font = ImageFont.truetype(str(font_dir() / "DejaVuSans-Bold.ttf"), round(radius * 1.2))
    for number, (across, down) in enumerate(label.at, 1):
        x, y = across * picture.width, down * picture.height
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill="white", outline="black",
                     width=max(2, radius // 6))
        draw.text((x, y), str(number), fill="black", font=font, anchor="mm")
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _labelled(label: d.Label, place: Place, answers: tuple[str, ...]) -> None:
    data = marked_picture(label)
    if data is None:
        place.w.notes.append(f"{place.w.source}: the picture {label.picture.name} cannot go in Word: left out")
        place.para(text=f"[Picture: {label.picture.caption or label.picture.name}]")
    else:
        _picture_bytes(data, place, label.picture.alt)
    if label.word_bank and not answers:
        spaces.word_bank(label.word_bank, place)
    for number in range(1, len(label.at) + 1):
        text = f"{number}   " + (answers[number - 1] if answers else "")
        line = spaces.writing_line(place, text)
        if answers:
            line.runs[0].bold = True


def _picture_bytes(data: bytes, place: Place, alt: str | None = None) -> Any:
    """A centred picture from bytes, as wide as the place allows, no taller than half a page."""
    from PIL import Image

    with Image.open(io.BytesIO(data)) as image:
        w, h = image.size
    scale = min(place.width * PICTURE_SHARE / w, place.w.height * 0.5 / h)
    paragraph = place.para()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = True
    shape = paragraph.add_run().add_picture(io.BytesIO(data), width=Pt(w * scale), height=Pt(h * scale))
    prose.describe(shape, alt)
    return paragraph


@handout.register
def _label(label: d.Label, place: Place) -> None:
    _labelled(label, place, ())


@scheme.register
def _label_key(label: d.Label, place: Place) -> None:
    place.para("Heading 3", place.w.words("answers_each"))
    _labelled(label, place, label.answers)
