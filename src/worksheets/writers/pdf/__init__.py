"""The PDF writer: a Document typeset with reportlab as a handout, mark scheme or source insert.

`handout`, `markscheme` and `insert` lay out each role from shared pieces (`blocks`,
`questions`, `closed` for the closed question types, `prose`, `flow`, `page`); `booklet` makes a
booklet's own pages and `overlays` the small pages assembly stamps on others.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from reportlab import rl_config

if TYPE_CHECKING:
    from worksheets.document import Document
    from worksheets.writers.contract import Rendered, RenderUnit

# Streams compressed with Flate alone, not also ASCII85-encoded: files a fifth smaller, and a rendered
# page can become a Form XObject (class sets, booklets) by copying its stream as it is.
rl_config.useA85 = 0


def render(unit: RenderUnit) -> Rendered:
    """The PDF of one unit, with its page map; a layout that cannot fit a page is a located problem."""
    from reportlab.platypus.doctemplate import LayoutError

    from worksheets.errors import Loc, Problem, SpecError
    from worksheets.vocab import ROLE_TITLES
    from worksheets.writers.pdf import handout, insert, markscheme

    writers = {"student": handout.render, "sources": insert.render, "markscheme": markscheme.render}
    try:
        return writers[unit.role](unit.document, unit.numbered)
    except LayoutError:
        what = ROLE_TITLES[unit.role]
        raise SpecError(Problem(Loc(unit.document.source), f"the {what} cannot be laid out: an element is too "
                                "large for a page (split a very long prompt, table or list)")) from None


def warm_up() -> None:
    """Import the layout code, register the standard style's fonts and read the page's own words (done once,
    before forking): a renderer forked after this starts its first document as fast as its second."""
    from worksheets import document  # noqa: F401 - unpickling the documents needs it
    from worksheets.style.words import DEFAULT_LANGUAGE, catalogue, preload
    from worksheets.writers.pdf import handout, insert, markscheme  # noqa: F401 - imported now, before forking
    from worksheets.writers.pdf.fonts import register

    register("Sans", "Serif")
    catalogue()
    preload(DEFAULT_LANGUAGE)


def prepare(documents: Iterable[Document]) -> None:
    """Register the fonts of every style the documents use and read their languages' rules, once, before forking
    renderers."""
    from worksheets.style.themes import theme_for
    from worksheets.style.words import preload
    from worksheets.writers.pdf.fonts import register

    for doc in documents:
        register(theme_for(doc.style).font, theme_for(doc.style).source_font)
        preload(doc.language)


def detail_handlers() -> tuple[Any, ...]:
    """The functions that dispatch on a question's detail node: each registered type needs a handler in each."""
    from worksheets.writers.pdf import closed

    return (closed.handout, closed.scheme)
