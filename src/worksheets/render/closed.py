"""The closed question types, for both roles in one place: choice, true-false, cloze, matching, ordering.

Each `handout_*` lays out what the student fills in; each `scheme_*` shows the key.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from worksheets import document as d
from worksheets.document import letters
from worksheets.render.flow import Paragraph, TickBox
from worksheets.render.prose import Styles, escape, flowables
from worksheets.text import Prose, plain

NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
GRID = Color(0.55, 0.55, 0.55)
HEAD_FILL = Color(0.86, 0.86, 0.86)


def instruction(q: d.Question) -> str | None:
    """The fixed instruction under a choice prompt: 'Tick one box.' / 'Tick two boxes.'"""
    if isinstance(q.detail, d.Choice):
        n = len(q.detail.correct)
        return "Tick one box." if n == 1 else f"Tick {NUMBER_WORDS.get(n, str(n))} boxes."
    return None


def _cell(prose: Prose, s: Styles) -> list[Flowable]:
    return flowables(prose, s.cell, s.theme) or [Paragraph("", s.cell)]


def _box_size(s: Styles) -> float:
    return s.theme.body * 1.45


def _grid(table: Table, header: bool = False, lines: bool = True) -> Table:
    commands = [
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


def handout(q: d.Question, s: Styles, width: float) -> list[Flowable]:
    """What the student fills in for a closed question (never the answers)."""
    detail = q.detail
    if isinstance(detail, d.Choice):
        return _choice(detail, s, width)
    if isinstance(detail, d.TrueFalse):
        return _true_false(detail, s, width)
    if isinstance(detail, d.Cloze):
        return _cloze(detail, s, width)
    if isinstance(detail, d.Matching):
        return _matching(detail, s, width)
    if isinstance(detail, d.Ordering):
        return _ordering(detail, s, width)
    return []


def _choice(c: d.Choice, s: Styles, width: float) -> list[Flowable]:
    box = _box_size(s)
    lw = stringWidth("W", s.label.fontName, s.label.fontSize) + 8
    n = len(c.options)
    text_widths = [max((stringWidth(line, s.cell.fontName, s.cell.fontSize) for line in plain(o).split("\n")), default=0)
                   for o in c.options]
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


def _true_false(tf: d.TrueFalse, s: Styles, width: float) -> list[Flowable]:
    box = _box_size(s)
    col = stringWidth("False", s.cell_bold.fontName, s.cell_bold.fontSize) + 16
    rows: list[list[object]] = [[Paragraph("Statement", s.cell_bold), Paragraph("True", s.cell_bold), Paragraph("False", s.cell_bold)]]
    for text, _ in tf.statements:
        rows.append([_cell(text, s), TickBox(box), TickBox(box)])
    table = Table(rows, colWidths=[width - 2 * col, col, col], repeatRows=1)
    _grid(table, header=True)
    table.setStyle(TableStyle([("ALIGN", (1, 0), (-1, -1), "CENTER")]))
    return [table]


def _gap_blank(width_chars: int) -> "callable":
    def blank(number: int) -> str:
        return f"<b>({number})</b>\u00a0{'_' * width_chars}"

    return blank


def _cloze_style(s: Styles) -> ParagraphStyle:
    return ParagraphStyle("cloze", parent=s.body, leading=s.theme.body * 2.1)


def _cloze_flowables(prose: Prose, style: ParagraphStyle, s: Styles, gap: "callable") -> list[Flowable]:
    return flowables(prose, style, s.theme, gap)


def _cloze(c: d.Cloze, s: Styles, width: float) -> list[Flowable]:
    longest = max(len(a) for a in c.answers)
    out = _cloze_flowables(c.text, _cloze_style(s), s, _gap_blank(max(10, min(28, int(longest * 1.4) + 4))))
    if c.word_bank:
        out += [Spacer(1, 4), *word_bank(c.word_bank, s, width)]
    return out


def word_bank(words: tuple[str, ...], s: Styles, width: float) -> list[Flowable]:
    """A boxed row (or rows) of words, each in its own cell so they cannot run together."""
    per_row = max(1, min(len(words), int(width // (max(stringWidth(w, s.cell.fontName, s.cell.fontSize) for w in words) + 24))))
    cells = [Paragraph(escape(w), s.cell) for w in words]
    rows = [cells[i:i + per_row] + [""] * (per_row - len(cells[i:i + per_row])) for i in range(0, len(cells), per_row)]
    table = Table(rows, colWidths=[width / per_row] * per_row)
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, Color(0, 0, 0)),
                               ("BACKGROUND", (0, 0), (-1, -1), Color(0.93, 0.93, 0.93)),
                               ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                               ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return [Paragraph("Word bank", s.cell_bold), Spacer(1, 2), table]


def _matching(mt: d.Matching, s: Styles, width: float) -> list[Flowable]:
    box = _box_size(s)
    nw = stringWidth("00.", s.label.fontName, s.label.fontSize) + 6
    half = (width - 2 * nw - box - 24) / 2
    rows = []
    for i in range(max(len(mt.left), len(mt.right))):
        left = [Paragraph(f"{i + 1}.", s.label), _cell(mt.left[i], s), TickBox(box)] if i < len(mt.left) else ["", "", ""]
        right = [Paragraph(letters(i), s.label), _cell(mt.right[i], s)] if i < len(mt.right) else ["", ""]
        rows.append(left + [""] + right)
    table = Table(rows, colWidths=[nw, half, box + 8, 16, nw, half])
    return [_grid(table)]


def _ordering(o: d.Ordering, s: Styles, width: float) -> list[Flowable]:
    box = _box_size(s)
    nw = stringWidth("W", s.label.fontName, s.label.fontSize) + 10
    rows = [[TickBox(box), Paragraph(letters(i), s.label), _cell(item, s)] for i, item in enumerate(o.items)]
    table = Table(rows, colWidths=[box + 12, nw, width - box - 12 - nw])
    return [_grid(table)]


# --- mark scheme ----------------------------------------------------------------------------


def scheme(q: d.Question, s: Styles, width: float) -> list[Flowable]:
    """The answer key of a closed question."""
    detail = q.detail
    if isinstance(detail, d.Choice):
        picks = ", ".join(letters(i) for i in detail.correct)
        rows = [[Paragraph(letters(i), s.cell_bold), _cell(detail.options[i], s)] for i in detail.correct]
        head = Paragraph(f"Answer{'s' if len(detail.correct) > 1 else ''}: {picks}", s.subheading)
        return [head, _grid(Table(rows, colWidths=[s.theme.body * 2, width - s.theme.body * 2], hAlign="LEFT"), lines=False)]
    if isinstance(detail, d.TrueFalse):
        col = stringWidth("Answer", s.cell_bold.fontName, s.cell_bold.fontSize) + 16
        rows: list[list[object]] = [[Paragraph("Statement", s.cell_bold), Paragraph("Answer", s.cell_bold)]]
        rows += [[_cell(text, s), Paragraph("True" if answer else "False", s.cell_bold)] for text, answer in detail.statements]
        return [_grid(Table(rows, colWidths=[width - col, col], repeatRows=1), header=True)]
    if isinstance(detail, d.Cloze):
        filled = _cloze_flowables(detail.text, _cloze_style(s), s,
                                  lambda n: f"<b>({n})\u00a0<u>{escape(detail.answers[n - 1])}</u></b>")
        rows = [[Paragraph(f"({n})", s.cell_bold), Paragraph(escape(a), s.cell)] for n, a in enumerate(detail.answers, 1)]
        key = Table(rows, colWidths=[s.theme.body * 3, width - s.theme.body * 3], hAlign="LEFT")
        return [Paragraph("Answers (one mark each)", s.subheading), _grid(key, lines=False), *filled]
    if isinstance(detail, d.Matching):
        rows = [
            [Paragraph(f"{i + 1}.", s.cell_bold), _cell(left, s), Paragraph(f"→ {letters(detail.key[i])}", s.cell_bold),
             _cell(detail.right[detail.key[i]], s)]
            for i, left in enumerate(detail.left)
        ]
        arrow = stringWidth("→ WW", s.cell_bold.fontName, s.cell_bold.fontSize) + 12
        half = (width - s.theme.body * 2 - arrow) / 2
        return [Paragraph("Correct pairs (one mark each)", s.subheading),
                _grid(Table(rows, colWidths=[s.theme.body * 2, half, arrow, half]))]
    if isinstance(detail, d.Ordering):
        sequence = ", ".join(letters(i) for i in detail.order)
        rows = [[Paragraph(f"{n}", s.cell_bold), Paragraph(letters(i), s.cell_bold), _cell(detail.items[i], s)]
                for n, i in enumerate(detail.order, 1)]
        w = s.theme.body * 2.2
        return [Paragraph(f"Correct order: {sequence}", s.subheading),
                _grid(Table(rows, colWidths=[w, w, width - 2 * w], hAlign="LEFT"))]
    return []
