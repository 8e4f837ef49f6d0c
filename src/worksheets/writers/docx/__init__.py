"""The Word writer: a Document as an editable .docx handout or mark scheme (python-docx).

The same numbering, marks and totals as the PDFs; writing lines are dotted tab leaders to the right margin,
boxes single-cell tables, formulas Word equations (OMML), the footer "Page X of Y" as fields. `handout` and
`markscheme` write each role from shared pieces (`blocks`, `questions`, `closed` and `puzzles` for the
closed types, `spaces`, `prose`, `maths`); `page` makes the file and saves it byte for byte the same."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from worksheets.document import Document
    from worksheets.writers.contract import Rendered, RenderUnit


def render(unit: RenderUnit) -> Rendered:
    """The .docx of one unit (student or markscheme), with what it could not hold as notes."""
    from worksheets.document.layout import NO_PAGES
    from worksheets.style.house import house
    from worksheets.style.themes import theme_for, tier_theme
    from worksheets.style.words import Words
    from worksheets.writers.contract import Rendered
    from worksheets.writers.docx import handout, markscheme, page
    from worksheets.writers.docx.prose import Place, Writer

    doc = unit.document
    student = unit.role == "student"
    theme = tier_theme(doc.style, doc.tier, doc.audience) if student else theme_for(doc.style)
    width, height = page.text_size(doc.paper, theme)
    words = Words.of(doc)
    title = doc.title if student else words("mark_scheme_of", title=doc.title)
    document = page.new_document(doc.paper, theme, title, "Student handout" if student else words("mark_scheme"))
    header_right = handout.version_label(doc) if student else markscheme.version_line(doc)
    margin = house(doc.house_style).margin if student else ""
    page.furniture(document, theme, width, title, header_right, doc.footer_code,
                   first_page_header=student and bool(header_right), numbered=unit.numbered, words=words,
                   margin=words(margin) if margin else "")
    writer = Writer(theme, width, height, doc.source, words=words, house=house(doc.house_style),
                    show_marks=not (student and doc.audience == "primary"))
    if doc.scan_marking and student:  # Word lays the pages out its own way: no box is where a scan looks for it
        writer.notes.append(f"{doc.source}: scan_marking: the Word handout has no corner marks, codes or marker's "
                            "boxes: print the PDFs to mark from a scan")
    place = Place(document, 0.0, width, writer)
    (handout.write if student else markscheme.write)(doc, place)
    return Rendered(page.saved(document), NO_PAGES, tuple(dict.fromkeys(writer.notes)))


def warm_up() -> None:
    """Import python-docx and every part of this writer, make the empty files of the standard style on A4 (most
    worksheets' own) and read the page's own words, before renderers fork or while a spec is planned."""
    from worksheets import document  # noqa: F401 - unpickling the documents needs it
    from worksheets.style.themes import theme_for, tier_theme
    from worksheets.style.words import DEFAULT_LANGUAGE, catalogue, preload
    from worksheets.vocab import DEFAULT_STYLE, TIERS
    from worksheets.writers.docx import closed, handout, markscheme, maths, page, prose, puzzles, spaces  # noqa: F401

    page.blank("A4", theme_for(DEFAULT_STYLE))
    for tier in TIERS:
        page.blank("A4", tier_theme(DEFAULT_STYLE, tier))
    catalogue()
    preload(DEFAULT_LANGUAGE)


def prepare(documents: Iterable[Document]) -> None:
    """Import python-docx, make each document's empty styled file and read its language's rules, once, before
    renderers fork."""
    from worksheets.style.themes import theme_for, tier_theme
    from worksheets.style.words import preload
    from worksheets.writers.docx import page

    for doc in documents:
        page.blank(doc.paper, tier_theme(doc.style, doc.tier, doc.audience))
        page.blank(doc.paper, theme_for(doc.style))
        preload(doc.language)


def detail_handlers() -> tuple[Any, ...]:
    """The functions that dispatch on a question's detail node: each registered type needs a handler in each."""
    from worksheets.writers.docx import closed

    return (closed.handout, closed.scheme)
