"""Stage 4: typeset a resolved Document as a student handout or a mark scheme (PDF bytes)."""

from __future__ import annotations

from typing import Literal

from reportlab import rl_config

from worksheets.document import Document

# Streams compressed with Flate alone, not also ASCII85-encoded: files a fifth smaller, and a rendered
# page can become a Form XObject (class sets, booklets) by copying its stream as it is.
rl_config.useA85 = 0

Role = Literal["student", "markscheme", "sources"]


def render(document: Document, role: Role) -> bytes:
    """The PDF of one document in one role; the same document always gives the same bytes."""
    from worksheets.render import handout, insert, markscheme

    if role == "student":
        return handout.render(document)
    if role == "sources":
        return insert.render(document)
    return markscheme.render(document)
