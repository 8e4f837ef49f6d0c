"""The marks tables: the summary in a mark scheme (each question's marks and the total) and the grading table
on a handout's first page (marks available, a row for the marks awarded)."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from worksheets import document as d
from worksheets.style.themes import MM
from worksheets.writers.pdf.flow import Keep, Paragraph
from worksheets.writers.pdf.prose import Styles, plain_markup
from worksheets.writers.pdf.questions import GRID, HEAD_FILL
from worksheets.writers.pdf.rows import Rows
from worksheets.writers.pdf.tagging import table_callback


def summary_table(questions: tuple[d.Question, ...], s: Styles, width: float, total: int) -> Table:
    """Question | marks, part by part, with the total: the marker's overview (and grading grid)."""
    w = s.words
    rows = [[Paragraph(plain_markup(w(word)), s.cell_bold) for word in ("question", "marks_heading")]]
    for q in questions:
        if q.parts:
            for part in q.parts:
                rows.append([Paragraph(plain_markup(s.house.label(part.number, part.number)), s.cell),
                             Paragraph(str(part.marks), s.cell)])
        else:
            rows.append([Paragraph(plain_markup(s.house.label(q.number, q.number)), s.cell),
                         Paragraph(str(q.marks), s.cell)])
    rows.append([Paragraph(plain_markup(w("total")), s.cell_bold), Paragraph(str(total), s.cell_bold)])
    col = min(width / 4, 40 * MM)
    table = Rows(rows, colWidths=[col, col * 0.7], repeatRows=1, hAlign="LEFT", renderCB=table_callback)
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                ("BACKGROUND", (0, -1), (-1, -1), HEAD_FILL),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def grading_table(questions: tuple[d.Question, ...], s: Styles, width: float, total: int) -> Flowable:
    """For the teacher on page 1: each question's marks available and a box for the mark awarded."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    w = s.words
    heads = (w("question"), w("marks_heading"), w("awarded"))
    head_w = max(stringWidth(word, s.cell_bold.fontName, s.cell_bold.fontSize) for word in heads) + 12
    col = max(stringWidth(w("total"), s.cell_bold.fontName, s.cell_bold.fontSize) + 12, s.theme.body * 2.2)
    labels = [plain_markup(s.house.label(q.number, q.number)) for q in questions] + [plain_markup(w("total"))]
    fits = max(1, int((width - head_w) // col))
    bands = -(-len(labels) // fits)
    per_row = -(-len(labels) // bands)  # balanced bands, not a full one and a stub
    marks = [str(q.marks) for q in questions] + [str(total)]
    rows: list[list[object]] = []
    for start in range(0, len(labels), per_row):
        chunk = slice(start, start + per_row)
        pad = [""] * (per_row - len(labels[chunk]))
        head = Paragraph(plain_markup(heads[0]), s.cell_bold)
        rows.append([head, *[Paragraph(x, s.cell_bold) for x in labels[chunk]], *pad])
        rows.append([Paragraph(plain_markup(heads[1]), s.cell), *[Paragraph(x, s.cell) for x in marks[chunk]], *pad])
        rows.append([Paragraph(plain_markup(heads[2]), s.cell), *[""] * per_row])
    table = Rows(rows, colWidths=[head_w] + [col] * per_row, hAlign="LEFT", renderCB=table_callback,
                  rowHeights=[None, None, s.theme.body * 2.2] * (len(rows) // 3))
    commands: list[tuple[object, ...]] = [("GRID", (0, 0), (-1, -1), 0.5, GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]
    for r in range(0, len(rows), 3):
        commands.append(("BACKGROUND", (0, r), (-1, r), HEAD_FILL))
    table.setStyle(TableStyle(commands))
    return Keep([Paragraph(plain_markup(w("teacher_use")), s.small), Spacer(1, 2), table])
