"""The answer data of the closed question types: what a writer needs beyond the prompt.

Each class is the `detail` of a `Question`; writers dispatch on its type (one handler per
registered question type, see `worksheets.qtypes`). What the student sees and the answers are
separate fields, and `without_answers()` empties the answers: the student view holds no answer.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from worksheets.document.prose import Figure, Prose


@dataclass(frozen=True)
class Choice:
    """Options in printed order (lettered A, B...); `correct` indexes that order."""

    options: tuple[Prose, ...]
    """The options, in the order printed (shuffled in variants)."""
    correct: tuple[int, ...]
    """Indexes into `options` of the correct ones, ascending (empty in the student view)."""
    ticks: int = 1
    """How many boxes to tick: the instruction says so, so it is no answer."""

    def without_answers(self) -> Choice:
        """The options and the number to tick, not which."""
        return replace(self, correct=())


@dataclass(frozen=True)
class TrueFalse:
    """Statements to judge, in the spec's order."""

    statements: tuple[Prose, ...]
    """The statements."""
    answers: tuple[bool, ...]
    """Whether each is true (empty in the student view)."""

    def without_answers(self) -> TrueFalse:
        """The statements alone."""
        return replace(self, answers=())


@dataclass(frozen=True)
class Cloze:
    """Prose with numbered gaps, their answers, and the word bank."""

    text: Prose
    """The text, its gaps as `Gap` nodes (no answer in it)."""
    answers: tuple[str, ...]
    """`answers[n - 1]` fills gap n (empty in the student view)."""
    word_bank: tuple[str, ...] = ()
    """Words to print in a box, in printed (shuffled) order; empty: no word bank."""
    longest: int = 0
    """Characters in the longest answer: every gap is one width, with room for it."""

    def without_answers(self) -> Cloze:
        """The text with its gaps, the word bank and the gaps' width, not what fills them."""
        return replace(self, answers=())


@dataclass(frozen=True)
class Matching:
    """Left items numbered 1, 2...; right items lettered A, B... in printed (shuffled) order."""

    left: tuple[Prose, ...]
    """The left column, as written."""
    right: tuple[Prose, ...]
    """The right column, in printed order."""
    key: tuple[int, ...]
    """`key[i]` is the index in `right` that matches left item i (empty in the student view)."""

    def without_answers(self) -> Matching:
        """Both columns, not which go together."""
        return replace(self, key=())


@dataclass(frozen=True)
class Ordering:
    """Items in printed (shuffled) order, lettered A, B..."""

    items: tuple[Prose, ...]
    """The items, in printed order."""
    order: tuple[int, ...]
    """Their indexes from first to last: the answer (empty in the student view)."""

    def without_answers(self) -> Ordering:
        """The items, not their order."""
        return replace(self, order=())


@dataclass(frozen=True)
class Numeric:
    """A numeric answer: its value, units and accepted range, as the mark scheme prints them."""

    value: str
    """The value, as printed (empty in the student view)."""
    units: str
    """Its units ('' for none); the handout prints them after the answer line."""
    low: str = ""
    """The least value accepted ('' when only the value is; empty in the student view)."""
    high: str = ""
    """The greatest value accepted."""

    def without_answers(self) -> Numeric:
        """The units alone."""
        return replace(self, value="", low="", high="")


@dataclass(frozen=True)
class WordSearch:
    """A square of letters with words hidden in it, the word list, and where each word is."""

    rows: tuple[str, ...]
    """The grid, a string of capitals per row."""
    words: tuple[str, ...]
    """The words to find, as the spec lists them."""
    where: tuple[tuple[int, int, int, int, int], ...]
    """Each word's (row, column, row step, column step, length), in the words' order (empty in the student
    view)."""

    def without_answers(self) -> WordSearch:
        """The grid and the words, not where they are."""
        return replace(self, where=())


@dataclass(frozen=True)
class Clue:
    """A crossword clue: the number of the square its answer starts in, the clue, and the answer."""

    number: int
    """The number printed in the answer's first square."""
    clue: Prose
    """The clue with the answer's length after it, e.g. "The labour camps (5)"."""
    answer: str
    """The answer as the spec gives it, e.g. "collective farm" (empty in the student view)."""


@dataclass(frozen=True)
class Crossword:
    """A crossword's grid, the numbers in its squares, and its clues read across and down."""

    rows: tuple[str, ...]
    """The grid a string per row: '.' is no square, a letter a square and its answer ('_' in the student
    view: a square to fill)."""
    numbers: tuple[tuple[int, int, int], ...]
    """(row, column, number) of each square a word starts in."""
    across: tuple[Clue, ...]
    """The clues read across, by number."""
    down: tuple[Clue, ...]
    """The clues read down, by number."""

    def without_answers(self) -> Crossword:
        """The squares and numbers, the clues, no letters."""
        return replace(self, rows=tuple("".join("." if char == "." else "_" for char in row) for row in self.rows),
                       across=tuple(replace(c, answer="") for c in self.across),
                       down=tuple(replace(c, answer="") for c in self.down))


@dataclass(frozen=True)
class Label:
    """A picture to label: numbered markers on it, an answer line for each, and the answers."""

    picture: Figure
    """The checked picture."""
    at: tuple[tuple[float, float], ...]
    """Each marker (numbered 1, 2... in this order) as [across, down] fractions of the picture from its top
    left."""
    answers: tuple[str, ...]
    """Each marker's answer (empty in the student view)."""
    word_bank: tuple[str, ...] = ()
    """The answers and distractors in printed order (empty: no word bank)."""

    def without_answers(self) -> Label:
        """The picture, markers and word bank, not which word goes where."""
        return replace(self, answers=())


Detail = Choice | TrueFalse | Cloze | Matching | Ordering | Numeric | WordSearch | Crossword | Label
"""Any closed question's answer data."""
