"""Questions in Word, for both roles: the number in the margin (a hanging indent), the prompt, the marks at
the right margin on a right tab stop, parts (a), (b) with their question's total, the answer space; and for
the marker the key, guidance, marking points, levels table, indicative content and model answer."""

from __future__ import annotations

from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from worksheets import document as d
from worksheets.style.house import HOUSES, House
from worksheets.style.words import ENGLISH, Words
from worksheets.writers.docx import closed, prose, spaces
from worksheets.writers.docx.elements import first_paragraph, hanging, keep_with_next, run, spacing, tab
from worksheets.writers.docx.ooxml import (
    cell_at,
    grey,
    leader_tab,
    row_cells,
    row_height,
    set_style,
    shade,
    table_borders,
    valign,
)
from worksheets.writers.docx.prose import Place
from worksheets.writers.wording import instruction


def marks_text(marks: int, words: Words = ENGLISH, house: House = HOUSES["plain"]) -> str:
    """'[4 marks]' (or the house style's '(4)', '[4]'), the number kept with its word."""
    return house.marks(marks, words).replace(" ", "\u00a0")


def printed_label(q: d.Question, place: Place) -> str:
    """A question's or part's label as the house style prints it: '0 1 . 1' (AQA), '*3' (OCR, extended)."""
    house = place.w.house
    label = house.label(q.number, q.label)
    return f"*{label}" if house.asterisk and q.extended else label


def total_text(q: d.Question, words: Words = ENGLISH) -> str:
    """'(Total for Question 3 = 6 marks)', under a question in parts."""
    return words.count("question_total", q.marks, number=q.number)


def label_width(place: Place) -> float:
    """The margin a question's number (or a part's letter) hangs in, points (wider for AQA's '0 1 . 1')."""
    return place.w.theme.body * (4.4 if place.w.house.boxed_numbers else 2.6)


def question_row(label: str, prompt: d.Prose, marks: int | None, place: Place, extra: str | None = None) -> None:
    """The number hanging in the margin, the prompt (and a fixed instruction, 'Tick one box.'), and the marks at
    the right margin on the prompt's last line; kept with what follows."""
    lw = label_width(place)
    inner = place.inset(lw)
    first = inner.para()
    hanging(first, lw)
    tab(first, inner.left)
    run(first, f"{label}\t", bold=True)
    written = prose.write(prompt, inner, first) or [first]
    if extra:
        written.append(inner.para(text=extra, bold=True))
    last = written[-1]
    if marks is not None and place.w.show_marks:
        if not isinstance(last, Paragraph) or last.alignment is not None:  # a table, picture or formula
            last = inner.para()
            written.append(last)
        leader_tab(last, place.right, "none")
        run(last, f"\t{marks_text(marks, place.w.words, place.w.house)}", bold=True)
    for paragraph in written:
        if isinstance(paragraph, Paragraph):
            keep_with_next(paragraph)
    if isinstance(last, Paragraph):
        spacing(last, after=place.w.theme.paragraph_space)


def total_line(q: d.Question, place: Place) -> None:
    """The question's total, at the right, after its last part (none on a primary pupils' page)."""
    if not place.w.show_marks:
        return
    paragraph = place.para(text=total_text(q, place.w.words), bold=True)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def gap(place: Place) -> None:
    """Space between one question and the next."""
    place.para("Small").paragraph_format.space_after = Pt(place.w.theme.body * 0.8)


# --- the handout ----------------------------------------------------------------------------


def handout_question(q: d.Question, place: Place) -> None:
    """A question with its answer space (or its closed layout), its parts each with theirs."""
    lw = label_width(place)
    if q.detail is not None or not q.parts:
        question_row(printed_label(q, place), q.prompt, q.marks, place, instruction(q, place.w.words))
        inner = place.inset(lw)
        if q.detail is not None:
            if q.scaffold:
                spaces.scaffold_before(q.scaffold, inner)
            closed.handout(q.detail, inner)
            if q.answer.kind != "none":  # a numeric answer: working space and an answer line
                spaces.space(q.answer, inner)
        else:
            _with_space(q, inner)
        if place.w.house.question_totals:
            total_line(q, place)
        gap(place)
        return
    question_row(printed_label(q, place), q.prompt, None, place)
    for part in q.parts:
        question_row(printed_label(part, place), part.prompt, part.marks, place.inset(lw),
                     instruction(part, place.w.words))
        _with_space(part, place.inset(2 * lw))
    total_line(q, place)
    gap(place)


def _with_space(q: d.Question, place: Place) -> None:
    """Any scaffold, then the answer space (a writing frame's boxes, when the tier has one)."""
    sc = q.scaffold
    if sc is not None:
        spaces.scaffold_before(sc, place)
        spaces.starters(sc, place)
        if sc.frame:
            count = q.answer.lines if q.answer.kind == "lines" else 0
            spaces.writing_frame(sc.frame, max(3, count // len(sc.frame)), place)
            return
    spaces.space(q.answer, place)


def grading_table(questions: tuple[d.Question, ...], place: Place, total: int) -> None:
    """For the teacher on page 1: each question's marks available and a box for the mark awarded."""
    w = place.w.words
    place.para("Small", w("teacher_use")).paragraph_format.keep_with_next = True
    labels = [place.w.house.label(q.number, q.number) for q in questions] + [w("total")]
    marks = [str(q.marks) for q in questions] + [str(total)]
    head = place.w.theme.body * 6.4  # "Question" and "Awarded" on one line, in any style's font
    col = place.w.theme.body * 3.6
    per_row = max(1, int((place.width - head) // col))
    bands = -(-len(labels) // per_row)
    per_row = -(-len(labels) // bands)
    table = place.table(3 * bands, [head] + [col] * per_row)
    table_borders(table, 0.5, grey(0.55))
    for band in range(bands):
        chunk = slice(band * per_row, (band + 1) * per_row)
        heads: tuple[tuple[str, list[str]], ...] = (
            (w("question"), labels[chunk]), (w("marks_heading"), marks[chunk]), (w("awarded"), []))
        for r, (title, values) in enumerate(heads):
            row = 3 * band + r
            for c, text in enumerate([title, *values]):
                paragraph = first_paragraph(cell_at(table, row, c))
                set_style(paragraph, "Cell")
                run(paragraph, text, bold=r == 0 or None)
            if r == 0:
                for cell in row_cells(table.rows[row]):
                    shade(cell, grey(0.86))
            if r == 2:
                row_height(table.rows[row], place.w.theme.body * 2.2)


# --- the mark scheme --------------------------------------------------------------------------


def markscheme_question(q: d.Question, place: Place) -> None:
    """The question as set, then everything a marker needs for it and for each of its parts."""
    lw = label_width(place)
    question_row(printed_label(q, place), q.prompt, None if q.parts else q.marks, place,
                 instruction(q, place.w.words))
    marking(q, place.inset(lw))
    for part in q.parts:
        question_row(printed_label(part, place), part.prompt, part.marks, place.inset(lw),
                     instruction(part, place.w.words))
        marking(part, place.inset(2 * lw))
    if q.parts:
        total_line(q, place)
    gap(place)


def _label(text: str, place: Place) -> None:
    place.para("Heading 3", text)


def marking(q: d.Question, place: Place) -> None:
    """The key, guidance, marking points, levels, indicative content and model answer of one question."""
    scheme = q.scheme
    if q.detail is not None:
        closed.scheme(q.detail, place)
    if scheme.guidance:
        _label(place.w.words("guidance"), place)
        prose.write(scheme.guidance, place)
    if scheme.points:
        total = sum(p.marks for p in scheme.points)
        _label(place.w.words("points_up_to", marks=q.marks, available=total) if total != q.marks
               else place.w.words("points"), place)
        for point in scheme.points:
            bullet(point.text, place, f"[{point.marks}]")
    if scheme.levels:
        _label(place.w.words("levels"), place)
        levels(scheme.levels, place)
    if scheme.indicative:
        _label(place.w.words("indicative"), place)
        for item in scheme.indicative:
            bullet(item, place)
    if q.model_answer:
        _label(place.w.words("model_answer"), place)
        prose.write(q.model_answer, place)
    if not (q.detail or scheme.guidance or scheme.points or scheme.levels or scheme.indicative or q.model_answer
            or q.parts):
        run = place.para().add_run(place.w.words("no_scheme"))
        run.italic = place.w.theme.italic or None


BULLET = 14.0  # points from a bullet to its text


def bullet(text: d.Prose, place: Place, marks: str = "") -> None:
    """A bulleted item (a marking point with its marks at the right)."""
    inner = place.inset(BULLET)
    first = inner.para()
    hanging(first, BULLET)
    tab(first, inner.left)
    spacing(first, after=place.w.theme.paragraph_space * 0.4)
    run(first, "•\t")
    written = prose.write(text, inner, first) or [first]
    last = written[-1]
    if marks:
        if not isinstance(last, Paragraph):
            last = inner.para()
        leader_tab(last, place.right, "none")
        run(last, f"\t{marks}", bold=True)


def levels(items: tuple[d.ScoringLevel, ...], place: Place) -> None:
    """Level | Marks | Descriptor, highest first, with the zero band last."""
    t = place.w.theme
    widths = [t.body * 5, t.body * 4.5, place.width - t.body * 9.5]
    table = place.table(len(items) + 2, widths)
    table_borders(table, 0.5, grey(0.55))
    w = place.w.words
    rows: list[tuple[str, str, d.Prose | str]] = [(w("level"), w("marks_heading"), w("descriptor"))]
    rows += [(w("level_n", n=level.level), level.band, level.descriptor) for level in items]
    rows.append(("–", "0", w("no_credit")))
    for r, (name, band, descriptor) in enumerate(rows):
        for c, text in enumerate((name, band)):
            paragraph = first_paragraph(cell_at(table, r, c))
            set_style(paragraph, "Cell")
            run(paragraph, text, bold=True)
        cell = cell_at(table, r, 2)
        if isinstance(descriptor, str):
            set_style(first_paragraph(cell), "Cell")
            run(first_paragraph(cell), descriptor, bold=r == 0 or None)
        else:
            prose.write(descriptor, place.cell(cell, widths[2]))
            prose.tidy(cell)
    for cell in row_cells(table.rows[0]):
        shade(cell, grey(0.86))


def summary_table(questions: tuple[d.Question, ...], place: Place, total: int) -> Any:
    """Question | Marks, part by part, with the total: the marker's overview."""
    house = place.w.house
    rows = [(house.label(part.number, part.number), part.marks) for q in questions for part in (q.parts or (q,))]
    col = min(place.width / 4, place.w.theme.body * 10)
    table = place.table(len(rows) + 2, [col, col * 0.7])
    table_borders(table, 0.5, grey(0.55))
    w = place.w.words
    for r, (number, marks) in enumerate([(w("question"), w("marks_heading")), *rows, (w("total"), total)]):
        ends = r in (0, len(rows) + 1)
        for c, text in enumerate((number, str(marks))):
            cell = cell_at(table, r, c)
            valign(cell)
            paragraph = first_paragraph(cell)
            set_style(paragraph, "Cell")
            run(paragraph, str(text), bold=ends or None)
            if ends:
                shade(cell, grey(0.86))
    return table
