"""The building blocks of every spec model: the base Model, ids, text, marks and lengths.

Every model forbids unknown keys (with a did-you-mean, see problems.py) and remembers where
in its file it was written, so later stages can point at it too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PrivateAttr,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from worksheets.errors import Loc
from worksheets.vocab import PAPERS, TierName

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
MAX_LINES = 200
MAX_VARIANTS = 26
MAX_ITEMS = 2000  # of each kind in one file: bounds the work a shared spec can ask for
MAX_TEXT_CHARS = 50_000  # in one text field: about 15 pages; a longer one takes the layout minutes
MAX_TEXT_BREAKS = 1_000  # line breaks in one text field: each page of a split paragraph re-breaks the rest


def as_text(value: Any) -> Any:
    """Numbers typed where text is expected are the text the teacher typed."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and hasattr(value, "source"):
        return value.source
    if isinstance(value, (int, float)):
        return str(value)
    return value


def check_id(value: Any) -> Any:
    """Refuse an id that is not lowercase letters, digits and '-'."""
    value = as_text(value)
    if isinstance(value, str) and not ID_PATTERN.match(value):
        raise PydanticCustomError(
            "bad_id", "'{id}' is not a valid id: use lowercase letters, digits and '-'", {"id": value}
        )
    return value


def paper_name(value: Any) -> Any:
    """`a4` and `LETTER` are A4 and letter."""
    if isinstance(value, str):
        return {p.lower(): p for p in PAPERS}.get(value.strip().lower(), value)
    return value


def describe(value: Any) -> str:
    """A short description of a wrong value, for messages."""
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "...'"


def no_repeats(values: list[str], where: str = "") -> list[str]:
    """Refuse a list in which an entry appears twice (it would make the answer ambiguous)."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise PydanticCustomError("repeated", "'{d}' appears twice{w}", {"d": value, "w": where})
        seen.add(value)
    return values


def bounded_text(value: str) -> str:
    """Refuse a text too long to lay out in bounded time (a page split re-breaks the rest of a paragraph)."""
    if len(value) > MAX_TEXT_CHARS:
        raise PydanticCustomError("text_long", "{n} characters is too long for one text (at most {most}): split it",
                                  {"n": f"{len(value):,}", "most": f"{MAX_TEXT_CHARS:,}"})
    breaks = value.count("\n")
    if breaks > MAX_TEXT_BREAKS:
        raise PydanticCustomError("text_lines", "{n} line breaks are too many for one text (at most {most}): split it",
                                  {"n": f"{breaks:,}", "most": f"{MAX_TEXT_BREAKS:,}"})
    return value


Text = Annotated[str, BeforeValidator(as_text), AfterValidator(bounded_text),
                 WithJsonSchema({"type": ["string", "number", "boolean"]})]
Id = Annotated[str, BeforeValidator(check_id)]
Marks = Annotated[int, Field(ge=0, le=1000)]


class Model(BaseModel):
    """Base of every spec model: unknown keys refused, source location kept."""

    # field docstrings are read by schema.py for the reference docs; pydantic's own reading of them
    # (use_attribute_docstrings) re-parses the source at import and costs a tenth of a second per command
    model_config = ConfigDict(extra="forbid", validate_default=False, str_strip_whitespace=False, defer_build=True)
    _loc: Loc | None = PrivateAttr(default=None)
    _field_locs: dict[str, Loc] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_loc(cls, data: Any, handler: Any) -> Any:
        obj = handler(data)
        loc = getattr(data, "loc", None)
        if loc is not None and isinstance(obj, Model):
            obj._loc = loc
            obj._field_locs = getattr(data, "value_locs", {})
        return obj

    # both read pydantic's store of private attributes directly: reading `self._loc` goes through
    # BaseModel.__getattr__ after a failed lookup (7 µs, against 0.2), and a department's build asks 10,000 times
    @property
    def loc(self) -> Loc:
        """Where the item was written."""
        private = self.__pydantic_private__ or {}
        return private.get("_loc") or Loc("<spec>")

    def field_values(self) -> Iterable[tuple[str, Any]]:
        """Each field's (name, value), from the instance's own dict (pydantic's iteration builds a list first)."""
        return self.__dict__.items()

    def where(self, field: str) -> Loc:
        """The place of one field's value, else of the whole item."""
        found = (self.__pydantic_private__ or {}).get("_field_locs", {}).get(field)
        return found if found is not None else self.loc


class Item(Model):
    """A bank item: addressed by id, optionally limited to some tiers."""

    id: Id
    """Unique id: lowercase letters, digits and '-'."""
    tiers: list[TierName] | None = None
    """Only in these tiers (support, core, challenge); default: all."""

    def pictures(self) -> list[tuple[str, str]]:
        """(field, path) of each picture file the item names outside its prose (a label question's image),
        for the library to check."""
        return []


LENGTH = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(mm|cm|in|pt)\s*$")
UNIT_POINTS = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0}


def parse_length(text: str) -> float | None:
    """A length like `60mm` in points, or None."""
    match = LENGTH.match(text)
    return float(match.group(1)) * UNIT_POINTS[match.group(2)] if match else None
