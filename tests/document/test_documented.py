"""The document type and the spec keys explain themselves: every node and field has a line saying what it is."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import inspect
import pkgutil
import textwrap

import worksheets.document as document
from worksheets.spec.schema import spec_schema


def _documented_fields(cls: type) -> set[str]:
    """The fields with a docstring (a string right under them) or a comment on their line."""
    source = textwrap.dedent(inspect.getsource(cls))
    node = ast.parse(source).body[0]
    assert isinstance(node, ast.ClassDef)
    lines = source.splitlines()
    found = set()
    for field, after in zip(node.body, [*node.body[1:], None], strict=True):
        if isinstance(field, ast.AnnAssign) and isinstance(field.target, ast.Name):
            string = (isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant)
                      and isinstance(after.value.value, str))
            if string or "#" in lines[field.lineno - 1]:
                found.add(field.target.id)
    return found


def _document_classes() -> list[type]:
    classes = []
    names = ["worksheets.document", *(i.name for i in pkgutil.iter_modules(document.__path__, "worksheets.document."))]
    for name in names:
        module = importlib.import_module(name)
        classes += [c for c in vars(module).values()
                    if dataclasses.is_dataclass(c) and isinstance(c, type) and c.__module__ == module.__name__]
    return classes


def test_every_document_node_and_field_says_what_it_is():
    classes = _document_classes()
    assert len(classes) > 20  # the walk found the nodes
    undocumented = [c.__name__ for c in classes if not (c.__doc__ or "").strip()]
    undocumented += [f"{c.__name__}.{f.name}" for c in classes for f in dataclasses.fields(c)
                     if f.name not in _documented_fields(c)]
    assert undocumented == []


def test_the_documentation_check_sees_a_bare_field(tmp_path):
    @dataclasses.dataclass
    class Bare:
        """Has one documented field and one bare one."""

        said: int
        """What it is."""
        bare: int

    assert _documented_fields(Bare) == {"said"}


def test_every_spec_key_has_a_meaning():
    defs = spec_schema()["$defs"]
    bare = [f"{name}.{key}" for name, model in defs.items()
            for key, prop in model.get("properties", {}).items()
            if not (prop.get("description") or "").strip()]
    assert bare == []
    assert [name for name, model in defs.items() if not (model.get("description") or "").strip()] == []


def test_no_private_use_characters_stand_in_for_nodes():
    """Cloze gaps are Gap nodes: no sentinel character reaches any run of any planned document."""
    from helpers import EXAMPLE, SPECS
    from worksheets.library import build_library
    from worksheets.plan import plan

    def runs(prose: tuple) -> list[str]:
        out = []
        for block in prose:
            if isinstance(block, document.Para):
                out += [r.text for r in block.runs if isinstance(r, document.Run)]
            else:
                out += [text for item in block.items for text in runs(item)]
        return out

    texts, gaps = [], 0
    for spec, root in ((SPECS / "types.yaml", SPECS), (EXAMPLE / "terror.yaml", EXAMPLE)):
        doc = plan(build_library(spec, root), spec.stem)
        for q in doc.questions:
            if isinstance(q.detail, document.Cloze):
                texts += runs(q.detail.text)
                gaps += sum(isinstance(r, document.Gap) for b in q.detail.text if isinstance(b, document.Para)
                            for r in b.runs)
    assert gaps >= 4 and texts
    assert [t for t in texts if any(0xE000 <= ord(c) <= 0xF8FF for c in t)] == []
