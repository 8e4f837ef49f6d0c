"""A numeric answer: working space and an answer line with the units on the handout; the value, its units
and the accepted range in the mark scheme."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import field_validator
from pydantic_core import PydanticCustomError

from worksheets import document as d
from worksheets.qtypes.base import Context, QuestionType
from worksheets.spec.base import Id, Marks, Text
from worksheets.spec.params import EXPRESSION
from worksheets.spec.questions import Answer, AnswerLine, MarkScheme, QuestionItem, Scaffold

PERCENT = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*%\s*$")


class NumericQuestion(QuestionItem):
    """A question whose answer is a number, marked within a tolerance."""

    type: Literal["numeric"]
    """numeric."""
    prompt: Text
    """The question (prose)."""
    value: float | str
    """The answer, e.g. 24.5, or worked out from the params, e.g. "{{a*x + b}}"; printed in the mark scheme
    only."""
    tolerance: float | str = 0
    """How far from the value an answer may be and still be right: a number (0.1) or a percentage (5%)."""
    units: Text = ""
    """Printed after the answer line, and with the value in the mark scheme, e.g. cm²."""
    marks: Marks = 1
    """Marks (default 1)."""
    answer: Answer | None = None
    """The working space: {lines: N}, {box: 60mm}, {grid: 80mm}...; default from the marks."""
    answer_label: Text | None = None
    """Printed before the answer line, e.g. 'x ='."""
    model_answer: Text | None = None
    """Working, printed in the mark scheme only."""
    mark_scheme: MarkScheme | None = None
    """points, levels, indicative, guidance."""
    scaffold: Scaffold | None = None
    """Help printed in the support tier only."""
    extension: bool = False
    """true: challenge tier only."""
    sources: list[Id] = []
    """Ids of sources the question uses."""

    @field_validator("value")
    @classmethod
    def _value(cls, value: float | str) -> float | str:
        if isinstance(value, str) and not EXPRESSION.fullmatch(value.strip()):
            try:
                return float(value)
            except ValueError:
                raise PydanticCustomError("bad_value", "'{v}' is not a number: give one (24.5), or an expression "
                                          "on the params in double braces, e.g. '{{a*x + b}}'", {"v": value}) from None
        return value

    @property
    def number(self) -> float:
        """The value as a number (once the params' values are filled in)."""
        return float(self.value)

    @property
    def total(self) -> int:
        """The question's marks."""
        return int(self.marks)

    @field_validator("tolerance")
    @classmethod
    def _tolerance(cls, value: float | str) -> float | str:
        if isinstance(value, str):
            if not PERCENT.match(value):
                raise PydanticCustomError("bad_tolerance", "'{v}' is not a tolerance: give a number (0.1) or a "
                                          "percentage (5%)", {"v": value})
        elif value < 0:
            raise PydanticCustomError("negative_tolerance", "the tolerance {v} is below zero: give 0 for an exact "
                                      "answer, or how far off an answer may be", {"v": f"{value:g}"})
        return value

    @property
    def margin(self) -> float:
        """The tolerance as a distance from the value."""
        if isinstance(self.tolerance, str):
            match = PERCENT.match(self.tolerance)
            return abs(self.number) * float(match.group(1)) / 100 if match else 0.0
        return float(self.tolerance)


def figure(value: float) -> str:
    """A value as a teacher writes it: 24.5, not 24.500000000000004; a true minus sign."""
    return f"{round(value, 10):.10g}".replace("-", "\u2212")


def lower(q: NumericQuestion, ctx: Context, number: str) -> d.Question:
    """The question, numbered: working space with an answer line; the value and range as its detail."""
    margin = q.margin
    detail = d.Numeric(figure(q.number), q.units, figure(q.number - margin) if margin else "",
                       figure(q.number + margin) if margin else "")
    return d.Question(
        id=q.id, number=number, label=number, kind="numeric", prompt=ctx.prose(q.prompt, q, "prompt"), marks=q.marks,
        answer=ctx.answer(q.answer, q.marks, AnswerLine(label=q.answer_label or ctx.words("answer"), units=q.units)),
        model_answer=ctx.prose(q.model_answer, q, "model_answer"), scheme=ctx.scheme(q.mark_scheme),
        scaffold=ctx.scaffold(q.scaffold), sources=ctx.source_labels(q.sources), detail=detail,
    )


TYPE = QuestionType("numeric", NumericQuestion, lower, d.Numeric)
