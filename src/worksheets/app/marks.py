"""`worksheets mark`: a class's scanned papers read against the class record their build wrote, and the
marks (CSV) and the report (PDF) written beside the class set, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

from worksheets.app.jobs import Options
from worksheets.app.names import class_record_name, versions_record_name
from worksheets.errors import Loc, Problem, SpecError, display_path


def _record(spec: Path, options: Options) -> dict:
    """The record the build wrote: of the class set built from the class list, or of the versions printed."""
    listing = options.class_list
    if listing is not None:
        path = options.out / spec.stem / class_record_name(spec.stem, listing.stem)
        build = f"worksheets build {display_path(spec)} --class-list {display_path(listing)}"
        missing = f"no class record: build the class set first ({build}), with scan_marking: true"
    else:
        path = options.out / spec.stem / versions_record_name(spec.stem)
        missing = (f"no record of the printed copies: build the worksheet first (worksheets build "
                   f"{display_path(spec)}), with scan_marking: true; for a class set, give its --class-list")
    if not path.is_file():
        raise SpecError(Problem(Loc(display_path(path)), missing))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        students = data["students"]
    except (OSError, ValueError, KeyError, TypeError):
        raise SpecError(Problem(Loc(display_path(path)), f"the {'class ' if listing else ''}record cannot be "
                                f"read: build the {'class set' if listing else 'worksheet'} again")) from None
    if not isinstance(students, list) or not any(isinstance(s, dict) and s.get("boxes") for s in students):
        raise SpecError(Problem(Loc(display_path(spec)), f"the {'class set' if listing else 'worksheet'} has no boxes "
                                "to read: add 'scan_marking: true' to the worksheet and build it again"))
    return data


def mark_scans(spec: Path, scans: list[Path], options: Options) -> tuple[list[Path], int]:
    """Mark the scans: (the files written, how many things a person must decide)."""
    from worksheets.app.write import cannot_write, write_all
    from worksheets.marking import mark
    from worksheets.marking.report import marks_csv, to_decide
    from worksheets.marking.report_pdf import report_pdf

    missing = [p for p in scans if not p.is_file()]
    if missing:
        raise SpecError([Problem(Loc(display_path(p)), "no such file") for p in missing])
    record = _record(spec, options)
    marked = mark(record, scans)
    folder = options.out / spec.stem
    outputs = {folder / f"{spec.stem}-marks.csv": marks_csv(marked),
               folder / f"{spec.stem}-marks-report.pdf": report_pdf(marked, record.get("title", spec.stem))}
    try:
        write_all(outputs)
    except OSError as error:
        raise cannot_write(error, options.out) from None
    return list(outputs), len(to_decide(marked))
