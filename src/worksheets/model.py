"""Stage 2: the spec's vocabulary as pydantic models, and their errors as FILE:LINE:COLUMN lines.

Every model forbids unknown keys (with a did-you-mean) and remembers where in
its file it was written, so later stages can point at it too.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PrivateAttr,
    Tag,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from worksheets.errors import Loc, Problem
from worksheets.load import Loaded, locate

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TIERS = ("support", "core", "challenge")
STYLES = ("standard", "large-print", "dyslexia")
MAX_LINES = 200
MAX_VARIANTS = 26
MAX_ITEMS = 2000  # of each kind in one file: bounds the work a shared spec can ask for


def _as_text(value: Any) -> Any:
    """Numbers typed where text is expected are the text the teacher typed."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and hasattr(value, "source"):
        return value.source
    if isinstance(value, (int, float)):
        return str(value)
    return value


def _check_id(value: Any) -> Any:
    value = _as_text(value)
    if isinstance(value, str) and not ID_PATTERN.match(value):
        raise PydanticCustomError(
            "bad_id", "'{id}' is not a valid id: use lowercase letters, digits and '-'", {"id": value}
        )
    return value


def _paper(value: Any) -> Any:
    if isinstance(value, str):
        return {"a4": "A4", "letter": "letter"}.get(value.strip().lower(), value)
    return value


Text = Annotated[str, BeforeValidator(_as_text), WithJsonSchema({"type": ["string", "number", "boolean"]})]
Id = Annotated[str, BeforeValidator(_check_id)]
TierName = Literal["support", "core", "challenge"]
StyleName = Literal["standard", "large-print", "dyslexia"]
Marks = Annotated[int, Field(ge=0, le=1000)]


class Model(BaseModel):
    """Base of every spec model: unknown keys refused, source location kept."""

    # field docstrings are read by schema.py for the reference docs; pydantic's own reading of them
    # (use_attribute_docstrings) re-parses this file at import and costs a tenth of a second per command
    model_config = ConfigDict(extra="forbid", validate_default=False, str_strip_whitespace=False, defer_build=True)
    _loc: Loc | None = PrivateAttr(default=None)
    _field_locs: dict[str, Loc] = PrivateAttr(default_factory=dict)

    @model_validator(mode="wrap")
    @classmethod
    def _keep_loc(cls, data: Any, handler: Any) -> Any:
        obj = handler(data)
        loc = getattr(data, "loc", None)
        if loc is not None and isinstance(obj, Model):
            obj._loc = loc
            obj._field_locs = getattr(data, "value_locs", {})
        return obj

    @property
    def loc(self) -> Loc:
        return self._loc or Loc("<spec>")

    def where(self, field: str) -> Loc:
        """The place of one field's value, else of the whole item."""
        return self._field_locs.get(field, self.loc)


class Item(Model):
    """A bank item: addressed by id, optionally limited to some tiers."""

    id: Id
    """Unique id: lowercase letters, digits and '-'."""
    tiers: list[TierName] | None = None
    """Only in these tiers (support, core, challenge); default: all."""


class Callout(Model):
    kind: Literal["note", "did-you-know", "key-term"] = "note"
    """The box's kind: note, did-you-know or key-term."""
    title: Text | None = None
    """Heading of the box; default from the kind (“Did you know?”)."""
    text: Text
    """Prose in the box."""


class Section(Model):
    id: Id | None = None
    """Id (required in a bank)."""
    tiers: list[TierName] | None = None
    title: Text | None = None
    """The section's heading."""
    body: Text = ""
    """Prose: paragraphs, **bold**, *italic*, lists."""
    callouts: list[Callout] = []
    """Boxes beside the body (standard style, plain paragraphs, room permitting), else after it."""


class Source(Item):
    title: Text | None = None
    """Printed after the label: “Source A: TITLE”."""
    text: Text | None = None
    """The words of the source (prose)."""
    image: Text | None = None
    """A PNG or JPEG file, relative to this file."""
    caption: Text | None = None
    """Printed under an image."""
    attribution: Text | None = None
    """Provenance line, e.g. “Adapted from a memoir by ..., 1947.”"""

    @model_validator(mode="after")
    def _has_content(self) -> Source:
        if self.text is None and self.image is None:
            raise PydanticCustomError("source_empty", "a source needs 'text' or 'image'")
        return self


class AnswerSpace(Model):
    """How much room to leave: ruled lines, an empty box, or nothing."""

    lines: Annotated[int, Field(ge=0, le=MAX_LINES)] | None = None
    """Ruled writing lines (0: none)."""
    box: Text | None = None
    """An empty box of this height, e.g. 60mm."""

    @field_validator("box")
    @classmethod
    def _length(cls, value: str | None) -> str | None:
        if value is not None and parse_length(value) is None:
            raise PydanticCustomError("bad_length", "'{v}' is not a length such as 60mm, 6cm or 2.5in", {"v": value})
        return value

    @model_validator(mode="after")
    def _one(self) -> AnswerSpace:
        if self.lines is not None and self.box is not None:
            raise PydanticCustomError("answer_both", "give either 'lines' or 'box', not both")
        return self


def _answer(value: Any) -> Any:
    if isinstance(value, str) and value.strip().lower() == "none":
        return {"lines": 0}
    if isinstance(value, int) and not isinstance(value, bool):
        return {"lines": value}
    return value


Answer = Annotated[AnswerSpace, BeforeValidator(_answer)]

LENGTH = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(mm|cm|in|pt)\s*$")
UNIT_POINTS = {"mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0, "pt": 1.0}


def parse_length(text: str) -> float | None:
    """A length like `60mm` in points, or None."""
    match = LENGTH.match(text)
    return float(match.group(1)) * UNIT_POINTS[match.group(2)] if match else None


class Point(Model):
    text: Text
    """A creditworthy point."""
    marks: Marks = 1
    """Marks for it."""


def _point(value: Any) -> Any:
    return {"text": value} if isinstance(value, (str, int, float)) and not isinstance(value, bool) else value


BAND = re.compile(r"^\s*(\d+)\s*(?:[-–]\s*(\d+))?\s*$")


class Level(Model):
    marks: Text
    """The mark band, e.g. 7-8."""
    descriptor: Text
    """What an answer at this level does."""

    @field_validator("marks")
    @classmethod
    def _band(cls, value: str) -> str:
        match = BAND.match(value)
        if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
            raise PydanticCustomError("bad_band", "'{v}' is not a mark band such as 7-8 or 3", {"v": value})
        return value

    @property
    def band(self) -> tuple[int, int]:
        match = BAND.match(self.marks)
        assert match
        low = int(match.group(1))
        return low, int(match.group(2) or low)


class MarkScheme(Model):
    guidance: Text | None = None
    """Prose for the marker."""
    points: list[Annotated[Point, BeforeValidator(_point)]] = []
    """Marking points: text, or {text, marks}."""
    levels: list[Level] = []
    """Levels of response, highest first."""
    indicative: list[Text] = []
    """What students may include."""


class Scaffold(Model):
    hint: Text | None = None
    """A hint printed under the question (support tier)."""
    sentence_starters: list[Text] = []
    """Printed at the top of the answer space."""
    word_bank: list[Text] = []
    """Words printed in a box."""
    frame: list[Text] = []
    """Writing frame: one labelled box per step (Point, Evidence, ...)."""


class Part(Model):
    """A sub-question (a), (b)...: like a written question without an id."""

    prompt: Text
    marks: Marks
    answer: Answer | None = None
    model_answer: Text | None = None
    mark_scheme: MarkScheme | None = None
    scaffold: Scaffold | None = None
    tiers: list[TierName] | None = None


class WrittenQuestion(Item):
    type: Literal["written"] = "written"
    """Question type (written is the default)."""
    prompt: Text
    """The question (prose)."""
    marks: Marks | None = None
    """Marks; with parts, defaults to their sum."""
    answer: Answer | None = None
    """{lines: N}, {box: 60mm}, none, or a number of lines; default from the marks."""
    sources: list[Id] = []
    """Ids of sources the question uses."""
    model_answer: Text | None = None
    """Printed in the mark scheme only."""
    mark_scheme: MarkScheme | None = None
    """points, levels, indicative, guidance."""
    scaffold: Scaffold | None = None
    """Help printed in the support tier only."""
    extension: bool = False
    """true: challenge tier only."""
    parts: list[Part] = []
    """Sub-questions (a), (b)..."""

    @model_validator(mode="after")
    def _marks(self) -> WrittenQuestion:
        if not self.parts and self.marks is None:
            raise PydanticCustomError("marks_missing", "a written question without parts needs 'marks'")
        if self.parts and self.marks is not None:
            total = sum(p.marks for p in self.parts)
            if total != self.marks:
                raise PydanticCustomError(
                    "marks_sum", "marks is {m} but its parts add up to {t}", {"m": self.marks, "t": total}
                )
        return self

    @property
    def total(self) -> int:
        return sum(p.marks for p in self.parts) if self.parts else int(self.marks or 0)


def _no_repeats(values: list[str], where: str = "") -> list[str]:
    """Refuse a list in which an entry appears twice (it would make the answer ambiguous)."""
    seen: set[str] = set()
    for value in values:
        if value in seen:
            raise PydanticCustomError("repeated", "'{d}' appears twice{w}", {"d": value, "w": where})
        seen.add(value)
    return values


class _Closed(Item):
    """Shared keys of the closed question types (choice, true-false, cloze, matching, ordering)."""

    prompt: Text | None = None
    marks: Marks | None = None
    model_answer: Text | None = None
    mark_scheme: MarkScheme | None = None
    scaffold: Scaffold | None = None
    extension: bool = False
    sources: list[Id] = []

    @property
    def items_count(self) -> int:
        raise NotImplementedError

    @property
    def total(self) -> int:
        return int(self.marks) if self.marks is not None else self.items_count


def _indexes(value: Any) -> Any:
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in items):
        raise PydanticCustomError(
            "choice_index", "expected an option index (0 for the first option) or a list of them, found {v}",
            {"v": _describe(value)})
    return value


class ChoiceQuestion(_Closed):
    type: Literal["choice"]
    prompt: Text
    options: list[Text] = Field(min_length=2, max_length=26)
    """The options, lettered A, B, ..."""
    correct: Annotated[Any, BeforeValidator(_indexes), WithJsonSchema(
        {"anyOf": [{"type": "integer"}, {"type": "array", "items": {"type": "integer"}}]})]
    """Index of the correct option (0 is the first), or a list for several."""

    @field_validator("correct")
    @classmethod
    def _correct(cls, value: Any, info: ValidationInfo) -> Any:
        picks = list(value) if isinstance(value, list) else [value]
        options = info.data.get("options") or []
        if not picks:
            raise PydanticCustomError("choice_none", "give at least one option index")
        for pick in picks:
            if options and not 0 <= pick < len(options):
                raise PydanticCustomError(
                    "choice_range", "{p} is not an option index (0 to {n}; the first option is 0)",
                    {"p": pick, "n": len(options) - 1},
                )
        if len(set(picks)) != len(picks):
            raise PydanticCustomError("choice_dup", "an option is listed twice")
        return value

    @field_validator("options")
    @classmethod
    def _distinct_options(cls, value: list[str]) -> list[str]:
        return _no_repeats(value)

    @property
    def correct_list(self) -> list[int]:
        return list(self.correct) if isinstance(self.correct, list) else [self.correct]

    @property
    def items_count(self) -> int:
        return 1


class Statement(Model):
    text: Text = Field(min_length=1)
    answer: bool


class TrueFalseQuestion(_Closed):
    type: Literal["true-false"]
    statements: list[Statement] = Field(min_length=1)
    """Each {text, answer: true/false}."""

    @field_validator("statements")
    @classmethod
    def _non_empty(cls, value: list[Statement]) -> list[Statement]:
        for statement in value:
            if not statement.text.strip():
                raise PydanticCustomError("statement_empty", "a statement's text is empty")
        return value

    @property
    def items_count(self) -> int:
        return len(self.statements)


GAP = re.compile(r"\[\[(.*?)\]\]", re.S)


class ClozeQuestion(_Closed):
    type: Literal["cloze"]
    text: Text
    """Text with gaps marked [[answer]]."""
    word_bank: bool = False
    """Print the gap words (and distractors) in a box."""
    distractors: list[Text] = []
    """Extra words for the word bank."""

    @field_validator("text")
    @classmethod
    def _gaps(cls, value: str) -> str:
        gaps = GAP.findall(value)
        if not gaps:
            raise PydanticCustomError("cloze_gaps", "no gaps; mark each answer like [[1934]]")
        if any(not g.strip() for g in gaps):
            raise PydanticCustomError("cloze_empty", "a gap [[ ]] has no answer in it")
        return value

    @property
    def gaps(self) -> list[str]:
        return [g.strip() for g in GAP.findall(self.text)]

    @property
    def items_count(self) -> int:
        return len(self.gaps)


def _pair(value: Any) -> Any:
    if isinstance(value, list) and len(value) != 2:
        raise PydanticCustomError("pair_size", "a pair is [left, right]: two items, found {n}", {"n": len(value)})
    if isinstance(value, dict) and len(value) == 1 and not {"left", "right"} & set(value):
        (left, right), = value.items()
        return [left, right]
    if isinstance(value, dict) and {"left", "right"} <= set(value):
        return [value["left"], value["right"]]
    return value


Pair = Annotated[tuple[Text, Text], BeforeValidator(_pair)]


class MatchingQuestion(_Closed):
    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2, max_length=26)
    """[left, right] pairs; the right column is shuffled on the handout."""

    @field_validator("pairs")
    @classmethod
    def _distinct(cls, value: list[tuple[str, str]]) -> list[tuple[str, str]]:
        for side, name in ((0, "left"), (1, "right")):
            _no_repeats([p[side] for p in value], f" on the {name}")
        return value

    @property
    def items_count(self) -> int:
        return len(self.pairs)


class OrderingQuestion(_Closed):
    type: Literal["ordering"]
    items: list[Text] = Field(min_length=2, max_length=26)
    """Items in the right order; shuffled on the handout."""

    @field_validator("items")
    @classmethod
    def _distinct(cls, value: list[str]) -> list[str]:
        return _no_repeats(value)

    @property
    def items_count(self) -> int:
        return len(self.items)


QUESTION_TYPES: dict[str, type[Model]] = {
    "written": WrittenQuestion,
    "choice": ChoiceQuestion,
    "true-false": TrueFalseQuestion,
    "cloze": ClozeQuestion,
    "matching": MatchingQuestion,
    "ordering": OrderingQuestion,
}


def _question_tag(value: Any) -> str:
    if isinstance(value, dict):
        kind = value.get("type", "written")
        return kind if kind in QUESTION_TYPES else "unknown"
    return "written"


class UnknownQuestion(Item):
    """Only reached for an unknown `type:`; always fails with a list of the known ones."""

    type: str

    @model_validator(mode="before")
    @classmethod
    def _refuse(cls, data: Any) -> Any:
        known = ", ".join(QUESTION_TYPES)
        raise PydanticCustomError(
            "unknown_type", "unknown question type '{t}' (expected one of: {k})", {"t": data.get("type"), "k": known}
        )


Question = Annotated[
    Union[
        tuple(Annotated[model, Tag(tag)] for tag, model in QUESTION_TYPES.items())  # type: ignore[misc]
        + (Annotated[UnknownQuestion, Tag("unknown")],)
    ],
    Discriminator(_question_tag),
]


class QuestionSet(Item):
    title: Text | None = None
    """Heading printed above the questions."""
    intro: Text | None = None
    """Prose under the heading."""
    questions: list[Id] = Field(min_length=1)
    """Question ids, in order."""


class Bank(Model):
    """Reusable, id-addressed content: a bank file, or the inline content of a worksheet."""

    sections: list[Section] = Field(default=[], max_length=MAX_ITEMS)
    sources: list[Source] = Field(default=[], max_length=MAX_ITEMS)
    questions: list[Question] = Field(default=[], max_length=MAX_ITEMS)
    question_sets: list[QuestionSet] = Field(default=[], max_length=MAX_ITEMS)
    glossary: dict[str, Text] = Field(default={}, max_length=MAX_ITEMS)


# --- worksheet contents: one-key mappings, or the word page_break -------------------------


def _by_id_or_inline(value: Any) -> str:
    return "inline" if isinstance(value, dict) else "by-id"


class SectionRef(Model):
    section: Annotated[
        Union[Annotated[Id, Tag("by-id")], Annotated[Section, Tag("inline")]], Discriminator(_by_id_or_inline)
    ]


class SourcesRef(Model):
    sources: list[Id] = Field(min_length=1)

    @field_validator("sources", mode="before")
    @classmethod
    def _one(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


def _question_ids(value: Any) -> Any:
    """A question set id (text), or a list of question ids."""
    if isinstance(value, list):
        for item in value:
            if not isinstance(item, str):
                raise PydanticCustomError("bad_ids", "expected question ids, found {v}", {"v": _describe(item)})
            _check_id(item)
        return value
    if isinstance(value, str):
        return _check_id(value)
    raise PydanticCustomError("bad_ids", "expected a question set id or a list of question ids, found {v}",
                              {"v": _describe(value)})


class QuestionsRef(Model):
    questions: Annotated[Any, BeforeValidator(_question_ids)]
    title: Text | None = None
    intro: Text | None = None


class HeadingRef(Model):
    heading: Text


class TextRef(Model):
    text: Text


def _glossary_terms(value: Any) -> Any:
    if value == "all" or value is None:
        return "all"
    if isinstance(value, list):
        return [_as_text(v) for v in value]
    raise PydanticCustomError("glossary_terms", "expected 'all' or a list of terms, found {v}", {"v": _describe(value)})


class GlossaryRef(Model):
    glossary: Annotated[Any, BeforeValidator(_glossary_terms), WithJsonSchema(
        {"anyOf": [{"const": "all"}, {"type": "array", "items": {"type": "string"}}]})] = "all"


class PageBreak(Model):
    page_break: bool = True


CONTENT_KINDS = {
    "section": SectionRef,
    "sources": SourcesRef,
    "questions": QuestionsRef,
    "heading": HeadingRef,
    "text": TextRef,
    "glossary": GlossaryRef,
    "page_break": PageBreak,
}


def _content_before(value: Any) -> Any:
    if isinstance(value, str) and value.strip() in ("page_break", "page-break"):
        return {"page_break": True}
    return value


def _content_tag(value: Any) -> str:
    if isinstance(value, dict):
        for key in value:
            if key in CONTENT_KINDS:
                return key
        return "unknown"
    return "unknown"


class UnknownContent(Model):
    @model_validator(mode="before")
    @classmethod
    def _refuse(cls, data: Any) -> Any:
        kinds = ", ".join(CONTENT_KINDS)
        if isinstance(data, dict) and data:
            key = next(iter(data))
            close = difflib.get_close_matches(str(key), list(CONTENT_KINDS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise PydanticCustomError(
                "unknown_content", "unknown block '{k}'{h}; expected one of: {kinds}", {"k": key, "h": hint, "kinds": kinds}
            )
        raise PydanticCustomError("unknown_content", "expected a block such as 'section: ID' (one of: {kinds})", {"kinds": kinds})


ContentItem = Annotated[
    Union[
        tuple(Annotated[model, Tag(tag)] for tag, model in CONTENT_KINDS.items())  # type: ignore[misc]
        + (Annotated[UnknownContent, Tag("unknown")],)
    ],
    Discriminator(_content_tag),
    BeforeValidator(_content_before),
]


def _auto_or_bool(value: Any) -> Any:
    if value == "auto" or isinstance(value, bool):
        return value
    words = {"yes": True, "on": True, "no": False, "off": False}
    if isinstance(value, str) and value.lower() in words:
        return words[value.lower()]
    raise PydanticCustomError("auto_or_bool", "expected auto, true or false, found {v}", {"v": _describe(value)})


class Worksheet(Model):
    title: Text
    """The worksheet's title."""
    subtitle: Text | None = None
    """Under the title, e.g. the course."""
    uses: list[Text] = []
    """Content bank files, relative to this file."""
    paper: Annotated[Literal["A4", "letter"], BeforeValidator(_paper)] = "A4"
    """A4 or letter (reflowed, never scaled)."""
    student_fields: list[Text] = ["Name", "Class", "Date"]
    """Labelled writing lines under the title."""
    instructions: Text | None = None
    """Prose in the instructions box."""
    time_allowed: Text | None = None
    """Printed in the instructions box."""
    contents: list[ContentItem] = Field(min_length=1, max_length=MAX_ITEMS)
    """The blocks, in order: section, sources, questions, heading, text, glossary, page_break."""
    tiers: list[TierName] = Field(default=["core"], min_length=1)
    """Versions to build: support, core, challenge."""
    styles: list[StyleName] = Field(default=["standard"], min_length=1)
    """Styles to build: standard, large-print, dyslexia."""
    mark_scheme: bool = True
    """Build the mark scheme."""
    source_insert: bool = False
    """Put the sources in a separate insert PDF."""
    grading_table: Annotated[Any, BeforeValidator(_auto_or_bool), WithJsonSchema(
        {"anyOf": [{"const": "auto"}, {"type": "boolean"}]})] = "auto"
    """Question/marks/awarded table on page 1: auto (from 10 questions), true or false."""
    show_tier_labels: bool = False
    """Print the tier's name on student copies."""
    tier_labels: dict[TierName, Text] | None = None
    """Names to print for the tiers (implies showing them)."""
    variants: Annotated[int, Field(ge=1, le=MAX_VARIANTS)] = 1
    """Shuffled versions A, B, ... to build."""


class WorksheetFile(Bank):
    """A worksheet spec: `worksheet:` plus optional inline bank content."""

    worksheet: Worksheet


# --- validation errors to FILE:LINE:COLUMN lines -------------------------------------------


def _field_name(path: tuple[Any, ...]) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "the file"


def _unwrap(annotation: Any) -> list[Any]:
    """The model classes an annotation can hold (through Optional, list, Annotated, Union)."""
    origin = typing.get_origin(annotation)
    if origin is Annotated:
        return _unwrap(typing.get_args(annotation)[0])
    if origin in (Union, types.UnionType, list, tuple, dict):
        found = []
        for arg in typing.get_args(annotation):
            found.extend(_unwrap(arg))
        return found
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return []


def _strip_tags(path: tuple[Any, ...]) -> tuple[Any, ...]:
    """Drop the tags pydantic puts after the index of a tagged-union list (the data has no such key)."""
    out = []
    for i, part in enumerate(path):
        if i >= 2 and isinstance(path[i - 1], int) and (
            (path[i - 2] == "contents" and part in CONTENT_KINDS or part == "unknown")
            or (path[i - 2] == "questions" and (part in QUESTION_TYPES or part == "unknown"))
        ):
            continue
        if part in _INNER_TAGS:
            continue
        out.append(part)
    return tuple(out)


def _allowed_keys(root: type[BaseModel], path: tuple[Any, ...]) -> list[str]:
    """The keys allowed at `path`, found by walking the model classes (for did-you-mean)."""
    candidates: list[type[BaseModel]] = [root]
    previous: Any = None
    for part in path:
        after_index, previous = isinstance(previous, int), part
        if isinstance(part, int) or part in _INNER_TAGS:
            continue
        tag_match: list[type[BaseModel]] = []
        if after_index and part in CONTENT_KINDS:
            tag_match = [c for c in candidates if CONTENT_KINDS[part] is c]
        if after_index and not tag_match and part in QUESTION_TYPES:
            tag_match = [c for c in candidates if c is QUESTION_TYPES[part]]
        if tag_match:
            candidates = tag_match
            continue
        following: list[type[BaseModel]] = []
        for model in candidates:
            field = model.model_fields.get(part)
            if field is not None:
                following.extend(_unwrap(field.annotation))
        candidates = following or candidates
    keys: list[str] = []
    for model in candidates:
        keys.extend(k for k in model.model_fields if k not in keys)
    return keys


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= 40 else text[:37] + "...'"


def validation_problems(error: ValidationError, loaded: Loaded, root_model: type[BaseModel]) -> list[Problem]:
    """Turn pydantic's errors into one FILE:LINE:COLUMN line each, naming the field."""
    fallback = Loc(loaded.name, 1, 1)
    problems = []
    for item in error.errors(include_url=False):
        path = tuple(item["loc"])
        kind = item["type"]
        clean = _strip_tags(path)
        if kind == "extra_forbidden":
            key = clean[-1]
            allowed = _allowed_keys(root_model, path[:-1])
            close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            message = f"unknown key '{key}' in {_field_name(clean[:-1])}{hint}"
            problems.append(Problem(locate(loaded.data, clean, fallback, key=True), message))
            continue
        field = _field_name(clean)
        if kind == "too_long" and "max_length" in item.get("ctx", {}):
            ctx = item["ctx"]
            message = f"{field}: at most {ctx['max_length']} items allowed, found {ctx.get('actual_length', 'more')}"
            problems.append(Problem(locate(loaded.data, clean, fallback), message))
            continue
        if kind == "too_short" and "min_length" in item.get("ctx", {}):
            ctx = item["ctx"]
            least = ctx["min_length"]
            message = f"{field}: needs at least {least} item{'' if least == 1 else 's'}, found {ctx.get('actual_length', 0)}"
            problems.append(Problem(locate(loaded.data, clean, fallback), message))
            continue
        if kind in ("model_type", "model_attributes_type", "dict_type"):
            message = f"{field}: expected a mapping of keys and values (got {_describe(item.get('input'))})"
            problems.append(Problem(locate(loaded.data, clean, fallback), message))
            continue
        if kind == "missing":
            message = f"{_field_name(clean[:-1])}: missing required key '{clean[-1]}'"
        else:
            msg = item["msg"]
            msg = msg[0].lower() + msg[1:] if msg else msg
            if not isinstance(item.get("input"), (dict, list)) and kind.startswith(
                ("string_", "int_", "bool_", "list_", "dict_", "model_", "literal_", "float_", "greater", "less", "too_")
            ):
                msg = f"{msg} (got {_describe(item.get('input'))})"
            message = f"{field}: {msg}"
        problems.append(Problem(locate(loaded.data, clean, fallback), message))
    return _without_explained_missing(problems)


def _without_explained_missing(problems: list[Problem]) -> list[Problem]:
    """A misspelt key gives 'unknown key ... (did you mean X?)'; then 'missing required key X' says nothing new."""
    suggested = {(p.message.split(" in ", 1)[1].split(" (did you mean")[0], p.message.rsplit("'", 2)[-2])
                 for p in problems if p.message.startswith("unknown key") and "did you mean" in p.message}
    kept = []
    for p in problems:
        if ": missing required key '" in p.message:
            where, key = p.message.split(": missing required key '")
            if (where, key.rstrip("'")) in suggested:
                continue
        kept.append(p)
    return kept


_INNER_TAGS = {"by-id", "inline"}


# --- booklets --------------------------------------------------------------------------------


class Divider(Model):
    title: Text
    """The divider page's title."""
    text: Text | None = None
    """Prose under it."""


class BookletPart(Model):
    """One part: a worksheet spec (optionally one tier and style), an existing PDF, or a divider page."""

    worksheet: Text | None = None
    """A worksheet spec file."""
    pdf: Text | None = None
    """An existing PDF, included as it is."""
    divider: Divider | None = None
    """A divider page: {title, text}."""
    title: Text | None = None  # for the contents page and bookmarks; defaults to the part's own title
    """Title on the contents page and in the bookmarks."""
    tier: TierName | None = None
    """The worksheet's tier (default core)."""
    style: StyleName | None = None
    """The worksheet's style."""

    @model_validator(mode="after")
    def _one_kind(self) -> BookletPart:
        kinds = [k for k in ("worksheet", "pdf", "divider") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise PydanticCustomError("part_kind", "a part is one of 'worksheet: FILE', 'pdf: FILE' or 'divider: {...}'")
        if (self.tier or self.style) and self.worksheet is None:
            raise PydanticCustomError("part_tier", "'tier' and 'style' go with a 'worksheet' part")
        return self


class Booklet(Model):
    title: Text
    """The booklet's title (cover)."""
    subtitle: Text | None = None
    """Under the title on the cover."""
    cover: bool = True
    """Print a cover page."""
    cover_image: Text | None = None
    """An image for the cover."""
    contents_page: bool = True
    """Print a contents page."""
    paper: Annotated[Literal["A4", "letter"], BeforeValidator(_paper)] = "A4"
    """A4 or letter: the booklet's pages and its separate mark schemes (an a5-booklet's pages are A5)."""
    parts: list[BookletPart] = Field(min_length=1)
    """worksheet, pdf or divider parts, in order."""
    start_parts_on: Literal["any", "odd"] = "any"
    """odd: each part starts on a right-hand page (duplex)."""
    impose: Literal["none", "a5-booklet", "a4-on-a3"] = "none"
    """Also make a saddle-stitched print file: a5-booklet lays the pages out on A5, two to an A4 sheet."""
    mark_schemes: Literal["separate", "appendix", "none"] = "separate"
    """Mark schemes in a separate PDF, appended, or none."""
    style: StyleName = "standard"  # of the booklet's own pages: cover, contents, dividers
    """Style of the cover, contents and divider pages."""


class BookletFile(Model):
    booklet: Booklet
