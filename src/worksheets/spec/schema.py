"""The JSON Schema of every spec kind, generated from the models, for editors and the reference docs."""

from __future__ import annotations

import ast
import inspect
import itertools
import json
from typing import Any

from worksheets.spec.bank import Bank
from worksheets.spec.base import Model
from worksheets.spec.booklet import BookletFile
from worksheets.spec.worksheet import WorksheetFile

HIDDEN = ("UnknownQuestion", "UnknownContent")  # internal catch-alls that only produce errors


def _prune(node: Any) -> Any:
    """Drop references to the internal catch-all models."""
    if isinstance(node, dict):  # anyOf: a tagged union's members never overlap in practice; be lenient
        return {("anyOf" if k == "oneOf" else k): _prune(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_prune(v) for v in node if not (isinstance(v, dict) and v.get("$ref", "").split("/")[-1] in HIDDEN)]
    return node


def _model_classes() -> dict[str, type[Model]]:
    """Every spec model class, by name: Model's subclasses, through every module that defines one."""
    found: dict[str, type[Model]] = {}
    todo: list[type[Model]] = [Model]
    while todo:
        cls = todo.pop()
        for sub in cls.__subclasses__():
            if sub.__name__ not in found:
                found[sub.__name__] = sub
                todo.append(sub)
    return found


def field_docs() -> dict[str, dict[str, str]]:
    """Each model's field docstrings (the string under a field), inherited ones included: {model: {field: text}}."""
    import worksheets.spec.booklet  # every model module, so every model is a subclass by now
    import worksheets.spec.worksheet  # noqa: F401

    models = _model_classes()
    own: dict[str, dict[str, str]] = {}
    modules = {module for cls in [Model, *models.values()] if (module := inspect.getmodule(cls)) is not None}
    for module in sorted(modules, key=lambda mod: mod.__name__):
        for node in ast.parse(inspect.getsource(module)).body:
            if isinstance(node, ast.ClassDef):
                docs = own.setdefault(node.name, {})
                for field, after in itertools.pairwise(node.body):
                    if (isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name)
                            and isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                            and isinstance(after.value.value, str)):
                        docs[field.target.id] = inspect.cleandoc(after.value.value)
    return {name: {k: v for base in reversed(cls.__mro__) for k, v in own.get(base.__name__, {}).items()}
            for name, cls in models.items()}


def _describe(defs: dict[str, Any]) -> None:
    """Give every property of every model its field docstring."""
    docs = field_docs()
    for name, schema in defs.items():
        for field, prop in schema.get("properties", {}).items():
            if field in docs.get(name, {}) and "description" not in prop:
                prop["description"] = docs[name][field]


def _widen(defs: dict[str, Any], model: str, field: str, *alternatives: Any, items: Any = None) -> None:
    """Let a property (or its list items) also take the shorthand forms the models accept."""
    prop = defs[model]["properties"][field]
    if items is not None:
        prop["items"] = {"anyOf": [prop["items"], items]}
    if alternatives:
        description = prop.pop("description", None)
        described = {"description": description} if description else {}
        defs[model]["properties"][field] = {"anyOf": [prop, *alternatives], **described}


def spec_schema() -> dict[str, Any]:
    """One schema that accepts a worksheet spec, a booklet spec or a content bank."""
    defs: dict[str, Any] = {}
    kinds = []
    for title, model in (("Worksheet spec", WorksheetFile), ("Booklet spec", BookletFile), ("Content bank", Bank)):
        schema = model.model_json_schema(ref_template="#/$defs/{model}")
        defs.update(schema.pop("$defs", {}))
        schema["title"] = title
        kinds.append(schema)
    for name in HIDDEN:
        defs.pop(name, None)
    _describe(defs)
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


def _type_text(prop: dict[str, Any]) -> str:
    if "$ref" in prop:
        return f"[{prop['$ref'].split('/')[-1]}](#{prop['$ref'].split('/')[-1].lower()})"
    if "enum" in prop:
        return " \\| ".join(f"`{v}`" for v in prop["enum"])
    if "const" in prop:
        return f"`{prop['const']}`"
    if "anyOf" in prop:
        kinds = [_type_text(p) for p in prop["anyOf"] if p.get("type") != "null"]
        return " or ".join(dict.fromkeys(k for k in kinds if k))
    kind = prop.get("type")
    if kind == "array":
        return f"list of {_type_text(prop.get('items', {}))}"
    if kind == "object":
        extra = prop.get("additionalProperties")
        return f"mapping to {_type_text(extra)}" if isinstance(extra, dict) else "mapping"
    if isinstance(kind, list):
        return "text" if "string" in kind else " or ".join(kind)
    words = {"string": "text", "integer": "whole number", "boolean": "true/false", "number": "number"}
    return words.get(kind or "", "")


def reference_markdown() -> str:
    """docs/reference.md: every key of every model, with its type, default and description."""
    schema = spec_schema()
    defs = schema["$defs"]
    order = ["Worksheet", "Booklet", "BookletPart", "Divider", "Section", "Callout", "Source", "QuestionSet",
             "WrittenQuestion", "Part", "AnswerSpace", "MarkScheme", "Point", "Level", "Scaffold", "ChoiceQuestion",
             "TrueFalseQuestion", "Statement", "ClozeQuestion", "MatchingQuestion", "OrderingQuestion",
             "SectionRef", "SourcesRef", "QuestionsRef", "HeadingRef", "TextRef", "GlossaryRef", "PageBreak"]
    lines = ["# Reference: every key", "",
             "Generated from the models by `python -m worksheets.spec.schema` (a test checks it is current).",
             "A content bank has the top-level keys `sections`, `sources`, `glossary`, `questions` and "
             "`question_sets`;",
             "a worksheet spec has `worksheet:` and may have them too; a booklet spec has `booklet:`.", ""]
    for name in order + sorted(set(defs) - set(order)):
        model = defs.get(name)
        if model is None:
            continue
        lines += [f"## {name}", ""]
        if model.get("description"):
            lines += [model["description"].strip(), ""]
        lines += ["| key | type | default | meaning |", "|---|---|---|---|"]
        required = set(model.get("required", []))
        for key, prop in model.get("properties", {}).items():
            default = "required" if key in required else (f"`{json.dumps(prop['default'], ensure_ascii=False)}`"
                                                          if "default" in prop else "")
            meaning = (prop.get("description") or "").replace("|", "\\|").replace("\n", " ")
            lines.append(f"| `{key}` | {_type_text(prop)} | {default} | {meaning} |")
        lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    from pathlib import Path

    target = Path(__file__).resolve().parents[3] / "docs" / "reference.md"
    target.write_text(reference_markdown(), encoding="utf-8")
    print(f"wrote {target}")
