"""The floor: plain reportlab drawing the same handout and mark scheme from bench/reference/content.json,
with none of worksheets' pipeline. Run as a whole process by bench/run.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

HERE = Path(__file__).parent
FONTS = HERE.parent / "fonts"


class Lines(Flowable):
    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        return aw, self.count * 8 * mm

    def split(self, aw: float, ah: float) -> list[Flowable]:
        fits = int(ah // (8 * mm))
        return [] if fits < 1 or fits >= self.count else [Lines(fits), Lines(self.count - fits)]

    def draw(self) -> None:
        self.canv.setStrokeGray(0.55)
        self.canv.setLineWidth(0.5)
        for i in range(self.count):
            y = (self.count - i - 1) * 8 * mm
            self.canv.line(0, y, self.width, y)


def footer(canvas, doc) -> None:  # type: ignore[no-untyped-def]
    canvas.setFont("Sans", 8.5)
    canvas.drawCentredString(A4[0] / 2, 10 * mm, f"Page {doc.page}")


def build(content: dict, scheme: bool, out: str) -> None:
    body = ParagraphStyle("b", fontName="Sans", fontSize=11, leading=14.5, spaceAfter=4)
    head = ParagraphStyle("h", parent=body, fontName="Sans-Bold", fontSize=14, leading=18, spaceBefore=10)
    story: list[Flowable] = [Paragraph(escape(content["title"]), ParagraphStyle("t", parent=head, fontSize=20, leading=24)),
                             Paragraph(f"Total: {content['total']} marks", body)]
    for block in content["blocks"]:
        if block["kind"] == "question":
            row = Table([[block["number"], Paragraph(escape(block["prompt"]), body), f"[{block['marks']} marks]"]],
                        colWidths=[10 * mm, 130 * mm, 25 * mm])
            story.append(row)
            if scheme:
                story += [Paragraph(escape(p), body) for p in block["answer"]]
                if block["levels"]:
                    table = Table([[b, Paragraph(escape(t), body)] for b, t in block["levels"]], colWidths=[20 * mm, 140 * mm])
                    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "grey")]))
                    story.append(table)
            else:
                story.append(Lines(block["lines"]))
        elif not scheme and block["kind"] == "section":
            story.append(Paragraph(escape(block["title"]), head))
            story += [Paragraph(escape(p), body) for p in block["paras"]]
        elif not scheme:
            table = Table([[Paragraph(escape(p), body)] for p in [block["title"], *block["paras"]]], colWidths=[170 * mm])
            table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, "black"), ("BACKGROUND", (0, 0), (-1, -1), "#e6e6e6")]))
            story.append(table)
        story.append(Spacer(1, 4))
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story, onFirstPage=footer, onLaterPages=footer)


def main() -> None:
    for face, suffix in (("Sans", "Regular"), ("Sans-Bold", "Bold"), ("Sans-Italic", "Italic"), ("Sans-BoldItalic", "BoldItalic")):
        pdfmetrics.registerFont(TTFont(face, str(FONTS / f"LiberationSans-{suffix}.ttf")))
    content = json.loads((HERE / "reference" / "content.json").read_text(encoding="utf-8"))
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp")
    build(content, False, str(out / "plain-handout.pdf"))
    build(content, True, str(out / "plain-markscheme.pdf"))


if __name__ == "__main__":
    main()
