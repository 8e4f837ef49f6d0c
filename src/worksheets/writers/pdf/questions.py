"""Questions, for both roles in one place: the handout's prompt and answer space, the mark scheme's
model answer, marking points, levels grid and indicative content. Both share one question row."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Indenter, Spacer, Table, TableStyle

from worksheets import document as d
from worksheets.style.fonts import face_name
from worksheets.style.words import ENGLISH, Words
from worksheets.writers.pdf import closed
from worksheets.writers.pdf.boxes import Sink, marker_boxes
from worksheets.writers.pdf.flow import (
    MIN_RUN,
    AnswerBox,
    AnswerLines,
    Keep,
    Paragraph,
    RunningLabel,
    keep_tail,
    unnested,
)
from worksheets.writers.pdf.prose import Styles, flowables, plain_markup
from worksheets.writers.pdf.rows import Rows, panel
from worksheets.writers.pdf.tagging import table_callback
from worksheets.writers.wording import instruction

KEEP_LINES = 10  # answer lines kept on the page of their prompt; more may run on to the next page


def marks_text(marks: int, words: Words = ENGLISH) -> str:
    return words.count("marks", marks)


def label_width(s: Styles) -> float:
    return s.theme.body * (4.4 if s.house.boxed_numbers else 2.6)  # AQA's '0 1 . 1' in its box


def printed_label(q: d.Question, s: Styles) -> str:
    """A question's or part's label as the house style prints it: '0 1 . 1' (AQA), '*3' (OCR, extended)."""
    label = s.house.label(q.number, q.label)
    return f"*{label}" if s.house.asterisk and q.extended else label


def marks_width(s: Styles) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if not s.show_marks:  # a primary page: the prompt has the whole width
        return 2.0
    return stringWidth(s.words.count("marks", 88), s.marks.fontName, s.marks.fontSize) + 6


def question_row(label: str, prompt: list[Flowable], marks: int | None, s: Styles, width: float,
                 indent: float = 0) -> Table:
    """Number in the margin, prompt, and the marks at the right level with the prompt's last line."""
    lw, mw = label_width(s), marks_width(s)
    number = Paragraph(plain_markup(label), s.label)
    if s.house.boxed_numbers and label:  # AQA: the number in a box of its own
        number = Table([[number]], colWidths=[lw - 6], style=[("BOX", (0, 0), (-1, -1), 0.8, "black"),
                                                            ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                                            ("TOPPADDING", (0, 0), (-1, -1), 1),
                                                            ("BOTTOMPADDING", (0, 0), (-1, -1), 3)], hAlign="LEFT")
    cells: list[object] = [number, unnested(prompt) or [Spacer(1, 1)]]
    widths = [lw, width - indent - lw - mw]
    cells.append(Paragraph(plain_markup(s.house.marks(marks, s.words)), s.marks)
                 if marks is not None and s.show_marks else "")
    widths.append(mw)
    if indent:
        cells.insert(0, "")
        widths.insert(0, indent)
    table = Table([cells], colWidths=widths, splitInRow=1)  # a prompt longer than a page runs on
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("VALIGN", (-1, 0), (-1, 0), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (-2, 0), (-2, 0), 6),
            ]
        )
    )
    return table


def _prompt(q: d.Question, s: Styles) -> list[Flowable]:
    """The prompt's paragraphs; the last one without space after, so the marks sit on its last line."""
    items = flowables(q.prompt, s.body, s.theme)
    extra = instruction(q, s.words)
    if extra:
        items.append(Paragraph(f"<b>{plain_markup(extra)}</b>", s.body))
    if items and isinstance(items[-1], Paragraph):  # its own alignment kept: a displayed formula stays centred
        last = items[-1]
        items[-1] = Paragraph(last.text, ParagraphStyle(f"{last.style.name}-last", parent=last.style, spaceAfter=0))
    return items


def answer_space(
    area: d.AnswerArea, s: Styles, indent: float, max_height: float, number: str = ""
) -> tuple[list[Flowable], list[Flowable]]:
    """The answer space as (kept with the prompt, may run on), and its answer line at the foot."""
    kept, rest = _space(area, s, indent, max_height, number)
    if area.answer_line is not None:
        from worksheets.writers.pdf.spaces import AnswerLine

        t = s.theme
        line = AnswerLine(area.answer_line.label, area.answer_line.units, (face_name(t.font, bold=True), t.body),
                          t.rule_grey, length=t.body * 12)
        (rest if rest else kept).append(line)
    return kept, rest


def _space(area: d.AnswerArea, s: Styles, indent: float, max_height: float,
           number: str) -> tuple[list[Flowable], list[Flowable]]:
    """Lines carried over a page say whose they are; the other spaces stay whole, never taller than the frame."""
    t = s.theme
    if area.kind == "lines" and area.lines > 0:
        # at most a third of a page of lines is kept with the prompt (large print's lines are tall), and never
        # so few left over that a stub of a line or two runs on to the next page alone
        cap = max(MIN_RUN, min(KEEP_LINES, int(max_height / 3 / t.line_pitch)))
        head = area.lines if area.lines - cap < MIN_RUN else cap
        continued = s.words("continued", number=number) if number else ""
        font = (face_name(t.font, italic=t.italic), t.small)
        kept: list[Flowable] = [AnswerLines(head, t.line_pitch, t.rule_grey, indent, continued=continued, font=font)]
        rest: list[Flowable] = []
        if area.lines > head:
            rest.append(AnswerLines(area.lines - head, t.line_pitch, t.rule_grey, indent, continued=continued,
                                    font=font, label_at_top=True))
        return kept, rest
    if area.kind == "box" and area.height > 0:
        return [Spacer(1, 4), AnswerBox(area.height, indent, max_height - 3 * t.leading)], []
    from worksheets.writers.pdf.spaces import drawn_space

    drawn = drawn_space(area, t, indent, max_height - 3 * t.leading, s.words.decimal)
    return ([Spacer(1, 4), drawn], []) if drawn is not None else ([], [])


# --- the handout ----------------------------------------------------------------------------


def handout_question(
    q: d.Question, s: Styles, width: float, max_height: float, lead: list[Flowable] | None = None, last: bool = False,
    scan: Sink | None = None,
) -> list[Flowable]:
    """A question with its answer space; its prompt never ends a page without the space's start.

    `lead` (a block's heading and intro) is kept on the page of the question; the `last` question's last
    part takes the end of the part before with it, so it never stands alone on the final page. A house style
    that totals every question (Edexcel) prints the total at its end."""
    out = _handout_question(q, s, width, max_height, lead, last, scan)
    if s.house.question_totals and s.show_marks:
        total = s.words.count("question_total", q.marks, number=q.number)
        gap = out.pop()  # every question ends with its gap: the total goes before it, with the answer's end
        keep_tail(out, [Paragraph(plain_markup(total), s.marks)])
        out.append(gap)
    return out


def _handout_question(
    q: d.Question, s: Styles, width: float, max_height: float, lead: list[Flowable] | None, last: bool,
    scan: Sink | None,
) -> list[Flowable]:
    t = s.theme
    gap = Spacer(1, t.body * 1.1)
    lead = lead or []
    if q.detail is not None:
        indent = label_width(s)
        body = closed.handout(q.detail, s, width - indent)
        if q.scaffold:
            body = scaffold_parts(q.scaffold, s, width - indent)[0] + body
        row = question_row(printed_label(q, s), _prompt(q, s), q.marks, s, width)
        if q.answer.kind != "none":  # a numeric answer: working space and an answer line, like a written one
            kept, rest = _with_space(row, q, s, width, max_height, scan=scan)
            return [*_with_marker(q, [Keep([*lead, *kept]), *rest], s, scan), gap]
        kept, rest = closed.kept_and_rest(body)
        return [*_with_marker(q, [Keep([*lead, row, Spacer(1, t.paragraph_space), *_indented(kept, indent)]),
                            *_indented(rest, indent)], s, scan), gap]
    if not q.parts:
        row = question_row(printed_label(q, s), _prompt(q, s), q.marks, s, width)
        kept, rest = _with_space(row, q, s, width, max_height, scan=scan)
        return [*_with_marker(q, [Keep([*lead, *kept]), *rest], s, scan), gap]
    out: list[Flowable] = []
    stem: list[Flowable] = [*lead, question_row(printed_label(q, s), _prompt(q, s), None, s, width),
                            Spacer(1, t.paragraph_space)]
    indent = label_width(s)
    for number, part in enumerate(q.parts, 1):
        row = question_row(printed_label(part, s), _prompt(part, s), part.marks, s, width, indent=indent)
        kept, rest = _with_space(row, part, s, width, max_height, indent=indent, scan=scan)
        if last and number == len(q.parts) > 1:
            keep_tail(out, [Keep(kept)])
        else:
            out.append(Keep(stem + kept))
        out += rest
        out[:] = _with_marker(part, out, s, scan)
        out.append(Spacer(1, t.body * 0.6))
        stem = []
    return [*out, gap]


def _with_marker(q: d.Question, laid: list[Flowable], s: Styles, scan: Sink | None) -> list[Flowable]:
    """The question's flowables with its marker's boxes (scan marking) kept with the end of its answer."""
    boxes = marker_boxes(q, s.theme, scan, s.words)
    if boxes:
        keep_tail(laid, boxes)
    return laid


def _with_space(
    row: Table, q: d.Question, s: Styles, width: float, max_height: float, indent: float = 0, scan: Sink | None = None
) -> tuple[list[Flowable], list[Flowable]]:
    """The row (with the marker's boxes, scan marking), any scaffold, and the answer space, as (kept together,
    may run on)."""
    left = indent + label_width(s)
    head: list[Flowable] = [row]
    before, starters, frame = scaffold_parts(q.scaffold, s, width - left) if q.scaffold else ([], [], ())
    if frame:
        lines = q.answer.lines if q.answer.kind == "lines" else 0
        boxes = writing_frame(frame, max(3, lines // len(frame)), s, width - left)
        # the first box stays with the question; the others follow, each box whole
        return [*head, *_indented(before + starters + boxes[:1], left)], _indented(boxes[1:], left)
    kept, rest = answer_space(q.answer, s, left, max_height, q.number)
    lead = [Spacer(1, s.theme.body * 0.3)] if kept else []
    return [*head, *_indented(before + starters, left), *lead, *kept], rest


def _indented(flowables_: list[Flowable], left: float) -> list[Flowable]:
    return [Indenter(left=left), *flowables_, Indenter(left=-left)] if flowables_ else []


def scaffold_parts(sc: d.Scaffold, s: Styles, width: float) -> tuple[list[Flowable], list[Flowable], tuple[str, ...]]:
    """Support-tier help: (hint and word bank, sentence starters, writing-frame labels)."""
    t = s.theme
    before: list[Flowable] = []
    if sc.hint:
        hint = flowables(sc.hint, s.cell, t)
        head = Paragraph(plain_markup(s.words("hint")), s.cell_bold)
        box = panel([[head], hint], width, fill=0.95, border=0, left_rule=2.5)
        before += [Spacer(1, 3), box]
    if sc.word_bank:
        before += [Spacer(1, 4), *closed.word_bank(sc.word_bank, s, width)]
    starters: list[Flowable] = []
    if sc.sentence_starters:
        style = ParagraphStyle("starter", parent=s.body, fontName=face_name(t.font, italic=t.italic, bold=not t.italic),
                               spaceBefore=t.line_pitch * 0.3, spaceAfter=0)
        starters += [Spacer(1, t.body * 0.6), Paragraph(plain_markup(s.words("sentence_starters")), s.cell_bold)]
        starters += [Paragraph(plain_markup(f"{text} …"), style) for text in sc.sentence_starters]
    return before, starters, sc.frame


def writing_frame(labels: tuple[str, ...], lines: int, s: Styles, width: float) -> list[Flowable]:
    """A labelled box per step of the frame (Point, Evidence, Explain...), each with writing lines."""
    t = s.theme
    out: list[Flowable] = []
    for label in labels:
        box = Table(
            [[Paragraph(plain_markup(label), s.cell_bold)], [AnswerLines(lines, t.line_pitch, t.rule_grey)]],
            colWidths=[width],
        )
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.8, Color(0.2, 0.2, 0.2)),
                                 ("BACKGROUND", (0, 0), (-1, 0), Color(0.92, 0.92, 0.92)),
                                 ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
        out += [Keep([Spacer(1, 5), box])]
    return out


# --- the mark scheme ------------------------------------------------------------------------

GRID = Color(0.55, 0.55, 0.55)
HEAD_FILL = Color(0.86, 0.86, 0.86)


def markscheme_question(q: d.Question, s: Styles, width: float, lead: list[Flowable] | None = None) -> list[Flowable]:
    """The question as set, then everything a marker needs for it (and for each part).

    `lead` (a block heading) is kept on the page of the question."""
    t = s.theme
    indent = label_width(s)
    row = question_row(printed_label(q, s), _prompt(q, s), None if q.parts else q.marks, s, width)
    # inside the question's first kept block, so it moves to the next page with the question if that does
    opening = RunningLabel(s.words("continued", number=q.number))
    out = _marked(row, _marking(q, s, width - indent), indent, [opening, *(lead or [])])
    for part in q.parts:
        out.append(Spacer(1, t.paragraph_space))
        row = question_row(printed_label(part, s), _prompt(part, s), part.marks, s, width, indent=indent)
        out += _marked(row, _marking(part, s, width - 2 * indent), 2 * indent)
    out.append(RunningLabel(None))
    out.append(Spacer(1, t.body * 1.3))
    return out


def _marked(row: Table, marking: list[Flowable], indent: float, lead: list[Flowable] | None = None) -> list[Flowable]:
    """A question row kept with the start of its marking guidance, which is indented under the prompt."""
    head, rest = marking[:2], marking[2:]
    return [Keep([*(lead or []), row, Indenter(left=indent), *head]), *rest, Indenter(left=-indent)]


def _label(text: str, s: Styles) -> Paragraph:
    return Paragraph(plain_markup(text), s.subheading)


def _marking(q: d.Question, s: Styles, width: float) -> list[Flowable]:
    t = s.theme
    out: list[Flowable] = []
    scheme = q.scheme
    if q.detail is not None:
        out += closed.scheme(q.detail, s, width)
    if scheme.guidance:
        out += [_label(s.words("guidance"), s), *flowables(scheme.guidance, s.body, t)]
    if scheme.points:
        total = sum(p.marks for p in scheme.points)
        out.append(_label(s.words("points_up_to", marks=q.marks, available=total) if total != q.marks
                          else s.words("points"), s))
        out.append(_points(scheme.points, s, width))
    if scheme.levels:
        out.append(_label(s.words("levels"), s))
        out.append(_levels(scheme.levels, s, width))
    if scheme.indicative:
        out.append(_label(s.words("indicative"), s))
        for item in scheme.indicative:
            out += _bulleted(item, s)
    if q.model_answer:
        out += [_label(s.words("model_answer"), s), *flowables(q.model_answer, s.body, t)]
    if not out and not q.parts and q.detail is None:
        none = plain_markup(s.words("no_scheme"))
        out.append(Paragraph(f"<i>{none}</i>" if t.italic else none, s.body))
    return out


def _bulleted(prose: tuple, s: Styles) -> list[Flowable]:
    from reportlab.lib.styles import ParagraphStyle

    style = ParagraphStyle("bullet", parent=s.body, leftIndent=s.theme.body * 1.4, bulletIndent=s.theme.body * 0.3,
                           spaceAfter=s.theme.paragraph_space * 0.4)
    items = flowables(prose, style, s.theme)
    if items and isinstance(items[0], Paragraph):
        items[0] = Paragraph(items[0].text, style, bulletText="•")
    return items


def _points(points: tuple[d.ScoringPoint, ...], s: Styles, width: float) -> Table:
    mw = marks_width(s) * 0.6
    rows = [
        [Paragraph("•", s.cell), flowables(p.text, s.cell, s.theme), Paragraph(f"[{p.marks}]", s.marks)] for p in points
    ]
    table = Rows(rows, colWidths=[s.theme.body * 1.2, width - s.theme.body * 1.2 - mw, mw], splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def _levels(levels: tuple[d.ScoringLevel, ...], s: Styles, width: float) -> Table:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    w = s.words
    level_w = stringWidth(w("level_n", n=44), s.cell_bold.fontName, s.cell_bold.fontSize) + 14
    marks_w = stringWidth(w("marks_heading") + "  ", s.cell_bold.fontName, s.cell_bold.fontSize) + 14
    heads = (w("level"), w("marks_heading"), w("descriptor"))
    rows: list[list[object]] = [[Paragraph(plain_markup(word), s.cell_bold) for word in heads]]
    for level in levels:
        rows.append(
            [
                Paragraph(plain_markup(w("level_n", n=level.level)), s.cell_bold),
                Paragraph(plain_markup(level.band), s.cell_bold),
                flowables(level.descriptor, s.cell, s.theme),
            ]
        )
    rows.append([Paragraph("–", s.cell), Paragraph("0", s.cell_bold), Paragraph(plain_markup(w("no_credit")), s.cell)])
    table = Rows(rows, colWidths=[level_w, marks_w, width - level_w - marks_w], repeatRows=1, splitInRow=1,
                 renderCB=table_callback)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
                ("GRID", (0, 0), (-1, -1), 0.5, GRID),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table
