"""True or false: statements in a table, a True box and a False box for each."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from worksheets import document as d
from worksheets.qtypes.base import Context, QuestionType, closed_question
from worksheets.spec.base import Model, Text
from worksheets.spec.questions import ClosedQuestion


class Statement(Model):
    """One statement to judge."""

    text: Text = Field(min_length=1)
    """The statement (prose)."""
    answer: bool
    """true or false."""


class TrueFalseQuestion(ClosedQuestion):
    """Statements the student marks true or false."""

    type: Literal["true-false"]
    """Question type: true-false."""
    statements: list[Statement] = Field(min_length=1)
    """Each {text, answer: true/false}."""

    @field_validator("statements")
    @classmethod
    def _non_empty(cls, value: list[Statement]) -> list[Statement]:
        for statement in value:
            if not statement.text.strip():
                raise PydanticCustomError("statement_empty", "a statement's text is empty")
        return value

    @property
    def items_count(self) -> int:
        """A mark per statement by default."""
        return len(self.statements)


def lower(q: TrueFalseQuestion, ctx: Context, number: str) -> d.Question:
    """The statements in the spec's order, each with its answer."""
    detail = d.TrueFalse(tuple(ctx.prose(st.text, st, "text") for st in q.statements),
                         tuple(st.answer for st in q.statements))
    return closed_question(q, ctx, number, q.prompt or ctx.words("tf_prompt"), detail)


TYPE = QuestionType("true-false", TrueFalseQuestion, lower, d.TrueFalse)
