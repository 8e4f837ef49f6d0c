"""Prose in the document: paragraphs and lists of inline runs, renderer-neutral.

A style decides how bold or italic look; a cloze's gaps are inline nodes, so the text of a
student's copy never holds an answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """A stretch of text in one face; text '\\n' is a line break."""

    text: str
    """The characters, as printed."""
    bold: bool = False
    """Strong emphasis."""
    italic: bool = False
    """Emphasis (a style without italics shows it in bold)."""
    script: str = ""
    """'sub' or 'super' for a lowered or raised script (`H~2~O`, `x^2^`); '' on the line."""


@dataclass(frozen=True)
class Gap:
    """A cloze gap inside prose: a numbered blank on the handout, the answer in the mark scheme."""

    number: int
    """The gap's number, from 1; the question's `Cloze.answers[number - 1]` fills it."""
    bold: bool = False
    """Inside strong emphasis."""
    italic: bool = False
    """Inside emphasis."""


@dataclass(frozen=True)
class Math:
    """A formula in LaTeX maths (`$\\frac{3}{4}$`), set on the text's baseline at the text's size."""

    tex: str
    """The LaTeX to set: the teacher's, checked, with any `\\ce{...}` made upright maths with true scripts."""
    text: str
    """Its plain reading ('3/4', 'x²'): the searchable, copyable text under the formula."""
    display: bool = False
    """Written `$$...$$` inside a line: set in display style (full-size fractions and limits)."""


Inline = Run | Gap | Math
"""What a paragraph is made of."""


def inline_text(node: Inline) -> str:
    """An inline node's plain text (a gap has none: its answer is not the student's to see)."""
    return node.text if isinstance(node, Run | Math) else ""


@dataclass(frozen=True)
class Para:
    """A paragraph."""

    runs: tuple[Inline, ...]
    """Its inline content, in order."""

    @property
    def plain(self) -> str:
        """The paragraph's text, without its gaps."""
        return "".join(inline_text(run) for run in self.runs)


@dataclass(frozen=True)
class DisplayMath:
    """A displayed formula (`$$...$$` on lines of its own), centred on a line of its own."""

    tex: str
    """The LaTeX to set, as for Math."""
    text: str
    """Its plain reading: the searchable, copyable text under the formula."""


@dataclass(frozen=True)
class ListBlock:
    """A bulleted or numbered list."""

    ordered: bool
    """Numbered (1., 2., ...) rather than bulleted."""
    start: int
    """The first item's number."""
    items: tuple[tuple[Block, ...], ...]
    """Each item's blocks."""


@dataclass(frozen=True)
class TableBlock:
    """A ruled table from a pipe table: a header row and body rows of inline cells."""

    header: tuple[tuple[Inline, ...], ...]
    """The header row's cells."""
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    """The body rows, each with as many cells as the header."""
    align: tuple[str, ...]
    """Each column's alignment: 'left', 'center' or 'right'."""


@dataclass(frozen=True)
class Figure:
    """A picture in prose (`![Caption](images/graph.png)` on a line of its own), as wide as the text allows."""

    name: str
    """The path as the teacher wrote it, relative to their file."""
    caption: str
    """Printed under the picture ('' for none)."""
    path: Path | None = None
    """The checked PNG or JPEG file (set by the planner; None only before it has looked)."""
    digest: str = ""
    """Its content's hash: a picture replaced under the same name makes a different document."""
    alt: str | None = None
    """What it shows, for a screen reader (the tagged PDF's alternative text); '' decoration, None not given."""


Block = Para | ListBlock | TableBlock | Figure | DisplayMath
"""A block of prose."""
Prose = tuple[Block, ...]
"""A prose field: its blocks in order (empty: nothing to print)."""


def plain(prose: Prose) -> str:
    """The prose as plain text (for tests, outlines and summaries)."""
    parts: list[str] = []
    for block in prose:
        if isinstance(block, Para):
            parts.append(block.plain)
        elif isinstance(block, TableBlock):
            parts += [" | ".join(_cell_text(cell) for cell in row) for row in (block.header, *block.rows)]
        elif isinstance(block, Figure):
            parts.append(block.caption)
        elif isinstance(block, DisplayMath):
            parts.append(block.text)
        else:
            for item in block.items:
                parts.append(plain(item))
    return "\n".join(parts)


def _cell_text(cell: tuple[Inline, ...]) -> str:
    return "".join(inline_text(run) for run in cell)
