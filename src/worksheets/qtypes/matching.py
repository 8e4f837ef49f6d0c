"""Matching: numbered items on the left, lettered items on the right (shuffled), a box for each letter."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, field_validator
from pydantic_core import PydanticCustomError

from worksheets import document as d
from worksheets.qtypes.base import Context, QuestionType, closed_question
from worksheets.spec.base import Text, no_repeats
from worksheets.spec.questions import ClosedQuestion

"""The instruction when the paper is marked from a scan: the letters are boxes to tick."""


def _pair(value: Any) -> Any:
    if isinstance(value, list) and len(value) != 2:
        raise PydanticCustomError("pair_size", "a pair is [left, right]: two items, found {n}", {"n": len(value)})
    if isinstance(value, dict) and len(value) == 1 and not {"left", "right"} & set(value):
        (left, right), = value.items()
        return [left, right]
    if isinstance(value, dict) and {"left", "right"} <= set(value):
        return [value["left"], value["right"]]
    return value


Pair = Annotated[tuple[Text, Text], BeforeValidator(_pair)]


class MatchingQuestion(ClosedQuestion):
    """Pairs to match; the right-hand column is shuffled on the handout."""

    type: Literal["matching"]
    """Question type: matching."""
    pairs: list[Pair] = Field(min_length=2, max_length=26)
    """[left, right] pairs; the right column is shuffled on the handout."""

    @field_validator("pairs")
    @classmethod
    def _distinct(cls, value: list[tuple[str, str]]) -> list[tuple[str, str]]:
        for side, name in ((0, "left"), (1, "right")):
            no_repeats([p[side] for p in value], f" on the {name}")
        return value

    @property
    def items_count(self) -> int:
        """A mark per pair by default."""
        return len(self.pairs)


def lower(q: MatchingQuestion, ctx: Context, number: str) -> d.Question:
    """The left column as written, the right shuffled, and the key between them."""
    order = ctx.shuffle(len(q.pairs), q.id, "right")
    detail = d.Matching(
        tuple(ctx.prose(left, q, "pairs") for left, _ in q.pairs),
        tuple(ctx.prose(q.pairs[i][1], q, "pairs") for i in order),
        tuple(order.index(i) for i in range(len(q.pairs))),
    )
    prompt = q.prompt or ctx.words("match_tick_prompt" if ctx.scan_marking else "match_prompt")
    return closed_question(q, ctx, number, prompt, detail)


TYPE = QuestionType("matching", MatchingQuestion, lower, d.Matching)
