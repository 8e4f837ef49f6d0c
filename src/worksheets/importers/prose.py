"""An LMS's HTML as our prose: paragraphs, **bold**, *italic*, `~sub~`, `^super^`, lists, pipe tables,
pictures on lines of their own, and `\\( ... \\)` / `\\[ ... \\]` maths as `$...$` / `$$...$$`. Anything else
keeps its text; a character our prose reads as markup (`*`, `$`, `[[`) is escaped."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape
from html.parser import HTMLParser

MATHS = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)
Picture = Callable[[str, str], str | None]
"""(src, alt) -> the saved picture's path for `![alt](path)`, or None if it cannot be had."""
MARKS = {"strong": "**", "b": "**", "em": "*", "i": "*", "sub": "~", "sup": "^"}


def _escaped(text: str) -> str:
    """Plain text as prose: the characters that would start markup escaped."""
    return _unbraced(text.replace("\\", "\\\\").replace("*", "\\*").replace("$", "\\$").replace("[[", "[\\["))


def _unbraced(text: str) -> str:
    """`{{` and `}}` apart (`{ {`), so no text of another format reads as one of our `{{expressions}}`."""
    return text.replace("{{", "{ {").replace("}}", "} }")


class _Reader(HTMLParser):
    def __init__(self, picture: Picture) -> None:
        super().__init__(convert_charrefs=True)
        self.picture = picture
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.lists: list[list[object]] = []  # per open list: [ordered, number]
        self.rows: list[list[str]] | None = None
        self.cell: list[str] | None = None

    def _out(self) -> list[str]:
        return self.cell if self.cell is not None else self.line

    def _end_line(self) -> None:
        text = "".join(self.line).strip()
        if text:
            self.blocks.append(text)
        self.line = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in MARKS:
            self._out().append(MARKS[tag])
        elif tag in ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"):
            if self.lists and tag in ("p", "div"):  # a paragraph inside a list item stays on the item's line
                return
            self._end_line()
            if tag.startswith("h"):
                self.line.append("**")
        elif tag == "br":
            self._out().append(" ")
        elif tag in ("ul", "ol"):
            self._end_line()
            self.lists.append([tag == "ol", 0])
        elif tag == "li":
            self._end_line()
            ordered = bool(self.lists and self.lists[-1][0])
            if self.lists:
                self.lists[-1][1] = int(str(self.lists[-1][1])) + 1
            self.line.append(f"{self.lists[-1][1]}. " if ordered else "- ")
        elif tag == "table":
            self._end_line()
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th") and self.rows is not None:
            self.cell = []
        elif tag == "img":
            found = dict(attrs)
            path = self.picture(found.get("src") or "", found.get("alt") or "")
            if path:
                self._end_line()
                self.blocks.append(f"![{(found.get('alt') or '').replace(']', '')}]({path})")

    def handle_endtag(self, tag: str) -> None:
        if tag in MARKS:
            self._out().append(MARKS[tag])
        elif tag in ("p", "div") and self.lists:
            self._out().append(" ")
        elif tag in ("p", "div", "li", "blockquote") or (tag.startswith("h") and len(tag) == 2):
            if tag.startswith("h") and tag != "hr":
                self.line.append("**")
            self._end_line()
        elif tag in ("ul", "ol") and self.lists:
            self._end_line()
            self.lists.pop()
        elif tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1].append(" ".join("".join(self.cell).split()).replace("|", "\\|"))
            self.cell = None
        elif tag == "table" and self.rows is not None:
            self._table(self.rows)
            self.rows = None

    def _table(self, rows: list[list[str]]) -> None:
        rows = [r for r in rows if r]
        if not rows:
            return
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        self.blocks.append("\n".join(lines))

    def handle_data(self, data: str) -> None:
        self._out().append(_with_maths(data))


def _with_maths(text: str) -> str:
    """Text with its `\\( \\)` and `\\[ \\]` maths as dollars, the rest escaped."""
    out, at = [], 0
    for match in MATHS.finditer(text):
        out.append(_escaped(" ".join(text[at:match.start()].split(" "))))
        inline, shown = match.group(1), match.group(2)
        out.append(_unbraced(f"${inline.strip()}$" if inline is not None else f"$${shown.strip()}$$"))
        at = match.end()
    out.append(_escaped(text[at:]))
    return "".join(out)


def prose(html: str, picture: Picture) -> str:
    """The HTML (or plain text) as prose; pictures saved through `picture`."""
    if "<" not in html:
        return "\n\n".join(_with_maths(unescape(p)).strip() for p in re.split(r"\n\s*\n", html) if p.strip())
    reader = _Reader(picture)
    reader.feed(html)
    reader.close()
    reader._end_line()
    return "\n\n".join(" ".join(b.split(" ")) for b in reader.blocks)


def plain(html: str) -> str:
    """The HTML's text alone, on one line (a name, an option, a matching answer)."""
    return " ".join(prose(html, lambda src, alt: None).replace("\n", " ").split())


def split_cloze(text: str) -> tuple[str, str]:
    """A cloze's prose as (its prompt: the paragraphs before the first gap, its text: the rest)."""
    paragraphs = text.split("\n\n")
    first = next((i for i, p in enumerate(paragraphs) if "[[" in p), 0)
    return "\n\n".join(paragraphs[:first]), "\n\n".join(paragraphs[first:])
