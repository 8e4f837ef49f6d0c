"""What marking gives the teacher: the marks as CSV (a row per copy: name, class, version, each question by its
bank id, the total, what needs a person), and a report PDF: how the class did on each question, the wrong
options chosen most, the spread of totals, and every page and box a person must decide, with its picture."""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any

from worksheets.marking import Marked


def _columns(marked: Marked) -> list[str]:
    """Each question's bank id (parts by their number's letter), in the order the first copies print them."""
    seen: dict[str, None] = {}
    for results in marked.results:
        for r in results:
            seen.setdefault(_column(r.ident, r.number), None)
    return list(seen)


def _column(ident: str, number: str) -> str:
    return f"{ident}{number[number.index('('):]}" if "(" in number else ident


def marks_csv(marked: Marked) -> bytes:
    """The marks: a row per copy; an unscored question is left empty and its reason is in the flags."""
    columns = _columns(marked)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["name", "class", "version", *columns, "total", "flags"])
    for student, results in zip(marked.students, marked.results, strict=True):
        by_column = {_column(r.ident, r.number): r for r in results}
        cells = [by_column[c].scored if c in by_column and by_column[c].scored is not None else "" for c in columns]
        flags = [f"{r.number}: {r.flag}" for r in results if r.flag]
        total = sum(r.scored or 0 for r in results)
        writer.writerow([student["name"], student["class"], student["version"], *cells,
                         total if not any(r.scored is None for r in results) else "", "; ".join(flags)])
    return out.getvalue().encode("utf-8")


def facility(marked: Marked) -> list[tuple[str, float, int, str]]:
    """(question, the share of its marks the class got, copies scored, the wrong answers chosen most)."""
    got: dict[str, list[tuple[int, int]]] = {}
    wrong: dict[str, Counter[str]] = {}
    for results in marked.results:
        for r in results:
            column = _column(r.ident, r.number)
            if r.scored is not None:
                got.setdefault(column, []).append((r.scored, r.marks))
            if r.chosen and r.scored == 0:
                wrong.setdefault(column, Counter())[r.chosen] += 1
    rows = []
    for column in _columns(marked):
        scores = got.get(column, [])
        share = sum(s for s, _ in scores) / max(1, sum(m for _, m in scores))
        common = ", ".join(f"{c} ({n})" for c, n in wrong.get(column, Counter()).most_common(2))
        rows.append((column, share, len(scores), common))
    return rows


def to_decide(marked: Marked) -> list[tuple[str, Any, tuple[int, int, int, int] | None]]:
    """(what to decide, the page's pixels, the part of it to show) for every doubtful box and set-aside page."""
    out: list[tuple[str, Any, tuple[int, int, int, int] | None]] = []
    for student, results, readings, pages in zip(marked.students, marked.results, marked.readings, marked.pages,
                                                 strict=True):
        for r in results:
            for key in r.doubtful:
                reading = readings.get(key)
                page = pages.get(student["boxes"][key][0])
                if reading is not None and page is not None:
                    out.append((f"{student['name']}, question {r.number}: {r.flag}", page.pixels, reading.crop))
    for scan in marked.problems:
        out.append((f"{scan.where}: {scan.problem}", scan.pixels, None))
    out += [(f"{name}: page {page} was not in the scans", None, None) for name, page in marked.missing]
    return out
