"""Class lists: a CSV with a `name` column and optional `tier`, `style` and `class` columns.

Problems are reported as FILE:LINE lines, all at once, before anything is built.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from worksheets.errors import Loc, Problem, SpecError
from worksheets.spec.files import read_text, shown_path
from worksheets.style.fonts import unprintable
from worksheets.vocab import DEFAULT_STYLE, DEFAULT_TIER, STYLES, TIERS

MAX_STUDENTS = 500


@dataclass(frozen=True)
class Student:
    name: str
    tier: str
    style: str
    line: int
    group: str = ""  # the optional `class` column, printed in the Class field


def _cell(row: list[str], columns: dict[str, int], key: str) -> str:
    """One column of a row, stripped ('' when the row is short or the column absent)."""
    index = columns.get(key)
    return row[index].strip() if index is not None and index < len(row) else ""


MAX_NAME_CHARS = 60  # a name or class longer than this cannot be printed on the Name line


def _row_problems(student: Student) -> list[str]:
    """What is wrong with one student's row: a name that cannot be printed, a tier or style that does not exist."""
    problems = []
    if not student.name:
        problems.append("a student with no name")
    if student.tier not in TIERS:
        problems.append(f"tier '{student.tier}' is not one of: {', '.join(TIERS)}")
    if student.style not in STYLES:
        problems.append(f"style '{student.style}' is not one of: {', '.join(STYLES)}")
        return problems
    for what, text in (("name", student.name), ("class", student.group)):
        if len(text) > MAX_NAME_CHARS:
            problems.append(f"the {what} is too long to print ({len(text)} characters; at most {MAX_NAME_CHARS})")
        shown = unprintable(text, student.style)
        if shown:
            problems.append(f"the {what} has {shown}, which the bundled fonts of the {student.style} style cannot "
                            "print")
    return problems


def read_class_list(path: Path, default_tier: str = DEFAULT_TIER, default_style: str = DEFAULT_STYLE) -> list[Student]:
    """The students of a class list, in the file's order, or SpecError with every problem."""
    shown = shown_path(path)
    text = read_text(path, shown, "class list", columns=False)  # refuses a pipe or a device without opening it
    if not text.strip():
        raise SpecError(Problem(Loc(shown, 1), "the class list is empty: expected a header line with a 'name' column"))
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise SpecError(Problem(Loc(shown, reader.line_num or 1), f"not a readable CSV file ({error})")) from None
    header = [cell.strip().lower() for cell in rows[0]]
    problems: list[Problem] = []
    if "name" not in header:
        found = ", ".join(rows[0]) or "nothing"
        raise SpecError(Problem(Loc(shown, 1), f"the class list needs a 'name' column (found: {found})"))
    unknown = [h for h in header if h and h not in ("name", "tier", "style", "class")]
    if unknown:
        problems.append(Problem(Loc(shown, 1),
                                f"unknown column '{unknown[0]}' (the columns are name, tier, style, class)"))
    col: dict[str, int] = {name: header.index(name) for name in ("name", "tier", "style", "class") if name in header}
    students: list[Student] = []
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        student = Student(_cell(row, col, "name"), _cell(row, col, "tier").lower() or default_tier,
                          _cell(row, col, "style").lower() or default_style, number, _cell(row, col, "class"))
        problems += [Problem(Loc(shown, number), message) for message in _row_problems(student)]
        students.append(student)
    if not students and not problems:
        problems.append(Problem(Loc(shown, 1), "the class list has no students"))
    if len(students) > MAX_STUDENTS:
        problems.append(Problem(Loc(shown, 1), f"more than {MAX_STUDENTS} students"))
    if problems:
        raise SpecError(problems)
    return students
