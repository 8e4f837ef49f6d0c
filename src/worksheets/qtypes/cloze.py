"""Cloze: text with numbered gaps to fill in, optionally with a word bank."""

from __future__ import annotations

import itertools
import re
from typing import Literal

from pydantic import field_validator
from pydantic_core import PydanticCustomError

from worksheets import document as d
from worksheets.qtypes.base import Context, QuestionType, closed_question
from worksheets.spec.base import Text
from worksheets.spec.questions import ClosedQuestion

GAP = re.compile(r"\[\[(.*?)\]\]", re.S)


def with_gaps(value: str, none: str, empty: str) -> str:
    """The text, if it has at least one `[[answer]]` and none is empty; else the teacher's message."""
    gaps = GAP.findall(value)
    if not gaps:
        raise PydanticCustomError("no_gaps", none)
    if any(not gap.strip() for gap in gaps):
        raise PydanticCustomError("empty_gap", empty)
    return value


def answers_in(text: str) -> list[str]:
    """The `[[answer]]`s of a text, in order."""
    return [gap.strip() for gap in GAP.findall(text)]


class ClozeQuestion(ClosedQuestion):
    """Text with gaps; the answers are printed in the mark scheme only."""

    type: Literal["cloze"]
    """Question type: cloze."""
    text: Text
    """Text with gaps marked [[answer]]."""
    word_bank: bool = False
    """Print the gap words (and distractors) in a box."""
    distractors: list[Text] = []
    """Extra words for the word bank."""

    @field_validator("text")
    @classmethod
    def _gaps(cls, value: str) -> str:
        return with_gaps(value, "no gaps; mark each answer like [[1934]]", "a gap [[ ]] has no answer in it")

    @property
    def gaps(self) -> list[str]:
        """The answers, gap by gap."""
        return answers_in(self.text)

    @property
    def items_count(self) -> int:
        """A mark per gap by default."""
        return len(self.gaps)


def lower(q: ClozeQuestion, ctx: Context, number: str) -> d.Question:
    """The text with its answers taken out (gap N where the Nth was), the answers, and the word bank."""
    counter = itertools.count(1)
    numbered = GAP.sub(lambda _: f"[[{next(counter)}]]", q.text)  # the answers never reach the prose
    answers = tuple(q.gaps)
    for word in (*answers, *q.distractors):  # printed in the mark scheme and the word bank
        ctx.check(word, q, "distractors" if word in q.distractors and word not in answers else "text")
    bank: tuple[str, ...] = ()
    if q.word_bank:
        words = list(dict.fromkeys([*answers, *q.distractors]))
        bank = tuple(words[i] for i in ctx.shuffle(len(words), q.id, "word-bank"))
    detail = d.Cloze(ctx.cloze_prose(numbered, q, "text"), answers, bank, max(len(a) for a in answers))
    prompt = q.prompt or ctx.words("cloze_bank_prompt" if bank else "cloze_prompt")
    return closed_question(q, ctx, number, prompt, detail)


TYPE = QuestionType("cloze", ClozeQuestion, lower, d.Cloze)
