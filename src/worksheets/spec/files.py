"""The teacher's files on disk: reading text safely, keeping paths inside the root, and checking
images and PDFs before anything is drawn from them (a PDF is read in a bounded child process).

Every file is looked at with os.stat before it is opened, and opened without blocking: a symbolic
link that loops, an over-long path, a folder, or anything that is not a regular file (a named pipe,
a device such as /dev/zero, a socket) is refused with a plain reason and never read, so nothing
waits for a writer or reads forever. The libraries' own warnings are silenced while they read: each
problem is reported once, as our own line.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from worksheets.errors import Loc, Problem, SpecError, display_path

MAX_FILE_BYTES = 2_000_000
MAX_PDF_BYTES = 50_000_000
MAX_PDF_PAGES = 500
MAX_PATH_BYTES = 4096  # PATH_MAX: a whole path
MAX_NAME_BYTES = 255  # NAME_MAX: one file or folder name in it
MISSING = "missing"  # file_problem's reason when nothing is there (each caller words it its own way)
FOLDER = "a folder, not a file"
LOOP = "a symbolic link that loops"


class BadFile(Exception):
    """A path that names no regular file that can be read; `reason` is a noun phrase ("a folder, not a file")."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def quoted(name: str) -> str:
    """A name as typed, in quotes, cut short when it is very long (a message stays readable)."""
    return f"'{name}'" if len(name) <= 80 else f"'{name[:60]}...'"


def shown_path(path: Path) -> str:
    """display_path, safe for a path that loops or is too long: the place a whole-file problem is reported at."""
    try:
        text = display_path(path)
    except (RuntimeError, OSError, ValueError):  # Path.resolve raises RuntimeError for a loop (Python < 3.13)
        text = str(path)
    return text if len(text) <= 100 else text[:60] + "..."


def _length_problem(text: str) -> str | None:
    """Why a path is too long for the file system (checked before any system call sees it), or None."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_PATH_BYTES:
        return f"too long a path ({size} bytes; at most {MAX_PATH_BYTES})"
    longest = max(len(part.encode("utf-8", "surrogatepass")) for part in text.replace(os.sep, "/").split("/"))
    if longest > MAX_NAME_BYTES:
        return f"a path with too long a name ({longest} bytes; a file or folder name is at most {MAX_NAME_BYTES})"
    return None


def _os_reason(error: OSError) -> str:
    """The reason, as a noun phrase, for an error from stat or open."""
    if error.errno == errno.ELOOP:
        return LOOP
    if error.errno == errno.ENAMETOOLONG:
        return "too long a path for the file system"
    if error.errno in (errno.ENOENT, errno.ENOTDIR):
        return MISSING
    return f"unreadable ({error.strerror or error})"


def _mode_problem(mode: int) -> str | None:
    """Why a file of this mode is not one to read (a folder, a pipe, a device, a socket), or None."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return FOLDER
    kind = ("a named pipe" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file")
    return f"not a regular file ({kind})"


def file_problem(path: Path) -> str | None:
    """Why `path` is not a regular file that can be opened (MISSING when nothing is there), or None.

    Only os.stat looks at it: a pipe or a device is never opened."""
    trouble = _length_problem(str(path))
    if trouble:
        return trouble
    try:
        return _mode_problem(os.stat(path).st_mode)
    except OSError as error:
        return _os_reason(error)
    except ValueError:  # a NUL in the path
        return "an invalid path"


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading, or BadFile: checked with stat first, opened without blocking (a pipe
    put in its place meanwhile cannot hold it up), and checked again on what was opened.
    OSError from the open itself (such as permission denied) is raised as it is."""
    trouble = file_problem(path)
    if trouble:
        raise BadFile(trouble)
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        trouble = _mode_problem(os.fstat(fd).st_mode)
    except OSError:
        os.close(fd)
        raise
    if trouble:
        os.close(fd)
        raise BadFile(trouble)
    return os.fdopen(fd, "rb")


def resolve(path: Path) -> Path:
    """path.resolve(), or BadFile for a path that is too long or a symbolic link that loops."""
    trouble = _length_problem(str(path))
    if trouble:
        raise BadFile(trouble)
    try:
        return path.resolve()
    except RuntimeError:  # "Symlink loop" (Python < 3.13)
        raise BadFile(LOOP) from None
    except OSError as error:
        reason = _os_reason(error)
        raise BadFile("unreadable" if reason == MISSING else reason) from None


def read_bytes(path: Path, shown: str, limit: int, what: str = "file") -> bytes:
    """Read a regular file of at most `limit` bytes, or raise SpecError."""
    try:
        with open_regular(path) as handle:
            raw = handle.read(limit + 1)
    except BadFile as error:
        reason = {MISSING: f"no such {what}", FOLDER: f"expected a {what}, found a folder"}.get(error.reason)
        raise SpecError(Problem(Loc(shown), reason or error.reason)) from None
    except OSError as error:
        raise SpecError(Problem(Loc(shown), f"cannot read the {what}: {error.strerror}")) from None
    if len(raw) > limit:
        raise SpecError(Problem(Loc(shown), f"the {what} is too large (more than {limit} bytes)"))
    return raw


def read_text(path: Path, shown: str, what: str = "file", columns: bool = True) -> str:
    """Read a UTF-8 text file within the size limit, or raise SpecError."""
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            raw = handle.read(MAX_FILE_BYTES + 1) if size <= MAX_FILE_BYTES else b""
            size = max(size, len(raw))
    except BadFile as error:
        reason = {MISSING: f"no such {what}", FOLDER: f"expected a {what}, found a folder"}.get(error.reason)
        raise SpecError(Problem(Loc(shown), reason or error.reason)) from None
    except OSError as error:
        raise SpecError(Problem(Loc(shown), f"cannot read the {what}: {error.strerror}")) from None
    if size > MAX_FILE_BYTES:
        raise SpecError(Problem(Loc(shown), f"the {what} is too large ({size} bytes; at most {MAX_FILE_BYTES})"))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = len(re.findall(rb"\r\n|\r|\n", raw[: error.start])) + 1  # old Mac files end lines with \r alone
        loc = Loc(shown, line, 1 if columns else 0)
        raise SpecError(Problem(loc, f"the {what} is not UTF-8 text (save it as UTF-8)")) from None


def confine(base_file: Path, relative: str, root: Path, where: Loc, field: str) -> Path:
    """Resolve a path named in a spec against its file; refuse one that leaves the root, loops or is too long."""
    if not relative or "\x00" in relative:
        raise SpecError(Problem(where, f"{field}: empty or invalid path"))
    try:
        trouble = _length_problem(relative)
        if trouble:
            raise BadFile(trouble)
        target = resolve(base_file.parent / relative)
        root = resolve(root)
    except BadFile as error:
        raise SpecError(Problem(where, f"{field}: {quoted(relative)} is {error.reason}")) from None
    if not target.is_relative_to(root):
        raise SpecError(
            Problem(where, f"{field}: '{relative}' is outside the root folder '{display_path(root)}' (see --root)")
        )
    return target


def links_to(base_file: Path, relative: str, target: Path) -> dict[Path, Path]:
    """{the path as written (made absolute, its links and '..' left in, so it reads as the system follows it):
    `target`} when it reaches the target through a symbolic link, else {}. Recorded beside the target, a link
    later pointed at another file reads as a change."""
    written = base_file.parent.absolute() / relative
    return {written: target} if written != target else {}


def need_file(path: Path, name: str, where: Loc, field: str, missing: str) -> None:
    """Raise SpecError at `where` unless `path` is a regular file (`missing` is the message when nothing is there)."""
    trouble = file_problem(path)
    if trouble == MISSING:
        raise SpecError(Problem(where, missing))
    if trouble:
        raise SpecError(Problem(where, f"{field}: {quoted(name)} is {trouble}"))


@contextlib.contextmanager
def quiet_libraries() -> Iterator[None]:
    """pypdf's log and every warning (PIL's, pypdf's) silenced while a file is inspected: the problem they
    point to is reported once, as our own line, and nothing raw reaches the terminal."""
    logger = logging.getLogger("pypdf")  # pypdf logs through loggers named after its modules, below this one
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


MAX_IMAGE_BYTES = 20_000_000
MAX_IMAGE_PIXELS = 40_000_000


def image_problem(path: Path) -> str | None:
    """Why an image cannot be printed (not a regular file, not PNG/JPEG, damaged, too big), or None."""
    try:
        with open_regular(path) as handle:
            if os.fstat(handle.fileno()).st_size > MAX_IMAGE_BYTES:
                return f"is larger than {MAX_IMAGE_BYTES // 1_000_000} MB"
            head = handle.read(8)
            if not head.startswith((b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")):
                return "is not a PNG or JPEG image"
            handle.seek(0)
            with quiet_libraries():
                return _decode_problem(handle, png=head.startswith(b"\x89PNG"))
    except BadFile as error:
        return "does not exist" if error.reason == MISSING else f"is {error.reason}"
    except OSError as error:
        return f"cannot be read ({error.strerror})"


def _decode_problem(handle: BinaryIO, png: bool) -> str | None:
    """Why an image's pixels cannot be decoded, or None. The size is read from the header first, so a small
    file that declares a huge image is refused before any pixel is made; then the whole image is decoded
    (verify() reads only the headers and passes a JPEG cut short)."""
    from PIL import Image, JpegImagePlugin, PngImagePlugin

    try:
        # the format's own reader, not Image.open: only our limit applies (PIL's bomb check raises without the size)
        image = (PngImagePlugin.PngImageFile if png else JpegImagePlugin.JpegImageFile)(handle)
    except Exception:  # noqa: BLE001 - PIL raises many kinds for damaged files
        return "is damaged and cannot be read"
    try:
        width, height = image.size
        if width * height > MAX_IMAGE_PIXELS:
            return f"has too many pixels ({width}x{height})"
        image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return f"has too many pixels ({width}x{height})"
    except Exception:  # noqa: BLE001 - truncated or corrupt data: OSError, SyntaxError, ValueError...
        return "is damaged and cannot be read"
    finally:
        image.close()
    return None


ENCRYPTED = "is encrypted (password-protected): save an unprotected copy"
MAX_PAGE_POINTS = 14_400  # the largest page PDF allows (200 inches, 5 m)
MAX_INSPECTED = 256
_INSPECTED: dict[tuple[int, ...], tuple[int, str | None]] = {}  # by file identity and version: read once


def inspect_pdf(path: Path) -> tuple[int, str | None]:
    """(page count, problem) for a PDF part: not a regular file, not a PDF, encrypted, damaged or too big are
    problems. Each version of a file (its identity, size and times) is read once, however many parts name it."""
    try:
        with open_regular(path) as handle:
            info = os.fstat(handle.fileno())
            if info.st_size > MAX_PDF_BYTES:
                return 0, f"is larger than {MAX_PDF_BYTES // 1_000_000} MB"
            head = handle.read(1024)
    except BadFile as error:
        return 0, "does not exist" if error.reason == MISSING else f"is {error.reason}"
    except OSError as error:
        return 0, f"cannot be read ({error.strerror})"
    if b"%PDF-" not in head:
        return 0, "is not a PDF file"
    key = (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)
    if key not in _INSPECTED:
        if len(_INSPECTED) >= MAX_INSPECTED:
            _INSPECTED.clear()
        _INSPECTED[key] = _inspect_bounded(path)
    return _INSPECTED[key]


def _inspect_bounded(path: Path) -> tuple[int, str | None]:
    """_read_pdf in a child process limited in time and memory."""
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
    from pypdf.errors import DependencyError

    with quiet_libraries():
        try:
            with open_regular(Path(path)) as handle:
                return _pdf_problem(PdfReader(handle, strict=False))
        except BadFile as error:
            return 0, f"is {error.reason}"
        except DependencyError:  # AES without the `cryptography` package: only an encrypted file needs it
            return 0, ENCRYPTED
        except Exception:  # noqa: BLE001 - pypdf raises many kinds for damaged files
            return 0, "is damaged and cannot be read"


def _pdf_problem(reader: object) -> tuple[int, str | None]:
    """(page count, problem) of an opened PDF: locked, no pages, too many, or a page that cannot be placed."""
    from pypdf import PasswordType, PdfReader
    from pypdf.constants import UserAccessPermissions

    assert isinstance(reader, PdfReader)
    if reader.is_encrypted:
        # a PDF with only an owner password opens (and prints) without one: it is included if printing is allowed
        if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            return 0, ENCRYPTED
        allowed = reader.user_access_permissions
        if allowed is not None and not allowed & UserAccessPermissions.PRINT:
            return 0, "is protected by its owner against printing: save an unprotected copy"
    count = len(reader.pages)
    if count == 0:
        return 0, "has no pages"
    if count > MAX_PDF_PAGES:
        return 0, f"has more than {MAX_PDF_PAGES} pages"
    for number, page in enumerate(reader.pages, start=1):
        trouble = _page_problem(page)
        if trouble:
            return 0, f"page {number} {trouble}"
        page.get_contents()  # the content streams must decode
    return count, None


def _page_problem(page: object) -> str | None:
    """Why a page cannot be placed: turned by other than quarter turns, no size, or larger than PDF allows.
    Boxes are measured as viewers do, whichever two opposite corners they give."""
    from pypdf import PageObject

    assert isinstance(page, PageObject)
    turn = page.get("/Rotate", 0)
    turn = turn.get_object() if hasattr(turn, "get_object") else turn
    if not isinstance(turn, (int, float)) or turn % 90:
        return f"is turned by {turn} degrees (/Rotate must be a multiple of 90)"
    for name, box in (("MediaBox", page.mediabox), ("CropBox", page.cropbox)):
        width, height = abs(float(box.width)), abs(float(box.height))
        if width > MAX_PAGE_POINTS or height > MAX_PAGE_POINTS:
            return f"is too large ({width:g} x {height:g} points; at most {MAX_PAGE_POINTS} points a side)"
        if not (width >= 1 and height >= 1):  # also NaN
            return f"has no size (its {name} is {width:g} x {height:g} points)"
    return None
