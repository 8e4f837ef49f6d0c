"""The marking report as a PDF: each question's facility and the wrong answers chosen most, the spread of the
totals, and every box or page a person must decide, each with its picture cut from the scan."""

from __future__ import annotations

import io
import statistics
from typing import Any

from worksheets.marking import Marked
from worksheets.marking.report import facility, to_decide

PICTURE_WIDTH = 120.0  # points: a doubtful box and a little round it


def _picture(pixels: Any, crop: tuple[int, int, int, int] | None) -> Any:
    from PIL import Image
    from reportlab.platypus import Image as Picture

    image = Image.fromarray(pixels)
    if crop is not None:
        image = image.crop((max(0, crop[0]), max(0, crop[1]), crop[2], crop[3]))
    else:
        image.thumbnail((400, 560))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    buffer.seek(0)
    width = PICTURE_WIDTH if crop is not None else 200.0
    return Picture(buffer, width=width, height=width * image.height / max(1, image.width))


def report_pdf(marked: Marked, title: str) -> bytes:
    """The report: facility, spread, and what to decide."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    styles = getSampleStyleSheet()
    story: list[Any] = [Paragraph(f"Marks: {title}", styles["Title"])]
    totals = [sum(r.scored or 0 for r in results) for results in marked.results
              if results and all(r.scored is not None for r in results)]
    if totals:
        story.append(Paragraph(f"{len(totals)} of {len(marked.results)} copies fully scored: totals from "
                               f"{min(totals)} to {max(totals)}, median {statistics.median(totals):g}.",
                               styles["Normal"]))
    rows = [["Question", "Facility", "Copies", "Wrong answers chosen most"]]
    rows += [[q, f"{share:.0%}", str(n), common] for q, share, n, common in facility(marked)]
    table = Table(rows, hAlign="LEFT")
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, "#888888"), ("FONTSIZE", (0, 0), (-1, -1), 9)]))
    story += [Spacer(1, 8), table, Spacer(1, 12), Paragraph("For a person to decide", styles["Heading2"])]
    decide = to_decide(marked)
    if not decide:
        story.append(Paragraph("Nothing: every box was read with confidence.", styles["Normal"]))
    for what, pixels, crop in decide:
        story.append(Paragraph(what, styles["Normal"]))
        if pixels is not None:
            story.append(_picture(pixels, crop))
        story.append(Spacer(1, 6))
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, title=f"Marks: {title}", invariant=1, author="",
                      creator="worksheets").build(story)
    return buffer.getvalue()
