"""The whole pipeline for the CLI: specs in, checked and planned versions, PDFs out.

Every spec is loaded, validated and planned before anything is rendered, and
everything is rendered before anything is written: a problem anywhere leaves
the output folder as it was.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from worksheets.document import Document
from worksheets.errors import Loc, Problem, SpecError, display_path
from worksheets.library import build_library
from worksheets.output import output_name
from worksheets.plan import letters, plan


@dataclass(frozen=True)
class Options:
    out: Path = Path("output")
    root: Path | None = None
    tiers: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()
    variants: int | None = None
    mark_scheme: bool = True
    paper: str | None = None


@dataclass(frozen=True)
class Job:
    """One PDF to make: a planned document in one role, and where it goes."""

    path: Path
    document: Document
    role: str


def plan_spec(spec: Path, options: Options) -> list[Job]:
    """Check one worksheet spec and plan every version it asks for (or the options override)."""
    root = (options.root or Path.cwd()).resolve()
    if not spec.exists():
        raise SpecError(Problem(Loc(display_path(spec)), "no such file"))
    library = build_library(spec, root)
    ws = library.worksheet
    stem = spec.stem
    tiers = options.tiers or tuple(dict.fromkeys(ws.tiers))
    styles = options.styles or tuple(dict.fromkeys(ws.styles))
    count = options.variants or ws.variants
    variants: list[str | None] = [letters(i) for i in range(count)] if count > 1 else [None]
    folder = options.out / stem
    jobs: list[Job] = []
    problems: list[Problem] = []
    for tier in tiers:
        for style in styles:
            for variant in variants:
                try:
                    doc = plan(library, stem, tier, style, variant)
                except SpecError as error:
                    problems.extend(error.problems)
                    continue
                if options.paper:
                    doc = dataclasses.replace(doc, paper=options.paper)
                jobs.append(Job(folder / output_name(stem, "student", tier, style, variant), doc, "student"))
                if doc.source_insert and doc.sources:
                    jobs.append(Job(folder / output_name(stem, "sources", tier, style, variant), doc, "sources"))
                if ws.mark_scheme and options.mark_scheme:
                    jobs.append(Job(folder / output_name(stem, "markscheme", tier, style, variant), doc, "markscheme"))
    if problems:
        raise SpecError(problems)
    return jobs


def plan_all(specs: list[Path], options: Options) -> list[Job]:
    """Plan every spec, collecting the problems of all of them."""
    jobs: list[Job] = []
    problems: list[Problem] = []
    for spec in specs:
        try:
            jobs += plan_spec(spec, options)
        except SpecError as error:
            problems.extend(error.problems)
    if problems:
        raise SpecError(problems)
    return jobs


def render_jobs(jobs: list[Job]) -> dict[Path, bytes]:
    from worksheets.render import render

    return {job.path: render(job.document, job.role) for job in jobs}  # type: ignore[arg-type]


def build(specs: list[Path], options: Options) -> list[Path]:
    """Check, plan, render, then write everything; returns the files written."""
    from worksheets.output import write_all

    jobs = plan_all(specs, options)
    return write_all(render_jobs(jobs))
