"""Handout blocks other than questions: title block, sections, sources, glossary, headings, text."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    ImageAndFlowables,
    Spacer,
    Table,
    TableStyle,
)

from worksheets import document as d
from worksheets.style.themes import MM
from worksheets.writers.pdf.figure import AltImage, downsample
from worksheets.writers.pdf.flow import Anchor, Beside, Keep, Paragraph, measuring_canvas
from worksheets.writers.pdf.prose import Styles, flowables, plain_markup
from worksheets.writers.pdf.rows import Rows, panel
from worksheets.writers.pdf.tagging import table_callback

CALLOUT_FILL = {"note": 0.95, "did-you-know": 0.92, "key-term": 0.95}


def title_block(
    doc: d.Document, s: Styles, width: float, total_line: str, fields: bool = True, anchors: dict | None = None
) -> list[Flowable]:
    """Title, subtitle, the student's fields, and the instructions box."""
    t = s.theme
    out: list[Flowable] = [Paragraph(plain_markup(doc.title), s.title)]
    if doc.subtitle:
        out.append(Paragraph(plain_markup(doc.subtitle), s.subtitle))
    out.append(Spacer(1, t.body * 1.2))
    if fields and doc.student_fields:
        out += student_fields(doc.student_fields, s, width, anchors)
        out.append(Spacer(1, t.body * 1.2))
    if fields and s.house.candidate_boxes:
        out += [candidate_boxes(s, width), Spacer(1, t.body * 1.2)]
    rows: list[list[Flowable]] = []
    if doc.instructions:
        rows.append([Paragraph(plain_markup(s.words("instructions")), s.cell_bold)])
        rows.append(flowables(doc.instructions, s.cell, t))
    if doc.time_allowed or total_line:
        rows.append([_info_row(doc.time_allowed, total_line, s, width - 14)])
    if rows:
        out.append(panel(rows, width, fill=None, border=0.8))
    out.append(Spacer(1, t.body * 0.8))
    return out


def _info_row(time_allowed: str | None, total_line: str, s: Styles, width: float) -> Table:
    """Time allowed at the left, the maximum mark at the right."""
    left = Paragraph(plain_markup(s.words("time_allowed", time=time_allowed)) if time_allowed else "", s.cell_bold)
    table = Table([[left, Paragraph(plain_markup(total_line), s.marks)]], colWidths=[width * 0.6, width * 0.4])
    table.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


NAME_FIELD = "name-field"  # where a class set prints each student's name (and class)
CLASS_FIELD = "class-field"


FIELD_LEADING = 1.15  # labels sit close to their writing line, whatever the style's line spacing


def field_label_style(s: Styles) -> ParagraphStyle:
    return ParagraphStyle("field-label", parent=s.cell_bold, leading=s.cell_bold.fontSize * FIELD_LEADING)


FIELD_GAP = 14  # between one writing line and the next label
MIN_FIELD_LINE = 22 * MM  # the shortest writing line worth printing: room for a date or a class


CENTRE_DIGITS, CANDIDATE_DIGITS = 5, 4  # as an exam board's front page has them


def candidate_boxes(s: Styles, width: float) -> Table:
    """The front page's centre number and candidate number, a box for each digit (AQA)."""
    side = max(s.theme.body * 1.6, 16.0)
    label = field_label_style(s)
    cells: list[object] = [Paragraph(plain_markup(s.words("centre_number")), label), *[""] * CENTRE_DIGITS, "",
                           Paragraph(plain_markup(s.words("candidate_number")), label), *[""] * CANDIDATE_DIGITS]
    head = min(width * 0.22, max(_label_width(s.words(k), s) for k in ("centre_number", "candidate_number")) + 6)
    widths = [head, *[side] * CENTRE_DIGITS, side, head, *[side] * CANDIDATE_DIGITS]
    table = Table([cells], colWidths=widths, rowHeights=[side], hAlign="LEFT")
    first_box, second_box = 1, CENTRE_DIGITS + 3
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("GRID", (first_box, 0), (first_box + CENTRE_DIGITS - 1, 0), 0.8, Color(0, 0, 0)),
        ("GRID", (second_box, 0), (second_box + CANDIDATE_DIGITS - 1, 0), 0.8, Color(0, 0, 0)),
    ]))
    return table


def student_fields(names: tuple[str, ...], s: Styles, width: float, anchors: dict | None = None) -> list[Flowable]:
    """Name / Class / Date labels, each followed by a writing line; the first field gets the most room.
    On a page too narrow for all of them (A5, large print), the first has a line of its own."""
    rows = [names]
    if len(names) > 1 and min(_field_lines(names, s, width)) < MIN_FIELD_LINE:
        rows = [names[:1], names[1:]]
    return [_fields_row(row, s, width, anchors) for row in rows]


def _field_lines(names: tuple[str, ...], s: Styles, width: float) -> list[float]:
    """The length of each field's writing line when they share one line of the page."""
    shares = [2.4] + [1.0] * (len(names) - 1)
    free = width - sum(_label_width(n, s) for n in names) - FIELD_GAP * (len(names) - 1)
    return [free * share / sum(shares) for share in shares]


def _fields_row(names: tuple[str, ...], s: Styles, width: float, anchors: dict | None) -> Table:
    cells: list[object] = []
    widths: list[float] = []
    label = field_label_style(s)
    for index, (name, line_w) in enumerate(zip(names, _field_lines(names, s, width), strict=True)):
        keys = {"name": NAME_FIELD, "class": CLASS_FIELD, s.words("name").lower(): NAME_FIELD,
                s.words("class").lower(): CLASS_FIELD}
        key = keys.get(name.strip().lower())
        line = Anchor(key, anchors) if anchors is not None and key else ""
        cells += [Paragraph(plain_markup(s.words("field", label=name)), label), line]
        widths += [_label_width(name, s) + (FIELD_GAP if index else 0), line_w]
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    for i in range(len(names)):
        commands.append(("LINEBELOW", (2 * i + 1, 0), (2 * i + 1, 0), 0.6, Color(0.25, 0.25, 0.25)))
    commands += [("LEFTPADDING", (i, 0), (i, 0), FIELD_GAP) for i in range(2, len(widths), 2)]
    table = Table([cells], colWidths=widths, rowHeights=[s.theme.body * 2.2], hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _label_width(name: str, s: Styles) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(s.words("field", label=name), s.cell_bold.fontName, s.cell_bold.fontSize) + 8


SIDE_SHARE = 0.36  # of the text width, for callouts printed beside a section's body


def _callout_box(callout: d.Callout, s: Styles, width: float) -> Table:
    rows = [[Paragraph(plain_markup(callout.title), s.cell_bold)], flowables(callout.text, s.cell, s.theme)]
    return panel(rows, width, fill=CALLOUT_FILL.get(callout.kind, 0.94), border=0, left_rule=2.5)


def section(block: d.SectionBlock, s: Styles, width: float, height: float | None = None) -> list[Flowable]:
    """A heading, the body, and its callouts: beside the body when they fit there, else after it.

    Beside needs room: the standard style only (large print and dyslexia keep one column), and
    a body at least as tall as the boxes."""
    out: list[Flowable] = []
    if block.title:
        out.append(Paragraph(plain_markup(block.title), s.heading))
    body = flowables(block.body, s.body, s.theme)
    if block.callouts and s.theme.callouts_beside and height and _beside(block, body, s, width, height):
        side = width * SIDE_SHARE
        boxes = Table([[_callout_box(c, s, side - 10)] for c in block.callouts], colWidths=[side - 10])
        boxes.setStyle(TableStyle([("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                   ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        out.append(ImageAndFlowables(Beside(boxes), body, imageSide="right", imageLeftPadding=10, imageRightPadding=0))
        out.append(Spacer(1, s.theme.paragraph_space))
        return out
    out += body
    for callout in block.callouts:
        out.append(Keep([Spacer(1, 3), _callout_box(callout, s, width)]))  # never split from its title
        out.append(Spacer(1, s.theme.paragraph_space + 3))
    return out


def _beside(block: d.SectionBlock, body: list[Flowable], s: Styles, width: float, height: float) -> bool:
    if not all(isinstance(f, Paragraph) for f in body):
        return False  # text that wraps round a box must be plain paragraphs (platypus cannot flow lists round it)
    side = width * SIDE_SHARE - 10
    canvas = measuring_canvas()
    boxes = sum(_callout_box(c, s, side).wrapOn(canvas, side, height)[1] + 6 for c in block.callouts)
    text = sum(f.wrapOn(canvas, width - side - 10, height)[1] + f.getSpaceAfter() for f in body)
    return boxes <= min(text, height * 0.45)



def source(block: d.SourceBlock, s: Styles, width: float, max_image_height: float,
           mark: Flowable | None = None) -> list[Flowable]:
    """A grey box: "Source A" (and title), the provenance line, then the words or the picture; `mark`
    (an anchor) goes on the box's page."""
    t = s.theme
    head = f"<b>{plain_markup(s.words('source', letter=block.letter))}</b>"
    if block.title:
        head += f"<b>: {plain_markup(block.title)}</b>"
    rows: list[list[Flowable]] = [[Paragraph(head, s.subheading)]]
    if block.attribution:
        rows.append(flowables(block.attribution, s.attribution, t))
    if block.number_every:
        from worksheets.writers.pdf.numbered import numbered

        rows.append([numbered(block.text, block.number_every, s, width - 16)])
    else:
        rows += [flowables((part,), s.source, t) for part in block.text]
    if block.image is not None:
        rows.append([_image(block.image, width - 16, max_image_height, block.alt)])
    if block.caption:
        rows.append([Paragraph(plain_markup(block.caption), s.caption)])
    box = panel(rows, width, fill=t.box_grey, border=1.0)
    # a source that fits on a page is never split; a longer one runs on across pages
    return [Spacer(1, 4), Keep([mark, box] if mark else [box]), Spacer(1, t.body)]


def _image(path: object, max_width: float, max_height: float, alt: str | None) -> Image:
    import io

    from reportlab.lib.utils import ImageReader

    data = Path(str(path)).read_bytes()  # by content, not by path: the same image gives the same bytes anywhere
    w, h = ImageReader(io.BytesIO(data)).getSize()
    scale = min(max_width / w, max_height / h, 1.0 if w > 600 else max_width / w)
    data = downsample(data, w * scale)
    image = AltImage(io.BytesIO(data), width=w * scale, height=h * scale, alt=alt)
    image.hAlign = "CENTER"
    return image


def heading(block: d.HeadingBlock, s: Styles) -> list[Flowable]:
    return [Paragraph(plain_markup(block.text), s.heading)]


def text(block: d.TextBlock, s: Styles) -> list[Flowable]:
    return flowables(block.body, s.body, s.theme)


def glossary(block: d.GlossaryBlock, s: Styles, width: float) -> list[Flowable]:
    """Terms in alphabetical order in a two-column table that may split across pages."""
    if not block.entries:
        return []
    rows: list[list[object]] = [[Paragraph(plain_markup(s.words(word)), s.cell_bold) for word in ("term", "meaning")]]
    for term, meaning in block.entries:
        rows.append([Paragraph(plain_markup(term), s.cell_bold), flowables(meaning, s.cell, s.theme)])
    terms = (s.words("term"), *(t for t, _ in block.entries))
    term_width = min(width * 0.32, max(_label_width(t, s) + 6 for t in terms))
    table = Rows(rows, colWidths=[term_width, width - term_width], repeatRows=1, splitInRow=1,
                 renderCB=table_callback)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), Color(0.85, 0.85, 0.85)),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, Color(0.6, 0.6, 0.6)),
                ("BOX", (0, 0), (-1, -1), 0.8, Color(0, 0, 0)),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return [CondPageBreak(s.theme.leading * 8), Paragraph(plain_markup(s.words("glossary")), s.heading), table]



def insert_note(sources: tuple[d.SourceBlock, ...], s: Styles, width: float) -> Flowable:
    """Where the sources would be: a boxed note sending the student to the insert."""
    letters = [b.letter for b in sources]
    which = s.words("source", letter=letters[0]) if len(letters) == 1 else s.words("sources", first=letters[0],
                                                                                    last=letters[-1])
    note = Paragraph(f"<b>{plain_markup(s.words.count('in_insert', len(letters), which=which))}</b>", s.cell)
    return panel([[note]], width, fill=s.theme.box_grey)
