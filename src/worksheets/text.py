"""The prose subset: Markdown paragraphs, bold, italic, lists and line breaks, as a tiny tree.

Everything else (HTML, links, images, code, entities, headings) stays literal
text. The tree is renderer-neutral: a style decides how bold or italic look.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from markdown_it.token import Token


@dataclass(frozen=True)
class Run:
    """A stretch of text in one face; text '\\n' is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]

    @property
    def plain(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    start: int
    items: tuple[tuple["Block", ...], ...]


Block = Union[Para, ListBlock]
Prose = tuple[Block, ...]


@lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    """Imported on first use: the renderers read parsed prose and never need markdown-it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("zero", {"breaks": True, "html": False}).enable(["emphasis", "list", "newline"])


@lru_cache(maxsize=4096)
def parse(source: str) -> Prose:
    """Parse prose into blocks; cached because the same text appears in many versions."""
    tokens = _parser().parse(source.replace("\r\n", "\n"))
    blocks, _ = _blocks(tokens, 0, None)
    return tuple(blocks)


def _blocks(tokens: list[Token], i: int, until: str | None) -> tuple[list[Block], int]:
    out: list[Block] = []
    while i < len(tokens):
        token = tokens[i]
        if until is not None and token.type == until:
            return out, i + 1
        if token.type == "inline":
            runs = _runs(token.children or [])
            if runs:
                out.append(Para(runs))
            i += 1
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            ordered = token.type == "ordered_list_open"
            start = int(token.attrGet("start") or 1) if ordered else 1
            close = "ordered_list_close" if ordered else "bullet_list_close"
            items: list[tuple[Block, ...]] = []
            i += 1
            while i < len(tokens) and tokens[i].type != close:
                if tokens[i].type == "list_item_open":
                    item, i = _blocks(tokens, i + 1, "list_item_close")
                    items.append(tuple(item))
                else:
                    i += 1
            out.append(ListBlock(ordered, start, tuple(items)))
            i += 1
        else:
            i += 1
    return out, i


def _runs(children: list[Token]) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = 0
    for child in children:
        kind = child.type
        if kind == "text":
            if child.content:
                runs.append(Run(child.content, bold > 0, italic > 0))
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run("\n"))
        elif kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif child.content:
            runs.append(Run(child.content, bold > 0, italic > 0))
    merged: list[Run] = []
    for run in runs:
        if merged and run.text != "\n" and merged[-1].text != "\n" and (merged[-1].bold, merged[-1].italic) == (
            run.bold,
            run.italic,
        ):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return tuple(merged)


def plain(prose: Prose) -> str:
    """The prose as plain text (for tests, outlines and summaries)."""
    parts: list[str] = []
    for block in prose:
        if isinstance(block, Para):
            parts.append(block.plain)
        else:
            for item in block.items:
                parts.append(plain(item))
    return "\n".join(parts)
