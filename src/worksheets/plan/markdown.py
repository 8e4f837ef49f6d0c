"""Prose fields to document prose: Markdown paragraphs, bold, italic, lists, line breaks, pipe tables, and
sub- and superscripts (`H~2~O`, `x^2^`).

Everything else (HTML, links, images, code, entities, headings) stays literal text. Only `*` makes
emphasis: underscores print as typed. A backslash escapes Markdown punctuation (`\\*` prints a star,
`\\~` a tilde). In a cloze's text, `[[N]]` marks gap N (the planner has taken the answers out before parsing).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from worksheets.document.prose import (
    Block,
    DisplayMath,
    Figure,
    Gap,
    Inline,
    ListBlock,
    Math,
    Para,
    Prose,
    Run,
    TableBlock,
)
from worksheets.plan.chem import CE, ce_runs
from worksheets.spec.figures import FIGURE

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

    return MarkdownIt("zero", {"breaks": True, "html": False}).enable(
        ["emphasis", "list", "newline", "escape", "table"])


BARE_UNDERSCORE = re.compile(r"(?<!\\)_")  # only `*` makes emphasis: `H2(___)` and `Name: ____` keep their blanks


# An escaped `\~` or `\^` stands as a private mark while scripts are found, then prints as typed.
_TILDE, _CARET = chr(0xE002), chr(0xE003)
ESCAPED_SCRIPT = re.compile(r"(?<!\\)\\([~^])")
SCRIPT = re.compile(r"~([^~\s]+)~|\^([^^\s]+)\^")  # pandoc's: no spaces inside, so `~5 min` prints as typed


@lru_cache(maxsize=4096)
def parse(source: str) -> Prose:
    """Parse prose into blocks; cached because the same text appears in many versions."""
    source = source.replace("\r\n", "\n")
    formulas: list[Math] = []
    if "$" in source:  # formulas are lifted out first: Markdown's escapes and emphasis must not touch LaTeX
        source, formulas = _lifted(source)
    if "![" in source:  # a picture on a line of its own is a paragraph of its own, as the library checks it
        source = "\n".join(f"\n{line}\n" if FIGURE.fullmatch(line.strip()) else line for line in source.split("\n"))
    source = BARE_UNDERSCORE.sub(r"\\_", source)
    source = ESCAPED_SCRIPT.sub(lambda m: _TILDE if m.group(1) == "~" else _CARET, source)
    tokens = _parser().parse(source)
    blocks, _ = _blocks(tokens, 0, None)
    if formulas:
        blocks = [out for block in blocks for out in _with_maths(block, formulas)]
    return tuple(blocks)


# While Markdown reads prose, each formula stands as a numbered private mark, put back as a Math node after.
_MATHS_OPEN, _MATHS_CLOSE = chr(0xE004), chr(0xE005)
_MATHS_MARK = re.compile(f"{_MATHS_OPEN}(\\d+){_MATHS_CLOSE}")


TRAILING_STOP = re.compile(r"([.,;:!?])(?=\s|$)")
"""Punctuation right after a formula, ending a phrase: set with the formula, so a line never starts with it."""


def _lifted(source: str) -> tuple[str, list[Math]]:
    """The source with each well-formed formula replaced by its mark, and the formulas in order.

    A formula that cannot be set is left as text: the planner reports it, so it is never printed."""
    from worksheets.plan.dollars import spans
    from worksheets.plan.maths import MathsError, read
    from worksheets.plan.maths_tex import typesettable

    found, _ = spans(source)
    out: list[str] = []
    formulas: list[Math] = []
    at = 0
    for span in found:
        try:
            text = read(span.tex)
        except MathsError:
            continue
        out += [source[at:span.start], f"{_MATHS_OPEN}{len(formulas)}{_MATHS_CLOSE}"]
        tex, end = typesettable(span.tex), span.end
        stop = TRAILING_STOP.match(source, end)
        if stop and not span.display:  # '$(3, 0)$.' : the full stop goes with the formula, never to a line alone
            tex, text, end = tex + r"\text{" + stop.group(1) + "}", text + stop.group(1), stop.end(1)
        formulas.append(Math(tex, text, span.display))
        at = end
    out.append(source[at:])
    return "".join(out), formulas


def _with_maths(block: Block, formulas: list[Math]) -> list[Block]:
    """The block with its formula marks made Math nodes; a displayed formula on a line of its own is a
    DisplayMath block between the paragraph's lines before and after it."""
    def runs(source: tuple[Inline, ...]) -> tuple[Inline, ...]:
        return _split_marks(source, _MATHS_MARK, lambda number, run: formulas[number])

    if isinstance(block, Para):
        return _displayed(runs(block.runs))
    return [_map_runs(block, runs)]


def _displayed(runs: tuple[Inline, ...]) -> list[Block]:
    lines: list[list[Inline]] = [[]]
    for run in runs:
        if isinstance(run, Run) and run.text == "\n":
            lines.append([])
        else:
            lines[-1].append(run)
    if not any(_alone(line) for line in lines):
        return [Para(runs)]
    out: list[Block] = []
    pending: list[Inline] = []
    for line in lines:
        alone = _alone(line)
        if alone is not None:
            if pending:
                out.append(Para(tuple(pending[:-1])))  # without the line break before the formula
                pending = []
            out.append(DisplayMath(alone.tex, alone.text))
            continue
        pending += [*line, Run("\n")]
    if pending:
        out.append(Para(tuple(pending[:-1])))
    return out


def _alone(line: list[Inline]) -> Math | None:
    """The displayed formula that is a line's whole content (spaces aside), or None."""
    content = [run for run in line if not (isinstance(run, Run) and not run.text.strip())]
    if len(content) == 1 and isinstance(content[0], Math) and content[0].display:
        return content[0]
    return None


@lru_cache(maxsize=256)
def parse_cloze(source: str) -> Prose:
    """Parse a cloze's text, whose `[[N]]` marks become Gap nodes."""
    return tuple(_gapped(block) for block in parse(NUMBERED_GAP.sub(f"{_OPEN}\\1{_CLOSE}", source)))


def _gapped(block: Block) -> Block:
    """The block with the gap marks in its runs made Gap nodes, in the run's face."""
    return _map_runs(block, lambda runs: _split_marks(runs, _MARK, lambda n, run: Gap(n, run.bold, run.italic)))


def _map_runs(block: Block, change: Callable[[tuple[Inline, ...]], tuple[Inline, ...]]) -> Block:
    """The block with `change` applied to every run of inline content in it (lists and cells too)."""
    if isinstance(block, ListBlock):
        return ListBlock(block.ordered, block.start,
                         tuple(tuple(_map_runs(b, change) for b in item) for item in block.items))
    if isinstance(block, TableBlock):
        def cells(row: tuple[tuple[Inline, ...], ...]) -> tuple[tuple[Inline, ...], ...]:
            return tuple(change(cell) for cell in row)

        return TableBlock(cells(block.header), tuple(cells(row) for row in block.rows), block.align)
    if isinstance(block, Para):
        return Para(change(block.runs))
    return block


def _split_marks(source: tuple[Inline, ...], mark: re.Pattern[str],
                 node: Callable[[int, Run], Inline]) -> tuple[Inline, ...]:
    """Runs with each numbered mark in their text made the node `node(number, run)` makes."""
    runs: list[Inline] = []
    for run in source:
        if not isinstance(run, Run) or not mark.search(run.text):
            runs.append(run)
            continue
        for index, piece in enumerate(mark.split(run.text)):
            if index % 2:
                runs.append(node(int(piece), run))
            elif piece:
                runs.append(Run(piece, run.bold, run.italic, run.script))
    return tuple(runs)


def _blocks(tokens: list[Token], i: int, until: str | None) -> tuple[list[Block], int]:
    out: list[Block] = []
    while i < len(tokens):
        token = tokens[i]
        if until is not None and token.type == until:
            return out, i + 1
        if token.type == "inline":
            figure = _figure(token.content)
            runs = () if figure else _runs(token.children or [])
            if figure:
                out.append(figure)
            elif runs:
                out.append(Para(runs))
            i += 1
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            block, i = _list(tokens, i)
            out.append(block)
        elif token.type == "table_open":
            table, i = _table(tokens, i)
            out.append(table)
        else:
            i += 1
    return out, i


def _figure(content: str) -> Figure | None:
    """`![Caption](path "alt")` as a paragraph's whole text (underscores were escaped for emphasis: undone here)."""
    match = FIGURE.fullmatch(content.strip())
    if match is None:
        return None
    alt = match.group(3)
    return Figure(match.group(2).replace("\\_", "_"), match.group(1).strip().replace("\\_", "_"),
                  alt=None if alt is None else alt.strip().replace("\\_", "_"))


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


def _table(tokens: list[Token], i: int) -> tuple[TableBlock, int]:
    """The pipe table opening at token i, and the index after its close."""
    rows: list[tuple[tuple[Inline, ...], ...]] = []
    align: list[str] = []
    row: list[tuple[Inline, ...]] = []
    i += 1
    while i < len(tokens) and tokens[i].type != "table_close":
        token = tokens[i]
        if token.type == "th_open":
            style = str(token.attrGet("style") or "")
            align.append(style.removeprefix("text-align:") or "left")
        elif token.type == "inline":
            row.append(_runs(token.children or []))
        elif token.type == "tr_close":
            rows.append(tuple(row))
            row = []
        i += 1
    return TableBlock(rows[0], tuple(rows[1:]), tuple(align)), i + 1


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
            runs += _scripted(child.content, depth["bold"] > 0, depth["italic"] > 0)
    return _merged(runs)


def _scripted(text: str, bold: bool, italic: bool) -> list[Inline]:
    """Text with its `\\ce{...}` formulas, `~sub~` and `^super^` stretches as script runs; escaped marks print
    as typed."""
    if "\\ce{" not in text:
        return _plain_scripted(text, bold, italic)
    out: list[Inline] = []
    for index, piece in enumerate(CE.split(text)):
        out += ce_runs(piece, bold, italic) if index % 2 else _plain_scripted(piece, bold, italic)
    return out


UNITS = ("℃ ℉ °C °F K % ‰ kJ/mol kJ J kg g mg cm³ dm³ m³ cm² m² km cm mm m ml mL l L s min h kWh W kW V A Ω "
         "N Pa kPa atm mol Hz nm µm")
UNIT_SPACE = re.compile(r"(?<=\d) (?=(?:" + "|".join(re.escape(u) for u in sorted(UNITS.split(), key=len, reverse=True))
                        + r")(?![\w]))")
"""The space between a number and its unit: never broken, so '450 ℃' does not end one line and start the next."""
TIGHT_SPACE = re.compile(r" (?=[!?;:»›](?:\s|$|[!?»›)\]\"'.,]))|(?<=[«‹]) |(?<=[<>≤≥=≠≈]) (?=[−+-]?\d)")
"""Spaces a line must not break at: before a closing mark that French sets apart (« Bonjour ! »), after an opening
guillemet, and between a relation sign and the number after it ('ΔH < 0' does not leave '0)' alone on a line)."""
TIGHT = frozenset("!?;:»›«‹<>≤≥=≠≈")


def _plain_scripted(text: str, bold: bool, italic: bool) -> list[Inline]:
    out: list[Inline] = []
    if " " in text and any(c.isdigit() for c in text):
        text = UNIT_SPACE.sub("\u00a0", text)
    if " " in text and not TIGHT.isdisjoint(text):
        text = TIGHT_SPACE.sub("\u00a0", text)
    for index, piece in enumerate(SCRIPT.split(text)):
        if piece is None or piece == "":
            continue
        script = {1: "sub", 2: "super"}.get(index % 3, "")
        out.append(Run(piece.replace(_TILDE, "~").replace(_CARET, "^"), bold, italic, script))
    return out


def _merged(runs: list[Inline]) -> tuple[Inline, ...]:
    """Neighbouring runs in the same face as one run (line breaks and gaps stay apart)."""
    merged: list[Inline] = []
    for run in runs:
        last = merged[-1] if merged else None
        if (isinstance(run, Run) and isinstance(last, Run) and run.text != "\n" and last.text != "\n"
                and (last.bold, last.italic, last.script) == (run.bold, run.italic, run.script)):
            merged[-1] = Run(last.text + run.text, run.bold, run.italic, run.script)
        else:
            merged.append(run)
    return tuple(merged)
