"""A content bank: sections, sources, questions of every registered type, question sets and a glossary."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Union

from pydantic import Discriminator, Field, Tag, model_validator
from pydantic_core import PydanticCustomError

from worksheets.qtypes import QUESTION_TYPES
from worksheets.spec.base import MAX_ITEMS, Id, Item, Model, Text, describe
from worksheets.spec.content import Section, Source


def _question_tag(value: Any) -> str:
    if isinstance(value, dict):
        kind = value.get("type", "written")
        return kind if isinstance(kind, str) and kind in QUESTION_TYPES else "unknown"
    return "written"


class UnknownQuestion(Item):
    """Only reached for an unknown `type:`; always fails with a list of the known ones."""

    type: str

    @model_validator(mode="before")
    @classmethod
    def _refuse(cls, data: Any) -> Any:
        known = ", ".join(QUESTION_TYPES)
        kind = data.get("type")
        if not isinstance(kind, str):
            raise PydanticCustomError("type_name", "the question type must be one of: {k} (found {t})",
                                      {"t": describe(kind), "k": known})
        raise PydanticCustomError("unknown_type", "unknown question type '{t}' (expected one of: {k})",
                                  {"t": kind, "k": known})


if TYPE_CHECKING:
    Question = Item  # a question of any registered type: all a type checker can know of it
else:  # the members are only known at run time, from the registry
    Question = Annotated[
        Union[(*(Annotated[t.model, Tag(name)] for name, t in QUESTION_TYPES.items()),
               Annotated[UnknownQuestion, Tag("unknown")])],
        Discriminator(_question_tag),
    ]


class QuestionSet(Item):
    """Questions grouped under a heading, to use together by the set's id."""

    title: Text | None = None
    """Heading printed above the questions."""
    intro: Text | None = None
    """Prose under the heading."""
    questions: list[Id] = Field(min_length=1)
    """Question ids, in order."""


class Bank(Model):
    """Reusable, id-addressed content: a bank file, or the inline content of a worksheet."""

    sections: list[Section] = Field(default=[], max_length=MAX_ITEMS)
    """Sections of notes, by id."""
    sources: list[Source] = Field(default=[], max_length=MAX_ITEMS)
    """Sources, by id."""
    questions: list[Question] = Field(default=[], max_length=MAX_ITEMS)
    """Questions, by id; `type:` is one of the question types (default written)."""
    question_sets: list[QuestionSet] = Field(default=[], max_length=MAX_ITEMS)
    """Question sets, by id."""
    glossary: dict[str, Text] = Field(default={}, max_length=MAX_ITEMS)
    """Terms and their meanings."""
