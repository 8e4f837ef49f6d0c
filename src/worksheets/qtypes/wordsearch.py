"""Word search: the words hidden across, down and diagonally in a square of letters (backwards too in the
challenge tier), laid out deterministically for each version; the mark scheme shows where each word is."""

from __future__ import annotations

import hashlib
import random
import re
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_core import PydanticCustomError

from worksheets import document as d
from worksheets.qtypes.base import Context, QuestionType, closed_question
from worksheets.spec.base import Text
from worksheets.spec.questions import ClosedQuestion

FORWARDS = ((0, 1), (1, 0), (1, 1), (-1, 1))
"""Across, down, and the two diagonals read left to right."""
BACKWARDS = ((0, -1), (-1, 0), (-1, -1), (1, -1))
"""The same read the other way: the challenge tier's."""
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
PLAIN = re.compile(r"[\s'\-]")  # spaces, hyphens and apostrophes are left out of the grid


def letters_of(word: str) -> str:
    """The word as it is hidden: capitals, no spaces or hyphens."""
    return PLAIN.sub("", word).upper()


class WordSearchQuestion(ClosedQuestion):
    """Words to find in a square of letters; marks default to one per word."""

    type: Literal["wordsearch"]
    """Question type: wordsearch."""
    words: list[Text] = Field(min_length=1, max_length=40)
    """The words to find (letters only; spaces and hyphens are left out of the grid)."""
    size: int | None = Field(default=None, ge=5, le=20)
    """Letters along each side (5 to 20); default: room for the words."""

    @field_validator("words")
    @classmethod
    def _letters(cls, words: list[str]) -> list[str]:
        for word in words:
            hidden = letters_of(word)
            if not hidden or not all("A" <= char <= "Z" for char in hidden):
                raise PydanticCustomError("search_letters", "'{w}' has characters a word search cannot hide: use "
                                          "the letters A to Z", {"w": word})
        if len({letters_of(w) for w in words}) != len(words):
            raise PydanticCustomError("search_twice", "a word is listed twice")
        return words

    @model_validator(mode="after")
    def _fits(self) -> WordSearchQuestion:
        side = self.side
        for word in self.words:
            if len(letters_of(word)) > side:
                raise PydanticCustomError("search_long", "the word '{w}' has {n} letters, more than the grid's "
                                          "{side}: make 'size' at least {n}", {"w": word, "n": len(letters_of(word)),
                                                                               "side": side})
        if place([letters_of(w) for w in self.words], side, random.Random(0), FORWARDS) is None:
            raise PydanticCustomError("search_full", "the words do not all fit a {side}x{side} grid: make 'size' "
                                      "larger or use fewer words", {"side": side})
        return self

    @property
    def side(self) -> int:
        """The grid's side: as given, else room for the longest word and about twice the letters."""
        if self.size is not None:
            return self.size
        hidden = [letters_of(w) for w in self.words]
        room = int((2 * sum(len(h) for h in hidden)) ** 0.5) + 1
        return min(20, max(8, max(len(h) for h in hidden) + 1, room))

    @property
    def items_count(self) -> int:
        """A mark per word by default."""
        return len(self.words)


Placement = tuple[str, int, int, int, int]
"""(word, row, column, row step, column step)."""


def place(words: list[str], side: int, rng: random.Random,
          directions: tuple[tuple[int, int], ...]) -> list[Placement] | None:
    """Each word at a free or matching run of cells, longest first, trying positions in `rng`'s order;
    None if one cannot be placed."""
    grid: dict[tuple[int, int], str] = {}
    placed: list[Placement] = []
    spots = [(r, c, dr, dc) for r in range(side) for c in range(side) for dr, dc in directions]
    for word in sorted(words, key=lambda w: (-len(w), w)):
        rng.shuffle(spots)
        for r, c, dr, dc in spots:
            cells = [(r + i * dr, c + i * dc) for i in range(len(word))]
            if all(0 <= y < side and 0 <= x < side and grid.get((y, x), char) == char
                   for (y, x), char in zip(cells, word, strict=True)):
                grid.update(zip(cells, word, strict=True))
                placed.append((word, r, c, dr, dc))
                break
        else:
            return None
    return placed


def lower(q: WordSearchQuestion, ctx: Context, number: str) -> d.Question:
    """The grid for this version (its own letters and places), the word list, and where each word is."""
    for word in q.words:
        ctx.check(word, q, "words")
    side = q.side
    seed = hashlib.sha256(f"{q.id}|{ctx.draw_key}|{ctx.tier}".encode()).hexdigest()
    rng = random.Random(int(seed[:16], 16))
    directions = FORWARDS + BACKWARDS if ctx.tier == "challenge" else FORWARDS
    hidden = [letters_of(w) for w in q.words]
    placed = place(hidden, side, rng, directions) or place(hidden, side, random.Random(0), FORWARDS) or []
    grid = [[""] * side for _ in range(side)]
    for word, r, c, dr, dc in placed:
        for i, char in enumerate(word):
            grid[r + i * dr][c + i * dc] = char
    rows = tuple("".join(char or rng.choice(LETTERS) for char in row) for row in grid)
    spots = {word: (r, c, dr, dc, len(word)) for word, r, c, dr, dc in placed}
    detail = d.WordSearch(rows, tuple(q.words), tuple(spots[word] for word in hidden))
    return closed_question(q, ctx, number, q.prompt or ctx.words("search_prompt"), detail)


TYPE = QuestionType("wordsearch", WordSearchQuestion, lower, d.WordSearch)
