"""What a page carries to be marked from a scan (`scan_marking: true`): four corner marks the reader fits the
page to, and a QR code saying which copy, version and page it is, with a short checksum. Both sit where no
answer goes: the marks 6 mm in from each corner (inside what copiers print, outside the header and footer),
the code in the binding margin low on the page, clear of ISO 838 punch holes."""

from __future__ import annotations

import hashlib

from reportlab.pdfgen.canvas import Canvas

from worksheets.style.themes import MM

CORNER = 6 * MM
"""From each edge of the paper to the outer side of a corner mark."""
MARK = 4 * MM
"""A corner mark's side: a solid square."""
QR_SIDE = 15 * MM
"""The code's side, its quiet zone included."""
QR_FROM_FOOT = 30 * MM
"""From the foot of the paper to the code's foot: below the lower punch hole (ISO 838: 108.5 mm up)."""
QR_FROM_EDGE = 5 * MM


def copy_label(version: str, copy: str | None) -> str:
    """Which copy a page is of, briefly (a short code keeps the QR's modules large): the version's code and
    the student's key hashed, or '-' for a version's own copy."""
    student = hashlib.sha256(copy.encode("utf-8")).hexdigest()[:8] if copy else "-"
    return f"{version or '-'}|{student}"


def payload(copy: str, page: int) -> str:
    """What the code holds: `WS1|VERSION|STUDENT|PAGE|CHECK`."""
    body = f"WS1|{copy}|{page}"
    return f"{body}|{hashlib.sha256(body.encode('utf-8')).hexdigest()[:4]}"


def corners(width: float, height: float) -> tuple[tuple[float, float], ...]:
    """Each corner mark's centre, points from the page's foot-left: top left, top right, foot left, foot right."""
    near, far_x, far_y = CORNER + MARK / 2, width - CORNER - MARK / 2, height - CORNER - MARK / 2
    return (near, far_y), (far_x, far_y), (near, near), (far_x, near)


def qr_box() -> tuple[float, float, float]:
    """Where the code is drawn: (left, foot, side), points."""
    return QR_FROM_EDGE, QR_FROM_FOOT, QR_SIDE


def draw(canvas: Canvas, copy: str, page: int) -> None:
    """The corner marks and the page's code, in black."""
    import segno

    width, height = canvas._pagesize
    canvas.saveState()
    canvas.setFillGray(0)
    for x, y in corners(width, height):
        canvas.rect(x - MARK / 2, y - MARK / 2, MARK, MARK, stroke=0, fill=1)
    code = segno.make(payload(copy, page), error="m", micro=False)
    rows = [list(row) for row in code.matrix]
    left, foot, side = qr_box()
    module = side / (len(rows) + 4)  # two modules of quiet zone each side
    path = canvas.beginPath()
    for r, row in enumerate(rows):
        for c, dark in enumerate(row):
            if dark:
                path.rect(left + (c + 2) * module, foot + side - (r + 3) * module, module, module)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
