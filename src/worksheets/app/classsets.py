"""Class sets: one copy per student from a class list, each their version (tier and style from the list,
variants dealt out in turn), their name printed; or, with `per_student`, each their own copy (draw, shuffles
and values keyed by their name), with every student's answer key and the class record beside it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from worksheets.app.jobs import AnyJob, Job, Options, plan_versions, variants_of
from worksheets.app.names import class_keys_name, class_record_name, class_set_name, output_name
from worksheets.errors import Loc, Problem, SpecError, display_path
from worksheets.vocab import DEFAULT_STYLE, DEFAULT_TIER

if TYPE_CHECKING:
    from worksheets.document import Document
    from worksheets.library import Library
    from worksheets.spec.classlist import Student
    from worksheets.spec.worksheet import Worksheet
    from worksheets.writers.contract import Rendered, RenderUnit


@dataclass(frozen=True)
class ClassSetJob:
    """A class set: each student's copy of their version, names printed, in one PDF."""

    assembles: ClassVar[bool] = True  # its outputs are assembled, side by side with other such jobs

    path: Path
    copies: tuple[tuple[str, str, Document], ...]  # (student's name, their class, their version)

    @property
    def paths(self) -> list[Path]:
        """The file it writes."""
        return [self.path]

    def units(self) -> list[RenderUnit]:
        """Each version's handout (rendered once however many students have it)."""
        from worksheets.writers.contract import unit

        return [unit(doc, "student") for _, _, doc in self.copies]

    def outputs(self, rendered: dict[RenderUnit, Rendered]) -> dict[Path, bytes]:
        """The class set, assembled from the versions' handouts and their page maps."""
        from worksheets.assemble.classset import Copy, class_set
        from worksheets.style.themes import tier_theme
        from worksheets.style.words import Words
        from worksheets.writers.contract import unit

        copies = []
        for name, group, doc in self.copies:
            handout = rendered[unit(doc, "student")]
            copies.append(Copy(handout.data, handout.pages, name, tier_theme(doc.style, doc.tier, doc.audience), group,
                               Words.of(doc)))
        return {self.path: class_set(copies)}


@dataclass(frozen=True)
class KeysJob:
    """Beside a class set of students' own copies: every student's answer key, and the class record."""

    assembles: ClassVar[bool] = True  # its outputs are assembled, side by side with other such jobs

    keys: Path | None  # None: no mark schemes asked for (the record is still written, for marking)
    record: Path
    class_list: str
    copies: tuple[tuple[str, str, Document], ...]  # (student's name, their class, their own copy, answers and all)

    @property
    def paths(self) -> list[Path]:
        """The files it writes."""
        return [path for path in (self.keys, self.record) if path is not None]

    def units(self) -> list[RenderUnit]:
        """The students' handouts (the class set's own, rendered once): their page maps say where each box is."""
        from worksheets.writers.contract import unit

        return [unit(doc, "student") for _, _, doc in self.copies]

    def outputs(self, rendered: dict[RenderUnit, Rendered]) -> dict[Path, bytes]:
        """The keys PDF and the record, from the students' full copies."""
        from worksheets.writers.contract import unit
        from worksheets.writers.pdf.keys import render_keys
        from worksheets.writers.record import class_record

        copies = list(self.copies)
        first = copies[0][2]
        pages = [rendered[unit(doc, "student")].pages for _, _, doc in copies]
        out = {self.record: class_record(first.stem, self.class_list, copies, pages)}
        if self.keys is not None:
            out[self.keys] = render_keys(first.title, self.class_list, copies, first.paper)
        return out


def _class_list(options: Options, root: Path, ws: Worksheet) -> list[Student]:
    """The students of the class list, which must lie inside the root."""
    from worksheets.spec.classlist import read_class_list
    from worksheets.spec.files import BadFile, resolve, shown_path

    path = options.class_list
    assert path is not None
    try:
        inside = resolve(path).is_relative_to(root)
    except BadFile as error:  # a link that loops, a path too long
        raise SpecError(Problem(Loc(shown_path(path)), error.reason)) from None
    if not inside:
        raise SpecError(Problem(Loc(display_path(path)),
                                f"the class list is outside the root folder '{display_path(root)}'"))
    if not any(f.strip().lower() in ("name", ws.words()("name").lower()) for f in ws.fields()):
        raise SpecError(Problem(ws.where("student_fields"), "student_fields: a class set needs a 'Name' field to print "
                                                             "each student's name in"))
    default_tier = DEFAULT_TIER if DEFAULT_TIER in ws.tiers else ws.tiers[0]
    return read_class_list(path, default_tier, ws.styles[0])


def copy_keys(students: list[Student]) -> list[str]:
    """What keys each student's own copy: their name; with their class too if the name is there twice, and a
    count if both are (so one student added changes nobody else's key)."""
    names = [st.name for st in students]
    keys = [st.name if names.count(st.name) == 1 else f"{st.name}|{st.group}" for st in students]
    seen: dict[str, int] = {}
    out = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        out.append(key if keys.count(key) == 1 else f"{key}#{seen[key]}")
    return out


def _per_student(library: Library, stem: str, options: Options, students: list[Student]) -> list[AnyJob]:
    """Each student's own copy in one class set, with the keys and the record beside it."""
    from worksheets.plan import plan

    assert options.class_list is not None
    docs, problems = [], []
    for student, key in zip(students, copy_keys(students), strict=True):
        try:
            docs.append(plan(library, stem, student.tier, student.style, copy=key, seed=options.seed))
        except SpecError as error:
            problems += [p for p in error.problems if p not in problems]
    if problems:
        raise SpecError(problems)
    if options.paper:
        docs = [replace(doc, paper=options.paper) for doc in docs]
    copies = tuple((st.name, st.group, doc) for st, doc in zip(students, docs, strict=True))
    folder, name = options.out / stem, options.class_list.stem
    keyed = library.worksheet is not None and library.worksheet.mark_scheme and options.mark_scheme
    return [ClassSetJob(folder / class_set_name(stem, name), copies),
            KeysJob(folder / class_keys_name(stem, name) if keyed else None, folder / class_record_name(stem, name),
                    name, copies)]


def _scanned(library: Library, stem: str, options: Options, students: list[Student]) -> list[AnyJob]:
    """A class set for marking from scans: each copy its version's, but its own QR code (so its pages are
    told apart from every other copy's), and the class record saying which copy is whose."""
    jobs = _by_version(library, stem, options, students)
    assert options.class_list is not None
    name = options.class_list.stem
    class_set = next(job for job in jobs if isinstance(job, ClassSetJob))
    copies = tuple((student, group, replace(doc, scan_copy=key))
                   for (student, group, doc), key in zip(class_set.copies, copy_keys(students), strict=True))
    folder = options.out / stem
    return [ClassSetJob(class_set.path, copies), *(j for j in jobs if j is not class_set),
            KeysJob(None, folder / class_record_name(stem, name), name, copies)]


def plan_class_set(library: Library, stem: str, options: Options, root: Path) -> list[AnyJob]:
    """One copy per student (variants dealt out in turn), plus a mark scheme per version used; with
    per_student, each student's own copy, keys and record."""
    ws = library.worksheet
    path = options.class_list
    assert path is not None and ws is not None
    students = _class_list(options, root, ws)
    if ws.per_student:
        return _per_student(library, stem, options, students)
    if ws.scan_marking:
        return _scanned(library, stem, options, students)
    return _by_version(library, stem, options, students)


def _by_version(library: Library, stem: str, options: Options, students: list[Student]) -> list[AnyJob]:
    """Each student their version's copy (variants dealt out in turn), a mark scheme per version used."""
    ws = library.worksheet
    path = options.class_list
    assert path is not None and ws is not None
    variants = variants_of(library, options)
    chosen = [(st.tier, st.style, variants[i % len(variants)]) for i, st in enumerate(students)]
    needed = list(dict.fromkeys(chosen))
    schemes: list[tuple[str, str, str | None]] = list(dict.fromkeys(
        (tier, DEFAULT_STYLE, variant) for tier, _, variant in chosen))
    docs = {(d.tier, d.style, d.variant): d for d in plan_versions(library, stem, needed + schemes, options)}
    copies = tuple((st.name, st.group, docs[version]) for st, version in zip(students, chosen, strict=True))
    folder = options.out / stem
    jobs: list[AnyJob] = [ClassSetJob(folder / class_set_name(stem, path.stem), copies)]
    for version in needed:
        doc = docs[version]
        if doc.source_insert and doc.sources:
            jobs.append(Job(folder / output_name(stem, "sources", *version), doc, "sources"))
    if ws.mark_scheme and options.mark_scheme:
        for version in schemes:
            jobs.append(Job(folder / output_name(stem, "markscheme", *version), docs[version], "markscheme"))
    return jobs
