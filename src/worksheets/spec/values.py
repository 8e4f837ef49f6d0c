"""A question with its random values filled in: every text of it (and of its parts, options, points...) with
each `{{expression}}` replaced, drawn afresh for each copy; and the check that says, before anything is
built, whether a question's expressions can be worked out and its condition met."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from typing import Any

from worksheets.errors import Loc
from worksheets.spec.base import Model
from worksheets.spec.params import EXPRESSION, TRIES, draw, evaluate, expression_problem, fill

UNFILLED = frozenset({"id", "type", "tiers", "params", "condition", "sources", "image"})
"""Fields whose text is never filled in: names, not prose."""
VALUES = frozenset({"value", "tolerance"})
"""Fields filled in as numbers to work with (a numeric answer), never in a language's way: the writers print them."""


def texts(model: Model) -> Iterator[tuple[Model, str, str]]:
    """Every text of a model and of the models inside it: (owner, field, text)."""
    for name, value in model.field_values():
        if name in UNFILLED:
            continue
        for item in _items(value):
            if isinstance(item, str):
                yield model, name, item
            elif isinstance(item, Model):
                yield from texts(item)


def _items(value: Any) -> list[Any]:
    if isinstance(value, list | tuple):
        return [x for item in value for x in (_items(item) if isinstance(item, list | tuple) else [item])]
    return [value]


def filled(model: Model, values: dict[str, Any], shown: dict[str, str], decimal: str = ".") -> Any:
    """A copy of the model with every `{{expression}}` in its texts worked out, decimals printed with `decimal`;
    ValueError if one cannot be, or if two texts of a list that differ (two options) would print the same."""
    update: dict[str, Any] = {}
    for name, value in model.field_values():
        if name not in UNFILLED:
            new = _filled_value(value, values, shown, "." if name in VALUES else decimal)
            if new is not value:
                update[name] = new
    return model.model_copy(update=update) if update else model


def _filled_value(value: Any, values: dict[str, Any], shown: dict[str, str], decimal: str) -> Any:
    if isinstance(value, str):
        return fill(value, values, shown, decimal) if "{{" in value else value
    if isinstance(value, Model):
        return filled(value, values, shown, decimal)
    if isinstance(value, list | tuple):
        new = [_filled_value(item, values, shown, decimal) for item in value]
        if all(a is b for a, b in zip(new, value, strict=True)):
            return value
        texts_before = [v for v in value if isinstance(v, str)]
        texts_after = [v for v in new if isinstance(v, str)]
        if len(set(texts_before)) == len(texts_before) and len(set(texts_after)) != len(texts_after):
            raise ValueError("two of its texts would print the same")
        return type(value)(new) if isinstance(value, tuple) else new
    return value


def seeded(*key: object) -> random.Random:
    """A random source fixed by the key (the seed, the question, the copy)."""
    digest = hashlib.sha256("\x1f".join(str(k) for k in key).encode("utf-8")).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def instance(question: Any, rng: random.Random, decimal: str = ".") -> tuple[Any, dict[str, str]] | None:
    """The question with values drawn from `rng` (meeting its condition, every expression worked out, decimals
    printed with `decimal`): the filled copy and the values as printed; None if no draw in TRIES did."""
    made: list[Any] = []

    def accept(values: dict[str, Any], shown: dict[str, str]) -> bool:
        made[:] = [filled(question, values, shown, decimal)]
        if getattr(question, "type", "") == "numeric":
            float(made[0].value)  # ValueError: not a number
        return True

    found = draw(question.params, question.condition, rng, accept)
    return (made[0], found[1]) if found is not None else None


def problems(question: Any) -> list[tuple[Loc, str]]:
    """What stops a question's values being drawn: an expression that names anything but its params or calls
    what it may not, one in a question without params, or a condition no draw meets."""
    names = set(question.params)
    out: list[tuple[Loc, str]] = []
    if question.condition is not None:
        trouble = expression_problem(question.condition, names)
        if trouble:
            out.append((question.where("where"), f"where: {trouble}"))
    for owner, field, text in texts(question):
        for match in EXPRESSION.finditer(text):
            if not names:
                out.append((owner.where(field), f"{field}: {{{{{match.group(1).strip()}}}}} needs a value, but the "
                            "question has no params: add params (e.g. params: {a: {int: [1, 10]}})"))
            elif (trouble := expression_problem(match.group(1), names)) is not None:
                out.append((owner.where(field), f"{field}: {trouble}"))
    if out or not names:
        return out
    if instance(question, seeded("check", question.id)) is None:
        out.append((question.where("where" if question.condition else "params"), _impossible(question)))
    return out


def _impossible(question: Any) -> str:
    """Why no draw worked: the condition never held, or an expression never worked out."""
    rng = seeded("why", question.id)
    values = {name: param.draw(rng)[0] for name, param in sorted(question.params.items())}
    for _, field, text in texts(question):
        for match in EXPRESSION.finditer(text):
            try:
                evaluate(match.group(1), values)
            except ValueError as error:
                return f"{field}: '{{{{{match.group(1).strip()}}}}}' cannot be worked out ({error}) in {TRIES} draws"
    if question.condition:
        return (f"where: no draw of the params meets '{question.condition}' in {TRIES} tries: widen the ranges or "
                "loosen the condition")
    return f"no draw of the params in {TRIES} tries gives texts that all differ (two options print the same)"
