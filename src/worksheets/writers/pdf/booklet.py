"""A booklet's own pages: cover, contents and dividers, in the booklet's style."""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from worksheets.document.prose import Prose
from worksheets.style.themes import theme_for
from worksheets.style.words import Words
from worksheets.writers.pdf.blocks import _image
from worksheets.writers.pdf.flow import Paragraph
from worksheets.writers.pdf.page import Furniture, build_pdf, frame_size
from worksheets.writers.pdf.prose import flowables, plain_markup, styles_for
from worksheets.writers.pdf.rows import Rows


def _furniture(style: str, header: str = "", language: str = "en") -> Furniture:
    return Furniture(theme=theme_for(style), header_left=header, header_right="", footer_left="", turn_over=False,
                     page_numbers=False, words=Words(language))


def cover(title: str, subtitle: str | None, image: object, paper: str, style: str, language: str = "en") -> bytes:
    theme = theme_for(style)
    s = styles_for(theme)
    width, height = frame_size(paper, theme)
    out: list[Flowable] = [Spacer(1, height * 0.22), Paragraph(plain_markup(title), s.title)]
    if subtitle:
        out.append(Paragraph(plain_markup(subtitle), s.subtitle))
    if image is not None:
        out += [Spacer(1, theme.body * 2), _image(image, width * 0.8, height * 0.4, None)]
    out += [Spacer(1, theme.body * 3)]
    words = Words(language)
    name = plain_markup(words("field", label=words("name")))
    fields = Table([[Paragraph(name, s.cell_bold), ""]], colWidths=[width * 0.15, width * 0.5])
    fields.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, 0), 0.6, Color(0.25, 0.25, 0.25))]))
    out.append(fields)
    return build_pdf(out, paper, _furniture(style, language=language), title, "Booklet cover")


def contents(title: str, entries: list[tuple[str, int | None]], paper: str, style: str,
             language: str = "en") -> bytes:
    """The contents page(s): each part's title and the page it starts on."""
    theme = theme_for(style)
    s = styles_for(theme)
    width, _ = frame_size(paper, theme)
    out: list[Flowable] = [Paragraph(plain_markup(Words(language)("contents")), s.title), Spacer(1, theme.body)]
    number_width = theme.body * 4
    rows = [[Paragraph(plain_markup(name), s.cell), Paragraph("" if page is None else str(page), s.marks)]
            for name, page in entries]
    table = Rows(rows, colWidths=[width - number_width, number_width], repeatRows=0)
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.4, Color(0.7, 0.7, 0.7)),
                               ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                               ("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    out.append(table)
    return build_pdf(out, paper, _furniture(style, title, language), title, "Contents")


def divider(title: str, text: Prose, paper: str, style: str, booklet_title: str, language: str = "en") -> bytes:
    theme = theme_for(style)
    s = styles_for(theme)
    _, height = frame_size(paper, theme)
    out: list[Flowable] = [Spacer(1, height * 0.3), Paragraph(plain_markup(title), s.title), Spacer(1, theme.body)]
    out += flowables(text, s.subtitle, theme)
    return build_pdf(out, paper, _furniture(style, booklet_title, language), title, "Divider")
