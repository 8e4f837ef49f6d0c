"""The student's Word handout: title block, contents and questions with room to answer. Never an answer: it
is written from the student view of the document."""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from worksheets import document as d
from worksheets.style.words import Words
from worksheets.writers.docx import blocks, prose, questions
from worksheets.writers.docx.prose import Place


def version_label(doc: d.Document) -> str:
    """What the student's copy says about its version: "Version B", and the tier only if the spec shows it."""
    parts = [doc.tier_label or "", Words.of(doc)("version", letter=doc.variant) if doc.variant else ""]
    return " · ".join(p for p in parts if p)


def write(doc: d.Document, place: Place) -> None:
    """The whole handout at the place (the document's body)."""
    total = doc.total_marks
    shown = place.w.show_marks  # a primary pupils' page: no marks, totals or exam furniture
    total_line = place.w.words.count("total_marks", total) if doc.questions and shown else ""
    blocks.title_block(doc, place, total_line)
    if doc.grading_table and doc.questions and shown:
        questions.grading_table(doc.questions, place, total)
    last = doc.questions_end()
    noted = False
    for index, block in enumerate(doc.blocks):
        if doc.source_insert and isinstance(block, d.SourceBlock) and not noted:
            blocks.insert_note(doc.sources, place)
            noted = True
        contents(block, place, doc)
        if index == last and shown:
            end = place.para(text=place.w.words("end"), bold=True)
            end.alignment = WD_ALIGN_PARAGRAPH.CENTER
            end.paragraph_format.space_before = Pt(place.w.theme.body * 1.5)


@singledispatch
def contents(block: Any, place: Place, doc: d.Document) -> None:
    """One block of the contents: questions here, the others in `blocks`."""
    blocks.write_block(block, place, doc)


@contents.register
def _questions(block: d.QuestionsBlock, place: Place, doc: d.Document) -> None:
    if block.title:
        place.para("Heading 1", block.title)
    for written in prose.write(block.intro, place):
        if hasattr(written, "paragraph_format"):
            written.paragraph_format.keep_with_next = True
    for q in block.questions:
        questions.handout_question(q, place)
