"""A booklet spec, checked and planned: its worksheets resolved to Documents, its PDFs inspected.

Like a worksheet, every problem of every part is reported before anything is rendered.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from worksheets.document import BookletPlan, DividerPart, Document, Part, PdfPart, WorksheetPart
from worksheets.errors import Loc, Problem, SpecError
from worksheets.library import Library, build_library, spec_kind, validate
from worksheets.plan import plan
from worksheets.plan.markdown import parse
from worksheets.spec.base import Model
from worksheets.spec.booklet import Booklet, BookletFile, BookletPart
from worksheets.spec.files import confine, image_problem, inspect_pdf, links_to, need_file
from worksheets.spec.yaml import Loaded, load_file
from worksheets.style.fonts import cannot_print, unprintable
from worksheets.vocab import DEFAULT_TIER

MAX_PARTS = 100


@dataclass
class _Parts:
    """What planning the parts gathers: a worksheet named by several parts is checked and planned once."""

    spec: Path
    root: Path
    paper: str  # the paper the booklet's own pages are laid out on
    inputs: list[Path] = field(default_factory=list)
    libraries: dict[Path, Library] = field(default_factory=dict)
    docs: dict[tuple[Path, str, str], Document] = field(default_factory=dict)


def plan_booklet(spec: Path, root: Path, options_paper: str | None = None, loaded: Loaded | None = None) -> BookletPlan:
    """Check a booklet spec and everything it names; plan its worksheets."""
    loaded = loaded or load_file(spec)
    if spec_kind(loaded) != "booklet":
        raise SpecError(Problem(Loc(loaded.name, 1, 1), "expected a booklet spec"))
    booklet: Booklet = validate(loaded, BookletFile).booklet
    problems: list[Problem] = []
    if len(booklet.parts) > MAX_PARTS:
        problems.append(Problem(booklet.where("parts"), f"parts: more than {MAX_PARTS} parts"))
    paper = options_paper or booklet.paper
    # an A5 booklet's pages are laid out on A5, not A4 pages shrunk to 71% (11 pt would print as 7.8 pt)
    gathered = _Parts(spec, root, "A5" if booklet.impose == "a5-booklet" else paper)
    parts: list[Part] = []
    for index, part in enumerate(booklet.parts):
        try:
            parts.append(_part(gathered, part, f"booklet.parts[{index}]"))
        except SpecError as error:
            problems.extend(p for p in error.problems if p not in problems)
    cover_image = _cover_image(booklet, spec, root, problems)
    if cover_image is not None:
        gathered.inputs += [cover_image, *links_to(spec, booklet.cover_image or "", cover_image)]
    problems += _unprintable(booklet)
    if problems:
        raise SpecError(problems)
    return BookletPlan(
        stem=spec.stem, title=booklet.title, subtitle=booklet.subtitle, cover=booklet.cover, cover_image=cover_image,
        contents_page=booklet.contents_page, paper=gathered.paper, scheme_paper=paper, style=booklet.style,
        start_odd=booklet.start_parts_on == "odd", impose=booklet.impose, mark_schemes=booklet.mark_schemes,
        parts=tuple(parts), language=booklet.language,
        inputs=tuple(gathered.inputs),
    )


def _unprintable(booklet: Booklet) -> list[Problem]:
    """The booklet's own texts (cover, contents, dividers) must be printable in its style's fonts."""
    texts: list[tuple[Model, str, str]] = [(booklet, "title", "booklet.title"),
                                           (booklet, "subtitle", "booklet.subtitle")]
    for index, part in enumerate(booklet.parts):
        texts.append((part, "title", f"booklet.parts[{index}].title"))
        if part.divider is not None:
            texts += [(part.divider, "title", f"booklet.parts[{index}].divider.title"),
                      (part.divider, "text", f"booklet.parts[{index}].divider.text")]
    problems = []
    for owner, key, name in texts:
        shown = unprintable(getattr(owner, key) or "", booklet.style)
        if shown:
            problems.append(Problem(owner.where(key), cannot_print(name, shown, booklet.style)))
        if key == "text" and "$" in (getattr(owner, key) or ""):  # a divider's prose may hold formulas
            from worksheets.plan.maths import problems as maths_problems

            problems += [Problem(owner.where(key), f"{name}: {why}") for why in maths_problems(getattr(owner, key))]
    return problems


def _part(gathered: _Parts, part: BookletPart, field: str) -> Part:
    """One part, checked and planned, or SpecError."""
    if part.divider is not None:
        return DividerPart(part.title or part.divider.title, parse(part.divider.text or ""))
    name = part.worksheet if part.worksheet is not None else part.pdf
    assert name is not None
    key = "worksheet" if part.worksheet is not None else "pdf"
    where = part.where(key)
    path = confine(gathered.spec, name, gathered.root, where, f"{field}.{key}")
    if path == gathered.spec.resolve():
        raise SpecError(Problem(where, f"{field}: the booklet names itself"))
    need_file(path, name, where, f"{field}.{key}", f"{field}: no such file '{name}'")
    gathered.inputs += links_to(gathered.spec, name, path)
    if part.pdf is not None:
        pages, trouble = inspect_pdf(path)
        if trouble:
            raise SpecError(Problem(where, f"{field}.pdf: '{name}' {trouble}"))
        gathered.inputs.append(path)
        return PdfPart(part.title or path.stem.replace("-", " ").replace("_", " "), path, pages)
    if path not in gathered.libraries:
        part_loaded = load_file(path)
        kind = spec_kind(part_loaded)
        if kind != "worksheet":
            raise SpecError(Problem(where, f"{field}.worksheet: '{name}' is a {kind} spec, not a worksheet"))
        library = gathered.libraries[path] = build_library(path, gathered.root, part_loaded)
        gathered.inputs += library.inputs
    library = gathered.libraries[path]
    ws = library.worksheet
    assert ws is not None
    tier = part.tier or (DEFAULT_TIER if DEFAULT_TIER in ws.tiers else ws.tiers[0])
    style = part.style or ws.styles[0]
    if (path, tier, style) not in gathered.docs:
        # a booklet holds everything: sources print in place, not in a separate insert
        gathered.docs[path, tier, style] = dataclasses.replace(
            plan(library, path.stem, tier, style, None), paper=gathered.paper, source_insert=False)
    return WorksheetPart(part.title or ws.title, gathered.docs[path, tier, style], ws.mark_scheme)


def _cover_image(booklet: Booklet, spec: Path, root: Path, problems: list[Problem]) -> Path | None:
    """The cover image, checked (its problems are added to `problems`)."""
    if booklet.cover_image is None:
        return None
    try:
        cover_image = confine(spec, booklet.cover_image, root, booklet.where("cover_image"), "booklet.cover_image")
    except SpecError as error:
        problems.extend(error.problems)
        return None
    trouble = image_problem(cover_image)  # "does not exist", "is not a regular file (a named pipe)", ...
    if trouble:
        problems.append(Problem(booklet.where("cover_image"),
                                f"booklet.cover_image: '{booklet.cover_image}' {trouble}"))
    return cover_image
