"""Complete the table: a pipe table whose `[[...]]` cells are blanks, as in cloze; the mark scheme shows the
table filled in, the answers in bold. It lowers to the cloze detail, so its blanks are numbered and of one
width, and the answers never reach the student's prose."""

from __future__ import annotations

import itertools
import re
from typing import Literal

from pydantic import field_validator
from pydantic_core import PydanticCustomError

from worksheets import document as d
from worksheets.qtypes.base import Context, QuestionType, closed_question
from worksheets.qtypes.cloze import GAP, answers_in, with_gaps
from worksheets.spec.base import Text
from worksheets.spec.questions import ClosedQuestion

RULE_ROW = r"^\s*\|?\s*:?-{3,}"
BLANK_MOST = 8
"""The widest blank a table cell gets, in characters."""


class TableQuestion(ClosedQuestion):
    """A table to complete; marks default to one per blank."""

    type: Literal["table"]
    """Question type: table."""
    table: Text
    """A pipe table (a header row, a |---| row, body rows) with blanks marked [[answer]]; cells may hold maths."""

    @field_validator("table")
    @classmethod
    def _blanks(cls, value: str) -> str:
        lines = [line for line in value.strip().splitlines() if line.strip()]
        if len(lines) < 3 or "|" not in lines[0] or not re.match(RULE_ROW, lines[1]):
            raise PydanticCustomError("table_shape", "write the table as a pipe table: a header row, a |---| row, "
                                      "then the rows, e.g. | x | 1 | 2 |")
        return with_gaps(value, "the table has no blank: mark each answer like [[5]]",
                         "a blank [[ ]] has no answer in it")

    @property
    def blanks(self) -> list[str]:
        """The answers, blank by blank, row by row."""
        return answers_in(self.table)

    @property
    def items_count(self) -> int:
        """A mark per blank by default."""
        return len(self.blanks)


def lower(q: TableQuestion, ctx: Context, number: str) -> d.Question:
    """The table with its answers taken out (blank N where the Nth was), and the answers."""
    counter = itertools.count(1)
    numbered = GAP.sub(lambda _: f"[[{next(counter)}]]", q.table)
    answers = tuple(q.blanks)
    for answer in answers:
        ctx.check(answer, q, "table")
    # one width for every blank, short enough for a narrow column (the cell holds a longer answer)
    detail = d.Cloze(ctx.cloze_prose(numbered, q, "table"), answers, (), min(BLANK_MOST, max(len(a) for a in answers)))
    return closed_question(q, ctx, number, q.prompt or ctx.words("table_prompt"), detail)


TYPE = QuestionType("table", TableQuestion, lower, d.Cloze)
