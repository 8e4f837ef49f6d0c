"""The keys questions share, declared and documented once: answer space, mark scheme, scaffold,
and the base of the closed types. Each question type's own model lives in `worksheets.qtypes`."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from worksheets.errors import Loc
from worksheets.spec.base import MAX_LINES, Id, Item, Marks, Model, Text, parse_length
from worksheets.spec.params import FUNCTIONS, NAME, Param
from worksheets.spec.yaml import Map, Seq


def _param_name(value: Any) -> Any:
    if not isinstance(value, str) or not NAME.match(value) or value in FUNCTIONS:
        raise PydanticCustomError("param_name", "'{v}' cannot name a param: use a short lowercase name such as a, "
                                  "x or speed (not {f})", {"v": value, "f": ", ".join(FUNCTIONS)})
    return value


ParamName = Annotated[str, BeforeValidator(_param_name)]


def _length_or_error(value: str | None) -> str | None:
    if value is not None and parse_length(value) is None:
        raise PydanticCustomError("bad_length", "'{v}' is not a length such as 60mm, 6cm or 2.5in", {"v": value})
    return value


def _steps(lo: float, hi: float, step: float, axis: str) -> None:
    """A range must be wider than nothing and a whole number of steps."""
    values = {"axis": axis, "lo": f"{lo:g}", "hi": f"{hi:g}", "step": f"{step:g}", "most": MAX_STEPS}
    if hi <= lo:
        raise PydanticCustomError("empty_range", "the {axis} range {lo} to {hi} is empty: give the smaller number "
                                  "first", values)
    count = (hi - lo) / step
    if abs(count - round(count)) > 1e-6:
        raise PydanticCustomError("uneven_step", "the step {step} does not divide the {axis} range {lo} to {hi} "
                                  "into whole steps", values)
    if count > MAX_STEPS:
        raise PydanticCustomError("many_steps", "the {axis} range {lo} to {hi} has {n} steps: at most {most} fit "
                                  "the page; make the step larger", {**values, "n": f"{count:g}"})


MAX_STEPS = 60
Step = Annotated[float, Field(gt=0)]
Range = Annotated[list[float], Field(min_length=2, max_length=2)]


class Graph(Model):
    """Axes with numbered ticks over a grid of square cells, sized to fit the frame."""

    x: Range
    """The x axis: [from, to], e.g. [-3, 3]."""
    y: Range
    """The y axis: [from, to], e.g. [-2, 10]."""
    step: Step = 1
    """The tick and grid step on both axes."""
    x_step: Step | None = None
    """The step on the x axis alone (default: step)."""
    y_step: Step | None = None
    """The step on the y axis alone (default: step)."""
    height: Text | None = None
    """The graph's height, e.g. 90mm (default); never taller than the frame."""

    @field_validator("height")
    @classmethod
    def _length(cls, value: str | None) -> str | None:
        return _length_or_error(value)

    @model_validator(mode="after")
    def _ranges(self) -> Graph:
        _steps(self.x[0], self.x[1], self.x_step or self.step, "x")
        _steps(self.y[0], self.y[1], self.y_step or self.step, "y")
        return self


class NumberLine(Model):
    """A number line with a tick at every step, numbered."""

    from_: float = Field(alias="from", description="The first number, e.g. -5.")
    """The first number, e.g. -5 (written `from`)."""
    to: float
    """The last number, e.g. 5."""
    step: Step = 1
    """The distance between ticks."""

    @model_validator(mode="after")
    def _range(self) -> NumberLine:
        _steps(self.from_, self.to, self.step, "number line's")
        return self


class AnswerSpace(Model):
    """How much room to leave: ruled lines, an empty box, squared paper, a graph, a number line,
    handwriting ruling, or nothing."""

    lines: Annotated[int, Field(ge=0, le=MAX_LINES)] | None = None
    """Ruled writing lines (0: none)."""
    box: Text | None = None
    """An empty box of this height, e.g. 60mm."""
    grid: Text | None = None
    """Squared paper of this height, e.g. 80mm."""
    square: Text | None = None
    """The grid's squares, e.g. 5mm (default) or 1cm."""
    graph: Graph | None = None
    """Axes over a grid: {x: [-3, 3], y: [-2, 10]} (step: 1; height: 90mm)."""
    number_line: NumberLine | None = None
    """{from: -5, to: 5} (step: 1)."""
    handwriting: Annotated[int, Field(ge=1, le=MAX_LINES)] | None = None
    """Rows of four-line handwriting ruling (primary)."""

    @field_validator("box", "grid", "square")
    @classmethod
    def _length(cls, value: str | None) -> str | None:
        return _length_or_error(value)

    @model_validator(mode="after")
    def _one(self) -> AnswerSpace:
        given = [name for name in SPACE_KINDS if getattr(self, name) is not None]
        if len(given) > 1:
            raise PydanticCustomError("answer_both", "give one kind of answer space, not {both}",
                                      {"both": " and ".join(f"'{name}'" for name in given)})
        if self.square is not None and self.grid is None:
            raise PydanticCustomError("square_alone", "'square' sizes a grid's squares: give 'grid' too")
        return self


SPACE_KINDS = ("lines", "box", "grid", "graph", "number_line", "handwriting")
"""The kinds of answer space, one per question."""


class AnswerLine(Model):
    """The line a final answer is written on, at the foot of the working space."""

    label: Text = "Answer"
    """Printed before the line, e.g. 'x ='."""
    units: Text = ""
    """Printed after it, e.g. cm."""


def _answer_line(value: Any) -> Any:
    """`answer_line: true` is the plain 'Answer' line; false is none."""
    if value is True:
        return {}
    return None if value is False else value


AnswerLineKey = Annotated[AnswerLine | None, BeforeValidator(_answer_line)]
"""`answer_line: true`, or {label: 'x =', units: cm}."""


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


class QuestionItem(Item):
    """What every question type shares: its id and tiers, and the random values its texts may use."""

    params: dict[ParamName, Param] = Field(default={}, max_length=20)
    """Random values: {a: {int: [2, 9]}, r: {decimal: [1, 5], places: 1}, n: {choice: [3, 4, 6]}}; each version
    or student draws its own, used in the question's texts as {{a}} or {{a*x + b}}."""
    condition: Text | None = Field(default=None, alias="where", description=(
        'A condition the drawn values must meet, e.g. "a != x" (draws are retried until it holds).'))

    @model_validator(mode="after")
    def _known_names(self) -> QuestionItem:
        if self.condition is not None and not self.params:
            raise PydanticCustomError("where_alone", "'where' needs 'params' to draw values for")
        return self


class ClosedQuestion(QuestionItem):
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
