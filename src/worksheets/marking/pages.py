"""Scanned pages, found and fitted: each page's QR code read (turned the right way up first if it came upside
down) and checked, then its four corner marks found and the page fitted to its template from them. A page
whose code or corners cannot be had is set aside for a person, with the reason, never read."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MM = 72 / 25.4
CORNER, MARK = 6 * MM, 4 * MM  # as printed (writers/pdf/scanmarks.py): from each edge, and the side
WINDOW = 28 * MM  # each corner is looked for this far in from the paper's edges (a page skewed 3 degrees)
MAX_PIXELS = 40_000_000
RENDER_DPI = 200
SLACK = 15 * MM  # how far a corner may sit from where a flat fit puts it: farther, and the page is set aside


@dataclass
class Scan:
    """One scanned page: where it came from, its pixels (grey, 0 black), and what was read of it."""

    where: str
    """'scans.pdf page 3' or 'photo.jpg'."""
    pixels: Any
    """A numpy array, rows by columns."""
    version: str = ""
    student: str = ""
    page: int = 0
    fit: Any = None
    """A 3x3 matrix from page points (x, y from the foot-left) to pixels: [x, y, 1] @ fit is (column, row, w)
    times w (w is 1 for a scan; a photo's perspective makes it vary)."""
    paper: float = 255.0
    """The paper's grey (light), measured once: ink is what is darker than most of it."""
    problem: str = ""
    """Why the page was set aside ('' if it was read)."""


def load(paths: list[Path]) -> Iterator[Scan]:
    """Every page of the PDFs and images, greyscale."""
    import numpy as np
    from PIL import Image

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    for path in paths:
        try:
            if path.suffix.lower() == ".pdf":
                import pypdfium2 as pdfium

                pdf = pdfium.PdfDocument(str(path))
                for index in range(len(pdf)):
                    image = pdf[index].render(scale=RENDER_DPI / 72).to_pil().convert("L")
                    yield Scan(f"{path.name} page {index + 1}", np.asarray(image))
            else:
                with Image.open(path) as image:
                    yield Scan(path.name, np.asarray(image.convert("L")))
        except Exception as error:  # noqa: BLE001 - a file of any kind may come in the pile: set it aside
            yield Scan(path.name, np.full((8, 8), 255, dtype=np.uint8),
                       problem=f"not a PDF or picture that can be read ({type(error).__name__})")


def check(text: str) -> tuple[str, str, int] | None:
    """(version, student, page) from a code's text, or None if it is not one of ours or its checksum fails."""
    parts = text.split("|")
    if len(parts) != 5 or parts[0] != "WS1" or not parts[3].isdigit():
        return None
    body = "|".join(parts[:4])
    if hashlib.sha256(body.encode("utf-8")).hexdigest()[:4] != parts[4]:
        return None
    return parts[1], parts[2], int(parts[3])


def _code(pixels: Any) -> tuple[Any, tuple[str, str, int] | None]:
    """The page's code, turning the page round if it came upside down: (the pixels the right way up, what the
    code says)."""
    import numpy as np
    import zxingcpp

    rows, cols = pixels.shape
    corner = (slice(rows // 2, rows), slice(0, cols // 3))  # where the code is on a page the right way up
    for turned in (pixels, np.rot90(pixels, 2)):
        results = zxingcpp.read_barcodes(np.ascontiguousarray(turned[corner])) or zxingcpp.read_barcodes(
            np.ascontiguousarray(turned))
        for result in results:
            said = check(result.text)
            if said is None:
                continue
            if abs(result.orientation) > 90:  # read, but the wrong way up: read it again turned
                break
            return turned, said
    return pixels, None


def _corner(pixels: Any, box: tuple[int, int, int, int], side: int, paper: float, towards: tuple[int, int]
            ) -> tuple[float, float] | None:
    """The centre (column, row) of the solid square mark `side` pixels wide in a window of the page, or None if
    there is not one. Only a square nearly all dark counts, so a rule, a letter or a scribble in the window is
    never taken for it; of several, the one nearest the paper's corner (`towards`, a pixel)."""
    import numpy as np

    top, bottom, left, right = box
    window = pixels[top:bottom, left:right]
    if window.shape[0] <= side or window.shape[1] <= side:
        return None
    dark = (window < max(60, paper * 0.45)).astype(np.int32)
    total = np.zeros((dark.shape[0] + 1, dark.shape[1] + 1), dtype=np.int32)
    total[1:, 1:] = dark.cumsum(0).cumsum(1)
    filled = total[side:, side:] - total[:-side, side:] - total[side:, :-side] + total[:-side, :-side]
    rows, cols = np.nonzero(filled >= 0.7 * side * side)  # top-left corners of squares that are nearly all ink
    if len(rows) == 0:
        return None
    nearest = int(np.argmin((top + rows - towards[1]) ** 2 + (left + cols - towards[0]) ** 2))
    r1, c1 = max(0, int(rows[nearest]) - side), max(0, int(cols[nearest]) - side)
    around = filled[r1:int(rows[nearest]) + side, c1:int(cols[nearest]) + side]
    # the mark is a little larger than the square, so the square lies wholly in it over a small plateau of
    # places: the plateau's middle is the mark's, whatever ink lies beside it (a blot, a scribble)
    best_r, best_c = np.unravel_index(int(np.argmax(around)), around.shape)
    rs, cs = np.nonzero(around >= 0.97 * around.max())
    own = (np.abs(rs - best_r) <= side // 2) & (np.abs(cs - best_c) <= side // 2)  # this mark's plateau only
    rs, cs = rs[own], cs[own]
    return (left + c1 + float(cs.mean()) + side / 2, top + r1 + float(rs.mean()) + side / 2)


def fit_page(scan: Scan, width: float, height: float) -> None:
    """Fit the page to a template of `width` x `height` points from its corner marks (or say why not)."""
    import numpy as np

    rows, cols = scan.pixels.shape
    scale = cols / width  # pixels a point: a scan holds the whole page
    reach = int(WINDOW * scale)
    side = max(3, int(MARK * scale * 0.85))  # a little inside the printed square: blur and a scan's scale
    windows = [(0, reach, 0, reach), (0, reach, cols - reach, cols), (rows - reach, rows, 0, reach),
               (rows - reach, rows, cols - reach, cols)]
    paper_corners = [(0, 0), (cols, 0), (0, rows), (cols, rows)]
    centre = CORNER + MARK / 2
    template = [(centre, height - centre), (width - centre, height - centre), (centre, centre),
                (width - centre, centre)]
    found = [_corner(scan.pixels, w, side, scan.paper, at) for w, at in zip(windows, paper_corners, strict=True)]
    if any(f is None for f in found):
        scan.problem = "a corner mark is missing or covered"
        return
    source = np.array([[x, y, 1.0] for x, y in template])
    target = np.array(found, dtype=float)
    flat, *_ = np.linalg.lstsq(source, target, rcond=None)
    worst = float(np.abs(source @ flat - target).max()) / scale
    if worst <= SLACK:  # the corners make a page seen square on or at a slant (a photo) or not at all
        scan.fit = perspective(template, found)  # through the four exactly: a scan's is all but flat
    else:
        scan.problem = f"the corner marks do not make a page ({worst / MM:.1f} mm out): scan it again"


def perspective(points: list[tuple[float, float]], pixels: list[Any]) -> Any:
    """The 3x3 matrix taking four page points exactly to where they are in a photo (a flat page seen at a
    slant): [x, y, 1] @ matrix, divided by its last term, is the pixel."""
    import numpy as np

    rows, values = [], []
    for (x, y), (u, v) in zip(points, pixels, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        values += [u, v]
    h = np.linalg.solve(np.array(rows, dtype=float), np.array(values, dtype=float))
    return np.array([[h[0], h[3], h[6]], [h[1], h[4], h[7]], [h[2], h[5], 1.0]])


def read(scan: Scan, size: tuple[float, float]) -> Scan:
    """Find the page's code and fit it; a page that cannot be is left with its problem."""
    import numpy as np

    if scan.problem:
        return scan
    sample = scan.pixels[::4, ::4]  # every sixteenth pixel says as much about the paper and the ink
    if float(np.mean(sample < 128)) < 0.0005:  # not even the corner marks: the back of a page, or a blank
        scan.problem = "blank"
        return scan
    scan.paper = float(np.percentile(sample, 90))
    scan.pixels, said = _code(scan.pixels)
    if said is None:
        scan.problem = "no QR code of ours could be read: not one of the class set's pages, or damaged"
        return scan
    scan.version, scan.student, scan.page = said
    fit_page(scan, *size)
    return scan


def student_code(key: str) -> str:
    """A student's key as their pages' codes name it."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:8] if key else "-"
