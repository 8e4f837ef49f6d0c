"""GIFT, Moodle's text format for questions: the types it can hold, each question a paragraph of its own in a
category named after the worksheet. Choice, true-false (one item per statement), matching, a cloze with one
gap (a missing word; from a word bank, a missing word to choose), numeric with its tolerance, written
questions as essays whose general feedback holds the mark scheme; sections and sources as descriptions.
What GIFT cannot hold (ordering, a cloze of several gaps, the puzzles) is named in a note and left out."""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from worksheets import document as d
from worksheets.document.layout import NO_PAGES
from worksheets.document.prose import Figure, plain
from worksheets.vocab import DEFAULT_TIER, TIER_TITLES
from worksheets.writers.contract import Rendered, RenderUnit
from worksheets.writers.html import Pictures, prose_html, short_html, text_html
from worksheets.writers.quiz import grader_info, holds, kind_name, minus, question_name, tolerance

SPECIAL = str.maketrans({c: f"\\{c}" for c in "~=#{}:"})
"""The characters GIFT reads as its own, escaped wherever text goes."""


class Unsupported(Exception):
    """This question cannot be written in GIFT (the message says why)."""


def escape(text: str) -> str:
    """Text or HTML as GIFT holds it: its own characters escaped, on one line."""
    return " ".join(text.translate(SPECIAL).split("\n"))


def _html(prose: d.Prose) -> str:
    """Prose as one line of HTML (pictures cannot travel in GIFT, so they keep only their caption)."""
    return escape(prose_html(tuple(_captioned(b) for b in prose), Pictures("")))


def _short(prose: d.Prose) -> str:
    """An option or a matching item as one line of inline HTML."""
    return escape(short_html(tuple(_captioned(b) for b in prose), Pictures("")))


def _captioned(block: d.ProseBlock) -> d.ProseBlock:
    return d.Para((d.Run(f"[picture: {block.caption or block.name}]"),)) if isinstance(block, Figure) else block


def _item(name: str, text: str, answers: str, feedback: str = "") -> str:
    tail = f" {{{answers}{f' ####{feedback}' if feedback else ''}}}"
    return f"::{escape(name)}::[html]{text}{tail}"


@singledispatch
def _closed(detail: object, q: d.Question, name: str) -> list[str]:
    raise TypeError(f"no GIFT for {type(detail).__name__}")


@_closed.register
def _(detail: d.Choice, q: d.Question, name: str) -> list[str]:
    if detail.ticks == 1:
        options = " ".join(("=" if i in detail.correct else "~") + _short(o) for i, o in enumerate(detail.options))
    else:
        share = f"{100 / len(detail.correct):.5g}"
        options = " ".join(f"~%{share if i in detail.correct else '-100'}%" + _short(o)
                           for i, o in enumerate(detail.options))
    return [_item(name, _html(q.prompt), options)]


@_closed.register
def _(detail: d.TrueFalse, q: d.Question, name: str) -> list[str]:
    return [_item(f"{name} ({i + 1})", _html(q.prompt) + " " + _html(statement), "T" if truth else "F")
            for i, (statement, truth) in enumerate(zip(detail.statements, detail.answers, strict=True))]


@_closed.register
def _(detail: d.Matching, q: d.Question, name: str) -> list[str]:
    pairs = " ".join(f"={_short(left)} -> {escape(plain(detail.right[j]))}"
                     for left, j in zip(detail.left, detail.key, strict=True))
    return [_item(name, _html(q.prompt), pairs)]


@_closed.register
def _(detail: d.Cloze, q: d.Question, name: str) -> list[str]:
    if len(detail.answers) != 1:
        raise Unsupported(f"a gap fill of {len(detail.answers)} gaps: GIFT holds one")
    answer = detail.answers[0]
    choices = f"={escape(answer)}" + "".join(f" ~{escape(w)}" for w in detail.word_bank if w != answer)
    text = _html(detail.text)
    before, _, after = text.partition("____")  # html.py marks a gap the caller does not write as ____
    return [f"::{escape(name)}::[html]{_html(q.prompt)} {before}{{{choices}}}{after}"]


@_closed.register
def _(detail: d.Numeric, q: d.Question, name: str) -> list[str]:
    units = f" ({escape(detail.units)})" if detail.units else ""
    return [_item(name, _html(q.prompt) + units, f"#{minus(detail.value)}:{tolerance(detail)}")]


def _written(q: d.Question, name: str, stem: str = "") -> list[str]:
    if q.parts:
        return [x for part in q.parts for x in _written(part, question_name(part), _html(q.prompt) + " ")]
    feedback = escape(grader_info(q, lambda prose: prose_html(prose, Pictures(""))))
    return [_item(name, stem + _html(q.prompt), "", feedback)]


@singledispatch
def _block(block: object, doc: d.Document, notes: list[str]) -> list[str]:
    return []  # headings, text, glossaries and page breaks belong to the printed page


@_block.register
def _(block: d.QuestionsBlock, doc: d.Document, notes: list[str]) -> list[str]:
    out: list[str] = []
    for q in block.questions:
        name = question_name(q)
        try:
            if q.detail is None:
                out += _written(q, name)
            elif not holds("gift", q):
                raise Unsupported(kind_name(q.kind))
            else:
                out += _closed(q.detail, q, name)
        except Unsupported as why:
            notes.append(f"{doc.source}: question {q.number} ({why}) cannot go in GIFT: left out")
    return out


@_block.register
def _(block: d.SourceBlock, doc: d.Document, notes: list[str]) -> list[str]:
    title = f"Source {block.letter}" + (f": {block.title}" if block.title else "")
    text = f"<h3>{escape(text_html(title))}</h3>{_html(block.text)}"
    if block.image is not None:
        text += _html((Figure(str(block.image), block.caption or "", block.image),))
    return [f"::{escape(title)}::[html]{text}{_html(block.attribution)}"]


@_block.register
def _(block: d.SectionBlock, doc: d.Document, notes: list[str]) -> list[str]:
    title = block.title or "Notes"
    return [f"::{escape(title)}::[html]<h3>{escape(text_html(title))}</h3>{_html(block.body)}"]


def render(unit: RenderUnit) -> Rendered:
    """The version as a GIFT file, and a note for each question left out."""
    doc = unit.document
    tier = f" ({TIER_TITLES[doc.tier]} tier)" if doc.tier != DEFAULT_TIER else ""
    notes: list[str] = []
    items = [f"$CATEGORY: $course$/top/{doc.title}{tier}"]
    for block in doc.blocks:
        items += _block(block, doc, notes)
    return Rendered(("\n\n".join(items) + "\n").encode("utf-8"), NO_PAGES, tuple(notes))


def detail_handlers() -> tuple[Any, ...]:
    """The dispatcher each question type this format claims needs a handler in."""
    return (_closed,)
