"""Ordering: items printed shuffled, a box each for its place from 1 (first) to N (last)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

from worksheets import document as d
from worksheets.qtypes.base import Context, QuestionType, closed_question
from worksheets.spec.base import Text, no_repeats
from worksheets.spec.questions import ClosedQuestion


class OrderingQuestion(ClosedQuestion):
    """Items to put in order (events, steps); shuffled on the handout."""

    type: Literal["ordering"]
    """Question type: ordering."""
    items: list[Text] = Field(min_length=2, max_length=26)
    """Items in the right order; shuffled on the handout."""

    @field_validator("items")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        return no_repeats(value)

    @property
    def items_count(self) -> int:
        """A mark per item by default."""
        return len(self.items)


def lower(q: OrderingQuestion, ctx: Context, number: str) -> d.Question:
    """The items shuffled, and their printed indexes from first to last."""
    order = ctx.shuffle(len(q.items), q.id, "items")
    detail = d.Ordering(
        tuple(ctx.prose(q.items[i], q, "items") for i in order),
        tuple(order.index(i) for i in range(len(q.items))),
    )
    last = len(q.items)
    prompt = q.prompt or ctx.words("order_tick_prompt" if ctx.scan_marking else "order_prompt", last=last)
    return closed_question(q, ctx, number, prompt, detail)


TYPE = QuestionType("ordering", OrderingQuestion, lower, d.Ordering)
