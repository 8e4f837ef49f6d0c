"""The Word mark scheme: the same numbers, marks and total as its handout, the marker's guidance, the summary
of marks, each question with its key, marking points, levels, indicative content and model answer, and the
sources as printed."""

from __future__ import annotations

from worksheets import document as d
from worksheets.style.words import Words
from worksheets.writers.docx import blocks, questions
from worksheets.writers.docx.prose import Place
from worksheets.writers.wording import guidance, version_line


def write(doc: d.Document, place: Place) -> None:
    """The whole mark scheme at the place (the document's body)."""
    total = doc.total_marks
    w = Words.of(doc)
    place.para("Title", w("mark_scheme_of", title=doc.title))
    if doc.subtitle:
        place.para("Subtitle", doc.subtitle)
    place.para("Subtitle", " · ".join(p for p in (version_line(doc), w.count("total_marks", total)) if p))
    place.para("Small")

    def general(inner: Place) -> None:
        inner.para(text=w("general_guidance"), bold=True)
        for line in guidance(doc):
            questions.bullet((d.Para((d.Run(line),)),), inner)

    blocks.in_box(place, None, general)
    place.para("Heading 1", w("summary"))
    questions.summary_table(doc.questions, place, total)
    for block in doc.blocks:
        if isinstance(block, d.QuestionsBlock) and block.questions:
            if block.title:
                place.para("Heading 1", block.title)
            for q in block.questions:
                questions.markscheme_question(q, place)
    if doc.sources:
        place.para("Heading 1", w("sources_printed")).paragraph_format.page_break_before = True
        for source in doc.sources:
            blocks.source(source, place)
