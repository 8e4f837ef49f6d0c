"""The teacher's files on disk: reading text safely, keeping paths inside the root, and checking
images and PDFs before anything is drawn from them (a PDF is read in a bounded child process)."""

from __future__ import annotations

from pathlib import Path

from worksheets.errors import Loc, Problem, SpecError, display_path

MAX_FILE_BYTES = 2_000_000
MAX_PDF_BYTES = 50_000_000
MAX_PDF_PAGES = 500


def read_text(path: Path, shown: str, what: str = "file", columns: bool = True) -> str:
    """Read a UTF-8 text file within the size limit, or raise SpecError."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise SpecError(Problem(Loc(shown), f"the {what} is too large ({size} bytes; at most {MAX_FILE_BYTES})"))
        raw = path.read_bytes()
    except IsADirectoryError:
        raise SpecError(Problem(Loc(shown), f"expected a {what}, found a folder")) from None
    except FileNotFoundError:
        raise SpecError(Problem(Loc(shown), f"no such {what}")) from None
    except OSError as error:
        raise SpecError(Problem(Loc(shown), f"cannot read the {what}: {error.strerror}")) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        loc = Loc(shown, line, 1 if columns else 0)
        raise SpecError(Problem(loc, f"the {what} is not UTF-8 text (save it as UTF-8)")) from None


def confine(base_file: Path, relative: str, root: Path, where: Loc, field: str) -> Path:
    """Resolve a path named in a spec against its file; refuse one that leaves the root."""
    if not relative or "\x00" in relative:
        raise SpecError(Problem(where, f"{field}: empty or invalid path"))
    target = (base_file.parent / relative).resolve()
    root = root.resolve()
    if not target.is_relative_to(root):
        raise SpecError(
            Problem(where, f"{field}: '{relative}' is outside the root folder '{display_path(root)}' (see --root)")
        )
    return target


MAX_IMAGE_BYTES = 20_000_000
MAX_IMAGE_PIXELS = 40_000_000


def image_problem(path: Path) -> str | None:
    """Why an image cannot be printed (not PNG/JPEG, damaged, too big), or None."""
    try:
        if path.stat().st_size > MAX_IMAGE_BYTES:
            return f"is larger than {MAX_IMAGE_BYTES // 1_000_000} MB"
        with path.open("rb") as handle:
            head = handle.read(8)
    except OSError as error:
        return f"cannot be read ({error.strerror})"
    if not head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
        return "is not a PNG or JPEG image"
    from PIL import Image

    try:
        with Image.open(path) as image:
            width, height = image.size
            if width * height > MAX_IMAGE_PIXELS:
                return f"has too many pixels ({width}x{height})"
            image.verify()
    except Exception:  # noqa: BLE001 - PIL raises many kinds for damaged files
        return "is damaged and cannot be read"
    return None


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
    from worksheets.spec.bounded import Exceeded, run_bounded

    try:
        found: tuple[int, str | None] = run_bounded(_read_pdf, str(path))
        return found
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
