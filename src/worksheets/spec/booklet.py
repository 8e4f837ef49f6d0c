"""A booklet spec: worksheets, existing PDFs and divider pages, merged with a cover and contents."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from worksheets.spec.base import Model, Text
from worksheets.spec.worksheet import Paper, known_language
from worksheets.style.words import DEFAULT_LANGUAGE
from worksheets.vocab import DEFAULT_STYLE, ImposeName, SchemePlacement, StyleName, TierName


class Divider(Model):
    """A page that opens a part of the booklet."""

    title: Text
    """The divider page's title."""
    text: Text | None = None
    """Prose under it."""


class BookletPart(Model):
    """One part: a worksheet spec (optionally one tier and style), an existing PDF, or a divider page."""

    worksheet: Text | None = None
    """A worksheet spec file."""
    pdf: Text | None = None
    """An existing PDF, included as it is."""
    divider: Divider | None = None
    """A divider page: {title, text}."""
    title: Text | None = None  # for the contents page and bookmarks; defaults to the part's own title
    """Title on the contents page and in the bookmarks."""
    tier: TierName | None = None
    """The worksheet's tier (default core)."""
    style: StyleName | None = None
    """The worksheet's style."""

    @model_validator(mode="after")
    def _one_kind(self) -> BookletPart:
        kinds = [k for k in ("worksheet", "pdf", "divider") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise PydanticCustomError(
                "part_kind", "a part is one of 'worksheet: FILE', 'pdf: FILE' or 'divider: {...}'")
        if (self.tier or self.style) and self.worksheet is None:
            raise PydanticCustomError("part_tier", "'tier' and 'style' go with a 'worksheet' part")
        return self


class Booklet(Model):
    """The booklet: its cover, contents page, parts, and how it is printed."""

    title: Text
    """The booklet's title (cover)."""
    subtitle: Text | None = None
    """Under the title on the cover."""
    cover: bool = True
    """Print a cover page."""
    cover_image: Text | None = None
    """An image for the cover."""
    contents_page: bool = True
    """Print a contents page."""
    paper: Paper = "A4"
    """A4 or letter: the booklet's pages and its separate mark schemes (an a5-booklet's pages are A5)."""
    parts: list[BookletPart] = Field(min_length=1)
    """worksheet, pdf or divider parts, in order."""
    start_parts_on: Literal["any", "odd"] = "any"
    """odd: each part starts on a right-hand page (duplex)."""
    impose: ImposeName = "none"
    """Also make a saddle-stitched print file: a5-booklet lays the pages out on A5, two to an A4 sheet."""
    mark_schemes: SchemePlacement = "separate"
    """Mark schemes in a separate PDF, appended, or none."""
    style: StyleName = DEFAULT_STYLE  # of the booklet's own pages: cover, contents, dividers
    """Style of the cover, contents and divider pages."""
    language: Annotated[str, AfterValidator(known_language)] = DEFAULT_LANGUAGE
    """The language of the words the booklet's own pages print (Name on the cover, Contents, Mark schemes):
    en, cy, fr, de or es. Each worksheet part prints in its own spec's language."""


class BookletFile(Model):
    """A booklet spec: `booklet:` and its settings."""

    booklet: Booklet
    """The booklet."""
