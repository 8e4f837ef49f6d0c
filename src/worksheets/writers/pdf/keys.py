"""The answer keys of a class set whose students each have their own copy (`per_student`): a compact block
per student (their name, version, and each question as numbered on their copy with its answer and marks),
as many to a page as fit; then the mark scheme of each written question whose wording is the same for
everyone, printed once."""

from __future__ import annotations

from dataclasses import replace

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from worksheets import document as d
from worksheets.document.prose import plain
from worksheets.style.themes import theme_for
from worksheets.style.words import Words
from worksheets.vocab import DEFAULT_STYLE
from worksheets.writers.answers import answer_text
from worksheets.writers.pdf import questions
from worksheets.writers.pdf.flow import Paragraph
from worksheets.writers.pdf.page import Furniture, build_pdf, frame_size
from worksheets.writers.pdf.prose import Styles, escape, plain_markup, styles_for

RULE = Color(0.6, 0.6, 0.6)
HEAD = Color(0.9, 0.9, 0.9)
GUTTER = 14.0  # points between the two columns of students


INLINE = 80  # characters: a model answer this short is printed in the student's block


def _shared(q: d.Question) -> bool:
    """A written question whose wording drew no values and whose marking is more than a short model answer:
    its mark scheme is printed once, after the keys."""
    if q.detail is not None or q.values or any(p.values for p in q.parts):
        return False
    return any(_marking(item) or len(plain(item.model_answer)) > INLINE for item in (q.parts or (q,)))


def _marking(q: d.Question) -> bool:
    return bool(q.scheme.points or q.scheme.levels or q.scheme.indicative or q.scheme.guidance)


def _rows(doc: d.Document, s: Styles) -> list[list[Flowable]]:
    rows: list[list[Flowable]] = []
    for q in doc.questions:
        for item in (q.parts or (q,)) if q.detail is None else (q,):
            said = s.words("keys_shared") if _shared(q) else answer_text(item) or s.words("keys_see_model")
            values = ", ".join(f"{name} = {value}" for name, value in q.values) if item is q else ""
            text = f"{escape(said)}" + (f" <font color='#555555'>({escape(values)})</font>" if values else "")
            rows.append([Paragraph(plain_markup(item.number), s.cell_bold), Paragraph(text, s.cell),
                         Paragraph(str(item.marks), s.cell)])
    return rows


def _block(name: str, group: str, doc: d.Document, s: Styles, width: float) -> list[Flowable]:
    """One student's key (a table cell's content: kept on one page with its row)."""
    who = " · ".join(x for x in (name, group, s.words(doc.tier), doc.style, doc.version_code) if x)
    marks = s.words.count("marks", doc.total_marks).replace(" ", "\u00a0")  # '[6 marks]' kept on one line
    head = Paragraph(f"<b>{plain_markup(who)}</b> {plain_markup(marks)}", s.cell)
    table = Table(_rows(doc, s), colWidths=[s.theme.body * 3, width - s.theme.body * 5, s.theme.body * 2],
                  hAlign="LEFT")
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
                               ("LEFTPADDING", (0, 0), (-1, -1), 2)]))
    banner = Table([[head]], colWidths=[width], hAlign="LEFT")
    banner.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), HEAD), ("TOPPADDING", (0, 0), (-1, -1), 3),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return [banner, table, Spacer(1, s.theme.body * 0.8)]


def _two_up(blocks: list[list[Flowable]], width: float) -> list[Flowable]:
    """The students' blocks two to a row, so a page holds twice as many."""
    out: list[Flowable] = []
    for i in range(0, len(blocks), 2):
        pair: list[object] = [*blocks[i:i + 2], *([] if i + 1 < len(blocks) else [[Spacer(1, 1)]])]
        row = Table([pair], colWidths=[(width + GUTTER) / 2, (width - GUTTER) / 2], hAlign="LEFT")
        row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
        out.append(row)
    return out


def story(title: str, class_list: str, copies: list[tuple[str, str, d.Document]], s: Styles,
          width: float) -> list[Flowable]:
    """The keys' flowables: the title, every student's block, then the shared written questions."""
    w = s.words
    out: list[Flowable] = [Paragraph(plain_markup(w("answer_keys_of", title=title)), s.title),
                           Paragraph(plain_markup(w.count("keys_students", len(copies), name=class_list)), s.subtitle),
                           Spacer(1, s.theme.body)]
    out += _two_up([_block(name, group, doc, s, (width - GUTTER) / 2) for name, group, doc in copies], width)
    shared: dict[str, d.Question] = {}
    for _, _, doc in copies:
        for q in doc.questions:
            if _shared(q):
                shared.setdefault(q.id, q)
    if shared:
        out.append(Paragraph(plain_markup(w("keys_written")), s.heading))
        out.append(Paragraph(plain_markup(w("keys_written_note")), s.small))
        out.append(Spacer(1, s.theme.body * 0.5))
        for ident, q in sorted(shared.items()):
            lead = [Paragraph(f"{plain_markup(w('question'))} <b>{escape(ident)}</b>", s.small)]
            out += questions.markscheme_question(replace(q, label="", number=ident), s, width, lead)
    return out


def render_keys(title: str, class_list: str, copies: list[tuple[str, str, d.Document]], paper: str) -> bytes:
    """The keys PDF of a class set: (name, class, their full document) for each student, in the worksheet's
    language (its words and labels, as its copies have them)."""
    theme = theme_for(DEFAULT_STYLE)
    words = Words.of(copies[0][2])
    s = replace(styles_for(theme), words=words)
    width, _ = frame_size(paper, theme)
    heading = words("answer_keys_of", title=title)
    furniture = Furniture(theme=theme, header_left=heading, header_right=words("class_list_of", name=class_list),
                          footer_left="", turn_over=False, words=words)
    return build_pdf(story(title, class_list, copies, s, width), paper, furniture, heading, words("answer_keys"))
