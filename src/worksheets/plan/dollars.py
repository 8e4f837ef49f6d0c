"""Where the formulas are in a prose field: pandoc's rules for `$...$` and `$$...$$`, and the `$` that
opens a formula but never closes it (a dollar sign in a price is neither)."""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Span:
    """One formula in a prose field: where it is, its LaTeX, and whether it is displayed."""

    start: int
    """Offset of its opening `$`."""
    end: int
    """Offset just after its closing `$`."""
    tex: str
    """The LaTeX between the dollars."""
    display: bool
    """Written `$$...$$`."""


BLANK_LINE = re.compile(r"\n[ \t]*\n")
MATHS_LIKE = re.compile(r"\\[A-Za-z]+|[\^_]\{")


def spans(text: str) -> tuple[list[Span], list[int]]:
    """The formulas in the text, and the offsets of each `$` that opens maths but never closes.

    As in pandoc: an opening `$` has a non-space after it; a closing `$` has a non-space before it and
    no digit after it; `\\$` is a dollar. A formula holds no other `$` and no blank line. A `$` that
    opens nothing is a dollar sign, unless maths commands follow it before the next `$` in its paragraph
    (`$\\frac{3}{4} and simplify`): then it is a formula that never closes."""
    found: list[Span] = []
    unclosed: list[int] = []
    i, n = 0, len(text)
    while i < n:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char != "$":
            i += 1
            continue
        width = 2 if text.startswith("$$", i) else 1
        close, stop = _closing(text, i + width, width == 2)
        if close is None:
            if MATHS_LIKE.search(text, i + width, stop):
                unclosed.append(i)
            i += width
            continue
        found.append(Span(i, close + width, text[i + width:close], width == 2))
        i = close + width
    return found, unclosed


def _closing(text: str, start: int, display: bool) -> tuple[int | None, int]:
    """(offset of the `$` or `$$` closing a formula whose body starts at `start`, or None; where the
    search stopped: the next `$`, a blank line or the end)."""
    j = start
    if start < len(text) and text[start].isspace() and not display:
        return None, start
    while j < len(text):
        char = text[j]
        if char == "\\":
            j += 2
            continue
        if char == "\n" and BLANK_LINE.match(text, j):
            return None, j
        if char == "$":
            if j == start:
                return None, j
            if display:
                return (j if text.startswith("$$", j) else None), j
            closes = not text[j - 1].isspace() and not (j + 1 < len(text) and text[j + 1].isdigit())
            return (j if closes else None), j
        j += 1
    return None, j


ESCAPES = {"\t": ("t", "a tab"), "\n": ("n", "a new line"), "\r": ("r", "a return"), "\x0c": ("f", "a form feed"),
           "\x08": ("b", "a backspace"), "\x0b": ("v", "a vertical tab"), "\x07": ("a", "a bell"),
           "\x1b": ("e", "an escape character")}
EATEN = re.compile("([" + "".join(ESCAPES) + "])([A-Za-z]+)")
"""A control character YAML made of a backslash escape, followed by letters: perhaps a maths command
(`"$\\times$"` holds a tab and 'imes')."""
