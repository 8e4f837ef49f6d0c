"""Class sets: a copy per student of their version, their name printed on its Name line.

Each version is rendered once; a student's copy is that version's pages with their name drawn
where its page map says the Name line is, as a small overlay, padded so every copy starts on a
right-hand page when printed double-sided.
"""

from __future__ import annotations

from dataclasses import dataclass

from worksheets.assemble.xobjects import IDENTITY, Forms, Source, compose, new_pdf, open_pdf, page_size, pdf_bytes
from worksheets.document.layout import PageMap
from worksheets.style.themes import Theme
from worksheets.style.words import ENGLISH, Words
from worksheets.writers.pdf import overlays


@dataclass(frozen=True)
class Copy:
    """One student's copy: the version's PDF and page map, and the name (and class) to print."""

    pdf: bytes
    """The version's handout."""
    pages: PageMap
    """Where its Name and Class lines are."""
    name: str
    """The student's name."""
    theme: Theme
    """The version's look, for the blank page that pads it."""
    group: str = ""
    """Printed on the Class line."""
    words: Words = ENGLISH
    """The version's language, for the blank page that pads it."""

    @property
    def named(self) -> bool:
        """The copy has a Name line and a name to print on it."""
        return self.pages.field("name") is not None and bool(self.name)


def class_set(copies: list[Copy]) -> bytes:
    """One PDF with every student's copy in order, each starting on an odd page.

    A version's pages are stored once and drawn on each copy; only the name differs."""
    pdf = new_pdf()
    forms = Forms(pdf)
    readers: dict[bytes, Source] = {}  # one per version: its pages become forms once
    for copy in copies:
        if copy.pdf not in readers:
            readers[copy.pdf] = open_pdf(copy.pdf)
    named = {id(c): index for index, c in enumerate(c for c in copies if c.named)}
    names = _names(copies, readers)
    blanks: dict[Theme, Source] = {}
    shared: dict[object, object] = {}
    for copy in copies:
        reader = readers[copy.pdf]
        size = page_size(reader)
        spot = copy.pages.field("name")
        name_page = spot.page - 1 if id(copy) in named and spot else -1
        for index in range(len(reader.pages)):
            placed = [(forms.of(reader, index), IDENTITY)]
            if index == name_page and names is not None:
                placed.append((forms.of(names, named[id(copy)]), IDENTITY))
            compose(pdf, size, placed, shared)
        if len(reader.pages) % 2:
            if copy.theme not in blanks:
                blanks[copy.theme] = open_pdf(overlays.blank_page(copy.theme, size, copy.words))
            compose(pdf, size, [(forms.of(blanks[copy.theme], 0), IDENTITY)], shared)
    return pdf_bytes(pdf)


def _names(copies: list[Copy], readers: dict[bytes, Source]) -> Source | None:
    """Every name on its own page of one small PDF, so the name font is embedded once."""
    first = page_size(readers[copies[0].pdf]) if copies else None
    families = tuple({c.theme.font for c in copies})
    drawings = [overlays.name_drawing([(c.pages.field("name"), c.name), (c.pages.field("class"), c.group)])
                for c in copies if c.named]
    if not drawings or first is None:
        return None
    return open_pdf(overlays.pages(first, drawings, families))
