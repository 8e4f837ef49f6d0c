"""The handout's blocks other than questions: the title block (title, subtitle, Name/Class/Date lines, the
instructions box), sections with their callouts, sources in shaded boxes, the glossary, headings, text and
page breaks; boxes are single-cell tables (bordered paragraphs would merge in Word)."""

from __future__ import annotations

from collections.abc import Callable
from functools import singledispatch
from pathlib import Path
from typing import Any

from docx.shared import Pt

from worksheets import document as d
from worksheets.writers.docx import prose
from worksheets.writers.docx.elements import first_paragraph, run
from worksheets.writers.docx.ooxml import (
    cell_at,
    cell_borders,
    grey,
    leader_tab,
    repeat_header,
    row_height,
    set_style,
    shade,
    table_borders,
)
from worksheets.writers.docx.prose import Place

CALLOUT_FILL = {"note": 0.95, "did-you-know": 0.92, "key-term": 0.95}


def boxed(place: Place, fill: float | None = None, border: float = 0.8, left_rule: float = 0.0) -> tuple[Any, Place]:
    """A box across the place: (its cell, the place inside it); fill is a grey (None: white)."""
    table = place.table(1, [place.width])
    cell = cell_at(table, 0, 0)
    if fill is not None:
        shade(cell, grey(fill))
    if border:
        cell_borders(cell, border)
    if left_rule:
        cell_borders(cell, left_rule, grey(0.3), "left")
    return cell, place.cell(cell, place.width)


def in_box(place: Place, fill: float | None, fill_in: Callable[[Place], None], border: float = 0.8,
           left_rule: float = 0.0) -> None:
    """A box whose inside `fill_in` writes."""
    cell, inner = boxed(place, fill, border, left_rule)
    fill_in(inner)
    prose.tidy(cell)


def title_block(doc: d.Document, place: Place, total_line: str) -> None:
    """Title, subtitle, the student's writing lines, and the instructions box with time and total marks."""
    place.para("Title", doc.title)
    if doc.subtitle:
        place.para("Subtitle", doc.subtitle)
    if doc.student_fields:
        student_fields(doc.student_fields, place)
    if place.w.house.candidate_boxes:
        candidate_boxes(place)
    if not (doc.instructions or doc.time_allowed or total_line):
        return

    def inside(inner: Place) -> None:
        if doc.instructions:
            inner.para(text=inner.w.words("instructions"), bold=True)
            prose.write(doc.instructions, inner)
        if doc.time_allowed or total_line:
            line = inner.para()
            leader_tab(line, inner.right, "none")
            time = inner.w.words("time_allowed", time=doc.time_allowed) if doc.time_allowed else ""
            line.add_run(time).bold = True
            if len(time) + len(total_line) + 4 > inner.width / (inner.w.theme.body * 0.55):
                line = inner.para()  # too long to share a line: the total on its own, at the right
                leader_tab(line, inner.right, "none")
            line.add_run(f"\t{total_line}").bold = True

    place.para("Small")
    in_box(place, None, inside)


CENTRE_DIGITS, CANDIDATE_DIGITS = 5, 4  # as an exam board's front page has them


def candidate_boxes(place: Place) -> None:
    """The front page's centre number and candidate number, a box for each digit (AQA)."""
    w = place.w.words
    side = max(place.w.theme.body * 1.6, 16.0)
    head = (place.width - side * (CENTRE_DIGITS + CANDIDATE_DIGITS + 1)) / 2
    widths = [head, *[side] * CENTRE_DIGITS, side, head, *[side] * CANDIDATE_DIGITS]
    table = place.table(1, widths)
    for column, text in ((0, w("centre_number")), (CENTRE_DIGITS + 2, w("candidate_number"))):
        run(first_paragraph(cell_at(table, 0, column)), text, bold=True)
    for column in [*range(1, CENTRE_DIGITS + 1), *range(CENTRE_DIGITS + 3, CENTRE_DIGITS + 3 + CANDIDATE_DIGITS)]:
        cell_borders(cell_at(table, 0, column), 0.8)
    row_height(table.rows[0], side)
    place.para("Small")


FIELD_SHARES = 2.4  # the first field's line is this many times as long as each other's


def student_fields(names: tuple[str, ...], place: Place) -> None:
    """'Name: ......  Class: ......  Date: ......' on one line, each writing line a tab leader."""
    paragraph = place.para()
    paragraph.paragraph_format.space_before = Pt(place.w.theme.body * 1.2)
    paragraph.paragraph_format.space_after = Pt(place.w.theme.body * 0.8)
    shares = [FIELD_SHARES] + [1.0] * (len(names) - 1)
    labels = sum(len(n) + 3 for n in names) * place.w.theme.body * 0.6
    free = max(place.width - labels, place.width * 0.4)
    at = place.left
    for index, name in enumerate(names):
        at += (len(name) + 3) * place.w.theme.body * 0.6 + free * shares[index] / sum(shares)
        leader_tab(paragraph, min(at, place.right) if index < len(names) - 1 else place.right, "line")
        paragraph.add_run(f"{'  ' if index else ''}{place.w.words('field', label=name)} ").bold = True
        paragraph.add_run("\t")


@singledispatch
def write_block(block: object, place: Place, doc: d.Document) -> None:
    """One block of the handout's contents; every block type has a handler (questions are written apart)."""
    raise TypeError(f"the Word handout has no layout for {type(block).__name__}")


@write_block.register
def _section(block: d.SectionBlock, place: Place, doc: d.Document) -> None:
    if block.title:
        place.para("Heading 1", block.title)
    prose.write(block.body, place)
    for callout in block.callouts:
        def inside(inner: Place, callout: d.Callout = callout) -> None:
            inner.para(text=callout.title, bold=True).paragraph_format.keep_with_next = True
            prose.write(callout.text, inner)

        in_box(place, CALLOUT_FILL.get(callout.kind, 0.94), inside, border=0, left_rule=2.5)


@write_block.register
def _source(block: d.SourceBlock, place: Place, doc: d.Document) -> None:
    if doc.source_insert:
        return  # the handout's note sends students to the insert (written once, before the first source)
    source(block, place)


def source(block: d.SourceBlock, place: Place) -> None:
    """A grey box: 'Source A: title', the provenance line, the words or the picture, the caption."""
    def inside(inner: Place) -> None:
        head = inner.para("Heading 3", block.label + (f": {block.title}" if block.title else ""))
        head.paragraph_format.space_before = Pt(2)
        if block.attribution:
            prose.write(block.attribution, Place(inner.box, inner.left, inner.right, inner.w, "Attribution"))
        words = Place(inner.box, inner.left, inner.right, inner.w, "Source Text")
        if block.number_every:
            numbered(block, words)
        else:
            prose.write(block.text, words)
        if block.image is not None:
            if Path(block.image).is_file():
                prose.picture(Path(block.image), inner, inner.w.height * 0.55, block.alt)
            else:
                inner.w.notes.append(f"{inner.w.source}: the picture of {block.label} cannot go in Word: left out")
        if block.caption:
            inner.para("Picture Caption", block.caption)

    in_box(place, place.w.theme.box_grey, inside, border=1.0)


def numbered(block: d.SourceBlock, place: Place) -> None:
    """A source's lines with every Nth numbered in the margin (Word's own line numbers count the whole page)."""
    count = 0
    for node in block.text:
        if not isinstance(node, d.Para):
            prose.block(node, place)
            continue
        for line in d.plain((node,)).split("\n"):
            count += 1
            paragraph = place.para()
            paragraph.paragraph_format.space_after = Pt(0)
            leader_tab(paragraph, place.right, "none")
            paragraph.add_run(line)
            if count % block.number_every == 0:
                paragraph.add_run(f"\t{count}").italic = True
        place.para().paragraph_format.space_after = Pt(0)


@write_block.register
def _heading(block: d.HeadingBlock, place: Place, doc: d.Document) -> None:
    place.para("Heading 1", block.text)


@write_block.register
def _text(block: d.TextBlock, place: Place, doc: d.Document) -> None:
    prose.write(block.body, place)


@write_block.register
def _glossary(block: d.GlossaryBlock, place: Place, doc: d.Document) -> None:
    if not block.entries:
        return
    place.para("Heading 1", place.w.words("glossary"))
    term = min(place.width * 0.32, max(len(t) for t, _ in block.entries) * place.w.theme.body * 0.6 + 12)
    widths = [term, place.width - term]
    table = place.table(1 + len(block.entries), widths)
    table_borders(table, 0.4, grey(0.6), inside=True)
    repeat_header(table.rows[0])
    for c, word in enumerate((place.w.words("term"), place.w.words("meaning"))):
        cell_at(table, 0, c).paragraphs[0].add_run(word).bold = True
        set_style(cell_at(table, 0, c).paragraphs[0], "Cell")
        shade(cell_at(table, 0, c), grey(0.85))
    for r, (word, meaning) in enumerate(block.entries, 1):
        first = cell_at(table, r, 0).paragraphs[0]
        set_style(first, "Cell")
        first.add_run(word).bold = True
        cell = cell_at(table, r, 1)
        prose.write(meaning, place.cell(cell, widths[1]))
        prose.tidy(cell)


@write_block.register
def _page_break(block: d.PageBreakBlock, place: Place, doc: d.Document) -> None:
    paragraph = place.para("Small")
    paragraph.paragraph_format.page_break_before = True  # a paragraph holding a break leaves an empty page in
    paragraph.paragraph_format.space_after = Pt(0)  # LibreOffice when the page before is full


def insert_note(sources: tuple[d.SourceBlock, ...], place: Place) -> None:
    """Where the sources would be: a boxed note sending the student to the insert."""
    letters = [b.letter for b in sources]
    words = place.w.words
    which = words("source", letter=letters[0]) if len(letters) == 1 else words("sources", first=letters[0],
                                                                               last=letters[-1])
    verb = "is" if len(letters) == 1 else "are"
    in_box(place, place.w.theme.box_grey, lambda inner: inner.para(text=f"{which} {verb} in the separate source "
                                                                         "insert.", bold=True))
