"""THE resolved document: what the planner produces and every writer consumes.

One version of a worksheet (tier, style, variant) with questions numbered, sources lettered,
references substituted and marks totalled. Writers read only this, never the spec, so the
handout and its mark scheme cannot disagree. Every node and field says what it is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from worksheets.document.booklet import BookletPlan, DividerPart, Part, PdfPart, WorksheetPart
from worksheets.document.details import (
    Choice,
    Cloze,
    Clue,
    Crossword,
    Detail,
    Label,
    Matching,
    Numeric,
    Ordering,
    TrueFalse,
    WordSearch,
)
from worksheets.document.labels import letter_index, letters
from worksheets.document.layout import NO_PAGES, PageMap, Spot
from worksheets.document.prose import Block as ProseBlock
from worksheets.document.prose import (
    DisplayMath,
    Figure,
    Gap,
    Inline,
    ListBlock,
    Math,
    Para,
    Prose,
    Run,
    TableBlock,
    plain,
)
from worksheets.document.questions import (
    AnswerArea,
    AnswerKind,
    AnswerLine,
    Question,
    Scaffold,
    Scheme,
    ScoringLevel,
    ScoringPoint,
)
from worksheets.vocab import DEFAULT_STYLE, DEFAULT_TIER, version_code


@dataclass(frozen=True)
class Callout:
    """A boxed aside of a section."""

    kind: str
    """note, did-you-know or key-term."""
    title: str
    """The box's heading."""
    text: Prose
    """Its prose."""


@dataclass(frozen=True)
class SectionBlock:
    """Notes to read."""

    title: str | None
    """The heading (None: none)."""
    body: Prose
    """The notes."""
    callouts: tuple[Callout, ...] = ()
    """Its boxes."""


@dataclass(frozen=True)
class SourceBlock:
    """A source, printed where it first appears."""

    letter: str
    """A, B, ...: in order of first appearance."""
    title: str | None
    """Printed after the label."""
    text: Prose
    """The source's words."""
    image: Path | None
    """A checked PNG or JPEG."""
    image_digest: str
    """Its content's hash: a picture replaced under the same name makes a different document (watch re-renders)."""
    caption: str | None
    """Under the image."""
    attribution: Prose
    """The provenance line."""
    number_every: int = 0
    """Number every Nth line of the text in the margin, its line breaks and stanzas kept (0: not numbered)."""
    alt: str | None = None
    """What the image shows, for a screen reader ('' decoration, None not given)."""

    @property
    def label(self) -> str:
        """'Source A'."""
        return f"Source {self.letter}"


@dataclass(frozen=True)
class QuestionsBlock:
    """Numbered questions under an optional heading."""

    title: str | None
    """The heading (None: none)."""
    intro: Prose
    """Prose under the heading."""
    questions: tuple[Question, ...]
    """The questions, numbered through the whole document."""


@dataclass(frozen=True)
class HeadingBlock:
    """A heading on its own."""

    text: str
    """Its words."""


@dataclass(frozen=True)
class TextBlock:
    """Prose on its own."""

    body: Prose
    """The prose."""


@dataclass(frozen=True)
class GlossaryBlock:
    """A table of terms."""

    entries: tuple[tuple[str, Prose], ...]
    """(term, meaning), alphabetical."""


@dataclass(frozen=True)
class PageBreakBlock:
    """What follows starts a new page."""


Block = SectionBlock | SourceBlock | QuestionsBlock | HeadingBlock | TextBlock | GlossaryBlock | PageBreakBlock
"""One block of the document's contents."""


@dataclass(frozen=True)
class Document:
    """One version of one worksheet, ready to typeset as a handout or a mark scheme."""

    stem: str
    """The spec file's stem: names the output files."""
    title: str
    """The worksheet's title."""
    source: str
    """The spec file, as shown in messages."""
    subtitle: str | None
    """Under the title."""
    paper: str
    """A4, letter, or A5 (an a5-booklet's pages)."""
    student_fields: tuple[str, ...]
    """Labels of the writing lines under the title."""
    instructions: Prose
    """The instructions box's prose."""
    time_allowed: str | None
    """Printed in the instructions box."""
    blocks: tuple[Block, ...]
    """The contents, in order."""
    tier: str = DEFAULT_TIER
    """This version's tier."""
    style: str = DEFAULT_STYLE
    """This version's style."""
    variant: str | None = None
    """A, B...: the shuffled version (None: not shuffled)."""
    copy: str | None = None
    """The student whose own copy this is (its own draw, shuffles and values), or None for a version's."""
    scan_copy: str | None = None
    """With scan marking, the student a copy of a version is for (its QR code names them), or None."""
    source_insert: bool = False
    """Sources go in a separate insert; the handout refers to them by letter."""
    scan_marking: bool = False
    """Every page of the handout carries corner marks and a QR code, and written questions marker's boxes, so
    the papers can be marked from scans."""
    grading_table: bool = False
    """Question | marks available | mark awarded, on the first page."""
    tier_label: str | None = None
    """Printed on the student's copy only when the spec asks."""
    tiered: bool = False
    """The spec has more than one tier: mark schemes then name theirs."""
    house_style: str = "plain"
    """The exam board whose conventions the pages follow (style.house): plain, aqa, edexcel or ocr."""
    audience: str = "secondary"
    """secondary, or primary: the handout prints no marks, totals or exam furniture, in larger, friendlier type."""
    language: str = "en"
    """The language of the words the page itself prints (writers look them up in `style.words`); the PDF's
    /Lang."""
    labels: tuple[tuple[str, str], ...] = ()
    """The teacher's own words over the language's, (key, text) each."""

    @property
    def sources(self) -> tuple[SourceBlock, ...]:
        """Every source, in order."""
        return tuple(b for b in self.blocks if isinstance(b, SourceBlock))

    def student_view(self) -> Document:
        """The document without model answers, mark schemes or the closed types' answers: all a handout may see.

        Handouts are rendered from this view, so they cannot print an answer or lay one out, and an
        edit to an answer alone does not re-render them."""
        def strip(q: Question) -> Question:
            return replace(q, model_answer=(), scheme=Scheme(), parts=tuple(strip(p) for p in q.parts), values=(),
                           detail=q.detail.without_answers() if q.detail is not None else None)

        blocks = tuple(
            replace(b, questions=tuple(strip(q) for q in b.questions)) if isinstance(b, QuestionsBlock) else b
            for b in self.blocks
        )
        return replace(self, blocks=blocks)

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every numbered question, in order."""
        return tuple(q for b in self.blocks if isinstance(b, QuestionsBlock) for q in b.questions)

    def questions_end(self) -> int:
        """The index of the block the handout's end marker (END OF QUESTIONS) follows: the last questions block, and
        any prose on its own just after it (a closing tip belongs to the questions); -1 without questions."""
        end = max((i for i, b in enumerate(self.blocks) if isinstance(b, QuestionsBlock)), default=-1)
        while 0 <= end < len(self.blocks) - 1 and isinstance(self.blocks[end + 1], TextBlock):
            end += 1
        return end

    def first_uses(self) -> dict[str, str]:
        """Each used source's label and the number of the first question that uses it (or one of its parts):
        where a student reading the question needs to see the source."""
        out: dict[str, str] = {}
        for q in self.questions:
            for label in (*q.sources, *(label for part in q.parts for label in part.sources)):
                out.setdefault(label, q.number)
        return out

    @property
    def total_marks(self) -> int:
        """The marks of every question."""
        return sum(q.marks for q in self.questions)

    @property
    def version_code(self) -> str:
        """A discreet code that tells copies apart without labelling the student."""
        return version_code(self.tier, self.style, self.variant)

    @property
    def footer_code(self) -> str:
        """The code printed in the footer: none on the default version (core, standard, not shuffled)."""
        code = self.version_code
        return "" if code == version_code(DEFAULT_TIER, DEFAULT_STYLE, None) else code


__all__ = [
    "NO_PAGES",
    "AnswerArea",
    "AnswerKind", "AnswerLine",
    "Block",
    "BookletPlan",
    "Callout",
    "Choice",
    "Cloze",
    "Clue",
    "Crossword",
    "Detail",
    "DisplayMath",
    "DividerPart",
    "Document",
    "Figure",
    "Gap",
    "GlossaryBlock",
    "HeadingBlock",
    "Inline",
    "Label",
    "ListBlock",
    "Matching",
    "Math",
    "Numeric",
    "Ordering",
    "PageBreakBlock",
    "PageMap",
    "Para",
    "Part",
    "PdfPart",
    "Prose",
    "ProseBlock",
    "Question",
    "QuestionsBlock",
    "Run",
    "Scaffold",
    "Scheme",
    "ScoringLevel",
    "ScoringPoint",
    "SectionBlock",
    "SourceBlock",
    "Spot",
    "TableBlock",
    "TextBlock",
    "TrueFalse",
    "WordSearch",
    "WorksheetPart",
    "letter_index",
    "letters",
    "plain",
]
