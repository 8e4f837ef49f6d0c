"""The mark scheme: same numbers, marks and total as its handout, with everything a marker needs."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Spacer
from reportlab.platypus.doctemplate import NotAtTopPageBreak

from worksheets import document as d
from worksheets.document.layout import NO_PAGES
from worksheets.style.themes import theme_for
from worksheets.writers.contract import Rendered
from worksheets.writers.pdf import blocks, questions, tables
from worksheets.writers.pdf.flow import Paragraph
from worksheets.writers.pdf.page import Furniture, build_pdf, frame_size
from worksheets.writers.pdf.prose import Styles, plain_markup, styles_of
from worksheets.writers.pdf.rows import panel
from worksheets.writers.wording import guidance, version_line


def story(doc: d.Document, s: Styles, width: float, height: float) -> list[Flowable]:
    """The mark scheme's flowables, in order."""
    t = s.theme
    total = doc.total_marks
    w = s.words
    out: list[Flowable] = [Paragraph(plain_markup(w("mark_scheme_of", title=doc.title)), s.title)]
    if doc.subtitle:
        out.append(Paragraph(plain_markup(doc.subtitle), s.subtitle))
    summary = " · ".join(p for p in (version_line(doc), w.count("total_marks", total)) if p)
    out.append(Paragraph(plain_markup(summary), s.subtitle))
    out.append(Spacer(1, t.body))
    rows: list[list[Flowable]] = [[Paragraph(plain_markup(w("general_guidance")), s.cell_bold)]]
    bullet = ParagraphStyle("guidance", parent=s.cell, leftIndent=t.body, bulletIndent=0)
    rows += [[Paragraph(plain_markup(line), bullet, bulletText="•")] for line in guidance(doc)]
    out.append(panel(rows, width, fill=None))
    out.append(Spacer(1, t.body))
    out.append(Paragraph(plain_markup(w("summary")), s.heading))
    out.append(tables.summary_table(doc.questions, s, width, total))
    out.append(Spacer(1, t.body))
    for block in doc.blocks:
        if isinstance(block, d.QuestionsBlock) and block.questions:
            lead = [Paragraph(plain_markup(block.title), s.heading)] if block.title else []
            for q in block.questions:
                out += questions.markscheme_question(q, s, width, lead)
                lead = []
    sources = [b for b in doc.blocks if isinstance(b, d.SourceBlock)]
    if sources:
        out.append(NotAtTopPageBreak())  # questions that filled their last page leave no empty one
        out.append(Paragraph(plain_markup(w("sources_printed")), s.heading))
        for block in sources:
            out += blocks.source(block, s, width, height * 0.5)
    return out


def render(doc: d.Document, page_numbers: bool = True) -> Rendered:
    """The mark scheme: the marker's guidance, the summary of marks, every question's scheme, the sources."""
    theme = theme_for(doc.style)
    s = styles_of(doc, theme)
    width, height = frame_size(doc.paper, theme)
    furniture = Furniture(
        theme=theme,
        header_left=s.words("mark_scheme_of", title=doc.title),
        header_right=version_line(doc),
        footer_left=doc.footer_code,
        turn_over=False,
        page_numbers=page_numbers,
        words=s.words,
    )
    return Rendered(build_pdf(story(doc, s, width, height), doc.paper, furniture,
                              s.words("mark_scheme_of", title=doc.title), s.words("mark_scheme")), NO_PAGES)
