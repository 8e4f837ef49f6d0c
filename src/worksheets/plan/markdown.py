"""Prose fields to document prose: Markdown paragraphs, bold, italic, lists and line breaks.

Everything else (HTML, links, images, code, entities, headings) stays literal text. Only `*` makes
emphasis: underscores print as typed. A backslash escapes Markdown punctuation (`\\*` prints a star).
In a cloze's text, `[[N]]` marks gap N (the planner has taken the answers out before parsing).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from worksheets.document.prose import Block, Gap, Inline, ListBlock, Para, Prose, Run

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

NUMBERED_GAP = re.compile(r"\[\[(\d+)\]\]")
# While Markdown reads a cloze, each gap stands as a mark that is neither a letter's punctuation nor space,
# so emphasis around a gap ("**[[kulak]]**s") opens and closes as it does around a word; the marks
# never leave this module: they become Gap nodes (and teacher text holding them is refused as unprintable).
_OPEN, _CLOSE = chr(0xE000), chr(0xE001)
_MARK = re.compile(f"{_OPEN}(\\d+){_CLOSE}")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    """Imported on first use: the renderers read parsed prose and never need markdown-it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("zero", {"breaks": True, "html": False}).enable(["emphasis", "list", "newline", "escape"])


BARE_UNDERSCORE = re.compile(r"(?<!\\)_")  # only `*` makes emphasis: `H2(___)` and `Name: ____` keep their blanks


@lru_cache(maxsize=4096)
def parse(source: str) -> Prose:
    """Parse prose into blocks; cached because the same text appears in many versions."""
    source = BARE_UNDERSCORE.sub(r"\\_", source.replace("\r\n", "\n"))
    tokens = _parser().parse(source)
    blocks, _ = _blocks(tokens, 0, None)
    return tuple(blocks)


@lru_cache(maxsize=256)
def parse_cloze(source: str) -> Prose:
    """Parse a cloze's text, whose `[[N]]` marks become Gap nodes."""
    return tuple(_gapped(block) for block in parse(NUMBERED_GAP.sub(f"{_OPEN}\\1{_CLOSE}", source)))


def _gapped(block: Block) -> Block:
    """The block with the gap marks in its runs made Gap nodes, in the run's face."""
    if isinstance(block, ListBlock):
        return ListBlock(block.ordered, block.start, tuple(tuple(_gapped(b) for b in item) for item in block.items))
    runs: list[Inline] = []
    for run in block.runs:
        if not isinstance(run, Run) or _OPEN not in run.text:
            runs.append(run)
            continue
        for index, piece in enumerate(_MARK.split(run.text)):
            if index % 2:
                runs.append(Gap(int(piece), run.bold, run.italic))
            elif piece:
                runs.append(Run(piece, run.bold, run.italic))
    return Para(tuple(runs))


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
            block, i = _list(tokens, i)
            out.append(block)
        else:
            i += 1
    return out, i


def _list(tokens: list[Token], i: int) -> tuple[ListBlock, int]:
    """The list opening at token i, and the index after its close."""
    ordered = tokens[i].type == "ordered_list_open"
    start = int(tokens[i].attrGet("start") or 1) if ordered else 1
    close = "ordered_list_close" if ordered else "bullet_list_close"
    items: list[tuple[Block, ...]] = []
    i += 1
    while i < len(tokens) and tokens[i].type != close:
        if tokens[i].type == "list_item_open":
            item, i = _blocks(tokens, i + 1, "list_item_close")
            items.append(tuple(item))
        else:
            i += 1
    return ListBlock(ordered, start, tuple(items)), i + 1


_DEPTH = {"strong_open": ("bold", 1), "strong_close": ("bold", -1),
          "em_open": ("italic", 1), "em_close": ("italic", -1)}


def _runs(children: list[Token]) -> tuple[Inline, ...]:
    runs: list[Inline] = []
    depth: dict[str, Any] = {"bold": 0, "italic": 0}
    for child in children:
        kind = child.type
        if kind in _DEPTH:
            name, step = _DEPTH[kind]
            depth[name] += step
        elif kind in ("softbreak", "hardbreak"):
            runs.append(Run("\n"))
        elif child.content:
            runs.append(Run(child.content, depth["bold"] > 0, depth["italic"] > 0))
    return _merged(runs)


def _merged(runs: list[Inline]) -> tuple[Inline, ...]:
    """Neighbouring runs in the same face as one run (line breaks and gaps stay apart)."""
    merged: list[Inline] = []
    for run in runs:
        last = merged[-1] if merged else None
        if (isinstance(run, Run) and isinstance(last, Run) and run.text != "\n" and last.text != "\n"
                and (last.bold, last.italic) == (run.bold, run.italic)):
            merged[-1] = Run(last.text + run.text, run.bold, run.italic)
        else:
            merged.append(run)
    return tuple(merged)
