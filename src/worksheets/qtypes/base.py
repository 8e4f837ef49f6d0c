"""What every question type provides, and the planner services its lowering may use.

A question type is one module: its spec model (the keys it accepts, each documented) and its
lowering into the resolved document. The planner calls `lower` with itself as the context;
writers dispatch on the document's `detail` node type (see `worksheets.writers`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from worksheets import document as d
    from worksheets.spec import questions as sq
    from worksheets.spec.base import Model


class Context(Protocol):
    """The planner, as a question type sees it: text, shuffles and shared pieces, for one version."""

    tier: str
    variant: str | None
    shuffled: bool  # a variant or a student's own copy: shuffles apply
    scan_marking: bool  # marked from a scan: letters and places are ticked, not written
    shuffles_options: bool  # variants shuffle the options of choice questions (the worksheet's `shuffle:`)

    @property
    def words(self) -> Callable[..., str]:
        """The page's own words in the worksheet's language: words("tf_prompt"), words("source", letter="A")."""

    @property
    def draw_key(self) -> str:
        """Names this copy for a type's own random layout (a word search's grid): variant, seed, student."""

    def prose(self, text: str | None, owner: Model, field: str) -> d.Prose:
        """Prose with references substituted and every character checked printable."""

    def cloze_prose(self, text: str, owner: Model, field: str) -> d.Prose:
        """Prose whose `[[N]]` marks become gap N."""

    def check(self, text: str, owner: Model, field: str) -> None:
        """Text printed as it is (an answer, a word-bank word): every character must be printable."""

    def shuffle(self, count: int, *key: str) -> list[int]:
        """A deterministic order of `count` items; each variant has its own."""

    def in_tier(self, item: Any) -> bool:
        """Whether a bank item or part appears in this version's tier."""

    def answer(self, answer: sq.AnswerSpace | None, marks: int, line: sq.AnswerLine | None = None) -> d.AnswerArea:
        """The room left for an answer, and its answer line."""

    def scheme(self, scheme: sq.MarkScheme | None) -> d.Scheme:
        """How the question is marked."""

    def scaffold(self, scaffold: sq.Scaffold | None) -> d.Scaffold | None:
        """Support-tier help, in the support tier only."""

    def source_labels(self, ids: list[str]) -> tuple[str, ...]:
        """"Source A"... for the sources a question names."""

    def picture(self, name: str, owner: Model, field: str, alt: str | None = None) -> d.Figure:
        """A picture a question names (checked with the library: its file and digest; no file if it failed)."""


Lower = Callable[[Any, Context, str], "d.Question"]


@dataclass(frozen=True)
class QuestionType:
    """One registered question type."""

    name: str
    """The value of `type:` in a spec."""
    model: type[Model]
    """Its spec model: the keys it accepts."""
    lower: Lower
    """(question, planner, number) -> the numbered document question."""
    detail: type | None
    """The document node holding its answer data, which writers dispatch on; None: prompt and answer space only."""


def closed_question(q: sq.ClosedQuestion, ctx: Context, number: str, prompt: str, detail: d.Detail) -> d.Question:
    """A closed question's shared parts around its type's detail: prompt, marks, scheme, scaffold, sources."""
    from worksheets import document as d

    return d.Question(
        id=q.id, number=number, label=number, kind=vars(q)["type"],  # each type's model declares it
        prompt=ctx.prose(prompt, q, "prompt"), marks=q.total, answer=d.AnswerArea("none"),
        model_answer=ctx.prose(q.model_answer, q, "model_answer"), scheme=ctx.scheme(q.mark_scheme),
        scaffold=ctx.scaffold(q.scaffold), sources=ctx.source_labels(q.sources),
        detail=detail,
    )
