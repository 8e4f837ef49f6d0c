"""Written questions: a prompt and ruled lines or a box to answer in, optionally in parts (a), (b)..."""

from __future__ import annotations

from dataclasses import replace
from typing import Literal

from pydantic import model_validator
from pydantic_core import PydanticCustomError

from worksheets import document as d
from worksheets.document.labels import letters
from worksheets.qtypes.base import Context, QuestionType
from worksheets.spec.base import Id, Marks, Model, Text
from worksheets.spec.questions import Answer, AnswerLineKey, MarkScheme, QuestionItem, Scaffold
from worksheets.vocab import TierName


class Part(Model):
    """A sub-question (a), (b)...: like a written question without an id."""

    prompt: Text
    """The sub-question (prose)."""
    marks: Marks
    """Marks for this part."""
    answer: Answer | None = None
    """{lines: N}, {box: 60mm}, {grid: 80mm}, {graph: ...}, {number_line: ...}, {handwriting: N}, none, or a
    number of lines; default from the marks."""
    answer_line: AnswerLineKey = None
    """true, or {label: 'x =', units: cm}: a line for the final answer at the foot of the working space."""
    model_answer: Text | None = None
    """Printed in the mark scheme only."""
    mark_scheme: MarkScheme | None = None
    """points, levels, indicative, guidance."""
    scaffold: Scaffold | None = None
    """Help printed in the support tier only."""
    tiers: list[TierName] | None = None
    """Only in these tiers (support, core, challenge); default: all."""

    @model_validator(mode="after")
    def _bands(self) -> Part:
        _check_bands(self.mark_scheme, self.marks)
        return self


def _check_bands(scheme: MarkScheme | None, marks: int) -> None:
    """A level of response cannot award more than the question is worth."""
    for level in scheme.levels if scheme is not None else []:
        if level.band[1] > marks:
            raise PydanticCustomError("band_marks", "mark_scheme.levels: the band {band} goes above the question's "
                                      "{marks} mark{s}", {"band": level.marks, "marks": marks,
                                                          "s": "" if marks == 1 else "s"})


class WrittenQuestion(QuestionItem):
    """A question answered in writing, on ruled lines or in a box."""

    type: Literal["written"] = "written"
    """Question type (written is the default)."""
    prompt: Text
    """The question (prose)."""
    marks: Marks | None = None
    """Marks; with parts, defaults to their sum."""
    answer: Answer | None = None
    """{lines: N}, {box: 60mm}, {grid: 80mm}, {graph: ...}, {number_line: ...}, {handwriting: N}, none, or a
    number of lines; default from the marks."""
    answer_line: AnswerLineKey = None
    """true, or {label: 'x =', units: cm}: a line for the final answer at the foot of the working space."""
    sources: list[Id] = []
    """Ids of sources the question uses."""
    model_answer: Text | None = None
    """Printed in the mark scheme only."""
    mark_scheme: MarkScheme | None = None
    """points, levels, indicative, guidance."""
    scaffold: Scaffold | None = None
    """Help printed in the support tier only."""
    extension: bool = False
    """true: challenge tier only."""
    extended_response: bool = False
    """The question assesses extended response (OCR's house style marks it with an asterisk)."""
    parts: list[Part] = []
    """Sub-questions (a), (b)..."""

    @model_validator(mode="after")
    def _marks(self) -> WrittenQuestion:
        if not self.parts and self.marks is None:
            raise PydanticCustomError("marks_missing", "a written question without parts needs 'marks'")
        if self.parts and self.marks is not None:
            total = sum(p.marks for p in self.parts)
            if total != self.marks:
                raise PydanticCustomError(
                    "marks_sum", "marks is {m} but its parts add up to {t}", {"m": self.marks, "t": total}
                )
        _check_bands(self.mark_scheme, self.total)
        return self

    @property
    def total(self) -> int:
        """The question's marks: its own, or its parts' sum."""
        return sum(p.marks for p in self.parts) if self.parts else int(self.marks or 0)


def _written(q: WrittenQuestion | Part, ctx: Context, ident: str, number: str, label: str,
             sources: list[str]) -> d.Question:
    marks = int(q.marks or 0)
    return d.Question(
        id=ident, number=number, label=label, kind="written", prompt=ctx.prose(q.prompt, q, "prompt"),
        marks=marks, answer=ctx.answer(q.answer, marks, q.answer_line),
        model_answer=ctx.prose(q.model_answer, q, "model_answer"),
        scheme=ctx.scheme(q.mark_scheme), scaffold=ctx.scaffold(q.scaffold), sources=ctx.source_labels(sources),
    )


def lower(q: WrittenQuestion, ctx: Context, number: str) -> d.Question:
    """The question, numbered; its parts in this tier lettered (a), (b)... and their marks summed."""
    parts = tuple(
        _written(p, ctx, q.id, f"{number}({letters(i).lower()})", f"({letters(i).lower()})", q.sources)
        for i, p in enumerate(part for part in q.parts if ctx.in_tier(part))
    )
    base = replace(_written(q, ctx, q.id, number, number, q.sources), extended=q.extended_response)
    if not parts:
        return base
    return d.Question(
        id=q.id, number=number, label=number, kind=q.type, prompt=base.prompt,
        marks=sum(p.marks for p in parts), answer=d.AnswerArea("none"), model_answer=base.model_answer,
        scheme=base.scheme, scaffold=base.scaffold, sources=base.sources, parts=parts, extended=base.extended,
    )


TYPE = QuestionType("written", WrittenQuestion, lower, None)
