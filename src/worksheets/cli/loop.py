"""The commands past printing: `export` and `import` (other formats), `report` (reading age) and `mark` (scanned
papers). Registered on the one `app` when `worksheets.cli` is imported; imports kept lazy like every command's."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from worksheets.cli import (
    DebugOption,
    OutOption,
    RootOption,
    StyleOption,
    TierOption,
    _build_options,
    _choices,
    _run,
    app,
)


@app.command()
def export(
    specs: Annotated[list[Path], typer.Argument(help="Worksheet spec files (.yaml).")],
    format: Annotated[str, typer.Option("--format", help=(
        "moodle (Moodle XML quiz), gift (GIFT text), qti (IMS QTI 1.2 package for Canvas) or docx (Word handout "
        "and mark scheme)."))],
    out: OutOption = Path("output"),
    root: RootOption = None,
    tier: TierOption = None,
    style: StyleOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems and what was left out.")] = False,
    debug: DebugOption = False,
) -> None:
    """Write each version of each spec as a Moodle, GIFT or QTI quiz, or as Word documents, into OUT/<spec name>/.
    A question the format cannot hold is named in one line and left out."""
    from worksheets.app.export import export as run_export
    from worksheets.errors import display_path, shown
    from worksheets.vocab import EXPORT_FORMATS

    _choices([format], EXPORT_FORMATS, "--format")
    options = _build_options(out, root, tier, style, None, False, None)
    written, notes = _run(lambda: run_export(list(specs), options, format), debug)
    for note in notes:
        typer.echo(f"left out: {note}", err=True)
    if not quiet:
        for path in written:
            typer.echo(f"wrote {shown(display_path(path))}")


@app.command("import")
def import_(
    source: Annotated[Path, typer.Argument(help="A Moodle XML (.xml) or GIFT (.gift.txt) question file.")],
    out: Annotated[Path | None, typer.Option("--out", help=(
        "The worksheet spec to write (default: NAME.yaml here); its pictures go in images/ beside it."))] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems and what was left out.")] = False,
    debug: DebugOption = False,
) -> None:
    """Read a Moodle XML or GIFT file into a worksheet spec that check accepts and build builds. A question it
    cannot carry over is listed with its line, and left out."""
    from worksheets.app.imports import import_file
    from worksheets.errors import display_path, shown

    written, notes = _run(lambda: import_file(source, out), debug)
    for note in notes:
        typer.echo(f"left out: {note}", err=True)
    if not quiet:
        for path in written:
            typer.echo(f"wrote {shown(display_path(path))}")


@app.command()
def report(
    specs: Annotated[list[Path], typer.Argument(help="Worksheet spec files (.yaml).")],
    out: OutOption = Path("output"),
    root: RootOption = None,
    tier: TierOption = None,
    debug: DebugOption = False,
) -> None:
    """How hard each tier is to read: words, sentences, reading age (Flesch-Kincaid grade + 5, and SMOG) of the
    handout's own words (its sources apart), the longest words and sentences; NAME-reading.json beside the PDFs.
    Warns when a support tier reads no easier than its core tier."""
    from worksheets.app.report import report as run_report
    from worksheets.app.report import table
    from worksheets.errors import display_path, shown

    options = _build_options(out, root, tier, None, None, False, None)
    results, warnings = _run(lambda: run_report(list(specs), options), debug)
    for spec, readings in results:
        for line in table(spec, readings):
            typer.echo(line)
        typer.echo(f"wrote {shown(display_path(options.out / spec.stem / f'{spec.stem}-reading.json'))}")
    for warning in warnings:
        typer.echo(f"warning: {warning}", err=True)


@app.command()
def mark(
    spec: Annotated[Path, typer.Argument(help="The worksheet spec the copies were built from.")],
    scans: Annotated[list[Path], typer.Argument(help="Scanned pages: PDFs from a copier, or PNG/JPEG images.")],
    class_list: Annotated[Path | None, typer.Option(
        "--class-list", help="The class list the class set was built with (each student's pages then in any "
        "order); without it, copies of the versions printed, each copy's pages kept together in the pile.")] = None,
    out: OutOption = Path("output"),
    debug: DebugOption = False,
) -> None:
    """Mark scanned papers built with scan_marking: true (a class set, or copies of the versions): NAME-marks.csv
    and NAME-marks-report.pdf beside them. A box it cannot read with confidence is shown in the report, not
    scored."""
    import dataclasses

    from worksheets.app.marks import mark_scans
    from worksheets.errors import display_path, shown

    options = dataclasses.replace(_build_options(out, None, None, None, None, False, None), class_list=class_list)
    written, to_decide = _run(lambda: mark_scans(spec, list(scans), options), debug)
    for path in written:
        typer.echo(f"wrote {shown(display_path(path))}")
    if to_decide:
        typer.echo(f"{to_decide} thing(s) for a person to decide: see the report", err=True)
