"""Readers of other formats: a Moodle XML or GIFT question file read into a worksheet spec of our own
(`worksheets import`), with its pictures and a line for each question it cannot carry over."""

from __future__ import annotations

from pathlib import Path

from worksheets.errors import Loc, Problem, SpecError
from worksheets.importers.bank import Imported, spec_text

MAX_BYTES = 50 * 2**20
"""The largest file read (base64 pictures make Moodle files large)."""

__all__ = ["MAX_BYTES", "Imported", "read_any", "spec_text"]


def read_any(path: Path, shown: str) -> Imported:
    """The questions of a Moodle XML (.xml) or GIFT (.gift, .gift.txt, .txt) file."""
    name = path.name.lower()
    if name.endswith(".xml"):
        from worksheets.importers.moodle import read_file

        return read_file(path, shown, MAX_BYTES)
    if name.endswith((".gift", ".txt")):
        from worksheets.importers.gift import read_file as read_gift

        return read_gift(path, shown)
    raise SpecError(Problem(Loc(shown), "import reads Moodle XML (.xml) or GIFT (.gift.txt, .gift, .txt) files"))
