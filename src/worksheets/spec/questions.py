"""The keys questions share, declared and documented once: answer space, mark scheme, scaffold,
and the base of the closed types. Each question type's own model lives in `worksheets.qtypes`."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from worksheets.errors import Loc
from worksheets.spec.base import MAX_LINES, Id, Item, Marks, Model, Text, parse_length
from worksheets.spec.yaml import Map, Seq


class AnswerSpace(Model):
    """How much room to leave: ruled lines, an empty box, or nothing."""

    lines: Annotated[int, Field(ge=0, le=MAX_LINES)] | None = None
    """Ruled writing lines (0: none)."""
    box: Text | None = None
    """An empty box of this height, e.g. 60mm."""

    @field_validator("box")
    @classmethod
    def _length(cls, value: str | None) -> str | None:
        if value is not None and parse_length(value) is None:
            raise PydanticCustomError("bad_length", "'{v}' is not a length such as 60mm, 6cm or 2.5in", {"v": value})
        return value

    @model_validator(mode="after")
    def _one(self) -> AnswerSpace:
        if self.lines is not None and self.box is not None:
            raise PydanticCustomError("answer_both", "give either 'lines' or 'box', not both")
        return self


def _answer(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() == "none":
        return {"lines": 0}
    if isinstance(value, int) and not isinstance(value, bool):
        return {"lines": value}
    return value


Answer = Annotated[AnswerSpace, BeforeValidator(_answer)]


class Point(Model):
    """One marking point."""

    text: Text
    """A creditworthy point."""
    marks: Marks = 1
    """Marks for it."""


def _point(value: Any) -> Any:
    return {"text": value} if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value


BAND = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$")


class Level(Model):
    """One level of response: its mark band and what an answer at that level does."""

    marks: Text
    """The mark band, e.g. 7-8."""
    descriptor: Text
    """What an answer at this level does."""

    @field_validator("marks")
    @classmethod
    def _band(cls, value: str) -> str:
        match = BAND.match(value)
        if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
            raise PydanticCustomError("bad_band", "'{v}' is not a mark band such as 7-8 or 3", {"v": value})
        return value

    @property
    def band(self) -> tuple[int, int]:
        """The band's lowest and highest mark."""
        match = BAND.match(self.marks)
        assert match
        low = int(match.group(1))
        return low, int(match.group(2) or low)


def _located_points(data: Any) -> Any:
    """Points written as plain text become {text: ...} mappings that keep the text's place in the file."""
    points = data.get("points") if isinstance(data, Map) else None
    if not isinstance(points, Seq):
        return data
    items = Seq(_as_point(item, loc) for item, loc in zip(points, points.item_locs, strict=True))
    items.loc, items.item_locs = points.loc, points.item_locs
    located = Map({**data, "points": items})
    located.loc, located.key_locs, located.value_locs = data.loc, data.key_locs, data.value_locs
    return located


def _as_point(item: Any, loc: Loc) -> Any:
    if not isinstance(item, (str, int, float)) or isinstance(item, bool):
        return item
    point = Map({"text": item})
    point.loc, point.key_locs, point.value_locs = loc, {"text": loc}, {"text": loc}
    return point


class MarkScheme(Model):
    """How a question is marked: printed in the mark scheme only."""

    @model_validator(mode="before")
    @classmethod
    def _locate_points(cls, data: Any) -> Any:
        return _located_points(data)

    guidance: Text | None = None
    """Prose for the marker."""
    points: list[Annotated[Point, BeforeValidator(_point)]] = []
    """Marking points: text, or {text, marks}."""
    levels: list[Level] = []
    """Levels of response, highest first."""
    indicative: list[Text] = []
    """What students may include."""


class Scaffold(Model):
    """Help for the support tier: printed in that tier only."""

    hint: Text | None = None
    """A hint printed under the question (support tier)."""
    sentence_starters: list[Text] = []
    """Printed at the top of the answer space."""
    word_bank: list[Text] = []
    """Words printed in a box."""
    frame: list[Text] = []
    """Writing frame: one labelled box per step (Point, Evidence, ...)."""


class ClosedQuestion(Item):
    """Shared keys of the closed question types (choice, true-false, cloze, matching, ordering)."""

    prompt: Text | None = None
    """The question (prose); each type has a default instruction."""
    marks: Marks | None = None
    """Marks; default one per item (statement, gap, pair, item; 1 for a choice)."""
    model_answer: Text | None = None
    """Printed in the mark scheme only."""
    mark_scheme: MarkScheme | None = None
    """points, levels, indicative, guidance."""
    scaffold: Scaffold | None = None
    """Help printed in the support tier only."""
    extension: bool = False
    """true: challenge tier only."""
    sources: list[Id] = []
    """Ids of sources the question uses."""

    @property
    def items_count(self) -> int:
        """How many things the student answers (the default marks)."""
        raise NotImplementedError

    @property
    def total(self) -> int:
        """The question's marks."""
        return int(self.marks) if self.marks is not None else self.items_count
