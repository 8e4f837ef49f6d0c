"""Problems found in a teacher's files, reported as `FILE:LINE:COLUMN: message` lines."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


def display_path(path: str | os.PathLike[str]) -> str:
    """A path as the teacher would type it: relative to the working folder when inside it."""
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symbolic link that loops (Python 3.11)
        return str(p)


@dataclass(frozen=True, order=True)
class Loc:
    """A place in a file; line and column count from 1 (column 0: the whole line)."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        if self.column <= 0:
            return f"{self.file}:{self.line}"
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, at one place."""

    loc: Loc
    message: str

    def __str__(self) -> str:
        return f"{self.loc}: {self.message}".translate(_ESCAPED)


# One line per problem, whatever a message or a file name quotes, and nothing a terminal would act on:
# line breaks, control characters (ESC, BEL, NUL...) and the marks that reorder text are shown escaped.
_UNSEEN = [*range(0x20), *range(0x7F, 0xA0), 0x2028, 0x2029, *range(0x202A, 0x202F), *range(0x2066, 0x206A),
           0x200E, 0x200F, 0x061C]
_ESCAPED = {code: chr(code).encode("unicode_escape").decode("ascii") for code in _UNSEEN}


def shown(text: str) -> str:
    """Text as one line a terminal shows as it is: control characters and line breaks escaped."""
    return text.translate(_ESCAPED)


class SpecError(Exception):
    """Raised with every problem found, so all of them are reported together."""

    def __init__(self, problems: list[Problem] | Problem):
        self.problems = sorted(set([problems] if isinstance(problems, Problem) else problems))
        super().__init__("\n".join(str(p) for p in self.problems))


class ProblemList:
    """Collects problems while a stage goes on; `check()` raises them at the end."""

    def __init__(self) -> None:
        self.items: list[Problem] = []

    def add(self, loc: Loc, message: str) -> None:
        self.items.append(Problem(loc, message))

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)

    def __bool__(self) -> bool:
        return bool(self.items)

    def check(self) -> None:
        if self.items:
            raise SpecError(self.items)
