"""Laying out a crossword: each word placed where it crosses the most words already down, in as small and
square a grid as it can, within a largest side; deterministic for the same words and the same order.

A word may cross another only at a shared letter, and no two squares may touch unless they belong to one
word read across or down (so no stray two-letter words appear). A word that crosses none is set apart in
the grid's free space, as close as it fits.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

Cell = tuple[int, int]
TRIES = 8
"""Orders of the words tried (longest first each time); the most crossed and most compact layout is kept."""


@dataclass(frozen=True)
class Placed:
    """One word in the grid: its first square and which way it reads."""

    word: str
    """The letters, capitals."""
    row: int
    """Its first square's row (0 at the top)."""
    col: int
    """Its first square's column (0 at the left)."""
    down: bool
    """True: read downwards; False: across."""

    def cells(self) -> list[Cell]:
        """Its squares, first to last."""
        return [(self.row + i, self.col) if self.down else (self.row, self.col + i) for i in range(len(self.word))]


@dataclass(frozen=True)
class Layout:
    """The placed words, shifted so the grid starts at (0, 0)."""

    words: tuple[Placed, ...]
    """In the order they were placed."""
    height: int
    """Rows in the grid."""
    width: int
    """Columns in the grid."""
    apart: int
    """How many groups of words are set apart from the first (0: every word joined to every other)."""


class _Grid:
    """Squares filled so far, which ways each is read, and the bounds."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.letters: dict[Cell, str] = {}
        self.ways: dict[Cell, set[bool]] = {}
        self.where: dict[str, list[Cell]] = {}  # each letter's squares, in the order filled
        self.placed: list[Placed] = []
        self.box = (0, 0, 0, 0)  # top, bottom, left, right of the squares filled

    def bounds(self, extra: list[Cell]) -> tuple[int, int, int, int]:
        """The filled squares' top, bottom, left and right, with `extra` squares added."""
        top, bottom, left, right = self.box
        for r, c in extra:
            top, bottom, left, right = min(top, r), max(bottom, r), min(left, c), max(right, c)
        return top, bottom, left, right

    def crossings(self, word: str, row: int, col: int, down: bool) -> int | None:
        """How many squares the word would share, or None if it may not go there."""
        dr, dc = (1, 0) if down else (0, 1)
        if (row - dr, col - dc) in self.letters or (row + len(word) * dr, col + len(word) * dc) in self.letters:
            return None
        shared = 0
        for i, char in enumerate(word):
            cell = (row + i * dr, col + i * dc)
            have = self.letters.get(cell)
            if have is not None:
                if have != char or down in self.ways[cell]:
                    return None
                shared += 1
            elif (cell[0] + dc, cell[1] + dr) in self.letters or (cell[0] - dc, cell[1] - dr) in self.letters:
                return None
        return shared

    def score(self, placed: Placed) -> tuple[int, int] | None:
        """(rows x columns, how far from square) once the word is in, or None beyond the largest side."""
        last = (placed.row + len(placed.word) - 1, placed.col) if placed.down else (
            placed.row, placed.col + len(placed.word) - 1)
        top, bottom, left, right = self.bounds([(placed.row, placed.col), last])
        height, width = bottom - top + 1, right - left + 1
        if height > self.limit or width > self.limit:
            return None
        return height * width, abs(height - width)

    def put(self, placed: Placed) -> None:
        """Fill the word's squares."""
        cells = placed.cells()
        self.box = self.bounds(cells) if self.placed else (cells[0][0], cells[-1][0], cells[0][1], cells[-1][1])
        for cell, char in zip(cells, placed.word, strict=True):
            self.letters[cell] = char
            if cell not in self.ways:
                self.where.setdefault(char, []).append(cell)
            self.ways.setdefault(cell, set()).add(placed.down)
        self.placed.append(placed)


def _crossing(grid: _Grid, word: str) -> Placed | None:
    """The best place where the word crosses words already in: most shared squares, then most compact."""
    best: tuple[tuple[int, int, int], Placed] | None = None
    for i, char in enumerate(word):
        for r, c in grid.where.get(char, ()):
            for down in (False, True):
                if down in grid.ways[(r, c)]:
                    continue
                spot = Placed(word, r - i if down else r, c if down else c - i, down)
                shared = grid.crossings(word, spot.row, spot.col, down)
                score = grid.score(spot) if shared else None
                if shared and score is not None and (best is None or (-shared, *score) < best[0]):
                    best = ((-shared, *score), spot)
    return best[1] if best else None


def _apart(grid: _Grid, word: str) -> Placed | None:
    """The most compact place for a word that crosses nothing, touching no square already in: inside the
    grid's bounds if it fits there, else where it grows them least."""
    top, bottom, left, right = grid.box
    for down in (False, True):
        for r in range(top, bottom + 2 - (len(word) if down else 1)):
            for c in range(left, right + 2 - (1 if down else len(word))):
                if grid.crossings(word, r, c, down) == 0:
                    return Placed(word, r, c, down)
    best: tuple[tuple[int, int], Placed] | None = None
    for down in (False, True):
        reach_r, reach_c = (len(word), 1) if down else (1, len(word))
        for r in range(top - reach_r - 1, bottom + 3):
            for c in range(left - reach_c - 1, right + 3):
                spot = Placed(word, r, c, down)
                score = grid.score(spot)
                if score is not None and (best is None or score < best[0]) and grid.crossings(word, r, c, down) == 0:
                    best = (score, spot)
    return best[1] if best else None


def _lay(words: list[str], limit: int) -> Layout | str:
    """One layout of the words in this order, or the first word that cannot be placed. A word that crosses
    nothing yet waits until one placed later gives it a letter to cross; only when no waiting word crosses
    anything is the first of them set apart."""
    grid = _Grid(limit)
    grid.put(Placed(words[0], 0, 0, False))
    waiting = list(words[1:])
    while waiting:
        for word in waiting:
            spot = _crossing(grid, word)
            if spot is not None:
                break
        else:
            word = waiting[0]
            spot = _apart(grid, word)
            if spot is None:
                return word
        grid.put(spot)
        waiting.remove(word)
    top, bottom, left, right = grid.bounds([])
    shifted = tuple(Placed(p.word, p.row - top, p.col - left, p.down) for p in grid.placed)
    return Layout(shifted, bottom - top + 1, right - left + 1, _clusters(grid.placed) - 1)


def _clusters(placed: list[Placed]) -> int:
    """How many separate groups of crossing words there are (1: every word joined to every other)."""
    owner: dict[int, int] = {i: i for i in range(len(placed))}

    def root(i: int) -> int:
        while owner[i] != i:
            owner[i] = owner[owner[i]]
            i = owner[i]
        return i

    first: dict[Cell, int] = {}
    for i, word in enumerate(placed):
        for cell in word.cells():
            if cell in first:
                owner[root(i)] = root(first[cell])
            first.setdefault(cell, i)
    return len({root(i) for i in range(len(placed))})


def lay_out(words: list[str], limit: int, rng: random.Random) -> Layout | str:
    """The best of a few orders of the words (longest first, ties in `rng`'s order), or the word that could
    not be placed in any of them."""
    failed = ""
    best: Layout | None = None
    for _ in range(TRIES):
        order = list(words)
        rng.shuffle(order)
        order.sort(key=len, reverse=True)
        found = _lay(order, limit)
        if isinstance(found, str):
            failed = failed or found
            continue
        key = (found.apart, found.height * found.width, abs(found.height - found.width))
        if best is None or key < (best.apart, best.height * best.width, abs(best.height - best.width)):
            best = found
    return best if best is not None else failed


def transposed(layout: Layout) -> Layout:
    """The layout turned about its diagonal: across words read down and down words across."""
    return Layout(tuple(Placed(p.word, p.col, p.row, not p.down) for p in layout.words), layout.width, layout.height,
                  layout.apart)


def numbered(layout: Layout) -> dict[Cell, int]:
    """The number in each square a word starts in, counted along the rows from the top left."""
    starts = sorted({(p.row, p.col) for p in layout.words})
    return {cell: i + 1 for i, cell in enumerate(starts)}
