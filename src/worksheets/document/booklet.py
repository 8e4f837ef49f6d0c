"""A booklet, planned: its parts resolved (worksheets to documents, PDFs inspected), as assembling reads it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from worksheets.document.prose import Prose

if TYPE_CHECKING:
    from worksheets.document import Document


@dataclass(frozen=True)
class WorksheetPart:
    """A worksheet in the booklet: one planned version of it."""

    title: str
    """Its title on the contents page and in the bookmarks."""
    document: Document
    """The planned version (its sources print in place, never in an insert)."""
    mark_scheme: bool = True
    """The worksheet's own `mark_scheme:`: whether it has one to add."""


@dataclass(frozen=True)
class PdfPart:
    """An existing PDF, included as it is."""

    title: str
    """Its title on the contents page and in the bookmarks."""
    path: Path
    """The file (inside the root, already inspected)."""
    pages: int
    """How many pages it has."""


@dataclass(frozen=True)
class DividerPart:
    """A divider page."""

    title: str
    """The page's title, also on the contents page."""
    text: Prose
    """Prose under the title."""


Part = WorksheetPart | PdfPart | DividerPart
"""One part of a booklet."""


@dataclass(frozen=True)
class BookletPlan:
    """Everything needed to assemble a booklet and its print and mark-scheme files."""

    stem: str
    """The spec file's stem: names the output files."""
    title: str
    """The booklet's title (cover, headers)."""
    subtitle: str | None
    """Under the title on the cover."""
    cover: bool
    """Print a cover page."""
    cover_image: Path | None
    """A checked image for the cover."""
    contents_page: bool
    """Print a contents page."""
    paper: str
    """The booklet's own pages' paper (A5 for an a5-booklet)."""
    style: str
    """Style of the cover, contents and divider pages."""
    start_odd: bool
    """Each part starts on a right-hand page."""
    impose: str
    """none, a5-booklet or a4-on-a3: the print file to make."""
    mark_schemes: str
    """separate, appendix or none."""
    parts: tuple[Part, ...]
    """The parts, in order."""
    inputs: tuple[Path, ...] = ()
    """Every file read, for the manifest."""
    scheme_paper: str = "A4"
    """Separate mark schemes are the teacher's: on the spec's paper, not the booklet's A5."""
    language: str = "en"
    """The language of the booklet's own pages' words (Name, Contents, Mark schemes)."""

    def scheme_document(self, doc: Document) -> Document:
        """The document a part's mark scheme is rendered from: in an appendix it is a booklet page like any other."""
        if self.mark_schemes == "appendix" or doc.paper == self.scheme_paper:
            return doc
        return replace(doc, paper=self.scheme_paper)
