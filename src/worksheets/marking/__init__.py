"""Marking a class's scanned papers: each page found by its QR code and fitted from its corner marks, every
box checked against the template and read, each copy scored against its own version's key (from the class
record its build wrote), and what a person must decide set out with a picture of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from worksheets.marking.ink import Reading, read_box
from worksheets.marking.pages import Scan, load, read, student_code
from worksheets.marking.score import Result, score

PAPERS = {"A4": (595.2756, 841.8898), "letter": (612.0, 792.0)}


@dataclass
class Marked:
    """Everything read from the pile."""

    students: list[dict[str, Any]]
    """The class record's students, in its order; without a class list, each copy found in the pile (its
    version's entry in the record, named 'copy 1', 'copy 2'... in the order the copies come)."""
    results: list[list[Result]] = field(default_factory=list)
    """Each student's questions, scored."""
    readings: list[dict[str, Reading]] = field(default_factory=list)
    """Each student's boxes, as read."""
    pages: list[dict[int, Scan]] = field(default_factory=list)
    """Each student's pages, as found."""
    problems: list[Scan] = field(default_factory=list)
    """Pages set aside: unreadable, of nobody in the record, or a second scan of a page."""
    missing: list[tuple[str, int]] = field(default_factory=list)
    """(student, page) never found in the pile."""


def mark(record: dict[str, Any], scans: list[Path]) -> Marked:
    """Read every page of the scans against the record and score each copy. A class set's copies are told
    apart by their codes; copies of a version printed without a class list all carry the same codes, so each
    is the pages of that version that come together in the pile (a new copy starts at a page already had)."""
    named = record.get("named", True)
    students = record["students"]
    marked = Marked(list(students) if named else [], pages=[{} for _ in students] if named else [])
    by_code = {(s["version"] or "-", student_code(s.get("copy", ""))): i for i, s in enumerate(students)}
    latest: dict[int, int] = {}  # unnamed: a version's entry in the record -> its copy being put together
    size = PAPERS.get(students[0].get("paper", "A4"), PAPERS["A4"]) if students else PAPERS["A4"]
    for scan in load(scans):
        read(scan, size)
        if scan.problem == "blank":
            continue
        owner = by_code.get((scan.version, scan.student))
        if not scan.problem and owner is None:
            scan.problem = f"its QR code names a copy that is not in the {'class ' if named else ''}record"
        if not scan.problem and not named and owner is not None:
            owner = copy_for(marked, students[owner], latest, owner, scan.page)
        if not scan.problem and owner is not None and scan.page in marked.pages[owner]:
            scan.problem = f"a second scan of page {scan.page} of {marked.students[owner]['name']}'s copy"
        if scan.problem:
            marked.problems.append(scan)
            continue
        marked.pages[owner][scan.page] = scan  # type: ignore[index]
    for index, student in enumerate(marked.students):
        seen = _read_boxes(student, marked.pages[index], marked.problems)
        marked.readings.append(seen)
        marked.results.append(score(student, seen))
        needed = sorted({box[0] for box in student.get("boxes", {}).values()})
        marked.missing += [(student["name"], page) for page in needed if page not in marked.pages[index]]
    return marked


def copy_for(marked: Marked, version: dict[str, Any], latest: dict[int, int], entry: int, page: int) -> int:
    """The copy of a version (unnamed) that a page scanned now belongs to: the one being put together, unless it
    has that page already, when the page starts the next copy ('copy 3', named in the order they come)."""
    current = latest.get(entry)
    if current is None or page in marked.pages[current]:
        marked.students.append(dict(version, name=f"copy {len(marked.students) + 1}"))
        marked.pages.append({})
        current = latest[entry] = len(marked.students) - 1
    return current


def _read_boxes(student: dict[str, Any], pages: dict[int, Scan], problems: list[Scan]) -> dict[str, Reading]:
    """Every box of the student's pages, read; a page where any printed box is not where its template puts it
    is set aside whole (with the reason) and none of its boxes counts: a misfitted page is never read."""
    seen: dict[str, Reading] = {}
    for key, (page, x, y, size) in student.get("boxes", {}).items():
        scan = pages.get(page)
        if scan is not None and scan.fit is not None:
            seen[key] = read_box(scan.pixels, scan.fit, x, y, size, scan.paper)
    for number, scan in sorted(pages.items()):
        lost = [key for key, (page, *_) in student.get("boxes", {}).items()
                if page == number and key in seen and seen[key].state == "missing"]
        if lost:
            scan.problem = (f"page {number} of {student['name']}'s copy: {len(lost)} of its boxes are not where "
                            "they were printed (folded, torn, or written over): mark it by hand")
            problems.append(scan)
            for key in student.get("boxes", {}):
                if student["boxes"][key][0] == number:
                    seen.pop(key, None)
    return seen
