"""The student handout: title block, content blocks and questions with answer space. Never answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import singledispatch

from reportlab.platypus import Flowable, Spacer
from reportlab.platypus.doctemplate import NotAtTopPageBreak

from worksheets import document as d
from worksheets.document.layout import PageMap, Spot
from worksheets.style.fonts import face_name
from worksheets.style.themes import tier_theme
from worksheets.writers.contract import Rendered
from worksheets.writers.pdf import blocks, questions
from worksheets.writers.pdf.flow import MIN_RUN, Anchor, AnswerLines, Paragraph
from worksheets.writers.pdf.page import Furniture, build_pdf, frame_size
from worksheets.writers.pdf.prose import Styles, flowables, plain_markup, styles_for


@dataclass
class Layout:
    """What laying out one handout needs at every block, and where its anchors land."""

    doc: d.Document
    s: Styles
    width: float
    height: float
    anchors: dict[str, tuple[int, float, float, float]] = field(default_factory=dict)
    insert_noted: bool = False  # the note sending students to the source insert is printed once


def story(doc: d.Document, s: Styles, width: float, height: float,
          anchors: dict[str, tuple[int, float, float, float]] | None = None) -> list[Flowable]:
    """The handout's flowables, in order."""
    layout = Layout(doc, s, width, height, anchors if anchors is not None else {})
    total = doc.total_marks
    total_line = f"Total: {total} mark{'' if total == 1 else 's'}" if doc.questions else ""
    out: list[Flowable] = blocks.title_block(doc, s, width, total_line, anchors=layout.anchors)
    if doc.grading_table and doc.questions:
        out += [questions.grading_table(doc.questions, s, width, total), Spacer(1, s.theme.body)]
    last_questions = max((i for i, b in enumerate(doc.blocks) if isinstance(b, d.QuestionsBlock)), default=-1)
    for index, block in enumerate(doc.blocks):
        out += lay_out(block, layout, index)
        if index == last_questions:
            _keep_with_next(out)
            out.append(Paragraph("END OF QUESTIONS", s.end))
    return out


def _keep_with_next(out: list[Flowable]) -> None:
    """The last question's end stays on the page of what follows it, so the end marker never stands alone
    on a page. Answer lines that run on keep only their last few lines with it (split off here), so the
    rest still fills the page before instead of moving whole to the next."""
    index = len(out) - 1
    while index > 0 and isinstance(out[index], Spacer):
        index -= 1
    last = out[index]
    if isinstance(last, AnswerLines) and last.lines > 2 * MIN_RUN:
        tail = AnswerLines(MIN_RUN, last.pitch, last.grey, last.indent, 0.0, last.continued, last.font,
                           label_at_top=True)
        out[index:index + 1] = [AnswerLines(last.lines - MIN_RUN, last.pitch, last.grey, last.indent, last.first_gap,
                                            last.continued, last.font, last.label_at_top), tail]
        index += 1
    for flowable in out[index:]:
        flowable.keepWithNext = True


@singledispatch
def lay_out(block: object, layout: Layout, index: int) -> list[Flowable]:
    """One block of the handout; every block type of the document has a handler."""
    raise TypeError(f"the handout has no layout for {type(block).__name__}")


@lay_out.register
def _section(block: d.SectionBlock, layout: Layout, index: int) -> list[Flowable]:
    out: list[Flowable] = []
    if block.title:
        mark = Anchor(f"section:{index}", layout.anchors, height=0)
        mark.keepWithNext = True  # lands on the page of the heading that follows
        out.append(mark)
    return out + blocks.section(block, layout.s, layout.width, layout.height)


@lay_out.register
def _source(block: d.SourceBlock, layout: Layout, index: int) -> list[Flowable]:
    if not layout.doc.source_insert:
        return blocks.source(block, layout.s, layout.width, layout.height * 0.55)
    if layout.insert_noted:
        return []
    layout.insert_noted = True
    return [blocks.insert_note(layout.doc.sources, layout.s, layout.width)]


@lay_out.register
def _questions(block: d.QuestionsBlock, layout: Layout, index: int) -> list[Flowable]:
    s = layout.s
    lead: list[Flowable] = [Paragraph(plain_markup(block.title), s.heading)] if block.title else []
    lead += flowables(block.intro, s.body, s.theme)
    out: list[Flowable] = []
    for q in block.questions:
        # a block's heading and intro stay on the page of its first question
        out += questions.handout_question(q, s, layout.width, layout.height, lead)
        lead = []
    return out + lead


@lay_out.register
def _heading(block: d.HeadingBlock, layout: Layout, index: int) -> list[Flowable]:
    return blocks.heading(block, layout.s)


@lay_out.register
def _text(block: d.TextBlock, layout: Layout, index: int) -> list[Flowable]:
    return blocks.text(block, layout.s)


@lay_out.register
def _glossary(block: d.GlossaryBlock, layout: Layout, index: int) -> list[Flowable]:
    return blocks.glossary(block, layout.s, layout.width)


@lay_out.register
def _page_break(block: d.PageBreakBlock, layout: Layout, index: int) -> list[Flowable]:
    return [NotAtTopPageBreak()]  # content that filled the page exactly does not leave an empty one


def version_label(doc: d.Document) -> str:
    """What the student's copy says about its version: "Version B", and the tier only if the spec shows it."""
    parts = [doc.tier_label or "", f"Version {doc.variant}" if doc.variant else ""]
    return " · ".join(p for p in parts if p)


FIELD_KEYS = {blocks.NAME_FIELD: "name", blocks.CLASS_FIELD: "class"}


def page_map(anchors: dict[str, tuple[int, float, float, float]], s: Styles) -> PageMap:
    """Where the student fields' lines and the titled sections landed."""
    t = s.theme
    fields = tuple(
        (key, Spot(page, x, y + t.body * (blocks.FIELD_LEADING - 1), width, face_name(t.font, bold=True), t.body))
        for anchor, key in FIELD_KEYS.items() if anchor in anchors
        for page, x, y, width in [anchors[anchor]]
    )
    sections = tuple((int(key.split(":")[1]), spot[0]) for key, spot in sorted(anchors.items(), key=lambda kv: kv[1][0])
                     if key.startswith("section:"))
    return PageMap(fields, sections)


def render(doc: d.Document, page_numbers: bool = True) -> Rendered:
    """The handout, and where its Name and Class lines and its sections lie (for class sets and booklets)."""
    theme = tier_theme(doc.style, doc.tier)
    s = styles_for(theme)
    width, height = frame_size(doc.paper, theme)
    furniture = Furniture(
        theme=theme,
        header_left=doc.title,
        header_right=version_label(doc),
        footer_left=doc.footer_code,
        turn_over=True,
        first_page_header=bool(version_label(doc)),
        page_numbers=page_numbers,
    )
    anchors: dict[str, tuple[int, float, float, float]] = {}
    pdf = build_pdf(story(doc, s, width, height, anchors), doc.paper, furniture, doc.title, "Student handout")
    return Rendered(pdf, page_map(anchors, s))
