"""Multiple choice: options lettered A, B..., one or several correct, a tick box each."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, ValidationInfo, WithJsonSchema, field_validator
from pydantic_core import PydanticCustomError

from worksheets import document as d
from worksheets.qtypes.base import Context, QuestionType, closed_question
from worksheets.spec.base import Text, describe, no_repeats
from worksheets.spec.questions import ClosedQuestion


def _indexes(value: Any) -> Any:
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in items):
        raise PydanticCustomError(
            "choice_index", "expected an option index (0 for the first option) or a list of them, found {v}",
            {"v": describe(value)})
    return value


class ChoiceQuestion(ClosedQuestion):
    """Multiple choice: the student ticks the correct option (or options)."""

    type: Literal["choice"]
    """Question type: choice."""
    prompt: Text
    """The question (prose)."""
    options: list[Text] = Field(min_length=2, max_length=26)
    """The options, lettered A, B, ..."""
    correct: Annotated[Any, BeforeValidator(_indexes), WithJsonSchema(
        {"anyOf": [{"type": "integer"}, {"type": "array", "items": {"type": "integer"}}]})]
    """Index of the correct option (0 is the first), or a list for several."""

    @field_validator("correct")
    @classmethod
    def _correct(cls, value: Any, info: ValidationInfo) -> Any:
        picks = list(value) if isinstance(value, list) else [value]
        options = info.data.get("options") or []
        if not picks:
            raise PydanticCustomError("choice_none", "give at least one option index")
        for pick in picks:
            if options and not 0 <= pick < len(options):
                raise PydanticCustomError(
                    "choice_range", "{p} is not an option index (0 to {n}; the first option is 0)",
                    {"p": pick, "n": len(options) - 1},
                )
        if len(set(picks)) != len(picks):
            raise PydanticCustomError("choice_dup", "an option is listed twice")
        return value

    @field_validator("options")
    @classmethod
    def _distinct_options(cls, value: list[str]) -> list[str]:
        return no_repeats(value)

    @property
    def correct_list(self) -> list[int]:
        """The correct options' indexes, as a list."""
        return list(self.correct) if isinstance(self.correct, list) else [self.correct]

    @property
    def items_count(self) -> int:
        """One mark by default."""
        return 1


def lower(q: ChoiceQuestion, ctx: Context, number: str) -> d.Question:
    """Options in printed order (shuffled in variants), the correct ones indexed in that order."""
    shuffled = ctx.shuffled and ctx.shuffles_options
    order = ctx.shuffle(len(q.options), q.id, "options") if shuffled else list(range(len(q.options)))
    correct = sorted(order.index(i) for i in q.correct_list)
    detail = d.Choice(tuple(ctx.prose(q.options[i], q, "options") for i in order), tuple(correct), len(correct))
    question = closed_question(q, ctx, number, q.prompt or "", detail)
    return replace(question, order=tuple(order)) if shuffled else question


TYPE = QuestionType("choice", ChoiceQuestion, lower, d.Choice)
