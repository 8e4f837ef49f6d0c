"""The resolved document: what the planner produces and every renderer consumes.

One version of a worksheet (tier, style, variant) with questions numbered,
sources lettered, references substituted and marks totalled. Renderers read
only this, never the spec, so the handout and its mark scheme cannot disagree.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal, Union

from worksheets.text import Prose

AnswerKind = Literal["lines", "box", "none"]


def letters(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: source labels never run out."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = string.ascii_uppercase[rem] + out
    return out


def letter_index(label: str) -> int:
    """A -> 0, Z -> 25, AA -> 26: the inverse of letters()."""
    index = 0
    for char in label:
        index = index * 26 + (ord(char) - ord("A") + 1)
    return index - 1


@dataclass(frozen=True)
class AnswerArea:
    """Room left for the student: `lines` ruled lines, or a box `height` points tall."""

    kind: AnswerKind
    lines: int = 0
    height: float = 0.0


@dataclass(frozen=True)
class ScoringPoint:
    text: Prose
    marks: int


@dataclass(frozen=True)
class ScoringLevel:
    level: int
    band: str
    descriptor: Prose


@dataclass(frozen=True)
class Scheme:
    """How a question is marked."""

    guidance: Prose = ()
    points: tuple[ScoringPoint, ...] = ()
    levels: tuple[ScoringLevel, ...] = ()
    indicative: tuple[Prose, ...] = ()


@dataclass(frozen=True)
class Scaffold:
    hint: Prose = ()
    sentence_starters: tuple[str, ...] = ()
    word_bank: tuple[str, ...] = ()
    frame: tuple[str, ...] = ()


@dataclass(frozen=True)
class Choice:
    """Options in printed order (lettered A, B...); `correct` indexes that order."""

    options: tuple[Prose, ...]
    correct: tuple[int, ...]


@dataclass(frozen=True)
class TrueFalse:
    statements: tuple[tuple[Prose, bool], ...]


GAP_OPEN, GAP_CLOSE = "\ue000", "\ue001"  # private-use marks around a gap's number inside cloze prose


@dataclass(frozen=True)
class Cloze:
    """Prose with numbered gap marks; `answers[n - 1]` fills gap n; `word_bank` in printed order (may be empty)."""

    text: Prose
    answers: tuple[str, ...]
    word_bank: tuple[str, ...] = ()


@dataclass(frozen=True)
class Matching:
    """Left items numbered 1, 2...; right items lettered A, B... in printed (shuffled) order;
    `key[i]` is the index in `right` that matches left item i."""

    left: tuple[Prose, ...]
    right: tuple[Prose, ...]
    key: tuple[int, ...]


@dataclass(frozen=True)
class Ordering:
    """Items in printed (shuffled) order, lettered A, B...; `order` lists their indices first to last."""

    items: tuple[Prose, ...]
    order: tuple[int, ...]


Detail = Union[Choice, TrueFalse, Cloze, Matching, Ordering]


@dataclass(frozen=True)
class Question:
    """A numbered question or a lettered part; `parts` holds (a), (b)... of a question."""

    id: str
    number: str  # "3" for a question, "3(a)" for a part
    label: str  # what is printed in the margin: "3" or "(a)"
    kind: str
    prompt: Prose
    marks: int
    answer: AnswerArea
    model_answer: Prose = ()
    scheme: Scheme = field(default_factory=Scheme)
    scaffold: Scaffold | None = None
    sources: tuple[str, ...] = ()  # labels, "Source A"
    parts: tuple["Question", ...] = ()
    detail: Detail | None = None  # what a closed question type needs beyond its prompt


@dataclass(frozen=True)
class Callout:
    kind: str
    title: str
    text: Prose


@dataclass(frozen=True)
class SectionBlock:
    title: str | None
    body: Prose
    callouts: tuple[Callout, ...] = ()


@dataclass(frozen=True)
class SourceBlock:
    letter: str
    title: str | None
    text: Prose
    image: Path | None
    caption: str | None
    attribution: Prose

    @property
    def label(self) -> str:
        return f"Source {self.letter}"


@dataclass(frozen=True)
class QuestionsBlock:
    title: str | None
    intro: Prose
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class HeadingBlock:
    text: str


@dataclass(frozen=True)
class TextBlock:
    body: Prose


@dataclass(frozen=True)
class GlossaryBlock:
    entries: tuple[tuple[str, Prose], ...]


@dataclass(frozen=True)
class PageBreakBlock:
    pass


Block = Union[SectionBlock, SourceBlock, QuestionsBlock, HeadingBlock, TextBlock, GlossaryBlock, PageBreakBlock]


@dataclass(frozen=True)
class Document:
    """One version of one worksheet, ready to typeset as a handout or a mark scheme."""

    stem: str
    title: str
    source: str  # the spec file, as shown in messages
    subtitle: str | None
    paper: str
    student_fields: tuple[str, ...]
    instructions: Prose
    time_allowed: str | None
    blocks: tuple[Block, ...]
    tier: str = "core"
    style: str = "standard"
    variant: str | None = None
    source_insert: bool = False  # sources go in a separate insert; the handout refers to them by letter
    grading_table: bool = False  # question | marks available | mark awarded, on the first page
    tier_label: str | None = None  # printed on the student's copy only when the spec asks
    tiered: bool = False  # the spec has more than one tier: mark schemes then name theirs

    @property
    def sources(self) -> tuple[SourceBlock, ...]:
        return tuple(b for b in self.blocks if isinstance(b, SourceBlock))

    def student_view(self) -> "Document":
        """The document without model answers or mark schemes: all a handout may see.

        Handouts are rendered from this view, so they cannot print an answer, and an edit to
        an answer alone does not re-render them."""
        def strip(q: Question) -> Question:
            return replace(q, model_answer=(), scheme=Scheme(), parts=tuple(strip(p) for p in q.parts))

        blocks = tuple(
            replace(b, questions=tuple(strip(q) for q in b.questions)) if isinstance(b, QuestionsBlock) else b
            for b in self.blocks
        )
        return replace(self, blocks=blocks)

    @property
    def questions(self) -> tuple[Question, ...]:
        """Every numbered question, in order."""
        return tuple(q for b in self.blocks if isinstance(b, QuestionsBlock) for q in b.questions)

    @property
    def total_marks(self) -> int:
        return sum(q.marks for q in self.questions)

    @property
    def version_code(self) -> str:
        """A discreet code that tells copies apart without labelling the student."""
        code = {"support": "S", "core": "C", "challenge": "X"}[self.tier]
        code += {"standard": "", "large-print": "L", "dyslexia": "D"}[self.style]
        return code + (self.variant or "")


# --- a booklet, planned: what assembling it reads ---

@dataclass(frozen=True)
class WorksheetPart:
    title: str
    document: Document
    mark_scheme: bool = True  # the worksheet's own `mark_scheme:`


@dataclass(frozen=True)
class PdfPart:
    title: str
    path: Path
    pages: int


@dataclass(frozen=True)
class DividerPart:
    title: str
    text: Prose


Part = Union[WorksheetPart, PdfPart, DividerPart]


@dataclass(frozen=True)
class BookletPlan:
    stem: str
    title: str
    subtitle: str | None
    cover: bool
    cover_image: Path | None
    contents_page: bool
    paper: str
    style: str
    start_odd: bool
    impose: str
    mark_schemes: str
    parts: tuple[Part, ...]
    inputs: tuple[Path, ...] = ()  # every file read, for the manifest
    scheme_paper: str = "A4"  # separate mark schemes are the teacher's: on the spec's paper, not the booklet's A5

    def scheme_document(self, doc: Document) -> Document:
        """The document a part's mark scheme is rendered from: in an appendix it is a booklet page like any other."""
        return doc if self.mark_schemes == "appendix" or doc.paper == self.scheme_paper else replace(doc, paper=self.scheme_paper)
