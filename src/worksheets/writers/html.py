"""Prose as the HTML an LMS shows (Moodle, Canvas): paragraphs, emphasis, scripts, lists, tables, pictures
(named by a prefix the format resolves, e.g. Moodle's `@@PLUGINFILE@@/`), and maths as `\\( ... \\)` for
MathJax. A cloze's gaps are written by the caller, as each format marks a blank its own way."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import singledispatch
from html import escape
from pathlib import Path

from worksheets import document as d
from worksheets.document.prose import Figure, Inline, ListBlock, Math, Para, Prose, TableBlock

GapHtml = Callable[[d.Gap], str]


@dataclass
class Pictures:
    """The pictures some HTML shows, each once by content: (file name, bytes), in the order first shown."""

    prefix: str
    """What the format puts before a file name in `src` ("@@PLUGINFILE@@/")."""
    files: dict[str, bytes] = field(default_factory=dict)

    def name(self, figure: Figure) -> str:
        """The picture's file name in the export (its content's hash, so two pictures never clash)."""
        if figure.path is None:
            raise ValueError(f"the picture '{figure.name}' was not checked")
        data = Path(figure.path).read_bytes()
        name = f"{hashlib.sha256(data).hexdigest()[:12]}{Path(figure.path).suffix.lower()}"
        self.files.setdefault(name, data)
        return name


def inline_html(runs: tuple[Inline, ...], gap: GapHtml | None = None) -> str:
    """A paragraph's inline content as HTML."""
    return "".join(_inline(run, gap) for run in runs)


def _inline(node: Inline, gap: GapHtml | None) -> str:
    if isinstance(node, Math):
        return f"\\({escape(node.tex, quote=False)}\\)"
    if isinstance(node, d.Gap):
        return gap(node) if gap else "____"
    text = escape(node.text, quote=False).replace("\n", "<br>")
    if node.script:
        tag = "sub" if node.script == "sub" else "sup"
        text = f"<{tag}>{text}</{tag}>"
    if node.italic:
        text = f"<em>{text}</em>"
    if node.bold:
        text = f"<strong>{text}</strong>"
    return text


def prose_html(prose: Prose, pictures: Pictures, gap: GapHtml | None = None) -> str:
    """A prose field as HTML blocks."""
    return "".join(_block(block, pictures, gap) for block in prose)


@singledispatch
def _block(block: object, pictures: Pictures, gap: GapHtml | None) -> str:
    raise TypeError(f"no HTML for {type(block).__name__}")


@_block.register
def _(block: Para, pictures: Pictures, gap: GapHtml | None) -> str:
    return f"<p>{inline_html(block.runs, gap)}</p>"


@_block.register
def _(block: d.DisplayMath, pictures: Pictures, gap: GapHtml | None) -> str:
    return f"<p>\\[{escape(block.tex, quote=False)}\\]</p>"


@_block.register
def _(block: ListBlock, pictures: Pictures, gap: GapHtml | None) -> str:
    tag = "ol" if block.ordered else "ul"
    start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
    items = "".join(f"<li>{prose_html(item, pictures, gap)}</li>" for item in block.items)
    return f"<{tag}{start}>{items}</{tag}>"


@_block.register
def _(block: TableBlock, pictures: Pictures, gap: GapHtml | None) -> str:
    def row(cells: tuple[tuple[Inline, ...], ...], tag: str) -> str:
        return "<tr>" + "".join(f'<{tag} style="text-align:{a}">{inline_html(c, gap)}</{tag}>'
                                for c, a in zip(cells, block.align, strict=False)) + "</tr>"

    body = "".join(row(r, "td") for r in block.rows)
    return f'<table border="1" cellpadding="4"><thead>{row(block.header, "th")}</thead><tbody>{body}</tbody></table>'


@_block.register
def _(block: Figure, pictures: Pictures, gap: GapHtml | None) -> str:
    src = escape(pictures.prefix + pictures.name(block))
    caption = f"<br><small>{escape(block.caption)}</small>" if block.caption else ""
    return f'<p><img src="{src}" alt="{escape(block.caption)}">{caption}</p>'


def short_html(prose: Prose, pictures: Pictures, gap: GapHtml | None = None) -> str:
    """An option or an item: one paragraph as inline HTML (no <p>), more as blocks."""
    if len(prose) == 1 and isinstance(prose[0], Para):
        return inline_html(prose[0].runs, gap)
    return prose_html(prose, pictures, gap)


def text_html(text: str) -> str:
    """Plain text (a title, an answer) as HTML."""
    return escape(text, quote=False)
