"""Pictures named in prose: `![Caption](path "what it shows")` on a line of its own (the quoted alt text is
optional, but a screen reader has nothing to read without it). Said once here, for the library
(which checks the files) and the planner (which places them)."""

from __future__ import annotations

import re

FIGURE = re.compile(r"!\[([^\]\n]*)\]\(([^()\s]+)(?:\s+\"([^\"\n]*)\")?\s*\)")
"""`![Caption](path "alt")`: a picture, when it is a line's (a paragraph's) whole text; groups caption, path, alt."""


def figures(text: str) -> list[str]:
    """The picture paths a prose text names, each on a line of its own."""
    return [path for path, _ in pictures(text)]


LIST_MARK = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)])\s+")
"""A list item's bullet or number: a picture may be an item of its own."""


def _alone(line: str) -> re.Match[str] | None:
    """The picture that is the line's whole text (after a list item's mark, if it is one)."""
    line = line.strip()
    mark = LIST_MARK.match(line)
    return FIGURE.fullmatch(line[mark.end():] if mark else line)


def pictures(text: str) -> list[tuple[str, str | None]]:
    """The pictures a prose text names, each on a line of its own: (path, alt text or None where it has none)."""
    return [(m.group(2), m.group(3)) for line in text.splitlines() if (m := _alone(line))]


def inline_pictures(text: str) -> list[str]:
    """The pictures a prose text names inside a line of other words, which print as written (a picture
    stands on a line of its own)."""
    return [m.group(2) for line in text.splitlines() if not _alone(line) for m in FIGURE.finditer(line)]
