"""The student handout: title block, content blocks and questions with answer space. Never answers."""

from __future__ import annotations

from reportlab.platypus import Flowable, PageBreak, Spacer

from worksheets import document as d
from worksheets.render import blocks, questions
from worksheets.render.flow import Anchor, Paragraph
from worksheets.render.page import Furniture, build_pdf, frame_size
from worksheets.render.prose import Styles, flowables, plain_markup, styles_for
from worksheets.theme import theme_for


def story(doc: d.Document, s: Styles, width: float, height: float, anchors: dict | None = None) -> list[Flowable]:
    """The handout's flowables, in order."""
    total = doc.total_marks
    total_line = f"Total: {total} mark{'' if total == 1 else 's'}" if doc.questions else ""
    out: list[Flowable] = blocks.title_block(doc, s, width, total_line, anchors=anchors)
    if doc.grading_table and doc.questions:
        out += [questions.grading_table(doc.questions, s, width, total), Spacer(1, s.theme.body)]
    last_questions = max((i for i, b in enumerate(doc.blocks) if isinstance(b, d.QuestionsBlock)), default=-1)
    insert_noted = False
    for index, block in enumerate(doc.blocks):
        if isinstance(block, d.SectionBlock):
            if anchors is not None and block.title:
                mark = Anchor(f"section:{index}", anchors, height=0)
                mark.keepWithNext = True  # lands on the page of the heading that follows
                out.append(mark)
            out += blocks.section(block, s, width, height)
        elif isinstance(block, d.SourceBlock) and doc.source_insert:
            if not insert_noted:
                out.append(blocks.insert_note(doc.sources, s, width))
                insert_noted = True
        elif isinstance(block, d.SourceBlock):
            out += blocks.source(block, s, width, height * 0.55)
        elif isinstance(block, d.QuestionsBlock):
            lead: list[Flowable] = [Paragraph(plain_markup(block.title), s.heading)] if block.title else []
            lead += flowables(block.intro, s.body, s.theme)
            for q in block.questions:
                # a block's heading and intro stay on the page of its first question
                out += questions.handout_question(q, s, width, height, lead)
                lead = []
            out += lead
            if index == last_questions:
                out.append(Paragraph("END OF QUESTIONS", s.end))
        elif isinstance(block, d.HeadingBlock):
            out += blocks.heading(block, s)
        elif isinstance(block, d.TextBlock):
            out += blocks.text(block, s)
        elif isinstance(block, d.GlossaryBlock):
            out += blocks.glossary(block, s, width)
        elif isinstance(block, d.PageBreakBlock):
            out.append(PageBreak())
    return out


def version_label(doc: d.Document) -> str:
    """What the student's copy says about its version: "Version B", and the tier only if the spec shows it."""
    parts = [doc.tier_label or "", f"Version {doc.variant}" if doc.variant else ""]
    return " · ".join(p for p in parts if p)


def tier_theme(doc: d.Document):  # type: ignore[no-untyped-def]
    """The style's theme, with wider writing lines for the support tier (9.5 mm at least)."""
    import dataclasses

    from worksheets.theme import MM

    theme = theme_for(doc.style)
    if doc.tier == "support" and theme.line_pitch < 9.5 * MM:
        theme = dataclasses.replace(theme, line_pitch=9.5 * MM)
    return theme


def render(doc: d.Document, anchors: dict | None = None, page_numbers: bool = True) -> bytes:
    """The handout; with `anchors`, also where its Name field's line lies (for class sets)."""
    theme = tier_theme(doc)
    s = styles_for(theme)
    width, height = frame_size(doc.paper, theme)
    furniture = Furniture(
        theme=theme,
        header_left=doc.title,
        header_right=version_label(doc),
        footer_left=doc.version_code if doc.version_code != "C" else "",
        turn_over=True,
        first_page_header=bool(version_label(doc)),
        page_numbers=page_numbers,
    )
    return build_pdf(story(doc, s, width, height, anchors), doc.paper, furniture, doc.title, "Student handout")

