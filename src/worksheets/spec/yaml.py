"""YAML files to plain data that remembers where every node stood.

PyYAML composes the node graph; we construct the data ourselves so that every
mapping and sequence keeps FILE:LINE:COLUMN of its keys and items, duplicate
keys are refused, alias expansion is bounded, and plain scalars follow the
YAML 1.2 core schema (`yes`, `no`, `1:30` and dates stay the text typed).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from worksheets.errors import Loc, Problem, SpecError, display_path
from worksheets.spec.files import read_text
from worksheets.spec.yaml_hints import LINE_BREAK, explain

MAX_NODES = 100_000
MAX_DEPTH = 64
MAX_EXPANDED_CHARS = 10_000_000  # of text, aliases expanded: bounds every later stage's work
MAX_NUMBER_DIGITS = 30  # a longer number is kept as the text typed (Python refuses ints of 4,300 digits)
SURROGATE = re.compile("[\ud800-\udfff]")

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
PLAIN_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL})  # what a key may be: text, or a word YAML reads as a value


class _CoreResolver(BaseResolver):
    """YAML 1.2 core schema: only true/false, null, decimal numbers are not text."""


_CoreResolver.yaml_implicit_resolvers = {}
_CoreResolver.add_implicit_resolver(BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_CoreResolver.add_implicit_resolver(INT, re.compile(r"^[-+]?[0-9]+$"), list("-+0123456789"))
_CoreResolver.add_implicit_resolver(
    FLOAT,
    re.compile(r"^[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$"),
    list("-+0123456789."),
)
_CoreResolver.add_implicit_resolver(NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


class _Composer(Reader, Scanner, Parser, Composer, _CoreResolver):
    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        Composer.__init__(self)
        _CoreResolver.__init__(self)


_FAST: type[Any] | None  # libyaml's composer, if PyYAML has it
try:  # libyaml's parser, when PyYAML was built with it, is many times faster and gives the same marks
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    class _FastComposer(CParser, _CoreResolver):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _CoreResolver.__init__(self)

    _FAST = _FastComposer
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    _FAST = None


class SourceFloat(float):
    """A float that remembers how it was typed, so a text field gets `1.50`, not `1.5`."""

    source: str

    def __new__(cls, value: float, source: str) -> SourceFloat:
        obj = super().__new__(cls, value)
        obj.source = source
        return obj


class Map(dict):
    """A mapping that knows where it, each key and each value stand."""

    loc: Loc
    key_locs: dict[str, Loc]
    value_locs: dict[str, Loc]


class Seq(list):
    """A sequence that knows where it and each item stand."""

    loc: Loc
    item_locs: list[Loc]


@dataclass(frozen=True)
class Loaded:
    """One YAML file: its data and where it came from."""

    path: Path
    data: Any
    digest: str = ""
    """The SHA-256 of the text it was parsed from (UTF-8): the same text, the same data."""

    @property
    def name(self) -> str:
        return display_path(self.path)


def _mark(file: str, node: Node) -> Loc:
    return Loc(file, node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.count = 0
        self.chars = 0
        self.problems: list[Problem] = []

    def build(self, node: Node, depth: int = 0) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise SpecError(
                Problem(_mark(self.file, node), f"the file expands to more than {MAX_NODES} values (an alias bomb?)")
            )
        if depth > MAX_DEPTH:
            raise SpecError(Problem(_mark(self.file, node), f"nested more than {MAX_DEPTH} levels deep"))
        if isinstance(node, ScalarNode):
            return self._scalar(node)
        if isinstance(node, SequenceNode):
            self._check_tag(node, SEQ)
            seq = Seq(self.build(item, depth + 1) for item in node.value)
            seq.loc = _mark(self.file, node)
            seq.item_locs = [_mark(self.file, item) for item in node.value]
            return seq
        assert isinstance(node, MappingNode)
        self._check_tag(node, MAP)
        result = Map()
        result.loc = _mark(self.file, node)
        result.key_locs, result.value_locs = {}, {}
        for key_node, value_node in node.value:
            key_loc = _mark(self.file, key_node)
            if not isinstance(key_node, ScalarNode):
                self.problems.append(Problem(key_loc, "a key must be plain text, not a list or mapping"))
                continue
            if key_node.tag not in PLAIN_TAGS:
                self.problems.append(Problem(key_loc, f"unsupported YAML tag {key_node.tag}"))
                continue
            key = key_node.value
            if key == "<<" and not key_node.style:  # plain (the C parser says "", the Python one None)
                self.problems.append(Problem(key_loc, "merge keys (<<) are not supported: write the keys out"))
                continue
            if key in result:
                first = result.key_locs[key]
                self.problems.append(Problem(key_loc, f"duplicate key '{key}' (first given at line {first.line})"))
                continue
            result[key] = self.build(value_node, depth + 1)
            result.key_locs[key] = key_loc
            result.value_locs[key] = _mark(self.file, value_node)
        return result

    def _check_tag(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            self.problems.append(Problem(_mark(self.file, node), f"unsupported YAML tag {node.tag}"))

    def _scalar(self, node: ScalarNode) -> Any:
        text = node.value
        tag = node.tag
        self.chars += len(text)
        if self.chars > MAX_EXPANDED_CHARS:
            raise SpecError(Problem(_mark(self.file, node), f"the file expands to more than {MAX_EXPANDED_CHARS:,} "
                                                            "characters of text (an alias bomb?)"))
        if not text.isascii() and SURROGATE.search(text):
            self.problems.append(Problem(_mark(self.file, node), "an escape such as \\ud800 stands for half a "
                                                                 "character: write the character itself"))
            return text
        if tag == STR:
            return text
        if tag == NULL:
            return None
        if tag == BOOL:
            return text.lower() == "true"
        if tag == INT:
            return int(text) if len(text) <= MAX_NUMBER_DIGITS else text
        if tag == FLOAT:
            return SourceFloat(float(text), text)
        self.problems.append(Problem(_mark(self.file, node), f"unsupported YAML tag {tag}"))
        return text


def _syntax_problem(file: str, error: yaml.YAMLError, text: str) -> Problem:
    """One located line for a file YAML cannot read: the mistake and its fix, in a teacher's words."""
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        loc = Loc(file, error.problem_mark.line + 1, error.problem_mark.column + 1)
        if "nesting depth" in (error.problem or ""):  # libyaml's own limit, above ours
            return Problem(loc, f"nested more than {MAX_DEPTH} levels deep")
        if "single document" in (error.context or ""):  # at the `---` that starts a second document
            return Problem(loc, "YAML syntax error: a '---' line starts a second part, but a worksheets file holds "
                                "one: remove the line")
        return explain(file, error, text)
    if isinstance(error, yaml.reader.ReaderError):
        before = text[: error.position]
        breaks = list(LINE_BREAK.finditer(before))
        line = len(breaks) + 1
        column = error.position - (breaks[-1].end() if breaks else 0) + 1
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or "?")
        return Problem(Loc(file, line, column), f"the file has a control character YAML does not allow (U+{code:04X})")
    return Problem(Loc(file, 1, 1), "YAML syntax error: YAML cannot read this file: check its indentation, quotes "
                                    "and brackets")


def _compose(kind: Any, text: str) -> Node | None:
    composer = kind(text)
    try:
        node: Node | None = composer.get_single_node()
        return node
    finally:
        composer.dispose()


def _better_error(first: yaml.YAMLError, text: str) -> yaml.YAMLError:
    """The pure-Python parser's error, which words it better (and names the character), when it fails too."""
    if _FAST is None:
        return first
    try:
        _compose(_Composer, text)
    except yaml.YAMLError as better:
        return better
    except (RecursionError, ValueError):  # nested too deep to follow, or "\U00110000" (chr fails): libyaml's stands
        pass
    return first


def parse_yaml(text: str, file: str) -> Any:
    """Parse one YAML document from text into Map/Seq/scalars, or raise SpecError."""
    try:
        node = _compose(_FAST or _Composer, text)
    except yaml.YAMLError as first:
        raise SpecError(_syntax_problem(file, _better_error(first, text), text)) from None
    except RecursionError:
        raise SpecError(Problem(Loc(file, 1, 1), f"nested more than {MAX_DEPTH} levels deep")) from None
    except ValueError:  # only the pure-Python parser, without libyaml: "\U00110000" is past the last character
        raise SpecError(Problem(Loc(file, 1, 1), "YAML syntax error: an escape in double quotes stands for no "
                                                 "character: write the character itself")) from None
    if node is None:
        raise SpecError(Problem(Loc(file, 1, 1), "the file is empty: expected a mapping such as 'worksheet:'"))
    builder = _Builder(file)
    data = builder.build(node)
    if builder.problems:
        raise SpecError(builder.problems)
    return data


def load_file(path: Path) -> Loaded:
    """Read and parse one YAML spec or bank file."""
    return parse_file(path, read_file(path))


def read_file(path: Path) -> str:
    """The text of one YAML file, as the loader reads it (problems name it as shown to the teacher)."""
    return read_text(path, display_path(path))


def parse_file(path: Path, text: str, digest: str | None = None) -> Loaded:
    """Parse the text read from one YAML file (`digest`: its text_digest, if the caller has it)."""
    return Loaded(path, parse_yaml(text, display_path(path)), digest or text_digest(text))


def text_digest(text: str) -> str:
    """The SHA-256 of a file's text as UTF-8: the same text parses to the same data."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def locate(data: Any, path: tuple[Any, ...], fallback: Loc, key: bool = False) -> Loc:
    """The place of the value at `path` (or of its key, with key=True), else the nearest ancestor's."""
    loc = getattr(data, "loc", fallback)
    current = data
    for index, part in enumerate(path):
        last = index == len(path) - 1
        if isinstance(current, Map) and isinstance(part, str) and part in current:
            loc = current.key_locs[part] if (last and key) else current.value_locs[part]
            current = current[part]
        elif isinstance(current, Seq) and isinstance(part, int) and 0 <= part < len(current):
            loc = current.item_locs[part]
            current = current[part]
        elif isinstance(current, Map) and isinstance(part, str):
            continue  # a union tag in a validation path: the data has no such key
        else:
            break
    return loc
