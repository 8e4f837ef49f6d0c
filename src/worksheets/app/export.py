"""`worksheets export`: each version of each spec written in one other format (Moodle XML, GIFT, a QTI package,
Word), all checked and planned before anything is written, and written all or nothing like a build."""

from __future__ import annotations

from pathlib import Path

from worksheets.app.jobs import Job, Options, plan_versions, worksheet_library
from worksheets.app.names import output_name
from worksheets.errors import Problem, SpecError
from worksheets.vocab import DEFAULT_STYLE


def plan_export(spec: Path, options: Options, format: str) -> list[Job]:
    """The jobs of one worksheet spec in one format: a tier at a time for a quiz, each style too for Word."""
    from worksheets.writers import FORMATS

    fmt = FORMATS[format]
    library = worksheet_library(spec, options, "export writes")
    ws = library.worksheet
    assert ws is not None
    tiers = options.tiers or tuple(dict.fromkeys(ws.tiers))
    styles = (options.styles or tuple(dict.fromkeys(ws.styles))) if fmt.styled else (DEFAULT_STYLE,)
    docs = plan_versions(library, spec.stem, [(t, s, None) for t in tiers for s in styles], options)
    folder = options.out / spec.stem
    return [Job(folder / output_name(spec.stem, role, doc.tier, doc.style, None, fmt.name), doc, role, fmt.name)
            for doc in docs for role in fmt.roles]


def export(specs: list[Path], options: Options, format: str) -> tuple[list[Path], list[str]]:
    """Check and plan every spec, render, then write all or nothing: (the files written, what was left out)."""
    from worksheets.app import workers

    if format == "docx":  # python-docx loads on another core while this one plans
        workers.start_warming((format,))
    try:
        return _export(specs, options, format)
    finally:
        workers.stop_warming()


def _export(specs: list[Path], options: Options, format: str) -> tuple[list[Path], list[str]]:
    """`export` itself: plan everything, render (in the warm child when there is one), write all or nothing."""
    from worksheets.app import render_cache, workers
    from worksheets.app.render_cache import Fresh
    from worksheets.app.write import cannot_write, check_folder, write_all

    jobs: list[Job] = []
    problems: list[Problem] = []
    for spec in specs:
        try:
            jobs += plan_export(spec, options, format)
        except SpecError as error:
            problems += [p for p in error.problems if p not in problems]
    if problems:
        raise SpecError(problems)
    try:
        check_folder(options.out)
    except OSError as error:
        raise cannot_write(error, options.out) from None
    units = [unit for job in jobs for unit in job.units()]
    fresh: Fresh = []
    if format == "docx":
        renders, fresh = workers.in_warm_child(workers.render_units, units, options.out, False)
        rendered = dict(zip(units, renders, strict=True))
    else:  # a quiz is text written in a few milliseconds: forking warm renderers would cost more than it saves
        from worksheets.writers.contract import render

        rendered = {unit: render(unit) for unit in units}
    outputs: dict[Path, bytes] = {}
    for job in jobs:
        outputs.update(job.outputs(rendered))
    notes = list(dict.fromkeys(note for unit in units for note in rendered[unit].notes))
    try:
        write_all(outputs)
    except OSError as error:
        raise cannot_write(error, options.out) from None
    render_cache.store(options.out, fresh)
    return list(outputs), notes
