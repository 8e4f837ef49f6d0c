"""Each closed question type's answer as data and as one short line of text, from its detail node: what an
answer key prints for a student's own copy and what the class record stores for marking. One handler per
detail type (a test checks none is missing)."""

from __future__ import annotations

from functools import singledispatch
from typing import Any

from worksheets import document as d
from worksheets.document import letters
from worksheets.document.prose import plain

ARROWS = {(0, 1): "→", (1, 0): "↓", (1, 1): "↘", (-1, 1): "↗", (0, -1): "←", (-1, 0): "↑", (-1, -1): "↖",
          (1, -1): "↙"}
"""A hidden word's direction, as the key prints it."""


@singledispatch
def answer(detail: object) -> Any:
    """The answer as JSON-ready data."""
    raise TypeError(f"no answer for {type(detail).__name__}")


@answer.register
def _(detail: d.Choice) -> Any:
    return [letters(i) for i in detail.correct]


@answer.register
def _(detail: d.TrueFalse) -> Any:
    return list(detail.answers)


@answer.register
def _(detail: d.Cloze) -> Any:
    return list(detail.answers)


@answer.register
def _(detail: d.Matching) -> Any:
    return {str(i + 1): letters(j) for i, j in enumerate(detail.key)}


@answer.register
def _(detail: d.Ordering) -> Any:
    return [letters(i) for i in detail.order]


@answer.register
def _(detail: d.Numeric) -> Any:
    return {"value": detail.value, "units": detail.units, "from": detail.low or detail.value,
            "to": detail.high or detail.value}


@answer.register
def _(detail: d.WordSearch) -> Any:
    return {word: {"row": r + 1, "column": c + 1, "way": ARROWS[(dr, dc)]}
            for word, (r, c, dr, dc, _) in zip(detail.words, detail.where, strict=True)}


@answer.register
def _(detail: d.Crossword) -> Any:
    return {"across": {str(c.number): c.answer for c in detail.across},
            "down": {str(c.number): c.answer for c in detail.down}}


@answer.register
def _(detail: d.Label) -> Any:
    return {str(i + 1): text for i, text in enumerate(detail.answers)}


def answer_text(q: d.Question) -> str:
    """The answer on one line: 'B', '1 true, 2 false', '24.5 cm² (24.4 to 24.6)', or the model answer."""
    if q.detail is None:
        return plain(q.model_answer)
    return _text(q.detail)


@singledispatch
def _text(detail: object) -> str:
    data = answer(detail)
    if isinstance(data, dict):
        return ", ".join(f"{k} {v}" for k, v in data.items())
    return ", ".join(str(x) for x in data)


@_text.register
def _(detail: d.TrueFalse) -> str:
    return ", ".join(f"{i + 1} {'true' if a else 'false'}" for i, a in enumerate(detail.answers))


@_text.register
def _(detail: d.Cloze) -> str:
    return ", ".join(f"({i + 1}) {a}" for i, a in enumerate(detail.answers))


@_text.register
def _(detail: d.Ordering) -> str:
    return " then ".join(letters(i) for i in detail.order)


@_text.register
def _(detail: d.Numeric) -> str:
    units = f" {detail.units}" if detail.units else ""
    shown = f"{detail.value}{units}"
    return f"{shown} (accept {detail.low} to {detail.high})" if detail.low else shown


@_text.register
def _(detail: d.WordSearch) -> str:
    return ", ".join(f"{word} row {r + 1} column {c + 1} {ARROWS[(dr, dc)]}"
                     for word, (r, c, dr, dc, _) in zip(detail.words, detail.where, strict=True))


@_text.register
def _(detail: d.Crossword) -> str:
    across = ", ".join(f"{c.number} {c.answer}" for c in detail.across)
    down = ", ".join(f"{c.number} {c.answer}" for c in detail.down)
    return "; ".join(part for part in (f"across {across}" if across else "", f"down {down}" if down else "") if part)


def handlers() -> tuple[Any, ...]:
    """The dispatchers each registered detail type needs a handler in."""
    return (answer,)
