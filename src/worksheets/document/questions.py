"""A question as printed: its prompt, answer space, marks, mark scheme and support-tier help, and the
answer data of its type (`details`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from worksheets.document.details import Detail
from worksheets.document.prose import Prose

AnswerKind = Literal["lines", "box", "grid", "graph", "number_line", "handwriting", "none"]
"""How a written answer is given room."""


@dataclass(frozen=True)
class AnswerArea:
    """Room left for the student: ruled lines, a box, squared paper, a graph, a number line or handwriting
    ruling, and perhaps a line for the final answer."""

    kind: AnswerKind
    """lines, box, grid, graph, number_line, handwriting, or none (a closed question's own layout, or a
    question in parts)."""
    lines: int = 0
    """How many ruled lines, or rows of handwriting ruling."""
    height: float = 0.0
    """The box's, grid's or graph's height, points (0: the graph's default)."""
    square: float = 0.0
    """A grid's squares, points."""
    x: tuple[float, float, float] = (0.0, 0.0, 1.0)
    """A graph's x axis, or a number line: (from, to, step)."""
    y: tuple[float, float, float] = (0.0, 0.0, 1.0)
    """A graph's y axis: (from, to, step)."""
    answer_line: AnswerLine | None = None
    """The line for the final answer, at the foot of the space."""


@dataclass(frozen=True)
class AnswerLine:
    """'Answer ........ cm': where the final answer goes; never the answer itself."""

    label: str
    """Before the line ('Answer', 'x =')."""
    units: str
    """After it ('cm', '' for none)."""


@dataclass(frozen=True)
class ScoringPoint:
    """A creditworthy point."""

    text: Prose
    """What earns the marks."""
    marks: int
    """How many."""


@dataclass(frozen=True)
class ScoringLevel:
    """One level of response."""

    level: int
    """Its number: the highest level comes first."""
    band: str
    """The marks, e.g. '7–8' (printed with an en dash)."""
    descriptor: Prose
    """What an answer at this level does."""


@dataclass(frozen=True)
class Scheme:
    """How a question is marked."""

    guidance: Prose = ()
    """Prose for the marker."""
    points: tuple[ScoringPoint, ...] = ()
    """Marking points."""
    levels: tuple[ScoringLevel, ...] = ()
    """Levels of response, highest first."""
    indicative: tuple[Prose, ...] = ()
    """What students may include."""


@dataclass(frozen=True)
class Scaffold:
    """Support-tier help printed with a question."""

    hint: Prose = ()
    """A hint under the question."""
    sentence_starters: tuple[str, ...] = ()
    """Printed at the top of the answer space."""
    word_bank: tuple[str, ...] = ()
    """Words in a box."""
    frame: tuple[str, ...] = ()
    """Writing-frame step labels: a box of lines each."""


@dataclass(frozen=True)
class Question:
    """A numbered question or a lettered part; `parts` holds (a), (b)... of a question."""

    id: str
    """The bank id (a part has its question's)."""
    number: str
    """'3' for a question, '3(a)' for a part."""
    label: str
    """What is printed in the margin: '3' or '(a)'."""
    kind: str
    """The question type's name (see worksheets.qtypes)."""
    prompt: Prose
    """The question as printed."""
    marks: int
    """Its marks (a question in parts: their sum)."""
    answer: AnswerArea
    """Room for a written answer."""
    model_answer: Prose = ()
    """A model answer, for the mark scheme only."""
    scheme: Scheme = field(default_factory=Scheme)
    """How it is marked, for the mark scheme only."""
    scaffold: Scaffold | None = None
    """Support-tier help (support tier only)."""
    sources: tuple[str, ...] = ()
    """Labels of the sources it uses: 'Source A'."""
    parts: tuple[Question, ...] = ()
    """Its parts (a), (b)... in this tier."""
    detail: Detail | None = None
    """What a closed question type needs beyond its prompt (None: a written question)."""
    values: tuple[tuple[str, str], ...] = ()
    """The random values this copy drew, (param, as printed), in name order (empty in the student view: a
    value may be the answer)."""
    order: tuple[int, ...] = ()
    """The printed order of its options or items, as indexes into the spec's list (empty: the spec's order)."""
    extended: bool = False
    """It assesses extended response (`extended_response: true`), which some house styles mark."""
