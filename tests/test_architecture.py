"""The shape of the package, checked: imports run with the pipeline, modules and functions stay small,
and docs/architecture.md names only modules that exist."""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "worksheets"  # the source tree, whether or not the tests run against an installed copy
DOCS = REPO / "docs" / "architecture.md"
EVERYTHING = {"vocab", "errors", "document", "style", "spec", "qtypes", "library", "plan", "writers", "assemble", "app",
              "importers", "marking"}
ALLOWED = {  # what each part may import, besides itself and the package's version
    "vocab": set(),
    "errors": set(),
    "document": {"vocab"},
    "style": {"vocab"},
    "spec": {"vocab", "errors", "qtypes", "style"},  # style: which characters the fonts can print
    "qtypes": {"vocab", "errors", "spec", "document"},
    "library": {"vocab", "errors", "spec"},
    "plan": {"vocab", "errors", "spec", "qtypes", "library", "document", "style"},
    "writers": {"vocab", "errors", "document", "style"},  # a writer reads only the document
    "assemble": {"vocab", "errors", "document", "style", "writers"},
    "importers": {"vocab", "errors", "spec"},  # another format read into a spec of ours: it reads files as specs do
    "marking": {"vocab", "errors"},  # scans read against the class record a build wrote
    "app": EVERYTHING,
    "cli": EVERYTHING,
    "__main__": {"cli"},
}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _part(module: str) -> str:
    """worksheets.plan.context -> plan; worksheets.vocab -> vocab; worksheets -> ''."""
    return module.split(".")[1] if module.count(".") else ""


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = path.relative_to(SRC.parent).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def _imports(path: Path) -> set[str]:
    """Every worksheets module a file imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("worksheets")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("worksheets"):
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names
                      if f"{node.module}.{alias.name}" in _modules()}
    return found


def backward_imports(modules: dict[str, Path]) -> list[str]:
    """'A imports B' for each import against the pipeline's direction."""
    wrong = []
    for name, path in modules.items():
        mine = _part(name)
        for target in sorted(_imports(path)):
            theirs = _part(target)
            if theirs and theirs != mine and theirs not in ALLOWED[mine]:
                wrong.append(f"{name} imports {target}")
    return wrong


def test_no_import_runs_against_the_pipeline():
    modules = _modules()
    assert {_part(m) for m in modules} - {""} == set(ALLOWED)  # every part has its rule
    assert backward_imports(modules) == []


def test_a_backward_import_is_found(tmp_path):
    (tmp_path / "worksheets" / "writers").mkdir(parents=True)
    bad = tmp_path / "worksheets" / "writers" / "sneaky.py"
    bad.write_text("def f():\n    from worksheets.spec.base import Model\n", encoding="utf-8")
    assert backward_imports({"worksheets.writers.sneaky": bad}) == [
        "worksheets.writers.sneaky imports worksheets.spec.base"]


def test_modules_and_functions_stay_small():
    long_modules, long_functions = [], []
    for name, path in _modules().items():
        source = path.read_text(encoding="utf-8")
        if len(source.splitlines()) > MAX_MODULE_LINES:
            long_modules.append(name)
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                assert node.end_lineno is not None
                if node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES:
                    long_functions.append(f"{name}.{node.name}")
    assert long_modules == [] and long_functions == []


def test_the_architecture_doc_names_only_modules_that_exist():
    text = DOCS.read_text(encoding="utf-8")
    named = set(re.findall(r"`((?:src/)?worksheets/[\w/]+\.py|worksheets(?:\.\w+)+)`", text))
    assert len(named) > 20  # the doc does walk through the code
    missing = []
    for item in sorted(named):
        if item.endswith(".py"):
            if not (SRC.parent / item.removeprefix("src/")).is_file():
                missing.append(item)
        elif not _exists(item):
            missing.append(item)
    assert missing == []


def _exists(dotted: str) -> bool:
    """A module, or a name defined at the top of one (worksheets.qtypes.REGISTERED)."""
    modules = _modules()
    if dotted in modules:
        return True
    module, _, name = dotted.rpartition(".")
    if module not in modules:
        return False
    tree = ast.parse(modules[module].read_text(encoding="utf-8"))
    defined = set()
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            defined.add(node.name)
        elif isinstance(node, ast.Assign):
            defined |= {t.id for t in node.targets if isinstance(t, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            defined.add(node.target.id)
        elif isinstance(node, ast.ImportFrom):
            defined |= {alias.asname or alias.name for alias in node.names}
    return name in defined
