"""Stage 5: writers, one package or module per output format, and FORMATS, their registry.

A writer reads only the resolved Document (see `contract.RenderUnit`) and returns the file's
bytes with a page map (`contract.Rendered`). Output names, the build, `serve` and `preview`
read the registry; a writer's module is imported only when something is written in its format.

To add a format: write its module with `render(unit) -> Rendered` (and handlers for the
question types it claims), then add one line to FORMATS.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from worksheets.vocab import ROLES, FormatName, Role


@dataclass(frozen=True)
class Format:
    """One output format."""

    name: FormatName
    """Its name, as the CLI and specs say it."""
    suffix: str
    """The file name's ending, with its dot."""
    mime: str
    """Its media type, for `serve`."""
    roles: tuple[Role, ...]
    """The roles it can be written for."""
    answers: bool
    """May see answers: a role that keeps them (the mark scheme) gets the whole document."""
    module: str
    """The writer's module, imported when first used."""
    preview: bool = False
    """Its pages can be shown as PNG thumbnails (`preview`, `serve`)."""
    claims: tuple[str, ...] | None = None
    """The question types it writes; None: every registered type."""
    built: bool = True
    """`worksheets build` writes it for every version (else only when asked for: `worksheets export`)."""
    role_in_name: bool = True
    """The file's name says its role (`terror-student.docx`); a quiz file holds questions and answers as one
    (`terror-moodle.xml`)."""
    styled: bool = True
    """It has a look, so each style is its own file; a quiz's look is the LMS's (one file a tier)."""

    def writer(self) -> ModuleType:
        """The writer's module (imported now, if not yet)."""
        return importlib.import_module(self.module)


QUIZ: tuple[Role, ...] = ("markscheme",)  # a quiz holds the answers: written from the whole document
LMS_TYPES = ("written", "choice", "true-false", "cloze", "matching", "numeric", "table")
"""The question types every quiz format has a type for; Moodle has ordering too."""
FORMATS: dict[str, Format] = {
    "pdf": Format("pdf", ".pdf", "application/pdf", ROLES, True, "worksheets.writers.pdf", preview=True),
    "moodle": Format("moodle", "-moodle.xml", "application/xml", QUIZ, True, "worksheets.writers.moodle",
                     claims=(*LMS_TYPES, "ordering"), built=False, role_in_name=False, styled=False),
    "gift": Format("gift", ".gift.txt", "text/plain", QUIZ, True, "worksheets.writers.gift", claims=LMS_TYPES,
                   built=False, role_in_name=False, styled=False),
    "qti": Format("qti", "-qti.zip", "application/zip", QUIZ, True, "worksheets.writers.qti", claims=LMS_TYPES,
                  built=False, role_in_name=False, styled=False),
    "docx": Format("docx", ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                   ("student", "markscheme"), True, "worksheets.writers.docx", built=False),
}
"""Every output format, by name."""


def format_of(path: Path) -> Format | None:
    """The format of an output file, from its name."""
    return next((f for f in FORMATS.values() if path.name.endswith(f.suffix)), None)
