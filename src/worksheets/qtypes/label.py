"""Label the diagram: a picture with numbered markers at the points to name, each with a leader line to a
numbered answer line beside it, and an optional word bank; the mark scheme shows the answers on the lines."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from worksheets import document as d
from worksheets.qtypes.base import Context, QuestionType, closed_question
from worksheets.spec.base import Model, Text
from worksheets.spec.questions import ClosedQuestion


class LabelPoint(Model):
    """One part of the picture to name."""

    at: tuple[float, float]
    """Where the marker goes: [across, down] as fractions of the picture from its top left (0 to 1)."""
    answer: Text
    """The name that goes on its line; printed in the mark scheme only."""

    @field_validator("at")
    @classmethod
    def _inside(cls, at: tuple[float, float]) -> tuple[float, float]:
        if not all(0 <= value <= 1 for value in at):
            raise PydanticCustomError("label_outside", "[{x}, {y}] is not on the picture: give across and down "
                                      "as fractions from 0 to 1 of its width and height, from the top left",
                                      {"x": f"{at[0]:g}", "y": f"{at[1]:g}"})
        return at


class LabelQuestion(ClosedQuestion):
    """A picture to label; marks default to one per label."""

    type: Literal["label"]
    """Question type: label."""
    image: str
    """The picture (PNG or JPEG), relative to this file."""
    alt: Text | None = None
    """What the picture shows, for a reader who cannot see it (never the answers: a screen reader reads it)."""
    labels: list[LabelPoint] = Field(min_length=1, max_length=20)
    """The points to name, each with its answer."""
    word_bank: bool = False
    """Print the answers (and distractors) in a box, in an order of their own."""
    distractors: list[Text] = []
    """Extra words for the word bank."""

    def pictures(self) -> list[tuple[str, str]]:
        """The picture to label."""
        return [("image", self.image)]

    @property
    def items_count(self) -> int:
        """A mark per label by default."""
        return len(self.labels)


def lower(q: LabelQuestion, ctx: Context, number: str) -> d.Question:
    """The checked picture, its markers numbered from the top down (so leader lines do not cross), their
    answers, and the word bank."""
    points = sorted(q.labels, key=lambda p: (p.at[1], p.at[0]))
    for word in (*(p.answer for p in points), *q.distractors):
        ctx.check(word, q, "labels")
    picture = ctx.picture(q.image, q, "image", q.alt)
    bank: tuple[str, ...] = ()
    if q.word_bank:
        words = [*(p.answer for p in points), *q.distractors]
        bank = tuple(words[i] for i in ctx.shuffle(len(words), q.id, "word-bank"))
    detail = d.Label(picture, tuple(p.at for p in points), tuple(p.answer for p in points), bank)
    prompt = q.prompt or ctx.words("label_bank_prompt" if bank else "label_prompt")
    return closed_question(q, ctx, number, prompt, detail)


TYPE = QuestionType("label", LabelQuestion, lower, d.Label)
