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


def boxed(rows: list[list], width: float, grey: str = "#e6e6e6") -> Table:
    table = Table(rows, colWidths=[width])
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1, "black"), ("BACKGROUND", (0, 0), (-1, -1), grey)]))
    return table


def grid(rows: list[list], widths: list[float]) -> Table:
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "grey"), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def build(content: dict, scheme: bool, out: str) -> None:
    body = ParagraphStyle("b", fontName="Sans", fontSize=11, leading=14.5, spaceAfter=4)
    bold = ParagraphStyle("bb", parent=body, fontName="Sans-Bold")
    head = ParagraphStyle("h", parent=body, fontName="Sans-Bold", fontSize=14, leading=18, spaceBefore=10)
    para = lambda text, style=body: Paragraph(escape(text), style)  # noqa: E731
    title = ParagraphStyle("t", parent=head, fontSize=20, leading=24)
    story: list[Flowable] = [Paragraph(escape(content["title"]), title), para(content["subtitle"] or "")]
    fields = Table([["Name:", "", "Class:", "", "Date:", ""]],
                   colWidths=[14 * mm, 70 * mm, 14 * mm, 30 * mm, 12 * mm, 30 * mm])
    fields.setStyle(TableStyle([("LINEBELOW", (1, 0), (1, 0), 0.5, "black"),
                                ("LINEBELOW", (3, 0), (3, 0), 0.5, "black"),
                                ("LINEBELOW", (5, 0), (5, 0), 0.5, "black"),
                                ("FONT", (0, 0), (-1, -1), "Sans-Bold", 10)]))
    story.append(fields)
    if not scheme:
        story.append(boxed([[para("Instructions", bold)], *[[para(i)] for i in content["instructions"]],
                            [para(content["time"])]],
                           170 * mm))
    story.append(para(f"Total: {content['total']} marks"))
    if content["grading"] and not scheme:
        for start in range(0, len(content["grading"]), 9):
            chunk = content["grading"][start:start + 9]
            story.append(grid([["Question", *(n for n, _ in chunk)], ["Marks", *(str(k) for _, k in chunk)],
                               ["Awarded", *("" for _ in chunk)]], [20 * mm] + [14 * mm] * len(chunk)))
    for block in content["blocks"]:
        if block["kind"] == "question":
            row = Table([[block["number"], para(block["prompt"]), f"[{block['marks']} marks]"]],
                        colWidths=[10 * mm, 130 * mm, 25 * mm])
            story.append(row)
            if scheme:
                story += [para(p) for p in block["answer"]]
                if block["key"]:
                    story.append(para(f"Answer: {block['key']}", bold))
                story += [para(f"• {p}") for p in block["points"]]
                if block["levels"]:
                    story.append(grid([[b, para(t)] for b, t in block["levels"]], [20 * mm, 140 * mm]))
                if block["indicative"]:
                    story += [para("Indicative content", bold), *(para(f"• {p}") for p in block["indicative"])]
            else:
                if block["choices"]:
                    story.append(grid([[para(x), ""] for x in block["choices"]], [150 * mm, 10 * mm]))
                if block["lines"]:
                    story.append(Lines(block["lines"]))
                elif block["box"]:
                    story.append(boxed([[""]], 170 * mm, "white"))
                    story[-1]._argH = [block["box"] * mm]
        elif not scheme and block["kind"] == "section":
            if block["title"]:
                story.append(para(block["title"], head))
            story += [para(p) for p in block["paras"]]
            story += [boxed([[para(k["title"], bold)], *[[para(p)] for p in k["paras"]]], 170 * mm)
                      for k in block["callouts"]]
        elif not scheme and block["kind"] == "glossary":
            story += [para("Glossary", head),
                      grid([[para(t, bold), para(m)] for t, m in block["entries"]], [40 * mm, 130 * mm])]
        elif not scheme:
            story.append(boxed([[para(p)] for p in [block["title"], *block["paras"]]], 170 * mm))
        story.append(Spacer(1, 4))
    SimpleDocTemplate(out, pagesize=A4, invariant=1).build(story, onFirstPage=footer, onLaterPages=footer)


def main() -> None:
    for face, suffix in (("Sans", "Regular"), ("Sans-Bold", "Bold"), ("Sans-Italic", "Italic"),
                         ("Sans-BoldItalic", "BoldItalic")):
        pdfmetrics.registerFont(TTFont(face, str(FONTS / f"LiberationSans-{suffix}.ttf")))
    content = json.loads((HERE / "reference" / "content.json").read_text(encoding="utf-8"))
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp")
    build(content, False, str(out / "plain-handout.pdf"))
    build(content, True, str(out / "plain-markscheme.pdf"))


if __name__ == "__main__":
    main()
