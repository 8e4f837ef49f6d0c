"""The whole pipeline for the CLI: specs in, checked and planned versions, PDFs out.

Every spec is loaded, validated and planned before anything is rendered, and
everything is rendered before anything is written: a problem anywhere leaves
the output folder as it was.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from worksheets.errors import Loc, Problem, SpecError, display_path
from worksheets.output import output_name
from worksheets.renderers import Progress, Unit

if TYPE_CHECKING:  # imported where used: a cold build forks its warm child before loading them
    from worksheets.document import BookletPlan, Document


@dataclass(frozen=True)
class Options:
    out: Path = Path("output")
    root: Path | None = None
    tiers: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()
    variants: int | None = None
    mark_scheme: bool = True
    paper: str | None = None
    class_list: Path | None = None
    force: bool = False  # rebuild even when the manifest says nothing changed
    check_only: bool = False  # `check`: banks are accepted and checked on their own


@dataclass(frozen=True)
class Job:
    """One PDF to make: a planned document in one role, and where it goes."""

    path: Path
    document: Document
    role: str


@dataclass(frozen=True)
class BookletJob:
    """A booklet: its parts merged in reading order, and its print and mark-scheme files."""

    folder: Path
    plan: BookletPlan

    @property
    def paths(self) -> list[Path]:
        from worksheets.document import WorksheetPart

        names = [f"{self.plan.stem}-booklet.pdf"]
        if self.plan.impose != "none":
            names.append(f"{self.plan.stem}-booklet-print.pdf")
        if self.plan.mark_schemes == "separate" and any(
            isinstance(p, WorksheetPart) and p.mark_scheme for p in self.plan.parts
        ):
            names.append(f"{self.plan.stem}-markschemes.pdf")
        return [self.folder / n for n in names]


@dataclass(frozen=True)
class ClassSetJob:
    """A class set: each student's copy of their version, names printed, in one PDF."""

    path: Path
    copies: tuple[tuple[str, str, Document], ...]  # (student's name, their class, their version)


def job_paths(job: object) -> list[Path]:
    if isinstance(job, BookletJob):
        return job.paths
    return [job.path]  # type: ignore[attr-defined]


def plan_spec(spec: Path, options: Options, inputs: list[Path] | None = None) -> list:
    """Check one worksheet or booklet spec and plan every version it asks for (or the options override).

    The files it reads are appended to `inputs` (for the manifest)."""
    from worksheets.library import build_library, spec_kind
    from worksheets.load import load_file

    inputs = inputs if inputs is not None else []
    root = (options.root or Path.cwd()).resolve()
    if not spec.exists():
        raise SpecError(Problem(Loc(display_path(spec)), "no such file"))
    loaded = load_file(spec)
    if spec_kind(loaded) == "booklet" and options.class_list is not None:
        raise SpecError(Problem(Loc(loaded.name, 1, 1), "--class-list works with worksheet specs, not booklets"))
    if spec_kind(loaded) == "bank":
        if not options.check_only:
            raise SpecError(Problem(Loc(loaded.name, 1, 1), "a content bank has nothing to build: build a worksheet "
                                                              "that uses it (worksheets check accepts banks)"))
        from worksheets.library import check_bank

        library = check_bank(spec, root, loaded)
        inputs += library.files
        return []
    if spec_kind(loaded) == "booklet":
        from worksheets.booklet import plan_booklet

        booklet = plan_booklet(spec, root, options.paper, loaded)
        if not options.mark_scheme:
            booklet = dataclasses.replace(booklet, mark_schemes="none")
        inputs += [spec, *booklet.inputs]
        return [BookletJob(options.out / spec.stem, booklet)]
    library = build_library(spec, root, loaded)
    inputs += [*library.files, *library.images.values()]
    if options.class_list is not None:
        inputs.append(options.class_list)
    from worksheets.document import letters

    ws = library.worksheet
    stem = spec.stem
    count = options.variants or ws.variants
    variants: list[str | None] = [letters(i) for i in range(count)] if count > 1 else [None]
    folder = options.out / stem
    if options.class_list is not None:
        return _plan_class_set(library, stem, folder, variants, options, root)
    tiers = options.tiers or tuple(dict.fromkeys(ws.tiers))
    styles = options.styles or tuple(dict.fromkeys(ws.styles))
    versions = [(tier, style, variant) for tier in tiers for style in styles for variant in variants]
    jobs: list[Job | ClassSetJob] = []
    for doc in _plan_versions(library, stem, versions, options):
        tier, style, variant = doc.tier, doc.style, doc.variant
        jobs.append(Job(folder / output_name(stem, "student", tier, style, variant), doc, "student"))
        if doc.source_insert and doc.sources:
            jobs.append(Job(folder / output_name(stem, "sources", tier, style, variant), doc, "sources"))
        if ws.mark_scheme and options.mark_scheme:
            jobs.append(Job(folder / output_name(stem, "markscheme", tier, style, variant), doc, "markscheme"))
    return jobs


def _plan_versions(library, stem: str, versions: list, options: Options) -> list[Document]:  # type: ignore[no-untyped-def]
    """Plan each (tier, style, variant), collecting the problems of all of them."""
    from worksheets.plan import plan

    docs: list[Document] = []
    problems: list[Problem] = []
    for tier, style, variant in versions:
        try:
            doc = plan(library, stem, tier, style, variant)
        except SpecError as error:
            problems.extend(p for p in error.problems if p not in problems)
            continue
        docs.append(dataclasses.replace(doc, paper=options.paper) if options.paper else doc)
    if problems:
        raise SpecError(problems)
    return docs


def _plan_class_set(library, stem: str, folder: Path, variants: list, options: Options, root: Path) -> list[Job | ClassSetJob]:  # type: ignore[no-untyped-def]
    """One copy per student (variants dealt out in turn), plus a mark scheme per version used."""
    from worksheets.classlist import read_class_list

    path = options.class_list
    assert path is not None
    if not path.resolve().is_relative_to(root):
        raise SpecError(Problem(Loc(display_path(path)), f"the class list is outside the root folder '{display_path(root)}'"))
    ws = library.worksheet
    default_tier = "core" if "core" in ws.tiers else ws.tiers[0]
    students = read_class_list(path, default_tier, ws.styles[0])
    chosen = [(st.tier, st.style, variants[i % len(variants)]) for i, st in enumerate(students)]
    needed = list(dict.fromkeys(chosen))
    schemes = list(dict.fromkeys((tier, "standard", variant) for tier, _, variant in chosen))
    docs = {(d.tier, d.style, d.variant): d for d in _plan_versions(library, stem, needed + schemes, options)}
    copies = tuple((st.name, st.group, docs[version]) for st, version in zip(students, chosen))
    if not any(f.strip().lower() == "name" for f in ws.student_fields):
        raise SpecError(Problem(ws.where("student_fields"), "student_fields: a class set needs a 'Name' field to print "
                                                             "each student's name in"))
    jobs: list[Job | ClassSetJob] = [ClassSetJob(folder / f"{stem}-class-{path.stem}.pdf", copies)]
    for version in needed:
        doc = docs[version]
        if doc.source_insert and doc.sources:
            jobs.append(Job(folder / output_name(stem, "sources", *version), doc, "sources"))
    if ws.mark_scheme and options.mark_scheme:
        for tier, style, variant in schemes:
            doc = docs[(tier, style, variant)]
            jobs.append(Job(folder / output_name(stem, "markscheme", tier, style, variant), doc, "markscheme"))
    return jobs


def plan_all(specs: list[Path], options: Options) -> list[tuple[Path, list, list[Path]]]:
    """Plan every spec, collecting the problems of all of them: (spec, jobs, inputs) each."""
    planned = []
    problems: list[Problem] = []
    owners: dict[Path, Path] = {}
    for spec in specs:
        inputs: list[Path] = []
        try:
            jobs = plan_spec(spec, options, inputs)
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


def _unit(doc: Document, role: str, numbered: bool) -> Unit:
    """What a renderer gets: a handout or insert only ever sees the document without its answers."""
    return (doc.student_view() if role in ("student", "sources") else doc, role, numbered)


def _units(job: object) -> list[Unit]:
    if isinstance(job, Job):
        return [_unit(job.document, job.role, True)]
    if isinstance(job, ClassSetJob):
        return [_unit(doc, "student", True) for _, _, doc in job.copies]
    assert isinstance(job, BookletJob)
    from worksheets.document import WorksheetPart

    parts = [p for p in job.plan.parts if isinstance(p, WorksheetPart)]
    units = [_unit(p.document, "student", False) for p in parts]
    schemes = [p.document for p in parts if p.mark_scheme]
    if job.plan.mark_schemes == "appendix":
        units += [(doc, "markscheme", False) for doc in schemes]
    elif job.plan.mark_schemes == "separate":
        units += [(job.plan.scheme_document(doc), "markscheme", True) for doc in schemes]
    return units


def render_jobs(jobs: list, progress: Progress | None = None) -> dict[Path, bytes]:  # noqa: C901
    """Every PDF, in memory. Each (document, role) is rendered once, even if a class set needs it
    for many students; class sets and booklets are then assembled from the rendered PDFs."""
    from worksheets.renderers import render_units

    units = list(dict.fromkeys(unit for job in jobs for unit in _units(job)))
    rendered = dict(zip(units, render_units(units, progress)))
    outputs: dict[Path, bytes] = {}
    for job in jobs:
        if isinstance(job, Job):
            outputs[job.path] = rendered[_unit(job.document, job.role, True)][0]
        elif isinstance(job, ClassSetJob):
            from worksheets.assemble import Copy, class_set  # pypdf is only needed here and for booklets
            from worksheets.render.handout import tier_theme

            copies = []
            for name, group, doc in job.copies:
                pdf, anchors = rendered[_unit(doc, "student", True)]
                copies.append(Copy(pdf, anchors.get("name-field"), name, tier_theme(doc), anchors.get("class-field"), group))
            outputs[job.path] = class_set(copies)
        else:
            from worksheets.assemble import booklet_outputs

            for name, data in booklet_outputs(job.plan, rendered).items():
                outputs[job.folder / name] = data
    return outputs


def build(specs: list[Path], options: Options, progress: Progress | None = None) -> list[tuple[Path, bool]]:
    """Check, plan, render, then write everything; returns each output and whether it was (re)written.

    A spec whose inputs and outputs are unchanged since its last build (see manifest.py) is skipped."""
    from worksheets import manifest, renderers
    from worksheets.output import write_all

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
        renderers.start_warming()  # reportlab and the fonts load on another core while this one plans
        planned = plan_all(todo, options)
        seen = {spec: manifest.digests(inputs) for spec, _, inputs in planned}
        outputs = renderers.in_warm_child(render_jobs, [job for _, jobs, _ in planned for job in jobs], progress=progress)
    finally:
        renderers.stop_warming()
    written = set(write_all(outputs))
    builds = []
    for spec, jobs, inputs in planned:
        mine = {path: outputs[path] for job in jobs for path in job_paths(job)}
        builds.append((spec, options, seen[spec], mine))
        results += [(path, path in written) for path in mine]
    manifest.record(options.out, builds)
    return results
