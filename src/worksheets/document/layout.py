"""Where things landed on the rendered pages: the page map a writer returns with its output.

Class-set stamping reads it to print each student's name on the Name line; booklets read it
for their bookmarks; scan marking will read where each box lies.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Spot:
    """A writing line on a page, and how to write on it."""

    page: int
    """The page, from 1."""
    x: float
    """Left end of the line, points from the page's left edge."""
    baseline: float
    """Where text written on the line sits, points from the page's foot."""
    width: float
    """The line's length, points."""
    font: str
    """The face its label is printed in (a name printed there matches it)."""
    size: float
    """The largest size to print in, points."""


@dataclass(frozen=True)
class Box:
    """A box to tick (or a marker's box) on a page, for reading a scan."""

    page: int
    """The page, from 1."""
    x: float
    """Its left side, points from the page's left edge."""
    y: float
    """Its foot, points from the page's foot."""
    size: float
    """Its side, points."""


@dataclass(frozen=True)
class PageMap:
    """What a writer reports about the pages it made."""

    fields: tuple[tuple[str, Spot], ...] = ()
    """The student fields a class set can fill in, by key ('name', 'class')."""
    sections: tuple[tuple[int, int], ...] = ()
    """(index of a titled section in `Document.blocks`, the page it starts on), in page order."""
    boxes: tuple[tuple[str, Box], ...] = ()
    """With scan marking, every box by key: '3:box:0' (a closed question's boxes in reading order), '6(a):mark:2'
    (the marker's box for 2 marks), in key order."""

    def field(self, key: str) -> Spot | None:
        """The spot of one student field, if the page has it."""
        return next((spot for name, spot in self.fields if name == key), None)


NO_PAGES = PageMap()
"""The page map of an output that reports nothing."""
