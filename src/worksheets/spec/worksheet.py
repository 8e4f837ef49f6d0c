"""A worksheet spec: the `worksheet:` settings and its contents, blocks of one key each."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Discriminator,
    Field,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from worksheets.spec.bank import Bank
from worksheets.spec.base import MAX_ITEMS, MAX_VARIANTS, Id, Model, Text, as_text, check_id, describe, paper_name
from worksheets.spec.content import Section
from worksheets.spec.yaml import Map
from worksheets.style.words import DEFAULT_LANGUAGE, Words
from worksheets.vocab import (
    DEFAULT_AUDIENCE,
    DEFAULT_STYLE,
    DEFAULT_TIER,
    AudienceName,
    HouseStyleName,
    PaperName,
    ShuffleName,
    StyleName,
    TierName,
)


def _by_id_or_inline(value: Any) -> str:
    return "inline" if isinstance(value, dict) else "by-id"


STANDARD_FIELDS = ("name", "class", "date")
"""The student fields every worksheet has unless it says otherwise, by their word's key."""


class SectionRef(Model):
    """`section: ID`, or a section written inline."""

    section: Annotated[
        Annotated[Id, Tag("by-id")] | Annotated[Section, Tag("inline")], Discriminator(_by_id_or_inline)
    ]
    """A bank section's id, or a section written here ({title, body, callouts})."""


class SourcesRef(Model):
    """`sources: [ID, ...]`: print these sources here, lettered in order of first appearance."""

    sources: list[Id] = Field(min_length=1)
    """Source ids (or one id)."""

    @field_validator("sources", mode="before")
    @classmethod
    def _one(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


def _question_ids(value: Any) -> Any:
    """A question set id (text), or a list of question ids."""
    if isinstance(value, list):
        for item in value:
            if not isinstance(item, str):
                raise PydanticCustomError("bad_ids", "expected question ids, found {v}", {"v": describe(item)})
            check_id(item)
        return value
    if isinstance(value, str):
        return check_id(value)
    raise PydanticCustomError("bad_ids", "expected a question set id or a list of question ids, found {v}",
                              {"v": describe(value)})


GROUP_KEYS = ("ids", "from", "draw", "keep_order")
"""Of the mapping forms `questions: {ids: [...], keep_order: true}` and `questions: {from: POOL, draw: N}`."""


def _grouped(data: Any) -> Any:
    """`questions: {ids: X, keep_order: true}` is `questions: X` with `keep_order: true` beside it (places kept);
    `questions: {from: X, draw: N}` is `questions: X` with `draw: N` beside it."""
    group = data.get("questions") if isinstance(data, Map) else None
    if not isinstance(group, Map):
        return data
    unknown = [key for key in group if key not in GROUP_KEYS]
    ids = "from" if "from" in group else "ids"
    trouble = (f"unknown key '{unknown[0]}'" if unknown else "give 'ids' or 'from', not both" if "ids" in group
               and "from" in group else "missing key 'ids' (or 'from' with 'draw')" if ids not in group else
               "'from' needs 'draw': how many questions to draw" if ids == "from" and "draw" not in group else
               "'draw' goes with 'from', the pool to draw from" if "draw" in group and ids == "ids" else None)
    if trouble:
        raise PydanticCustomError("questions_group", "questions: {what} (a mapping here takes {keys})",
                                  {"what": trouble, "keys": ", ".join(GROUP_KEYS)})
    kept = {k: group[k] for k in ("keep_order", "draw") if k in group}
    for key in kept:  # the block's own places, read from the raw mapping once it is validated (Model._keep_loc)
        data.value_locs.setdefault(key, group.value_locs[key])
    flat = Map({**data, "questions": group[ids], **kept})
    flat.loc, flat.key_locs = data.loc, {**data.key_locs, **group.key_locs}
    flat.value_locs = {**data.value_locs, "questions": group.value_locs[ids], **{
        k: v for k, v in group.value_locs.items() if k in kept}}
    return flat


class QuestionsRef(Model):
    """`questions: SET` or `questions: [ID, ...]` (or `{ids: ..., keep_order: true}`): numbered questions,
    with any sources they need first."""

    questions: Annotated[Any, BeforeValidator(_question_ids)]
    """A question set's id, or a list of question ids."""
    title: Text | None = None
    """Heading above the questions (default: the set's title)."""
    intro: Text | None = None
    """Prose under the heading (default: the set's intro)."""
    keep_order: bool = False
    """true: variants keep these questions in this order (a question that refers to a later one; easy to hard)."""
    draw: Annotated[int, Field(ge=1, le=MAX_ITEMS)] | None = None
    """With `questions: {from: POOL, draw: N}`: print N of the pool's questions, a different draw for each
    variant (and each student, with per_student); the pool's questions must carry equal marks."""

    @model_validator(mode="before")
    @classmethod
    def _group(cls, data: Any) -> Any:
        return _grouped(data)


class HeadingRef(Model):
    """`heading: TEXT`: a heading on its own."""

    heading: Text
    """The heading's text."""


class TextRef(Model):
    """`text: PROSE`: a paragraph or more of prose."""

    text: Text
    """The prose."""


def _glossary_terms(value: Any) -> Any:
    if value == "all" or value is None:
        return "all"
    if isinstance(value, list):
        terms = [as_text(v) for v in value]
        for term in terms:
            if not isinstance(term, str):
                raise PydanticCustomError("glossary_terms", "each glossary term must be text, found {v}",
                                          {"v": describe(term)})
        return terms
    raise PydanticCustomError("glossary_terms", "expected 'all' or a list of terms, found {v}", {"v": describe(value)})


class GlossaryRef(Model):
    """`glossary: all` or `glossary: [TERM, ...]`: a table of terms, alphabetical."""

    glossary: Annotated[Any, BeforeValidator(_glossary_terms), WithJsonSchema(
        {"anyOf": [{"const": "all"}, {"type": "array", "items": {"type": "string"}}]})] = "all"
    """all, or the terms to print."""


class PageBreak(Model):
    """`page_break` (or `page_break: true`): what follows starts a new page."""

    page_break: bool = True
    """true: start a new page here."""


CONTENT_KINDS: dict[str, type[Model]] = {
    "section": SectionRef,
    "sources": SourcesRef,
    "questions": QuestionsRef,
    "heading": HeadingRef,
    "text": TextRef,
    "glossary": GlossaryRef,
    "page_break": PageBreak,
}
"""Every kind of contents block, by its key."""


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
    """Only reached for a block of no known kind; always fails with a list of the known ones."""

    @model_validator(mode="before")
    @classmethod
    def _refuse(cls, data: Any) -> Any:
        kinds = ", ".join(CONTENT_KINDS)
        if isinstance(data, dict) and data:
            key = next(iter(data))
            close = difflib.get_close_matches(str(key), list(CONTENT_KINDS), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise PydanticCustomError("unknown_content", "unknown block '{k}'{h}; expected one of: {kinds}",
                                      {"k": key, "h": hint, "kinds": kinds})
        raise PydanticCustomError("unknown_content", "expected a block such as 'section: ID' (one of: {kinds})",
                                  {"kinds": kinds})


if TYPE_CHECKING:
    ContentItem = Model  # one of CONTENT_KINDS: all a type checker can know of it
else:  # the members are made from CONTENT_KINDS at run time
    ContentItem = Annotated[
        Union[(*(Annotated[model, Tag(tag)] for tag, model in CONTENT_KINDS.items()),
               Annotated[UnknownContent, Tag("unknown")])],
        Discriminator(_content_tag),
        BeforeValidator(_content_before),
    ]


def _auto_or_bool(value: Any) -> Any:
    if value == "auto" or isinstance(value, bool):
        return value
    words = {"yes": True, "on": True, "no": False, "off": False}
    if isinstance(value, str) and value.lower() in words:
        return words[value.lower()]
    raise PydanticCustomError("auto_or_bool", "expected auto, true or false, found {v}", {"v": describe(value)})


Paper = Annotated[PaperName, BeforeValidator(paper_name)]


def known_language(value: str) -> str:
    from worksheets.style.words import languages

    if value not in languages():
        raise PydanticCustomError("language", "unknown language {v}: expected one of {known}",
                                  {"v": describe(value), "known": ", ".join(languages())})
    return value


def _labels(value: dict[str, str]) -> dict[str, str]:
    from worksheets.style.words import keys

    for key in value:
        if key not in keys():
            close = difflib.get_close_matches(key, keys(), n=1)
            hint = f" (did you mean {close[0]}?)" if close else ""
            raise PydanticCustomError("label_key", "labels: {v} names no word the page prints{hint}; the words are "
                                      "{known}", {"v": describe(key), "hint": hint, "known": ", ".join(keys())})
    return value


MAX_FIELD_LABEL = 40  # characters: a label longer than this leaves no room to write on its line


def _field_labels(value: list[str]) -> list[str]:
    for label in value:
        if len(label) > MAX_FIELD_LABEL:
            raise PydanticCustomError("label_long", "a field label of {n} characters leaves no room to write (at most "
                                      "{most})", {"n": len(label), "most": MAX_FIELD_LABEL})
    return value


class Worksheet(Model):
    """The worksheet itself: title, settings, the versions to build, and its contents in order."""

    title: Text
    """The worksheet's title."""
    subtitle: Text | None = None
    """Under the title, e.g. the course."""
    uses: list[Text] = []
    """Content bank files, relative to this file."""
    paper: Paper = "A4"
    """A4 or letter (reflowed, never scaled)."""
    student_fields: Annotated[list[Text], AfterValidator(_field_labels)] | None = None
    """Labelled writing lines under the title (default: Name, Class and Date, in the worksheet's language; those three,
    written in any case, print in it too)."""
    instructions: Text | None = None
    """Prose in the instructions box."""
    time_allowed: Text | None = None
    """Printed in the instructions box."""
    contents: list[ContentItem] = Field(min_length=1, max_length=MAX_ITEMS)
    """The blocks, in order: section, sources, questions, heading, text, glossary, page_break."""
    tiers: list[TierName] = Field(default=[DEFAULT_TIER], min_length=1)
    """Versions to build: support, core, challenge."""
    styles: list[StyleName] = Field(default=[DEFAULT_STYLE], min_length=1)
    """Styles to build: standard, large-print, dyslexia."""
    mark_scheme: bool = True
    """Build the mark scheme."""
    source_insert: bool = False
    """Put the sources in a separate insert PDF."""
    scan_marking: bool = False
    """Print corner marks and a QR code on every page and a row of marker's boxes for each written question, for
    marking the class's scanned papers."""
    grading_table: Annotated[Any, BeforeValidator(_auto_or_bool), WithJsonSchema(
        {"anyOf": [{"const": "auto"}, {"type": "boolean"}]})] = "auto"
    """Question/marks/awarded table on page 1: auto (from 10 questions), true or false."""
    show_tier_labels: bool = False
    """Print the tier's name on student copies."""
    tier_labels: dict[TierName, Text] | None = None
    """Names to print for the tiers (implies showing them)."""
    variants: Annotated[int, Field(ge=1, le=MAX_VARIANTS)] = 1
    """Shuffled versions A, B, ... to build."""
    shuffle: ShuffleName = "both"
    """What variants shuffle: both (the questions in each block and the options of choice questions), options,
    questions, or none. Matching and ordering questions are always shuffled: their order is the answer."""
    seed: Annotated[int, Field(ge=0, le=2**31)] | None = None
    """Changes every draw, shuffle and random value, reproducibly (a retake paper: a new seed)."""
    house_style: HouseStyleName = "plain"
    """How an exam board prints its papers: plain (ours), aqa (boxed numbers 0 1, 0 1 . 1; [4 marks]; "Do not
    write outside the box"; candidate number boxes), edexcel ((4), then (Total for Question 2 = 12 marks); "DO NOT
    WRITE IN THIS AREA") or ocr ([4]; * on questions with extended_response: true)."""
    audience: AudienceName = DEFAULT_AUDIENCE
    """secondary, or primary: no marks, totals or exam furniture, a friendly literacy font at 14 pt or more, and
    handwriting ruling where no answer space is given (combines with large print and dyslexia)."""
    language: Annotated[str, AfterValidator(known_language)] = DEFAULT_LANGUAGE
    """The language of the words the page itself prints (Name, Page 1 of 4, [2 marks], True, Tick one box):
    en, cy, fr, de or es."""
    labels: Annotated[dict[str, Text], AfterValidator(_labels)] | None = None
    """The page's own words to print instead of the language's, by key (`name: Enw`, `marks: "[{n} pt]"`)."""
    accessible: bool = False
    """Every picture must have `alt:` text (a problem where one has none; otherwise `check` warns): for a
    worksheet published for screen readers. Every PDF is tagged either way."""
    per_student: bool = False
    """With a class list: each student's copy gets its own draw, shuffles and values, keyed by their name, and
    each their own answer key."""

    def words(self) -> Words:
        """The words the page itself prints: the language's, with the labels over them."""
        return Words(self.language, tuple((self.labels or {}).items()))

    def fields(self) -> list[str]:
        """The student fields to print: as written, or Name, Class and Date in the worksheet's language. A field
        written as one of those three (`name`, `Class`...) is that word in the worksheet's language too."""
        words = self.words()
        if self.student_fields is None:
            return [words(key) for key in STANDARD_FIELDS]
        keys = [field.strip().lower() for field in self.student_fields]
        return [words(key) if key in STANDARD_FIELDS else field for key, field in zip(keys, self.student_fields,
                                                                                      strict=True)]


class WorksheetFile(Bank):
    """A worksheet spec: `worksheet:` plus optional inline bank content."""

    worksheet: Worksheet
    """The worksheet: title, settings and contents."""

