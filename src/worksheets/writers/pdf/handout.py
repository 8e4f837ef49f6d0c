"""The student handout: title block, content blocks and questions with answer space. Never answers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import singledispatch

from reportlab.platypus import Flowable, Spacer
from reportlab.platypus.doctemplate import NotAtTopPageBreak

from worksheets import document as d
from worksheets.document.layout import Box, PageMap, Spot
from worksheets.style.fonts import face_name
from worksheets.style.themes import tier_theme
from worksheets.style.words import Words
from worksheets.writers.contract import Rendered
from worksheets.writers.pdf import blocks, questions, tables
from worksheets.writers.pdf.boxes import key_tick_boxes
from worksheets.writers.pdf.flow import Anchor, Paragraph, Together, keep_tail
from worksheets.writers.pdf.page import Furniture, build_pdf, frame_size
from worksheets.writers.pdf.prose import Styles, flowables, plain_markup, styles_of
from worksheets.writers.pdf.scanmarks import copy_label

Anchors = dict[str, tuple[int, float, float, float]]
"""Where marked flowables were drawn: key -> (page, x, y, width)."""


@dataclass
class Layout:
    """What laying out one handout needs at every block, and where its anchors land."""

    doc: d.Document
    s: Styles
    width: float
    height: float
    anchors: Anchors = field(default_factory=dict)
    marked: dict[str, Flowable] = field(default_factory=dict)  # anchor key -> the top-level flowable holding it
    insert_noted: bool = False  # the note sending students to the source insert is printed once
    last_question: str = ""  # its last part keeps the part before with it
    broken: set[str] = field(default_factory=set)  # sources that start a new page


def story(doc: d.Document, s: Styles, width: float, height: float, anchors: Anchors | None = None,
          moves: frozenset[tuple[str, str]] = frozenset()) -> list[Flowable]:
    """The handout's flowables, in order; `moves` keep sources with their first questions (see Moves)."""
    layout = Layout(doc, s, width, height, anchors if anchors is not None else {},
                    last_question=doc.questions[-1].number if doc.questions else "",
                    broken={label for label, how in moves if how == "break"})
    chained = {label for label, how in moves if how == "chain"}
    total = doc.total_marks
    total_line = s.words.count("total_marks", total) if doc.questions and s.show_marks else ""
    out: list[Flowable] = blocks.title_block(doc, s, width, total_line, anchors=layout.anchors)
    if doc.grading_table and doc.questions and s.show_marks:
        out += [tables.grading_table(doc.questions, s, width, total), Spacer(1, s.theme.body)]
    last_questions = doc.questions_end()
    for index, block in enumerate(doc.blocks):
        out += lay_out(block, layout, index)
        if index == last_questions:  # every question is laid out: chain sources, then end (primary: no end marker)
            uses = doc.first_uses()
            for label in sorted(chained):
                _chain(out, layout.marked.get(f"source:{label}"), layout.marked.get(f"question:{uses[label]}"))
            if s.show_marks:
                keep_tail(out, [Paragraph(plain_markup(s.words("end")), s.end)])  # the end marker never stands alone
    return out


def _chain(out: list[Flowable], start: Flowable | None, end: Flowable | None) -> None:
    """Everything from `start` to `end` stays together on one page where it fits (where it does not, it
    starts a page and runs on)."""
    ids = [id(f) for f in out]
    if start is not None and end is not None and id(start) in ids and id(end) in ids:
        first, last = ids.index(id(start)), ids.index(id(end))
        if first < last:
            out[first:last + 1] = [Together(out[first:last + 1])]


def together(first: int, second: int) -> bool:
    """Two pages a student sees at once: the same page, or facing pages of a duplex copy (2k and 2k+1)."""
    return first == second or (abs(first - second) == 1 and min(first, second) % 2 == 0)


def next_to_first_use(doc: d.Document) -> set[str]:
    """Sources whose first question is the question printed next after them: the ones that can be kept on
    its page (with other questions between them, the lot would rarely fit, so no layout is tried)."""
    uses = doc.first_uses()
    out: set[str] = set()
    waiting: list[str] = []
    for block in doc.blocks:
        if isinstance(block, d.SourceBlock):
            waiting.append(block.label)
        elif isinstance(block, d.QuestionsBlock) and block.questions:
            out.update(label for label in waiting if uses.get(label) == block.questions[0].number)
            waiting = []
    return out


def misplaced(doc: d.Document, anchors: Anchors) -> list[str]:
    """Sources printed neither on nor facing the page of the first question that uses them."""
    return [label for label, number in doc.first_uses().items()
            if f"source:{label}" in anchors and f"question:{number}" in anchors
            and not together(anchors[f"source:{label}"][0], anchors[f"question:{number}"][0])]


def _mark(key: str, layout: Layout) -> Anchor:
    """A zero-height anchor that lands on the page of what follows it (inside a Keep: reportlab does not
    join a Keep to what comes before it by keepWithNext)."""
    mark = Anchor(key, layout.anchors, height=0)
    mark.keepWithNext = True
    return mark


@singledispatch
def lay_out(block: object, layout: Layout, index: int) -> list[Flowable]:
    """One block of the handout; every block type of the document has a handler."""
    raise TypeError(f"the handout has no layout for {type(block).__name__}")


@lay_out.register
def _section(block: d.SectionBlock, layout: Layout, index: int) -> list[Flowable]:
    out: list[Flowable] = []
    if block.title:
        out.append(_mark(f"section:{index}", layout))
    return out + blocks.section(block, layout.s, layout.width, layout.height)


@lay_out.register
def _source(block: d.SourceBlock, layout: Layout, index: int) -> list[Flowable]:
    if not layout.doc.source_insert:
        key = f"source:{block.label}"
        out = blocks.source(block, layout.s, layout.width, layout.height * 0.55, _mark(key, layout))
        layout.marked[key] = out[1]
        return [NotAtTopPageBreak(), *out] if block.label in layout.broken else out
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
        key = f"question:{q.number}"
        scan = layout.anchors if layout.doc.scan_marking else None
        laid = questions.handout_question(q, s, layout.width, layout.height, [_mark(key, layout), *lead],
                                          q.number == layout.last_question, scan)
        if scan is not None:
            key_tick_boxes(q, laid, scan)
        layout.marked[key] = laid[0]
        out += laid
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


Moves = frozenset[tuple[str, str]]
"""What is done to keep sources with their questions: (label, 'chain') keeps the source and its question on
one page; (label, 'break') starts the source on a new page, so a question overleaf faces it."""


def _placed(doc: d.Document, build: Callable[[Moves], tuple[bytes, Anchors, list[str]]]
            ) -> tuple[bytes, Anchors, list[str]]:
    """The layout with the fewest sources apart from their first question: each source next to its question
    is tried kept with it, else on a new page; a try that puts no fewer sources apart is dropped."""
    moves: Moves = frozenset()
    best = build(moves)
    can_move = next_to_first_use(doc)
    for _ in range(3):
        tried = {label for label, _ in moves}
        movable = [label for label in best[2] if label in can_move and label not in tried]
        if not movable:
            break
        for how in ("chain", "break"):
            trial = build(moves | {(movable[0], how)})
            if len(trial[2]) < len(best[2]):
                moves, best = moves | {(movable[0], how)}, trial
                break
        else:
            break
    return best


def version_label(doc: d.Document) -> str:
    """What the student's copy says about its version: "Version B", and the tier only if the spec shows it."""
    parts = [doc.tier_label or "", Words.of(doc)("version", letter=doc.variant) if doc.variant else ""]
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
    boxes = tuple((key.removeprefix("box:"), Box(*spot)) for key, spot in sorted(anchors.items())
                  if key.startswith("box:"))
    return PageMap(fields, sections, boxes)


def render(doc: d.Document, page_numbers: bool = True) -> Rendered:
    """The handout, and where its Name and Class lines and its sections lie (for class sets and booklets)."""
    theme = tier_theme(doc.style, doc.tier, doc.audience)
    s = styles_of(doc, theme, scan=doc.scan_marking, pupils=True)
    width, height = frame_size(doc.paper, theme)
    furniture = Furniture(
        theme=theme,
        header_left=doc.title,
        header_right=version_label(doc),
        footer_left=doc.footer_code,
        turn_over=s.show_marks,  # exam furniture: not on a primary page
        margin=s.words(s.house.margin) if s.house.margin else "", both_margins=s.house.both_margins,
        first_page_header=bool(version_label(doc)),
        page_numbers=page_numbers,
        scan=copy_label(doc.version_code, doc.scan_copy or doc.copy) if doc.scan_marking else "",
        words=s.words,
    )
    def build(moves: Moves) -> tuple[bytes, Anchors, list[str]]:
        anchors: Anchors = {}
        pdf = build_pdf(story(doc, s, width, height, anchors, moves), doc.paper, furniture, doc.title,
                        "Student handout")
        return pdf, anchors, misplaced(doc, anchors)

    pdf, anchors, _ = _placed(doc, build)
    return Rendered(pdf, page_map(anchors, s))
