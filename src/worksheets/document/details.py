"""The answer data of the closed question types: what a writer needs beyond the prompt.

Each class is the `detail` of a `Question`; writers dispatch on its type (one handler per
registered question type, see `worksheets.qtypes`).
"""

from __future__ import annotations

from dataclasses import dataclass

from worksheets.document.prose import Prose


@dataclass(frozen=True)
class Choice:
    """Options in printed order (lettered A, B...); `correct` indexes that order."""

    options: tuple[Prose, ...]
    """The options, in the order printed (shuffled in variants)."""
    correct: tuple[int, ...]
    """Indexes into `options` of the correct ones, ascending."""


@dataclass(frozen=True)
class TrueFalse:
    """Statements to judge, in the spec's order."""

    statements: tuple[tuple[Prose, bool], ...]
    """Each statement and whether it is true."""


@dataclass(frozen=True)
class Cloze:
    """Prose with numbered gaps, their answers, and the word bank."""

    text: Prose
    """The text, its gaps as `Gap` nodes (no answer in it)."""
    answers: tuple[str, ...]
    """`answers[n - 1]` fills gap n."""
    word_bank: tuple[str, ...] = ()
    """Words to print in a box, in printed (shuffled) order; empty: no word bank."""


@dataclass(frozen=True)
class Matching:
    """Left items numbered 1, 2...; right items lettered A, B... in printed (shuffled) order."""

    left: tuple[Prose, ...]
    """The left column, as written."""
    right: tuple[Prose, ...]
    """The right column, in printed order."""
    key: tuple[int, ...]
    """`key[i]` is the index in `right` that matches left item i."""


@dataclass(frozen=True)
class Ordering:
    """Items in printed (shuffled) order, lettered A, B..."""

    items: tuple[Prose, ...]
    """The items, in printed order."""
    order: tuple[int, ...]
    """Their indexes from first to last: the answer."""


Detail = Choice | TrueFalse | Cloze | Matching | Ordering
"""Any closed question's answer data."""
