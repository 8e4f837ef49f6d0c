"""A source's text with its lines numbered in the margin: every line break and stanza kept, a number every
Nth line, a line that wraps keeping one number (on its first printed line)."""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer, TableStyle

from worksheets.document.prose import DisplayMath, Figure, Inline, ListBlock, Prose, Run, TableBlock
from worksheets.writers.pdf.flow import Paragraph
from worksheets.writers.pdf.prose import Styles, markup
from worksheets.writers.pdf.rows import Rows


def text_lines(prose: Prose) -> list[list[tuple[Inline, ...]]]:
    """The text's stanzas (its paragraphs), each a list of lines (runs between line breaks)."""
    stanzas: list[list[tuple[Inline, ...]]] = []
    for block in prose:
        if isinstance(block, ListBlock):
            stanzas += [line for item in block.items for line in text_lines(item)]
            continue
        if isinstance(block, TableBlock | Figure | DisplayMath):
            continue  # a table or a picture has no lines to number
        lines: list[tuple[Inline, ...]] = [()]
        for run in block.runs:
            if isinstance(run, Run) and run.text == "\n":
                lines.append(())
            else:
                lines[-1] = (*lines[-1], run)
        stanzas.append(lines)
    return stanzas


def numbered(prose: Prose, every: int, s: Styles, width: float) -> Flowable:
    """The lines as table rows: the number (every `every`th line) in a narrow left column, the line beside it
    with a hanging indent; a stanza break is a gap between rows."""
    t = s.theme
    line_style = ParagraphStyle("numbered-line", parent=s.source, spaceBefore=0, spaceAfter=0)
    drop = max(0.0, line_style.fontSize - s.small.fontSize)  # the smaller number's first baseline as low as the line's
    number_style = ParagraphStyle("line-number", parent=s.small, alignment=TA_RIGHT, textColor=(0.25, 0.25, 0.25),
                                  leading=line_style.leading - drop)  # so a numbered row is no taller than another
    rows: list[list[Flowable | str]] = []
    count = 0
    for stanza in text_lines(prose):
        if rows:
            rows.append(["", Spacer(1, t.leading * 0.5)])
        for line in stanza:
            count += 1
            label = str(count) if count % every == 0 else ""
            rows.append([Paragraph(label, number_style), Paragraph(markup(line, t) or "&nbsp;", line_style)])
    column = t.body * 2.4
    table = Rows(rows, colWidths=[column, width - column], splitByRow=1)
    commands = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (0, -1), t.body * 0.6), ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (0, -1), drop)]
    table.setStyle(TableStyle(commands))
    return table
