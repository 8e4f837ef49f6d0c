"""`\\ce{...}` chemistry in prose (the mhchem subset teachers use) as runs with true sub- and superscripts:
`\\ce{H2SO4}`, `\\ce{Fe^3+}`, `\\ce{SO4^2-}`, `\\ce{OH-}`, `\\ce{2H2O}`, state symbols `(aq)`, hydrates
`\\ce{CuSO4.5H2O}` and the arrows `->`, `<-`, `<=>`."""

from __future__ import annotations

import re

from worksheets.document.prose import Run

CE = re.compile(r"\\ce\{((?:[^{}]|\^\{[^{}]*\})*)\}")
"""A `\\ce{...}` in prose; the only braces inside its formula are a charge's (`^{2+}`)."""
CE_START = re.compile(r"\\ce\b")
ARROWS = {"->": "→", "<-": "←", "<=>": "⇌", "<->": "↔", "=": "="}
STATE = re.compile(r"\((?:s|l|g|aq)\)$")
PIECE = re.compile(r"\^\{(?P<braced>[^}]*)\}|\^(?P<charge>[0-9]*[+-]|[0-9]+)|(?P<digits>[0-9]+)|(?P<dot>[.*])|"
                   r"(?P<sign>[+-])$|(?P<char>.)")
MINUS = "\u2212"


def ce_problem(text: str) -> str | None:
    """Why a `\\ce` in the text cannot be read (no braces, or not closed as CE reads it), or None."""
    for match in CE_START.finditer(text):
        if not text.startswith("{", match.end()):
            return "\\ce must be followed by the formula in braces, e.g. \\ce{H2O}"
        if not CE.match(text, match.start()):
            return "the '{' after \\ce is never closed: put a '}' after the formula"
    return None


def ce_runs(formula: str, bold: bool = False, italic: bool = False) -> list[Run]:
    """The formula as runs: species with subscript counts and superscript charges, arrows and plus signs."""
    runs: list[Run] = []
    tokens = formula.split()
    for index, token in enumerate(tokens):
        if index:  # a line may break after an arrow, never inside one side of the equation
            runs.append(Run(" " if tokens[index - 1] in ARROWS else "\u00a0", bold, italic))
        if token in ARROWS:
            runs.append(Run(ARROWS[token], bold, italic))
        elif token == "+":
            runs.append(Run("+", bold, italic))
        else:
            runs += _species(token, bold, italic)
    return runs


def _species(token: str, bold: bool, italic: bool) -> list[Run]:
    state = STATE.search(token)
    body = token[:state.start()] if state else token
    runs: list[Run] = []
    previous = ""
    for match in PIECE.finditer(body):
        kind, text = match.lastgroup, match.group(match.lastgroup or 0)
        if kind in ("braced", "charge"):
            runs.append(Run(text.replace("-", MINUS), bold, italic, "super"))
        elif kind == "digits":
            counts = previous != "" and (previous.isalpha() or previous in ")]")  # H2: a count; 2H2O, .5H2O: not
            runs.append(Run(text, bold, italic, "sub" if counts else ""))
        elif kind == "dot":
            runs.append(Run("\u00b7", bold, italic))
        elif kind == "sign" and previous:
            runs.append(Run(text.replace("-", MINUS), bold, italic, "super"))
        else:
            runs.append(Run(text, bold, italic))
        previous = text[-1] if text else previous  # an empty ^{} leaves nothing to follow
    if state:
        runs.append(Run(state.group(), bold, italic))
    return runs
