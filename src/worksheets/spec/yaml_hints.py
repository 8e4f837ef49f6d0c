"""Why a YAML file does not load, in a teacher's words, with the fix right for the mistake: PyYAML says where it
gave up, in parser terms; the mistake is read from the text (that line, the lines and keys above) to say the fix."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml import tokens

from worksheets.errors import Loc, Problem

LINE_BREAK = re.compile("\r\n|\r|\n|\x85|\u2028|\u2029")  # as YAML counts lines
CURLY = {"“": "”", "‘": "’", "„": "“", "«": "»", "‚": "‘"}  # the quotes a word processor types: letters to YAML
FALLBACK = "YAML cannot read this line: check its indentation, and any quotes or brackets, against the lines above"
_CLOSERS = {"[": "]", "{": "}"}
_LINE = re.compile(  # indentation, '- ' items, a key and its ': ', then the value
    r"(?P<indent> *)(?P<dashes>(?:-(?: +|$))*)"
    r"(?:(?P<key>\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^\s\"'#\[\]{},&*!|>%@`?:-].*?|[?:-](?=\S).*?)"
    r"[ \t]*:(?=[ \t]|$)[ \t]*)?(?P<value>.*)")
_NAME = re.compile(r"[a-z][a-z0-9_]*")  # what the keys of a spec look like (prose has capitals and spaces)
_NO_SPACE = re.compile(r"([a-z][a-z0-9_]*):(?=[^\s:/])")  # `id:q`: YAML reads it as one word of text
_COMMENT = re.compile(r"(?:^|(?<=\s))#")
_QUOTE_ENDS = {'"': re.compile(r'"(?:[^"\\]|\\.)*"'), "'": re.compile(r"'(?:[^']|'')*'")}
_STARTS = ("alias", "anchor", "tag", "block scalar", "entries", "mapping keys", "node content", "cannot start")
_RESERVED = "*&!|>%@`-?,[]{}"  # a plain text may not start with these
_Found = tuple[int, int, str]  # line and column from 0, and the message
_FLOW = {tokens.FlowSequenceStartToken: 1, tokens.FlowMappingStartToken: 1, tokens.FlowSequenceEndToken: -1,
         tokens.FlowMappingEndToken: -1}


@dataclass(frozen=True)
class _Line:
    """One line as YAML reads a line of a block: indentation, '- ', a key, its value (columns from 0)."""

    indent: int
    dash: bool
    key: str | None
    key_col: int
    value: str
    value_col: int

    @property
    def plain(self) -> str:
        """The value as typed, without a comment after it."""
        found = None if self.value[:1] in _QUOTE_ENDS else _COMMENT.search(self.value)
        return (self.value[: found.start()] if found else self.value).rstrip()


@dataclass(frozen=True)
class _Item:
    """A key or a '- ' the scanner found outside brackets (line and column from 0)."""

    line: int
    col: int
    kind: str  # "key" or "dash"
    name: str


def _read(text: str) -> _Line:
    """One line split the way YAML reads it, to find its key and value without the parser."""
    found = _LINE.match(text[:10_000])  # a longer line is read by its start
    assert found is not None  # every part may be empty
    indent, dashes = len(found["indent"]), len(found["dashes"])
    return _Line(indent, dashes > 0, found["key"], indent + dashes, found["value"], found.start("value"))


def quoted(text: str) -> str:
    """The text in straight quotes: double ones unless it holds a '"' or a '\\' (then single ones, if it can)."""
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    if "'" not in text:
        return f"'{text}'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _write(text: str) -> str:
    """`write "the text"`, or for a long text which quotes to put round it."""
    shown = quoted(text)
    kind = "double" if shown.startswith('"') else "single"
    return f"write {shown}" if len(shown) <= 70 else f"put the whole text in {kind} quotes"


def _short(text: str, most: int = 40) -> str:
    return text if len(text) <= most else text[: most - 3] + "..."


def _spaces(count: int) -> str:
    return "1 space" if count == 1 else f"{count} spaces"


class _Reading:
    """The file as lines, where the parser stopped, and the keys and '- ' items it found before that."""

    def __init__(self, error: yaml.MarkedYAMLError, text: str) -> None:
        self.lines = LINE_BREAK.split(text)
        self.lines[0] = self.lines[0].removeprefix("\ufeff")  # YAML does not count it as a column
        mark, start = error.problem_mark, error.context_mark
        assert mark is not None
        self.problem, self.context = error.problem or "", error.context or ""
        self.line, self.col = min(mark.line, len(self.lines) - 1), mark.column
        self.start = (start.line, start.column) if start is not None else None
        self.items, self.quotes = _scan(text, self.line)

    def text(self, line: int) -> str:
        return self.lines[line] if 0 <= line < len(self.lines) else ""

    def char(self, line: int, col: int) -> str:
        return self.text(line)[col : col + 1]

    def chain(self, line: int) -> list[_Item]:
        """The keys and '- ' items open above `line`, nearest first: each less indented than the one before."""
        chain: list[_Item] = []
        for item in reversed(self.items):
            if item.line < line and (not chain or item.col < chain[-1].col):
                chain.append(item)
        return chain


def _scan(text: str, upto: int) -> tuple[list[_Item], list[tokens.ScalarToken]]:
    """Keys and '- ' items outside brackets before line `upto`, and quoted texts that run over lines."""
    items: list[_Item] = []
    quotes: list[tokens.ScalarToken] = []
    flow, key_at = 0, None
    try:
        for token in yaml.scan(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml: faster
            line, col = token.start_mark.line, token.start_mark.column
            if line > upto:
                break
            if key_at is not None:  # the token after a key is its name
                items.append(_Item(*key_at, "key", token.value if isinstance(token, tokens.ScalarToken) else ""))
                key_at = None
            flow = max(0, flow + _FLOW.get(type(token), 0))
            if isinstance(token, tokens.KeyToken) and not flow and line < upto:
                key_at = (line, col)
            elif isinstance(token, tokens.BlockEntryToken) and not flow and line < upto:
                items.append(_Item(line, col, "dash", ""))
            elif isinstance(token, tokens.ScalarToken) and token.style in _QUOTE_ENDS and token.end_mark.line > line:
                quotes.append(token)
    except (yaml.YAMLError, ValueError):  # ValueError: the pure-Python scanner on "\U00110000"
        pass
    return items, quotes


def _tab(r: _Reading) -> _Found | None:
    """A tab where YAML needs spaces."""
    if r.char(r.line, r.col) != "\t" and "'\\t'" not in r.problem:
        return None
    if not r.text(r.line)[: r.col].strip(" \t"):  # indentation: as deep as the line above, or under it
        above = next((item for item in reversed(r.items) if item.line < r.line), None)
        opens = above is not None and not _read(r.text(above.line)).plain
        width = 0 if above is None else above.col + 2 if opens else above.col
        return r.line, 0, f"indent with spaces, not tabs: indent this line {_spaces(width)} instead"
    return r.line, r.col, "YAML needs a space here, not a tab: replace the tab with a space"


def _escape(r: _Reading) -> _Found | None:
    """A '\\' in double quotes that is no escape YAML knows, or one that stands for no character."""
    if "escape" not in r.problem and "hexadecimal" not in r.problem:
        return None
    text = r.text(r.line)
    at = text.rfind("\\", 0, r.col + 1) if "\\" in text[: r.col + 1] else r.col
    found = re.match(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})", text[at:])
    if found and "Unicode" in r.problem:
        what = "half a character" if 0xD800 <= int(found[0][2:], 16) <= 0xDFFF else "no character"
        return r.line, at, f"the escape {found[0]} stands for {what}: write the character itself"
    return r.line, at, ("a '\\' inside double quotes starts an escape such as \\n: put the text in single quotes "
                        "instead, or write \\\\ for each '\\'")


def _open_quote(r: _Reading) -> _Found | None:
    """A quote never closed, or not closed on its line, so YAML read on as text to the next quote."""
    if "quoted scalar" in r.context and r.start is not None and "unexpected" in r.problem:
        mark = r.char(*r.start)
        return *r.start, f"the {mark} that opens this text is never closed: put another {mark} at the end of the text"
    for token in r.quotes:
        start, end, mark = token.start_mark, token.end_mark, token.style
        inside = [_read(r.text(n)) for n in range(start.line + 1, end.line + 1)]
        if end.line == r.line and any(line.key or line.dash for line in inside):
            return start.line, start.column, (f"the {mark} that opens this text is not closed on its line, so YAML "
                                              f"reads on to line {end.line + 1}: put another {mark} at the end of "
                                              "the text")
    return None


def _first_char(r: _Reading) -> _Found | None:
    """Text that starts with a character YAML keeps for itself: `*Why*`, `&`, `!`, `%`, `@`, a back-tick, `|`..."""
    if not any(word in r.problem or word in r.context for word in _STARTS):
        return None
    line, col = r.line, r.col
    if r.start is not None and r.context.startswith(("while scanning", "while parsing a tag", "while parsing a node")):
        line, col = r.start
    char, read = r.char(line, col), _read(r.text(line))
    if not char or char not in _RESERVED:
        return None
    start, text = (col, read.plain) if read.value_col == col and read.plain else _item_at(r.text(line), col)
    return line, start, f"text that starts with '{char}' must be in quotes: {_write(text)}"


def _item_at(text: str, col: int) -> tuple[int, str]:
    """The item of a list in [ ] or { } that column `col` falls in: where it starts, and its text."""
    start = max(text.rfind(mark, 0, col) for mark in "[{,") + 1
    ends = [found for found in (text.find(mark, col) for mark in ",]}") if found >= 0]
    item = text[start : min(ends) if ends else len(text)]
    return start + len(item) - len(item.lstrip()), item.strip()


def _closing(lines: list[str], line: int, col: int) -> tuple[tuple[int, int] | None, int | None]:
    """Where the bracket at (line, col) is closed, if it is, and where a ' #' on its line hides a closer."""
    depth, hidden = 0, None
    for n in range(line, len(lines)):
        text, quote, start = lines[n], "", col if n == line else 0
        for index in range(start, len(text)):
            char = text[index]
            if quote:
                quote = "" if char == quote else quote
            elif char == "#" and (index == 0 or text[index - 1] in " \t[{,"):
                hidden = index if n == line and any(mark in text[index:] for mark in "]}") else hidden
                break
            elif char in "\"'" and (index == start or text[index - 1] in " [{,"):
                quote = char
            elif char in "[{]}":
                depth += 1 if char in "[{" else -1
                if depth <= 0:
                    return (n, index), None
    return None, hidden


def _after_close(r: _Reading) -> _Found | None:
    """`"Why" did it`, `'Stalin's terror'`, `[Source A] shows`: text goes on after the quote or bracket closes."""
    read = _read(r.text(r.line))
    value, col, opener = read.plain, read.value_col, read.plain[:1]
    found = _QUOTE_ENDS[opener].match(value) if opener in _QUOTE_ENDS else None
    end = _closing([value], 0, 0)[0] if opener in _CLOSERS else None
    close = found.end() - 1 if found else end[1] if end else len(value)
    after = value[close + 1 :].lstrip()
    if r.col <= col or not after or after[0] in "]}":
        return None
    if opener in _CLOSERS:
        what = "a list" if opener == "[" else "keys and values"
        return r.line, col, (f"text that starts with '{opener}' must be in quotes (YAML reads "
                             f"{opener}...{_CLOSERS[opener]} as {what}): {_write(value)}")
    inner = value[1:-1] if value.endswith(opener) and len(value) > 1 else value[1:]
    if opener == "'" and after == value[close + 1 :] and after[0].isalpha():
        return r.line, col, f"an apostrophe ends text in single quotes: use double quotes instead: {_write(inner)}"
    if value.endswith(opener):
        return r.line, col, f"a {opener} inside the text ends it: use the other kind of quotes: {_write(inner)}"
    return r.line, col, f"the quotes must go round the whole text, not just its start: {_write(value)}"


def _brackets(r: _Reading) -> _Found | None:
    """A '[' or '{' never closed (perhaps its closer hidden by ' #'), a closer too many, or an item to quote."""
    char = r.char(r.line, r.col)
    if char in ("]", "}") and "found" in r.problem and "flow" not in r.context:
        return r.line, r.col, f"this '{char}' closes nothing: remove it, or put the whole text in quotes"
    if "unexpected ':'" in r.problem:  # libyaml: `[a, b:, c]`
        return _in_brackets(r)
    if "flow" not in r.context or r.start is None or r.char(*r.start) not in _CLOSERS:
        return None
    line, col = r.start
    closer = _CLOSERS[r.char(line, col)]
    closed, hidden = _closing(r.lines, line, col)
    if closed is None and hidden is not None:
        start, item = _item_at(r.text(line), hidden + 1)
        return line, start, (f"' #' starts a comment, so YAML ignores the rest of this line and the '{closer}' in "
                             f"it: put the text with '#' in quotes: {_write(item)}")
    if closed is None:
        return line, col, f"the '{r.char(line, col)}' here is never closed: put a '{closer}' where it ends"
    return _in_brackets(r)


def _in_brackets(r: _Reading) -> _Found:
    """An item inside [ ] or { } with ':' or '?' or a quote in it: quote the whole item."""
    text, char = r.text(r.line), r.char(r.line, r.col)
    opener = max("[{", key=lambda mark: text.rfind(mark, 0, r.col + 1))
    start, item = _item_at(text, r.col)
    what = f"text containing '{char}'" if char in (":", "?") else "this text"
    return r.line, start, f"{what} inside {opener} {_CLOSERS[opener]} must be in quotes as a whole: {_write(item)}"


def _colon(r: _Reading) -> _Found | None:
    """`prompt: Explain: why?` or `prompt: “Note: this”`: a ': ' inside a value (on a later line: see below)."""
    read = _read(r.text(r.line))
    if "mapping values" not in r.problem or read.key is None:
        return None
    if r.col < read.value_col:
        return _continuation(r, read)
    value, col = read.plain, read.value_col
    if len(value) > 1 and value[0] in CURLY and value[-1] in (CURLY[value[0]], "”", "’", value[0]):
        return r.line, col, (f"YAML does not take {value[0]} {value[-1]} for quotes, so it reads the ': ' inside as "
                             f"a key: use straight quotes instead: {_write(value[1:-1])}")
    what = "ending in ':'" if value.endswith(":") and ": " not in value else "containing ': '"
    return r.line, col, f"text {what} must be in quotes, or YAML reads it as a key: {_write(value)}"


def _continuation(r: _Reading, read: _Line) -> _Found | None:
    """`key: value` read as more of the text above: a missing space or ':', prose, or an indentation slip."""
    owner = next((item for item in reversed(r.items) if item.line < r.line), None)
    above = [(n, _read(r.text(n))) for n in range(owner.line if owner else 0, r.line)
             if r.text(n).strip() and not r.text(n).lstrip().startswith("#")]
    named = _NAME.fullmatch(read.key or "")
    for n, line in (item for item in above if item[1].key is None and item[1].value_col == read.key_col):
        if _NO_SPACE.match(line.value) or (named and _NAME.fullmatch(line.plain.split(" ", 1)[0])):
            return n, line.value_col, _key_fix(line.plain)
    if not named:
        n, line = next(((n, line) for n, line in above if line.plain), (r.line, read))
        return n, line.value_col, (f"text containing ': ' (here on line {r.line + 1}) must be in quotes, or YAML "
                                   f"reads it as a key: put a \" before '{_short(line.plain, 20)}' and another at "
                                   "the end of the text")
    return _line_up(r, r.line, read)


def _key_fix(text: str) -> str:
    """`id:q` or `title T` as the key and value it was meant to be: `id: q`, `title: T`."""
    found = _NO_SPACE.match(text)
    if found:
        rest = text[found.end() :]
        return f"a key needs a space after its ':': write '{found[1]}: {_short(rest)}', not '{_short(found[0] + rest)}'"
    key, _, rest = text.strip().partition(" ")
    return f"this line needs a ':' after its key: write '{_short(key + ':' + (' ' + rest.strip() if rest else ''))}'"


def _line_up(r: _Reading, n: int, read: _Line) -> _Found | None:
    """A key or '- ' indented more or less than the ones it belongs with: say which, and how many spaces."""
    kind, col = ("dash", read.indent) if read.dash else ("key", read.key_col)
    chain, key = r.chain(n), _short(read.key or "")
    dash = next((item for item in chain if item.kind == "dash" and item.col == col), None)
    if kind == "key" and dash is not None:
        return _key_among_items(n, key, chain, dash)
    same = sorted((item for item in chain if item.kind == kind), key=lambda item: (abs(item.col - col), -item.col))
    sibling = next((item for item in chain if item.col == col), None)
    if not same and kind == "dash" and sibling is not None:
        return n, col, (f"a '- ' item cannot sit among keys such as '{_short(sibling.name)}': put the list under a "
                        "key of its own, with the '- ' items indented more than that key")
    parent = chain[0] if chain and chain[0].kind == "key" and chain[0].col > col else None
    if not same and kind == "dash" and parent is not None and not _read(r.text(parent.line)).plain:
        return n, col, (f"this '- ' item must be indented more than '{_short(parent.name)}' above it: indent it "
                        f"{_spaces(parent.col + 2)}, not {col}")
    if not same or same[0].col == col:
        return None
    target = same[0]
    if kind == "dash":
        return n, col, f"this '- ' item must line up with the '- ' above it: indent it {_spaces(target.col)}, not {col}"
    if len(same) > 1 and abs(same[1].col - col) == abs(target.col - col):
        return n, col, (f"the key '{key}' must line up with the keys above it: indent it {_spaces(target.col)}, "
                        f"like '{_short(target.name)}', or {same[1].col}, like '{_short(same[1].name)}'")
    return n, col, (f"the key '{key}' must line up with '{_short(target.name)}' above it: indent it "
                    f"{_spaces(target.col)}, not {col}")


def _key_among_items(n: int, key: str, chain: list[_Item], dash: _Item) -> _Found | None:
    """A key at the indentation of the '- ' items above it: it belongs in the item, or after the list."""
    index = chain.index(dash)
    inner = chain[index - 1] if index > 0 and chain[index - 1].kind == "key" else None
    outer = next((item for item in chain[index + 1 :] if item.kind == "key"), None)
    end = f"{_spaces(outer.col)}, like '{_short(outer.name)}', to end the list" if outer else ""
    if inner is not None:
        return n, dash.col, (f"the key '{key}' must line up with '{_short(inner.name)}' above it, in the same '- ' "
                             f"item: indent it {_spaces(inner.col)}, not {dash.col}" + (f" (or {end})" if end else ""))
    if outer is not None:
        return n, dash.col, f"the key '{key}' cannot sit among the '- ' items above it: indent it {end}"
    return None


def _structure(r: _Reading) -> _Found | None:
    """A key or '- ' item that does not fit the ones above it: line it up."""
    read = _read(r.text(r.line))
    block = any(word in r.problem for word in ("<block end>", "expected key", "'-' indicator"))
    if not block or not (read.dash or read.key) or r.col != (read.indent if read.dash else read.key_col):
        return None
    return _line_up(r, r.line, read)


def _no_colon(r: _Reading) -> _Found | None:
    """A line among keys with no ':' (or the text under `key: |` not indented more than the key)."""
    if "could not find expected ':'" not in r.problem or r.start is None:
        return None
    line, col = r.start
    owner = next((item for item in reversed(r.items) if item.line < line and item.kind == "key"), None)
    if owner is not None and re.fullmatch(r"[|>][-+0-9]*", _read(r.text(owner.line)).plain) and col <= owner.col:
        return line, col, (f"the lines of text under '{_short(owner.name)}:' must be indented more than "
                           f"'{_short(owner.name)}': indent this line {_spaces(owner.col + 2)}")
    if any(item.kind == "dash" and item.col == col for item in r.chain(line)):
        return line, col, ("this line needs '- ' in front, like the items above it (or, if it goes on with the text "
                           "above, indent it more)")
    return line, col, _key_fix(_read(r.text(line)).plain)


_CHECKS = (_tab, _escape, _open_quote, _first_char, _after_close, _brackets, _colon, _structure, _no_colon)


def explain(file: str, error: yaml.MarkedYAMLError, text: str) -> Problem:
    """The mistake behind a YAML error, at the place to fix it, and how, in a teacher's words."""
    reading = _Reading(error, text)
    found = next(filter(None, (check(reading) for check in _CHECKS)), (reading.line, reading.col, FALLBACK))
    return Problem(Loc(file, found[0] + 1, found[1] + 1), f"YAML syntax error: {found[2]}")
