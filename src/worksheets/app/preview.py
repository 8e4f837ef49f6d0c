"""PNG thumbnails of built pages, beside the PDFs, with pypdfium2 (no system tools needed)."""

from __future__ import annotations

import threading
from pathlib import Path

DPI = 60
PDFIUM = threading.Lock()
"""pdfium is not thread-safe: the editor's request threads take turns with it."""


def thumbnails(pdf: Path, pages: list[int] | None = None, dpi: int = DPI) -> list[Path]:
    """Write PDF-STEM-pN.png beside the PDF for each page (from 1), or every page; returns the files."""
    import io

    import pypdfium2 as pdfium

    from worksheets.app.write import cannot_write, write_atomic

    pictures = []
    with PDFIUM:  # pdfium draws; the files are written after, without holding it
        document = pdfium.PdfDocument(str(pdf))
        try:
            count = len(document)
            for number in [p for p in (pages or range(1, count + 1)) if 1 <= p <= count]:
                buffer = io.BytesIO()
                document[number - 1].render(scale=dpi / 72).to_pil().save(buffer, format="PNG", optimize=False)
                pictures.append((pdf.with_name(f"{pdf.stem}-p{number}.png"), buffer.getvalue()))
        finally:
            document.close()
    for target, data in pictures:
        try:
            write_atomic(target, data)
        except OSError as error:  # a full disk or a read-only folder: one line, not a traceback
            raise cannot_write(error, target.parent) from None
    return [target for target, _ in pictures]


def _identity(path: Path) -> tuple[int, int, int, int] | None:
    """Which file is at PATH now: a PDF written again (by rename) is another file, whatever its dates say."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


def refresh(pdf: Path) -> None:
    """Make the page PNGs of a PDF match it: kept if there is one for every page and each is newer than the PDF
    was put in place (an unchanged document), else written afresh (each by rename: the page never finds one
    missing), and the pages it no longer has removed (only PDF-STEM-pN.png: a teacher's x-pics.png stays)."""
    from worksheets.app.watch import previews

    old = previews(pdf)
    try:
        placed = pdf.stat().st_ctime_ns  # the rename that put it there; its mtime is its temporary file's
        if len(old) == len(page_sizes(pdf)) and all(png.stat().st_mtime_ns > placed for png in old):
            return
    except OSError:
        pass
    new = set(thumbnails(pdf))
    for png in old:
        if png not in new:
            png.unlink(missing_ok=True)


def prune(pdf: Path) -> None:
    """Remove the page PNGs of pages a PDF no longer has (the editor draws the others when they are asked for)."""
    from worksheets.app.watch import PREVIEW, previews

    count = len(page_sizes(pdf))
    for png in previews(pdf):
        match = PREVIEW.fullmatch(png.name)
        if match is not None and int(match["page"]) > count:
            png.unlink(missing_ok=True)


_SIZES: dict[Path, tuple[tuple[int, int, int, int] | None, list[tuple[int, int]]]] = {}
_DRAWN: dict[Path, tuple[int, int, int, int] | None] = {}
"""Each page picture the editor drew, and which PDF it was drawn from."""


def page_sizes(pdf: Path) -> list[tuple[int, int]]:
    """Each page's size in points, rounded (none if the PDF cannot be read): the editor's page keeps the room.
    Read once for each version of the file."""
    import pypdfium2 as pdfium

    identity = _identity(pdf)
    known = _SIZES.get(pdf)
    if known is not None and identity is not None and known[0] == identity:
        return known[1]
    with PDFIUM:
        try:
            document = pdfium.PdfDocument(str(pdf))
        except (pdfium.PdfiumError, OSError):
            return []
        try:
            sizes = [(round(w), round(h)) for w, h in (document.get_page_size(i) for i in range(len(document)))]
        finally:
            document.close()
    _SIZES[pdf] = (identity, sizes)
    return sizes


def page_png(pdf: Path, number: int) -> Path | None:
    """PDF-STEM-pN.png for one page, drawn now unless it was drawn from this very file (the editor asks for the
    pages in view only: a 17-page handout is not drawn whole before its first page is shown)."""
    import pypdfium2 as pdfium

    from worksheets.errors import SpecError

    target = pdf.with_name(f"{pdf.stem}-p{number}.png")
    before = _identity(pdf)
    if before is not None and _DRAWN.get(target) == before and target.is_file():
        return target
    try:
        drawn = next(iter(thumbnails(pdf, [number])), None)
    except (pdfium.PdfiumError, OSError, SpecError):  # a PDF replaced mid-read, a full disk: no picture
        return None
    if drawn is not None and _identity(pdf) == before:  # not replaced while it was drawn: this picture is its
        _DRAWN[target] = before
    return drawn
