"""Word searches on the page: the square of letters with the word list under it; in the mark scheme, each
word's letters shaded and bold where it is hidden."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from worksheets import document as d
from worksheets.style.fonts import face_name
from worksheets.writers.pdf.closed import handout, scheme
from worksheets.writers.pdf.flow import Paragraph
from worksheets.writers.pdf.prose import Styles, escape

GRID_LINE = Color(0.6, 0.6, 0.6)
FOUND = Color(0.82, 0.82, 0.82)  # a found word's cells: grey that copies, with its letters bold


def _letters(search: d.WordSearch, s: Styles, width: float, found: set[tuple[int, int]]) -> Table:
    t = s.theme
    side = len(search.rows)
    cell = min(t.body * 1.9, width / side)
    plain = ParagraphStyle("search", parent=s.cell, alignment=TA_CENTER, fontName=face_name(t.font),
                           fontSize=min(t.body * 1.1, cell * 0.6), leading=min(t.body * 1.1, cell * 0.6) * 1.1)
    bold = ParagraphStyle("search-found", parent=plain, fontName=face_name(t.font, bold=True))
    rows = [[Paragraph(escape(char), bold if (r, c) in found else plain) for c, char in enumerate(row)]
            for r, row in enumerate(search.rows)]
    table = Table(rows, colWidths=[cell] * side, rowHeights=[cell] * side, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [("GRID", (0, 0), (-1, -1), 0.4, GRID_LINE),
                                          ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                                          ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]
    commands += [("BACKGROUND", (c, r), (c, r), FOUND) for r, c in sorted(found)]
    table.setStyle(TableStyle(commands))
    return table


def _word_list(search: d.WordSearch, s: Styles, width: float) -> Flowable:
    columns = max(1, min(4, int(width // (s.theme.body * 9))))
    words = [Paragraph(escape(word), s.cell) for word in search.words]
    rows = [words[i:i + columns] + [Paragraph("", s.cell)] * (columns - len(words[i:i + columns]))
            for i in range(0, len(words), columns)]
    table = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 2)]))
    return table


@handout.register
def _search(search: d.WordSearch, s: Styles, width: float) -> list[Flowable]:
    return [_letters(search, s, width, set()), Spacer(1, s.theme.body * 0.6), _word_list(search, s, width)]


@scheme.register
def _search_key(search: d.WordSearch, s: Styles, width: float) -> list[Flowable]:
    found = {(r + i * dr, c + i * dc) for r, c, dr, dc, length in search.where for i in range(length)}
    return [Paragraph(escape(s.words("found_each")), s.subheading), _letters(search, s, width, found)]
