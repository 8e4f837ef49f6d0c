"""What is sent to a writer and what it returns: both frozen, both picklable (they cross processes)."""

from __future__ import annotations

from dataclasses import dataclass

from worksheets.document import Document
from worksheets.document.layout import PageMap
from worksheets.vocab import SEES_ANSWERS, Role


@dataclass(frozen=True)
class RenderUnit:
    """One document to write, in one role and format."""

    document: Document
    """The planned version; for a role that may not see answers, its student view."""
    role: Role
    """student, markscheme or sources."""
    numbered: bool = True
    """It numbers its own pages (False inside a booklet, which numbers them continuously)."""
    format: str = "pdf"
    """The output format's name (see FORMATS)."""


@dataclass(frozen=True)
class Rendered:
    """A written document."""

    data: bytes
    """The file's bytes."""
    pages: PageMap
    """Where things landed on its pages."""
    notes: tuple[str, ...] = ()
    """What the format could not hold and left out, a line each (a question type a quiz has no room for)."""


def unit(document: Document, role: Role, numbered: bool = True, format: str = "pdf") -> RenderUnit:
    """The unit for a document in a role: a role that may not see answers only ever gets the student view."""
    from worksheets.writers import FORMATS

    keeps = role in SEES_ANSWERS and FORMATS[format].answers
    return RenderUnit(document if keeps else document.student_view(), role, numbered, format)


def render(unit: RenderUnit) -> Rendered:
    """Write one unit with its format's writer; the same unit always gives the same bytes."""
    from worksheets.writers import FORMATS

    rendered: Rendered = FORMATS[unit.format].writer().render(unit)
    return rendered
