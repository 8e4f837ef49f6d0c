"""LaTeX maths in prose (`$...$` inline, `$$...$$` displayed): found, checked and read as plain text.

No renderer here: `check` finds an unknown command, an unclosed `$` or a brace mismatch without loading
reportlab or the maths typesetter. The checker knows the commands the typesetter draws (the structural
ones below and latex2mathml's symbol table); the plain reading (`linear`) is the formula's searchable,
copyable text layer and what a screen reader says."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import get_close_matches
from functools import cache, lru_cache

from worksheets.plan.chem import ce_runs
from worksheets.plan.dollars import EATEN, ESCAPES, spans

# --- what the typesetter knows ---

def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


FUNCTIONS = _names(r"""\sin \cos \tan \sec \csc \cot \arcsin \arccos \arctan \sinh \cosh \tanh \log \ln \exp
    \lim \max \min \sup \inf \det \gcd \deg \arg \dim \ker \Pr \mod \bmod \pmod""")
ONE_ARGUMENT = _names(r"""\overline \underline \vec \hat \bar \dot \ddot \tilde \widehat \widetilde \overrightarrow
    \overleftarrow \text \mathrm \mathbf \mathit \mathsf \mathbb \mathcal \boldsymbol \operatorname \textrm \textbf
    \textit \ce \cancel \boxed""")
TWO_ARGUMENTS = _names(r"\frac \dfrac \tfrac \cfrac \binom \dbinom \tbinom \overset \underset \stackrel")
TEXT = _names(r"\text \textrm \textbf \textit \mathrm \operatorname")
"""Commands whose argument is words, spaces kept."""
SPACES = {r"\,": " ", r"\;": " ", r"\:": " ", r"\!": "", r"\ ": " ", r"\quad": " ", r"\qquad": " "}
ESCAPED = {r"\{": "{", r"\}": "}", r"\%": "%", r"\&": "&", r"\#": "#", r"\_": "_", r"\$": "$", r"\|": "‖"}
DELIMITERS = _names(r"( ) [ ] | . / < > \{ \} \langle \rangle \| \lvert \rvert \lfloor \rfloor \lceil \rceil")
ENVIRONMENTS = {"aligned": "&", "align*": "&", "cases": "&", "pmatrix": "&", "bmatrix": "&", "matrix": "&",
                "vmatrix": "&", "Bmatrix": "&", "array": "&"}
ACCENTS = {r"\vec": "\u20d7", r"\overrightarrow": "\u20d7", r"\hat": "\u0302", r"\widehat": "\u0302",
           r"\bar": "\u0305", r"\overline": "\u0305", r"\dot": "\u0307", r"\ddot": "\u0308", r"\tilde": "\u0303",
           r"\widetilde": "\u0303", r"\underline": "\u0332", r"\overleftarrow": "\u20d6"}
SUPERSCRIPTS = dict(zip("0123456789+-−=()niT", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ⁿⁱᵀ", strict=True))
SUBSCRIPTS = dict(zip("0123456789+-−=()aeoxhklmnpst", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₒₓₕₖₗₘₙₚₛₜ", strict=True))


@cache
def _symbols() -> dict[str, str]:
    """Symbol commands (`\\alpha`, `\\times`, `\\le`, ...) and their characters, from latex2mathml's table."""
    from latex2mathml.symbols_parser import SYMBOLS

    table = {name: chr(int(code, 16)) for name, code in SYMBOLS.items() if name.startswith("\\") and code}
    table.update({r"\degree": "°", r"\lt": "<", r"\gt": ">", r"\dots": "…"})
    return table


def known(command: str) -> bool:
    """Whether the typesetter draws this command."""
    return (command in FUNCTIONS or command in ONE_ARGUMENT or command in TWO_ARGUMENTS or command in SPACES
            or command in ESCAPED or command in STRUCTURES or command in QUIET or command in (r"\right", r"\end")
            or command in _symbols())


# --- reading a formula: checking it and saying it as text ---

TOKEN = re.compile(r"\\[A-Za-z]+\*?|\\.|\s+|.", re.S)


class MathsError(ValueError):
    """Why a formula cannot be typeset, in a teacher's words."""


@dataclass
class _Reader:
    """Reads tokens of one formula into its plain reading, raising MathsError at the first problem."""

    tokens: list[str]
    at: int = 0
    depth: int = 0
    last_script: str = ""
    """The script just read ('^' or '_'), so a second in a row is caught (x^2^3)."""

    def peek(self) -> str | None:
        while self.at < len(self.tokens) and self.tokens[self.at].isspace():
            self.at += 1
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise MathsError("the formula ends too soon")
        self.at += 1
        return token

    def group(self, until: str | None = None) -> str:
        """Read items up to `until` (a closing brace, `\\right`, `\\end`) or the end."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise MathsError(f"the formula nests more than {MAX_DEPTH} levels deep: write it more simply, "
                             "or split it into several formulas")
        try:
            return self._group(until)
        finally:
            self.depth -= 1

    def _group(self, until: str | None) -> str:
        out: list[str] = []
        while (token := self.peek()) is not None:
            if token == "}":
                if until == "}":
                    self.at += 1
                    return "".join(out)
                raise MathsError("a '}' closes a brace that was never opened: remove it or add its '{'")
            if until is not None and token in (r"\right", r"\end") and until == token:
                return "".join(out)
            if token == r"\right":
                raise MathsError(r"\right has no \left before it: write \left( ... \right)")
            if token == r"\end":
                raise MathsError(r"\end has no \begin before it")
            out.append(self.item(out))
        if until == "}":
            raise MathsError("a '{' is never closed: add the '}' that ends it")
        if until == r"\right":
            raise MathsError(r"\left( has no \right) to close it: add \right) (or \right. for none)")
        if until == r"\end":
            raise MathsError(r"\begin{...} has no \end{...} to close it")
        return "".join(out)

    def argument(self, command: str) -> str:
        """One argument: a braced group or a single token (a command without braces nests too)."""
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise MathsError(f"the formula nests more than {MAX_DEPTH} levels deep: write it more simply, "
                                 "or split it into several formulas")
            return self._argument(command)
        finally:
            self.depth -= 1

    def _argument(self, command: str) -> str:
        token = self.peek()
        if token is None or token in ("}", "&", r"\\", r"\right", r"\end"):
            raise MathsError(f"{command} needs what it applies to after it, in braces, e.g. {_example(command)}")
        self.take()
        if token == "{":
            return self.group("}")
        if token.startswith("\\") and token not in ESCAPED:
            return self.command(token, [])
        return token

    def item(self, before: list[str]) -> str:
        token = self.take()
        script, self.last_script = self.last_script, ""
        if token == "{":
            body = self.group("}")
            self.last_script = ""  # {x^2}^3 is a power of a group
            return body
        if token in "^_":
            if script == token:
                raise MathsError(f"a double {'superscript' if token == '^' else 'subscript'} ('{token}' twice on "
                                 f"one base): write x{token}{{2{token}{{3}}}} or {{x{token}2}}{token}3")
            body = self.argument("x^" if token == "^" else "x_")
            self.last_script = token
            return _script(body, SUPERSCRIPTS if token == "^" else SUBSCRIPTS, token)
        if token == "&":
            return " "
        if token == "'":
            return "′"
        if token == "~":
            return " "
        if token == "-":
            return "−"
        if token.startswith("\\"):
            said = self.command(token, before)
            self.last_script = ""
            return said
        return token

    def command(self, name: str, before: list[str]) -> str:
        if not known(name):
            raise MathsError(_unknown(name))
        if name in SPACES:
            return SPACES[name]
        if name in ESCAPED:
            return ESCAPED[name]
        if name in FUNCTIONS:
            return name[1:] + " "
        if name in QUIET:
            return QUIET[name]
        structure = STRUCTURES.get(name)
        if structure is not None:
            return structure(self, name)
        if name in TWO_ARGUMENTS:
            return self.fraction(name)
        if name in TEXT:
            if self.peek() != "{":
                return self.argument(name)
            return re.sub(r"\\(.)", r"\1", self.raw_group(name))
        if name in ONE_ARGUMENT:
            return self.accented(name)
        return _symbols()[name]

    def root(self, name: str) -> str:
        index = ""
        if self.peek() == "[":
            self.take()
            while self.peek() not in ("]", None):
                index += self.item([])
            if self.peek() is None:
                raise MathsError(r"\sqrt[ has no ']' to close its index: write \sqrt[3]{x}")
            self.take()
        body = self.argument(name)
        root = {"": "√", "3": "∛", "4": "∜"}.get(index, _script(index, SUPERSCRIPTS, "^") + "√")
        return root + _bracketed(body)

    def fenced(self, name: str) -> str:
        opening = self.delimiter(name)
        body = self.group(r"\right")
        self.take()
        return opening + body + self.delimiter(r"\right")

    def environment(self, name: str) -> str:
        environment = self.environment_name(name)
        body = self.group(r"\end")
        self.take()
        if self.environment_name(r"\end") != environment:
            raise MathsError(f"\\begin{{{environment}}} is closed by a different \\end: write \\end{{{environment}}}")
        return "(" + body + ")" if "matrix" in environment else body

    def fraction(self, name: str) -> str:
        top, bottom = self.argument(name), self.argument(name)
        if "binom" in name:
            return f"C({top}, {bottom})"
        if name in (r"\overset", r"\underset", r"\stackrel"):
            return bottom
        return f"{_bracketed(top)}/{_bracketed(bottom)}"

    def chemistry(self, name: str) -> str:
        if self.peek() != "{":
            raise MathsError(r"\ce must be followed by the formula in braces, e.g. \ce{H2O}")
        return "".join(_plain_run(run.text, run.script) for run in ce_runs(self.raw_group(name)))

    def accented(self, name: str) -> str:
        body = self.argument(name)
        if name not in ACCENTS:
            return body
        if name in (r"\bar", r"\overline", r"\underline"):  # a line over (or under) every letter
            return "".join(char + ACCENTS[name] for char in body)
        return body + ACCENTS[name]

    def raw_group(self, command: str) -> str:
        """The text of a braced group as written (`\\text` keeps its spaces; `\\ce` has its own rules)."""
        self.take()
        depth = 1
        out: list[str] = []
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            depth += {"{": 1, "}": -1}.get(token, 0)
            if depth == 0:
                return "".join(out)
            out.append(token)
        raise MathsError(f"the '{{' after {command} is never closed: put a '}}' after its text")

    def delimiter(self, command: str) -> str:
        token = self.peek()
        if token is None or token not in DELIMITERS:
            raise MathsError(f"{command} needs a bracket after it, e.g. {command}( (or {command}. for none)")
        self.take()
        return {".": "", r"\{": "{", r"\}": "}", r"\langle": "⟨", r"\rangle": "⟩", r"\|": "‖", r"\lvert": "|",
                r"\rvert": "|", r"\lfloor": "⌊", r"\rfloor": "⌋", r"\lceil": "⌈", r"\rceil": "⌉"}.get(token, token)

    def environment_name(self, command: str) -> str:
        if self.peek() != "{":
            raise MathsError(f"{command} needs the environment's name in braces, e.g. {command}{{aligned}}")
        self.take()
        name = ""
        while (token := self.peek()) not in ("}", None):
            name += self.take()
        if token is None:
            raise MathsError(f"{command}{{ is never closed: add the '}}' after the environment's name")
        self.take()
        if name not in ENVIRONMENTS:
            raise MathsError(f"unknown environment {{{name}}}: use one of " + ", ".join(sorted(ENVIRONMENTS)))
        return name


STRUCTURES = {r"\sqrt": _Reader.root, r"\left": _Reader.fenced, r"\middle": _Reader.delimiter,
              r"\begin": _Reader.environment, r"\ce": _Reader.chemistry}
"""The commands read by rules of their own."""
QUIET = {r"\\": "; ", r"\limits": "", r"\displaystyle": "", r"\textstyle": "", r"\atop": "/"}
"""Commands that only lay out: what the reading says for each."""


def _example(command: str) -> str:
    return {r"\frac": r"\frac{3}{4}", r"\dfrac": r"\dfrac{3}{4}", r"\sqrt": r"\sqrt{2}", "x^": "x^{2}",
            "x_": "x_{1}"}.get(command, command + "{x}")


def _unknown(name: str) -> str:
    names = sorted(FUNCTIONS | ONE_ARGUMENT | TWO_ARGUMENTS | set(_symbols()) | {r"\sqrt", r"\left", r"\right"})
    close = get_close_matches(name, names, n=1, cutoff=0.75)
    hint = (f": did you mean {close[0]}?" if close
            else ": check its spelling (the commands are in docs/howto-science.md)")
    return f"unknown maths command {name}{hint}"


def _bracketed(text: str) -> str:
    """A fraction's part or a root's body, bracketed unless it is one number or name."""
    text = text.strip()
    return text if re.fullmatch(r"\d+(?:\.\d+)?|\w′*|\([^()]*\)", text) else f"({text})"


def _script(body: str, table: dict[str, str], mark: str) -> str:
    body = body.strip()
    if mark == "^" and body in ("∘", "°"):
        return "°"
    if body and all(char in table for char in body):
        return "".join(table[char] for char in body)
    return f"{mark}({body})" if len(body) != 1 else mark + body


def _plain_run(text: str, script: str) -> str:
    if script == "sub":
        return _script(text, SUBSCRIPTS, "_")
    if script == "super":
        return _script(text, SUPERSCRIPTS, "^")
    return text


MAX_DEPTH = 30
"""Braces, roots and fractions inside one another: more than a page can show, and a bound on the work."""
MAX_LENGTH = 2000
"""Characters in one formula: a long derivation is several formulas (an aligned block counts as one)."""


@lru_cache(maxsize=4096)
def read(tex: str) -> str:
    """The formula's plain reading (`\\frac{3}{4}` -> '3/4', `x^2` -> 'x²'); MathsError if it cannot be set."""
    if len(tex) > MAX_LENGTH:
        raise MathsError(f"the formula is {len(tex):,} characters long, more than the {MAX_LENGTH:,} one formula "
                         "may hold: split it into several")
    reader = _Reader(TOKEN.findall(tex))
    text = re.sub(r"\s+", " ", reader.group()).strip()
    return re.sub(r" (?=[⁰¹²³⁴⁵⁶⁷⁸⁹⁻])", "", text)  # sin²θ, not sin ²θ


def problem(tex: str) -> str | None:
    """Why this formula cannot be typeset, or None."""
    try:
        read(tex)
    except MathsError as error:
        return str(error)
    return None


def problems(text: str) -> list[str]:
    """Every maths problem in a prose field, one line each, quoting the formula."""
    found, unclosed = spans(text)
    out = [f"in ${_short(span.tex)}$: {why}" for span in found if (why := problem(span.tex))]
    for offset in unclosed:
        out.append(f"the '$' before '{_short(text[offset + 1:])}' opens a formula that never closes: "
                   f"end it with '$' (or write \\$ for a dollar sign)")
    return out


def eaten(text: str) -> list[str]:
    """A maths command whose backslash YAML took for an escape in double quotes (`"$\\times$"` holds a tab
    and 'imes'), said in a teacher's words; a new line is one only after an unclosed `$`."""
    out: list[str] = []
    for match in EATEN.finditer(text):
        letter = ESCAPES[match.group(1)][0]
        command = "\\" + letter + match.group(2)
        if letter == "n" and text.count("$", 0, match.start()) % 2 == 0:
            continue  # a new line in prose ("...\nin the end"): only one inside an open formula was a \n command
        if known(command) and command not in out:
            out.append(command)
    return [f"in double quotes YAML reads the '\\{c[1]}' of '{c}' as {ESCAPES_BY_LETTER[c[1]]}: write "
            f"\\{c} (two backslashes), or put the text in single quotes or a | block" for c in out]


ESCAPES_BY_LETTER = dict(ESCAPES.values())

def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 30 else text[:27] + "..."
