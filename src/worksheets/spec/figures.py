"""Pictures named in prose: `![Caption](path)` on a line of its own. Said once here, for the library
(which checks the files) and the planner (which places them)."""

from __future__ import annotations

import re

FIGURE = re.compile(r"!\[([^\]\n]*)\]\(([^()\s]+)\)")
"""`![Caption](path)`: a picture, when it is a line's (a paragraph's) whole text."""


def figures(text: str) -> list[str]:
    """The picture paths a prose text names, each on a line of its own."""
    return [m.group(2) for line in text.splitlines() if (m := FIGURE.fullmatch(line.strip()))]
