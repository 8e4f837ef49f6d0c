"""The whole pipeline for the CLI: specs in, checked and planned jobs, rendered and assembled, files out.

Every spec is loaded, validated and planned before anything is rendered, and everything is
rendered before anything is written: a problem anywhere leaves the output folder as it was.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from worksheets.app.jobs import AnyJob, Job, Options, job_paths, plan_spec
from worksheets.app.workers import Progress
from worksheets.errors import Loc, Problem, SpecError, display_path

if TYPE_CHECKING:
    from worksheets.app.render_cache import Fresh
    from worksheets.writers.contract import RenderUnit

Planned = tuple[Path, list[AnyJob], list[Path]]
"""A spec, its jobs, and the files it was planned from."""

__all__ = ["First", "Options", "Planned", "build", "job_paths", "plan_all", "render_jobs"]


def plan_all(specs: list[Path], options: Options, notes: dict[Path, list[Problem]] | None = None) -> list[Planned]:
    """Plan every spec, collecting the problems of all of them: (spec, jobs, inputs) each; each spec's warnings go
    to `notes` (once each)."""
    planned: list[Planned] = []
    problems: list[Problem] = []
    owners: dict[Path, Path] = {}
    for spec in specs:
        inputs: list[Path] = []
        try:
            found: list[Problem] = []
            jobs = plan_spec(spec, options, inputs, found)
            if notes is not None:
                notes[spec] = list(dict.fromkeys(found))
        except SpecError as error:
            problems.extend(error.problems)
            continue
        clash = next(((path, owners[path.resolve()]) for job in jobs for path in job_paths(job)
                      if owners.setdefault(path.resolve(), spec) != spec), None)
        if clash:
            problems.append(Problem(Loc(display_path(spec)), f"would overwrite {display_path(clash[0])} from "
                                    f"{display_path(clash[1])} (same file name): rename one, or build them with --out"))
        planned.append((spec, jobs, inputs))
    if problems:
        raise SpecError(list(dict.fromkeys(problems)))
    return planned


def render_jobs(jobs: list[AnyJob], cache: Path | None = None, refresh: bool = False,
                progress: Progress | None = None) -> tuple[dict[Path, bytes], Fresh]:
    """Every output, in memory, and the renders to keep in the cache. Each unit is rendered once, even if a class
    set needs it for many students (and not at all if the render cache in the folder `cache` has it, unless
    `refresh`); class sets and booklets are then assembled from the rendered PDFs and their page maps."""
    from worksheets.app.workers import assemble_over_cores, render_units

    units: list[RenderUnit] = list(dict.fromkeys(unit for job in jobs for unit in job.units()))
    renders, fresh = render_units(units, cache, refresh, progress)
    return assemble_over_cores(jobs, dict(zip(units, renders, strict=True))), fresh


def build(specs: list[Path], options: Options, progress: Progress | None = None,
          removed: list[Path] | None = None, first: First | None = None) -> list[tuple[Path, bool]]:
    """Check, plan, render, then write everything; returns each output and whether it was built afresh (False: its
    spec was up to date; a rebuilt file holding the same bytes is left untouched on disk, but counts as built).

    A spec whose inputs and outputs are unchanged since its last build (see manifest.py) is skipped.
    The files its last build wrote and this one no longer does are removed, and added to `removed`.
    With `first` (watch and serve), the document the teacher is looking at is rendered and written before the
    rest, and announced (see First)."""
    from worksheets.app import manifest, workers
    from worksheets.app.write import cannot_write, check_folder

    results: list[tuple[Path, bool]] = []
    try:
        todo = []
        for spec in specs:
            fresh = None if options.force else manifest.up_to_date(spec, options)
            if fresh is not None:
                results += [(path, False) for path in fresh]
            else:
                todo.append(spec)
        if not todo:
            return results
        try:
            check_folder(options.out)  # `--out notes.pdf` is refused now, not after the rendering
        except OSError as error:
            raise cannot_write(error, options.out) from None
        from worksheets.app import render_cache  # only now: an unchanged rebuild never needs it

        workers.start_warming()  # reportlab and the fonts load on another core while this one plans
        found: dict[Path, list[Problem]] = {}
        planned = plan_all(todo, options, found)
        seen = {spec: manifest.digests(inputs) for spec, _, inputs in planned}
        early = _first(planned, first, options) if first is not None else []
        outputs, made = workers.in_warm_child(render_jobs, [job for _, jobs, _ in planned for job in jobs],
                                               options.out, options.force, progress=progress)
    finally:
        workers.stop_warming()
    results += _write(planned, outputs, seen, found, options, removed if removed is not None else [])
    render_cache.store(options.out, early + made)  # only now: a build that could not write leaves it as it was
    return results


@dataclass(frozen=True)
class First:
    """The document to render and write before the others (the one on the teacher's screen), and what to call
    with it once it is written."""

    path: Path | None
    """Its output file; None (or a file this build does not make): the first version's student handout."""
    ready: Callable[[Path], None]
    """Told the file, once it is written."""


def _first(planned: list[Planned], first: First, options: Options) -> Fresh:
    """Render and write the one document `first` names, ahead of the rest (watch and serve: if another document
    then cannot be laid out, this one stays written, and shown). It stays rendered in the warm process, so the
    full build does not redo it; its render is returned, to keep in the cache with the others."""
    from worksheets.app.write import write_all

    jobs = [job for _, spec_jobs, _ in planned for job in spec_jobs if isinstance(job, Job)]
    chosen = next((job for job in jobs if first.path is not None and job.path == first.path), None)
    chosen = chosen or next((job for job in jobs if job.role == "student"), None)
    if chosen is None:
        return []
    outputs, made = render_jobs([chosen], options.out, options.force)
    with contextlib.suppress(OSError):  # it is written again with the rest, where a failure is reported
        write_all(outputs)
        first.ready(chosen.path)
    return made


def _remove_stale(spec: Path, options: Options, outputs: list[Path]) -> list[Path]:
    """Remove what the spec's last build wrote and this one does not (last week's version, a dropped tier),
    so nobody prints it by mistake; only files exactly as that build wrote them (see manifest.stale)."""
    from worksheets.app import manifest

    gone = []
    for path in manifest.stale(spec, options, outputs):
        with contextlib.suppress(OSError):  # cannot be removed: it stays, as any other file would
            path.unlink()
            gone.append(path)
    return gone


def _write(planned: list[Planned], outputs: dict[Path, bytes], seen: dict[Path, dict[str, str | None]],
           notes: dict[Path, list[Problem]], options: Options, removed: list[Path]) -> list[tuple[Path, bool]]:
    """Write every output, all or nothing (a failure is one line, and changes no earlier output), then
    record the build in the manifest; returns each output and True (it is as this build made it)."""
    from worksheets.app import manifest
    from worksheets.app.write import cannot_write, write_all

    try:
        write_all(outputs, rewrite=options.force)
    except OSError as error:
        raise cannot_write(error, options.out) from None
    results: list[tuple[Path, bool]] = []
    builds: list[manifest.Built] = []
    for spec, jobs, _ in planned:
        mine = {path: outputs[path] for job in jobs for path in job_paths(job)}
        builds.append((spec, options, seen[spec], mine, [str(note) for note in notes.get(spec, [])]))
        results += [(path, True) for path in mine]
        removed += _remove_stale(spec, options, list(mine))
    with contextlib.suppress(OSError):  # the outputs are in place; without a record the next build redoes them
        manifest.record(options.out, builds)
    return results
