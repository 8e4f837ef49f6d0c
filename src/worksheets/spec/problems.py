"""pydantic's validation errors as FILE:LINE:COLUMN lines in a teacher's words, with did-you-mean."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Annotated, Any, Union

from pydantic import BaseModel, ValidationError

from worksheets.errors import Loc, Problem
from worksheets.qtypes import QUESTION_TYPES
from worksheets.spec.base import describe
from worksheets.spec.worksheet import CONTENT_KINDS
from worksheets.spec.yaml import Loaded, locate


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
            ((path[i - 2] == "contents" and part in CONTENT_KINDS) or part == "unknown")
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
            tag_match = [c for c in candidates if c is QUESTION_TYPES[part].model]
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
            if not close and " " in str(key).strip():  # `{descriptor: Clear, well argued}`: the comma ended the text
                hint = " (a comma inside {...} ends the text before it: put the whole text in quotes)"
            message = f"unknown key '{key}' in {_field_name(clean[:-1])}{hint}"
            problems.append(Problem(locate(loaded.data, clean, fallback, key=True), message))
            continue
        field = _field_name(clean[:-2] if clean[-1:] == ("[key]",) else clean)  # a mapping's key: named by the message
        if kind == "too_long" and "max_length" in item.get("ctx", {}):
            ctx = item["ctx"]
            message = f"{field}: at most {ctx['max_length']} items allowed, found {ctx.get('actual_length', 'more')}"
            problems.append(Problem(locate(loaded.data, clean, fallback), message))
            continue
        if kind == "too_short" and "min_length" in item.get("ctx", {}):
            ctx = item["ctx"]
            least = ctx["min_length"]
            items = f"{least} item{'' if least == 1 else 's'}"
            message = f"{field}: needs at least {items}, found {ctx.get('actual_length', 0)}"
            problems.append(Problem(locate(loaded.data, clean, fallback), message))
            continue
        if kind in ("model_type", "model_attributes_type", "dict_type"):
            message = f"{field}: expected a mapping of keys and values (got {describe(item.get('input'))})"
            problems.append(Problem(locate(loaded.data, clean, fallback), message))
            continue
        if kind == "missing":
            message = f"{_field_name(clean[:-1])}: missing required key '{clean[-1]}'"
        else:
            msg = item["msg"]
            msg = msg[0].lower() + msg[1:] if msg else msg
            if not isinstance(item.get("input"), (dict, list)) and kind.startswith(
                ("string_", "int_", "bool_", "list_", "dict_", "model_", "literal_", "float_", "greater", "less",
                 "too_")
            ):
                msg = f"{msg} (got {describe(item.get('input'))})"
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
