"""What a build makes: each spec checked and planned into jobs, each job naming its outputs and the
units it needs rendered. Everything is planned, and every problem found, before anything is rendered."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from worksheets.app.names import booklet_name, output_name, versions_record_name
from worksheets.errors import Loc, Problem, SpecError
from worksheets.vocab import Role

if TYPE_CHECKING:  # imported where used: a cold build forks its warm child before loading them
    from worksheets.document import BookletPlan, Document
    from worksheets.library import Library
    from worksheets.writers import Format
    from worksheets.writers.contract import Rendered, RenderUnit


@dataclass(frozen=True)
class Options:
    """What the command line asks of a build (the manifest keys builds by these)."""

    out: Path = Path("output")  # output folder; each spec gets a subfolder named after it
    root: Path | None = None  # files named in specs must lie inside it (default: the current folder)
    tiers: tuple[str, ...] = ()  # instead of the spec's tiers
    styles: tuple[str, ...] = ()  # instead of the spec's styles
    variants: int | None = None  # instead of the spec's variants
    mark_scheme: bool = True  # False: no mark schemes
    paper: str | None = None  # instead of the spec's paper
    class_list: Path | None = None  # a CSV: one named copy per student
    seed: int | None = None  # instead of the spec's seed: every draw, shuffle and value changes
    force: bool = False  # rebuild even when the manifest says nothing changed
    check_only: bool = False  # `check`: banks are accepted and checked on their own


@dataclass(frozen=True)
class Job:
    """One document to write: a planned version in one role, and where it goes."""

    path: Path
    document: Document
    role: Role
    format: str = "pdf"

    @property
    def paths(self) -> list[Path]:
        """The file it writes."""
        return [self.path]

    def units(self) -> list[RenderUnit]:
        """What it needs rendered: a handout or insert only ever sees the document without its answers."""
        from worksheets.writers.contract import unit

        return [unit(self.document, self.role, format=self.format)]

    def outputs(self, rendered: dict[RenderUnit, Rendered]) -> dict[Path, bytes]:
        """Its file, from what was rendered."""
        return {self.path: rendered[self.units()[0]].data}


@dataclass(frozen=True)
class BookletJob:
    """A booklet: its parts merged in reading order, and its print and mark-scheme files."""

    assembles: ClassVar[bool] = True  # its outputs are assembled, side by side with other such jobs

    folder: Path
    plan: BookletPlan

    @property
    def paths(self) -> list[Path]:
        """The files it writes."""
        from worksheets.document import WorksheetPart

        kinds = ["booklet"]
        if self.plan.impose != "none":
            kinds.append("print")
        if self.plan.mark_schemes == "separate" and any(
            isinstance(p, WorksheetPart) and p.mark_scheme for p in self.plan.parts
        ):
            kinds.append("markschemes")
        return [self.folder / booklet_name(self.plan.stem, kind) for kind in kinds]

    def units(self) -> list[RenderUnit]:
        """Each worksheet part's handout (numbered by the booklet) and the mark schemes it adds."""
        from worksheets.document import WorksheetPart
        from worksheets.writers.contract import unit

        parts = [p for p in self.plan.parts if isinstance(p, WorksheetPart)]
        units = [unit(p.document, "student", False) for p in parts]
        schemes = [p.document for p in parts if p.mark_scheme]
        if self.plan.mark_schemes == "appendix":
            units += [unit(doc, "markscheme", False) for doc in schemes]
        elif self.plan.mark_schemes == "separate":
            units += [unit(self.plan.scheme_document(doc), "markscheme", True) for doc in schemes]
        return units

    def outputs(self, rendered: dict[RenderUnit, Rendered]) -> dict[Path, bytes]:
        """The booklet's files, assembled from the rendered parts."""
        from worksheets.assemble.booklet import booklet_outputs  # pikepdf is only needed here and for class sets

        made = booklet_outputs(self.plan, rendered)
        return {self.folder / booklet_name(self.plan.stem, kind): data for kind, data in made.items()}


AnyJob = Any
"""Any job a build can plan: a Job, a BookletJob, or a class set's (see classsets.py); each has `paths`,
`units()` and `outputs(rendered)`."""


def job_paths(job: AnyJob) -> list[Path]:
    """The files a job writes."""
    return job.paths


def plan_spec(spec: Path, options: Options, inputs: list[Path] | None = None,
              notes: list[Problem] | None = None) -> list[AnyJob]:
    """Check one worksheet or booklet spec and plan every version it asks for (or the options override).

    The files it reads are appended to `inputs` (for the manifest), its warnings to `notes`."""
    from worksheets.library import build_library, check_bank, spec_kind
    from worksheets.spec.yaml import load_file

    inputs = inputs if inputs is not None else []
    notes = notes if notes is not None else []
    root = root_of(options)
    check_spec_file(spec)
    loaded = load_file(spec)
    kind = spec_kind(loaded)
    if kind == "booklet" and options.class_list is not None:
        raise SpecError(Problem(Loc(loaded.name, 1, 1), "--class-list works with worksheet specs, not booklets"))
    if kind == "bank":
        if not options.check_only:
            raise SpecError(Problem(Loc(loaded.name, 1, 1), "a content bank has nothing to build: build a worksheet "
                                                              "that uses it (worksheets check accepts banks)"))
        bank = check_bank(spec, root, loaded)
        inputs += bank.inputs
        notes += bank.notes
        return []
    if kind == "booklet":
        from worksheets.plan.booklet import plan_booklet

        booklet = plan_booklet(spec, root, options.paper, loaded)
        if not options.mark_scheme:
            booklet = dataclasses.replace(booklet, mark_schemes="none")
        inputs += [spec, *booklet.inputs]
        return [BookletJob(options.out / spec.stem, booklet)]
    library = build_library(spec, root, loaded)
    inputs += library.inputs
    notes += library.notes
    if options.class_list is not None:
        inputs.append(options.class_list)
        from worksheets.app.classsets import plan_class_set

        return plan_class_set(library, spec.stem, options, root)
    return _plan_worksheet(library, spec.stem, options)


def root_of(options: Options) -> Path:
    """The root folder, resolved, or SpecError (a --root that loops or is too long)."""
    from worksheets.spec.files import BadFile, resolve, shown_path

    root = options.root or Path.cwd()
    try:
        return resolve(root)
    except BadFile as error:
        raise SpecError(Problem(Loc(shown_path(root)), f"the root folder is {error.reason}")) from None


def check_spec_file(spec: Path) -> None:
    """A spec named on the command line must be a regular file: a link that loops, a pipe or a device such as
    /dev/zero is refused before it is opened (reading one would wait, or never end)."""
    from worksheets.spec.files import FOLDER, MISSING, file_problem, shown_path

    trouble = file_problem(spec)
    if trouble:
        said = {MISSING: "no such file", FOLDER: "expected a file, found a folder"}.get(trouble, trouble)
        raise SpecError(Problem(Loc(shown_path(spec)), said))


def worksheet_library(spec: Path, options: Options, verb: str) -> Library:
    """The library of a worksheet spec for a command that works on worksheets only (`verb`: 'export writes',
    'report reads'): another kind of spec is one located problem."""
    from worksheets.library import build_library, spec_kind
    from worksheets.spec.yaml import load_file

    check_spec_file(spec)
    loaded = load_file(spec)
    if spec_kind(loaded) != "worksheet":
        command = verb.split()[0]
        raise SpecError(Problem(Loc(loaded.name, 1, 1), f"{verb} worksheets: this is a {spec_kind(loaded)} spec "
                                f"({command} each of its worksheets)"))
    library = build_library(spec, root_of(options), loaded)
    assert library.worksheet is not None
    return library


def variants_of(library: Library, options: Options) -> list[str | None]:
    from worksheets.document import letters

    assert library.worksheet is not None
    count = options.variants or library.worksheet.variants
    return [letters(i) for i in range(count)] if count > 1 else [None]


def _plan_worksheet(library: Library, stem: str, options: Options) -> list[AnyJob]:
    """Every version the spec (or the options) asks for: a handout, an insert and a mark scheme each."""
    ws = library.worksheet
    assert ws is not None
    folder = options.out / stem
    tiers = options.tiers or tuple(dict.fromkeys(ws.tiers))
    styles = options.styles or tuple(dict.fromkeys(ws.styles))
    variants = variants_of(library, options)
    versions = [(tier, style, variant) for tier in tiers for style in styles for variant in variants]
    jobs: list[AnyJob] = []
    docs = plan_versions(library, stem, versions, options)
    for doc in docs:
        roles: list[Role] = ["student"]
        if doc.source_insert and doc.sources:
            roles.append("sources")
        if ws.mark_scheme and options.mark_scheme:
            roles.append("markscheme")
        jobs += [Job(folder / output_name(stem, role, doc.tier, doc.style, doc.variant, fmt.name), doc, role, fmt.name)
                 for role in roles for fmt in _formats(role)]
    if ws.scan_marking:  # what `mark` reads the copies against: each version's boxes and answers
        from worksheets.app.classsets import KeysJob

        copies = tuple((f"version {doc.version_code or '-'}", "", doc) for doc in docs)
        jobs.append(KeysJob(None, folder / versions_record_name(stem), "", copies))
    return jobs


def _formats(role: Role) -> list[Format]:
    """The formats a build writes a role in."""
    from worksheets.writers import FORMATS

    return [fmt for fmt in FORMATS.values() if fmt.built and role in fmt.roles]


def plan_versions(library: Library, stem: str, versions: list[tuple[str, str, str | None]],
                   options: Options) -> list[Document]:
    """Plan each (tier, style, variant), collecting the problems of all of them."""
    from worksheets.plan import plan

    docs: list[Document] = []
    problems: list[Problem] = []
    for tier, style, variant in versions:
        try:
            doc = plan(library, stem, tier, style, variant, seed=options.seed)
        except SpecError as error:
            problems.extend(p for p in error.problems if p not in problems)
            continue
        docs.append(dataclasses.replace(doc, paper=options.paper) if options.paper else doc)
    if problems:
        raise SpecError(_once(problems))
    return docs


_STYLE_NAMED = re.compile(r" of the (\S+) style \(")


def _once(problems: list[Problem]) -> list[Problem]:
    """One line per problem, not one per version: a character no style can print names all of them."""
    merged: dict[tuple[Loc, str], list[str]] = {}
    for problem in problems:
        match = _STYLE_NAMED.search(problem.message)
        key = (problem.loc, _STYLE_NAMED.sub(" of the \x00 (", problem.message) if match else problem.message)
        merged.setdefault(key, [])
        if match and match.group(1) not in merged[key]:
            merged[key].append(match.group(1))
    return [Problem(loc, message.replace("\x00", f"{' and '.join(styles)} style{'s' if len(styles) > 1 else ''}")
                    if styles else message) for (loc, message), styles in merged.items()]
