"""What a teacher writes besides questions: sections of notes with callouts, and sources."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from worksheets.spec.base import Id, Item, Model, Text
from worksheets.vocab import TierName


class Callout(Model):
    """A boxed aside in a section: a note, a did-you-know or a key term."""

    kind: Literal["note", "did-you-know", "key-term"] = "note"
    """The box's kind: note, did-you-know or key-term."""
    title: Text | None = None
    """Heading of the box; default from the kind (“Did you know?”)."""
    text: Text
    """Prose in the box."""


class Section(Model):
    """Notes to read: a heading, prose and callouts; in a bank, or written inline in `contents`."""

    id: Id | None = None
    """Id (required in a bank)."""
    tiers: list[TierName] | None = None
    """Only in these tiers (support, core, challenge); default: all."""
    title: Text | None = None
    """The section's heading."""
    body: Text = ""
    """Prose: paragraphs, **bold**, *italic*, lists."""
    callouts: list[Callout] = []
    """Boxes beside the body (standard style, plain paragraphs, room permitting), else after it."""


class LineNumbers(Model):
    """`lines: numbered` or `lines: {every: N}`: the source's line breaks kept and its lines numbered."""

    every: Annotated[int, Field(ge=1, le=100)] = 5
    """Number every Nth line in the margin (1: each line)."""


def _line_numbers(value: Any) -> Any:
    """`numbered` is `{every: 5}`."""
    if value == "numbered":
        return {"every": 5}
    if value is not None and not isinstance(value, dict):
        raise PydanticCustomError("line_numbers", "expected 'numbered' or a mapping such as 'every: 1', found {v}",
                                  {"v": repr(value)})
    return value


class Source(Item):
    """A source for questions to use: words or a picture, lettered Source A, B... where first printed."""

    title: Text | None = None
    """Printed after the label: “Source A: TITLE”."""
    text: Text | None = None
    """The words of the source (prose)."""
    image: Text | None = None
    """A PNG or JPEG file, relative to this file."""
    caption: Text | None = None
    """Printed under an image."""
    alt: Text | None = None
    """What the image shows, in a sentence, for a reader who cannot see it (a screen reader reads it out); `""`
    for a picture that is only decoration."""
    attribution: Text | None = None
    """Provenance line, e.g. “Adapted from a memoir by ..., 1947.”"""
    lines: Annotated[LineNumbers | None, BeforeValidator(_line_numbers), WithJsonSchema({"anyOf": [
        {"const": "numbered"}, {"type": "object", "additionalProperties": False,
                                "properties": {"every": {"type": "integer", "minimum": 1, "maximum": 100}}}]})] = None
    """`numbered`: keep every line break and stanza of the text and number every fifth line in the margin
    (`{every: N}`: every Nth), for questions that say "lines 5–9"."""

    @model_validator(mode="after")
    def _has_content(self) -> Source:
        if self.text is None and self.image is None:
            raise PydanticCustomError("source_empty", "a source needs 'text' or 'image'")
        return self
