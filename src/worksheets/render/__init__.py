"""Stage 4: typeset a resolved Document as a student handout or a mark scheme (PDF bytes)."""

from __future__ import annotations

from typing import Literal

from worksheets.document import Document

Role = Literal["student", "markscheme", "sources"]


def render(document: Document, role: Role) -> bytes:
    """The PDF of one document in one role; the same document always gives the same bytes."""
    from worksheets.render import handout, insert, markscheme

    if role == "student":
        return handout.render(document)
    if role == "sources":
        return insert.render(document)
    return markscheme.render(document)
