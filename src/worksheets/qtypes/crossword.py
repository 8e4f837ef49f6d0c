"""Crossword: the answers laid out so each crosses another where it can, numbered along the rows, with the
clues under Across and Down and each answer's length; the mark scheme shows the solved grid. Each variant
lays the words out in its own order, so its numbering differs and its mark scheme matches it."""

from __future__ import annotations

import hashlib
import random
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from worksheets import document as d
from worksheets.qtypes.base import Context, QuestionType, closed_question
from worksheets.qtypes.crossword_grid import Layout, lay_out, numbered, transposed
from worksheets.qtypes.wordsearch import letters_of
from worksheets.spec.base import Model, Text
from worksheets.spec.questions import ClosedQuestion

LARGEST = 21
"""The default largest side, in squares: 21 squares of 8 mm fill a portrait page's width."""


class Clue(Model):
    """One word of a crossword and its clue."""

    answer: Text
    """The word or phrase (letters; spaces and hyphens are left out of the grid and shown in the length)."""
    clue: Text
    """The clue (prose); its length, e.g. (4, 9), is added after it."""


class CrosswordQuestion(ClosedQuestion):
    """A crossword built from clues and their answers; marks default to one per answer."""

    type: Literal["crossword"]
    """Question type: crossword."""
    clues: list[Clue] = Field(min_length=1, max_length=40)
    """The clues, each with its answer."""
    size: int = Field(default=LARGEST, ge=5, le=25)
    """The grid's largest side, in squares (5 to 25); the words are laid out as compactly as they fit."""

    @field_validator("clues")
    @classmethod
    def _answers(cls, clues: list[Clue]) -> list[Clue]:
        for clue in clues:
            hidden = letters_of(clue.answer)
            if len(hidden) < 2 or not all("A" <= char <= "Z" for char in hidden):
                raise PydanticCustomError("crossword_letters", "'{w}' cannot go in a crossword: give a word of two "
                                          "or more of the letters A to Z", {"w": clue.answer})
        if len({letters_of(c.answer) for c in clues}) != len(clues):
            raise PydanticCustomError("crossword_twice", "an answer is listed twice")
        return clues

    @model_validator(mode="after")
    def _fits(self) -> CrosswordQuestion:
        words = [letters_of(c.answer) for c in self.clues]
        for word in words:
            if len(word) > self.size:
                raise PydanticCustomError("crossword_long", "the answer '{w}' has {n} letters, more than the "
                                          "grid's largest side {side}: make 'size' at least {n}",
                                          {"w": word, "n": len(word), "side": self.size})
        found = lay_out(words, self.size, random.Random(0))
        if isinstance(found, str):
            raise PydanticCustomError("crossword_full", "the answer '{w}' cannot be placed in a grid of at most "
                                      "{side}x{side}: make 'size' larger or use fewer clues",
                                      {"w": found, "side": self.size})
        return self

    @property
    def items_count(self) -> int:
        """A mark per answer by default."""
        return len(self.clues)


def length(answer: str) -> str:
    """The length printed after a clue: (5), or (4, 9) for two words, (4-5) for a hyphenated one."""
    def one(word: str) -> str:
        return "-".join(str(len(letters_of(part))) for part in word.split("-") if letters_of(part))

    return "(" + ", ".join(one(word) for word in answer.split() if letters_of(word)) + ")"


def _grid(layout: Layout) -> tuple[str, ...]:
    rows = [["."] * layout.width for _ in range(layout.height)]
    for placed in layout.words:
        for (r, c), char in zip(placed.cells(), placed.word, strict=True):
            rows[r][c] = char
    return tuple("".join(row) for row in rows)


def lower(q: CrosswordQuestion, ctx: Context, number: str) -> d.Question:
    """This version's layout (its own order of the words, every other variant turned across for down, so its
    own numbering), the clues and the answers."""
    for clue in q.clues:
        ctx.check(clue.answer, clue, "answer")
    words = [letters_of(c.answer) for c in q.clues]
    seed = hashlib.sha256(f"{q.id}|{ctx.draw_key}|{ctx.tier}".encode()).hexdigest()
    found = lay_out(words, q.size, random.Random(int(seed[:16], 16)))
    layout = found if isinstance(found, Layout) else lay_out(words, q.size, random.Random(0))
    assert isinstance(layout, Layout)  # the spec check laid these words out with this seed
    if ctx.variant and (ord(ctx.variant[0]) - ord("A")) % 2:  # so variant B never matches A
        layout = transposed(layout)
    numbers = numbered(layout)
    by_word = {p.word: p for p in layout.words}
    clues: dict[bool, list[d.Clue]] = {False: [], True: []}
    for clue, word in zip(q.clues, words, strict=True):
        placed = by_word[word]
        text = f"{clue.clue} {length(clue.answer)}"
        clues[placed.down].append(d.Clue(numbers[(placed.row, placed.col)], ctx.prose(text, clue, "clue"),
                                         clue.answer.strip()))
    detail = d.Crossword(_grid(layout), tuple(sorted((r, c, n) for (r, c), n in numbers.items())),
                         tuple(sorted(clues[False], key=lambda c: c.number)),
                         tuple(sorted(clues[True], key=lambda c: c.number)))
    return closed_question(q, ctx, number, q.prompt or ctx.words("crossword_prompt"), detail)


TYPE = QuestionType("crossword", CrosswordQuestion, lower, d.Crossword)
