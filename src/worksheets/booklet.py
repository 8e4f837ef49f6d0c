"""A booklet spec, checked and planned: its worksheets resolved to Documents, its PDFs inspected.

Like a worksheet, every problem of every part is reported before anything is rendered.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from worksheets import model as m
from worksheets.document import BookletPlan, DividerPart, Document, Part, PdfPart, WorksheetPart
from worksheets.errors import Loc, Problem, SpecError
from worksheets.library import Library, build_library, image_problem, spec_kind, validate
from worksheets.load import Loaded, confine, load_file
from worksheets.plan import plan
from worksheets.text import parse

MAX_PDF_BYTES = 50_000_000
MAX_PDF_PAGES = 500
MAX_PARTS = 100


def inspect_pdf(path: Path) -> tuple[int, str | None]:
    """(page count, problem) for a PDF part: not a PDF, encrypted, damaged or too big are problems."""
    try:
        size = path.stat().st_size
        if size > MAX_PDF_BYTES:
            return 0, f"is larger than {MAX_PDF_BYTES // 1_000_000} MB"
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        return 0, f"cannot be read ({error.strerror})"
    if b"%PDF-" not in head:
        return 0, "is not a PDF file"
    from worksheets.bounded import Exceeded, run_bounded

    try:
        return run_bounded(_read_pdf, str(path))  # type: ignore[no-any-return]
    except Exceeded as error:
        if "memory" in str(error) or "longer" in str(error):
            return 0, f"is damaged or too complex: reading it {error}"
        return 0, "is damaged and cannot be read"


def _read_pdf(path: str) -> tuple[int, str | None]:
    """The page count of a PDF, or why it cannot be included (runs in a bounded child process)."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            return 0, "is encrypted (password-protected): save an unprotected copy"
        count = len(reader.pages)
        if count == 0:
            return 0, "has no pages"
        if count > MAX_PDF_PAGES:
            return 0, f"has more than {MAX_PDF_PAGES} pages"
        for page in reader.pages:
            box = page.mediabox
            if float(box.width) <= 0 or float(box.height) <= 0:
                return 0, "has a page with no size"
            page.get_contents()  # the content streams must decode
    except Exception:  # noqa: BLE001 - pypdf raises many kinds for damaged files
        return 0, "is damaged and cannot be read"
    return count, None


def plan_booklet(spec: Path, root: Path, options_paper: str | None = None, loaded: Loaded | None = None) -> BookletPlan:
    """Check a booklet spec and everything it names; plan its worksheets."""
    loaded = loaded or load_file(spec)
    if spec_kind(loaded) != "booklet":
        raise SpecError(Problem(Loc(loaded.name, 1, 1), "expected a booklet spec"))
    booklet: m.Booklet = validate(loaded, m.BookletFile).booklet
    problems: list[Problem] = []
    if len(booklet.parts) > MAX_PARTS:
        problems.append(Problem(booklet.where("parts"), f"parts: more than {MAX_PARTS} parts"))
    paper = options_paper or booklet.paper
    # an A5 booklet's pages are laid out on A5, not A4 pages shrunk to 71% (11 pt would print as 7.8 pt)
    pages_paper = "A5" if booklet.impose == "a5-booklet" else paper
    parts: list[Part] = []
    inputs: list[Path] = []
    libraries: dict[Path, Library] = {}  # a worksheet named by several parts is checked and planned once
    docs: dict[tuple[Path, str, str], Document] = {}
    for index, part in enumerate(booklet.parts):
        field = f"booklet.parts[{index}]"
        try:
            if part.divider is not None:
                parts.append(DividerPart(part.title or part.divider.title, parse(part.divider.text or "")))
                continue
            name = part.worksheet if part.worksheet is not None else part.pdf
            assert name is not None
            where = part.where("worksheet" if part.worksheet is not None else "pdf")
            path = confine(spec, name, root, where, f"{field}.{'worksheet' if part.worksheet else 'pdf'}")
            if path == spec.resolve():
                raise SpecError(Problem(where, f"{field}: the booklet names itself"))
            if not path.is_file():
                raise SpecError(Problem(where, f"{field}: no such file '{name}'"))
            if part.pdf is not None:
                pages, trouble = inspect_pdf(path)
                if trouble:
                    raise SpecError(Problem(where, f"{field}.pdf: '{name}' {trouble}"))
                parts.append(PdfPart(part.title or path.stem.replace("-", " ").replace("_", " "), path, pages))
                inputs.append(path)
                continue
            if path not in libraries:
                part_loaded = load_file(path)
                kind = spec_kind(part_loaded)
                if kind != "worksheet":
                    raise SpecError(Problem(where, f"{field}.worksheet: '{name}' is a {kind} spec, not a worksheet"))
                libraries[path] = build_library(path, root, part_loaded)
                inputs += [*libraries[path].files, *libraries[path].images.values()]
            library = libraries[path]
            ws = library.worksheet
            tier = part.tier or ("core" if "core" in ws.tiers else ws.tiers[0])
            style = part.style or ws.styles[0]
            if (path, tier, style) not in docs:
                # a booklet holds everything: sources print in place, not in a separate insert
                docs[path, tier, style] = dataclasses.replace(plan(library, path.stem, tier, style, None), paper=pages_paper,
                                                              source_insert=False)
            parts.append(WorksheetPart(part.title or ws.title, docs[path, tier, style], ws.mark_scheme))
        except SpecError as error:
            problems.extend(p for p in error.problems if p not in problems)
    cover_image = None
    if booklet.cover_image is not None:
        try:
            cover_image = confine(spec, booklet.cover_image, root, booklet.where("cover_image"), "booklet.cover_image")
            trouble = "does not exist" if not cover_image.is_file() else image_problem(cover_image)
            if trouble:
                problems.append(Problem(booklet.where("cover_image"), f"booklet.cover_image: '{booklet.cover_image}' {trouble}"))
        except SpecError as error:
            problems.extend(error.problems)
    if problems:
        raise SpecError(problems)
    return BookletPlan(
        stem=spec.stem, title=booklet.title, subtitle=booklet.subtitle, cover=booklet.cover, cover_image=cover_image,
        contents_page=booklet.contents_page, paper=pages_paper, scheme_paper=paper, style=booklet.style,
        start_odd=booklet.start_parts_on == "odd", impose=booklet.impose, mark_schemes=booklet.mark_schemes,
        parts=tuple(parts),
        inputs=tuple(inputs) + ((cover_image,) if cover_image else ()),
    )

