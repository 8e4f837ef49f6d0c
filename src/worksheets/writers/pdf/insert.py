"""The source insert: a worksheet's sources, lettered as on its handout, for exam-style papers."""

from __future__ import annotations

from reportlab.platypus import Flowable, Spacer

from worksheets import document as d
from worksheets.document.layout import NO_PAGES
from worksheets.style.themes import theme_for
from worksheets.writers.contract import Rendered
from worksheets.writers.pdf import blocks
from worksheets.writers.pdf.flow import Paragraph
from worksheets.writers.pdf.page import Furniture, build_pdf, frame_size
from worksheets.writers.pdf.prose import plain_markup, styles_of


def render(doc: d.Document, page_numbers: bool = True) -> Rendered:
    """The source insert: the worksheet's sources, lettered as on the handout, for exam-style papers."""
    theme = theme_for(doc.style)
    s = styles_of(doc, theme)
    w = s.words
    width, height = frame_size(doc.paper, theme)
    out: list[Flowable] = [Paragraph(plain_markup(w("source_insert")), s.title),
                           Paragraph(plain_markup(doc.title), s.subtitle)]
    if doc.subtitle:
        out.append(Paragraph(plain_markup(doc.subtitle), s.subtitle))
    out.append(Paragraph(plain_markup(w("insert_note")), s.subtitle))
    out.append(Spacer(1, theme.body * 1.5))
    for block in doc.sources:
        out += blocks.source(block, s, width, height * 0.6)
    furniture = Furniture(
        theme=theme, header_left=f"{w('source_insert')}: {doc.title}", header_right="",
        footer_left=doc.footer_code, turn_over=False, page_numbers=page_numbers, words=w,
    )
    return Rendered(build_pdf(out, doc.paper, furniture, f"{w('source_insert')}: {doc.title}", w("source_insert")),
                    NO_PAGES)
