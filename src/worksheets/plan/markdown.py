"""Prose fields to document prose: Markdown paragraphs, bold, italic, lists and line breaks.

Everything else (HTML, links, images, code, entities, headings) stays literal text. In a
cloze's text, `[[N]]` marks gap N (the planner has taken the answers out before parsing).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from worksheets.document.prose import Block, Gap, Inline, ListBlock, Para, Prose, Run

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

GAP_MARK = re.compile(r"\[\[(\d+)\]\]")


def _gap_rule(state: StateInline, silent: bool) -> bool:
    """`[[N]]` at this position becomes a gap token (cloze text only)."""
    match = GAP_MARK.match(state.src, state.pos)
    if match is None:
        return False
    if not silent:
        state.push("gap", "", 0).content = match.group(1)
    state.pos = match.end()
    return True


@lru_cache(maxsize=2)
def _parser(gaps: bool) -> MarkdownIt:
    """Imported on first use: the renderers read parsed prose and never need markdown-it."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("zero", {"breaks": True, "html": False}).enable(["emphasis", "list", "newline"])
    if gaps:
        md.inline.ruler.push("gap", _gap_rule)
    return md


@lru_cache(maxsize=4096)
def parse(source: str) -> Prose:
    """Parse prose into blocks; cached because the same text appears in many versions."""
    return _parse(source, gaps=False)


@lru_cache(maxsize=256)
def parse_cloze(source: str) -> Prose:
    """Parse a cloze's text, whose `[[N]]` marks become Gap nodes."""
    return _parse(source, gaps=True)


def _parse(source: str, gaps: bool) -> Prose:
    tokens = _parser(gaps).parse(source.replace("\r\n", "\n"))
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
        elif kind == "gap":
            runs.append(Gap(int(child.content), depth["bold"] > 0, depth["italic"] > 0))
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
