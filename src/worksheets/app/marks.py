"""`worksheets mark`: a class's scanned papers read against the class record their build wrote, and the
marks (CSV) and the report (PDF) written beside the class set, all or nothing."""

from __future__ import annotations

import json
from pathlib import Path

from worksheets.app.jobs import Options
from worksheets.app.names import class_record_name
from worksheets.errors import Loc, Problem, SpecError, display_path


def _record(spec: Path, options: Options) -> dict:
    """The class record of the spec's class set, as its build wrote it."""
    assert options.class_list is not None
    path = options.out / spec.stem / class_record_name(spec.stem, options.class_list.stem)
    if not path.is_file():
        raise SpecError(Problem(Loc(display_path(path)), "no class record: build the class set first "
                                f"(worksheets build {display_path(spec)} --class-list "
                                f"{display_path(options.class_list)}), with scan_marking: true"))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        students = data["students"]
    except (OSError, ValueError, KeyError, TypeError):
        raise SpecError(Problem(Loc(display_path(path)), "the class record cannot be read: build the class set "
                                "again")) from None
    if not isinstance(students, list) or not any(isinstance(s, dict) and s.get("boxes") for s in students):
        raise SpecError(Problem(Loc(display_path(spec)), "the class set has no boxes to read: add "
                                "'scan_marking: true' to the worksheet and build it again"))
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
