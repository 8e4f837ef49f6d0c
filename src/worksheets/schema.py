"""The JSON Schema of every spec kind, generated from the models, for editors and the reference docs."""

from __future__ import annotations

import json
from typing import Any

from worksheets import model as m

HIDDEN = ("UnknownQuestion", "UnknownContent")  # internal catch-alls that only produce errors


def _prune(node: Any) -> Any:
    """Drop references to the internal catch-all models."""
    if isinstance(node, dict):  # anyOf: a tagged union's members never overlap in practice; be lenient
        return {("anyOf" if k == "oneOf" else k): _prune(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_prune(v) for v in node if not (isinstance(v, dict) and v.get("$ref", "").split("/")[-1] in HIDDEN)]
    return node


def _widen(defs: dict[str, Any], model: str, field: str, *alternatives: Any, items: Any = None) -> None:
    """Let a property (or its list items) also take the shorthand forms the models accept."""
    prop = defs[model]["properties"][field]
    if items is not None:
        prop["items"] = {"anyOf": [prop["items"], items]}
    if alternatives:
        description = prop.pop("description", None)
        defs[model]["properties"][field] = {"anyOf": [prop, *alternatives], **({"description": description} if description else {})}


def spec_schema() -> dict[str, Any]:
    """One schema that accepts a worksheet spec, a booklet spec or a content bank."""
    defs: dict[str, Any] = {}
    kinds = []
    for title, model in (("Worksheet spec", m.WorksheetFile), ("Booklet spec", m.BookletFile), ("Content bank", m.Bank)):
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        schema["title"] = title
        kinds.append(schema)
    for name in HIDDEN:
        defs.pop(name, None)
    # shorthands the models accept before validation
    _widen(defs, "Worksheet", "contents", items={"const": "page_break"})
    _widen(defs, "MarkScheme", "points", items={"type": ["string", "number"]})
    for question in ("WrittenQuestion", "Part"):
        _widen(defs, question, "answer", {"const": "none"}, {"type": "integer", "minimum": 0})
    _widen(defs, "SourcesRef", "sources", {"type": "string"})
    return _prune({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "worksheets spec",
        "description": "A worksheet spec (worksheet:), a booklet spec (booklet:) or a content bank.",
        "anyOf": kinds,
        "$defs": defs,
    })


def dumps() -> str:
    return json.dumps(spec_schema(), indent=1, ensure_ascii=False)
