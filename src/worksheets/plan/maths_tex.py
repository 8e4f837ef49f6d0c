"""What the maths typesetter is given for a checked formula: `\\ce{...}` inside maths as upright formulas
with true scripts, and a minus that starts a term set as a sign, as TeX sets it."""

from __future__ import annotations

import re

from worksheets.document.prose import Run
from worksheets.plan.chem import ce_runs

CE_IN_MATHS = re.compile(r"\\ce\s*\{((?:[^{}]|\{[^{}]*\})*)\}")
CE_ARROWS = {"→": r"\rightarrow", "←": r"\leftarrow", "⇌": r"\rightleftharpoons", "↔": r"\leftrightarrow"}


UNARY_MINUS = re.compile(r"(^|[=(\[{,&<>]|\\(?:le|ge|leq|geq|ne|neq|approx|times|div|cdot|pm|left\(|\\))(\s*)-")
"""A minus that starts a term (`= -1`, `(-3`): an ordinary sign, not an operator spaced as if subtracting."""


def typesettable(tex: str) -> str:
    """The LaTeX the typesetter is given: `\\ce{...}` as upright formulas with true scripts, and a minus
    that starts a term set close to its number, as TeX sets it."""
    if r"\ce" in tex:
        tex = CE_IN_MATHS.sub(lambda match: _ce_tex(match.group(1)), tex)
    return UNARY_MINUS.sub(lambda match: match.group(1) + match.group(2) + "{-}", tex)


def _ce_tex(formula: str) -> str:
    out: list[str] = []
    runs: list[Run] = []
    for run in ce_runs(formula):  # letters of one species as one upright word
        if runs and not run.script and not runs[-1].script and run.text not in CE_ARROWS and not run.text.isspace() \
                and runs[-1].text not in CE_ARROWS and not runs[-1].text.isspace():
            runs[-1] = Run(runs[-1].text + run.text)
        else:
            runs.append(run)
    for run in runs:
        if run.text in CE_ARROWS:
            out.append(f"\\;{CE_ARROWS[run.text]}\\;")
        elif run.text.isspace():
            continue  # the spaces around arrows and plus signs are the typesetter's
        elif run.text == "+" and not run.script:
            out.append("+")
        elif run.script:
            out.append(("_" if run.script == "sub" else "^") + "{" + _upright(run.text.replace("−", "-")) + "}")
        else:
            out.append(_upright(run.text))
    return "{" + "".join(out) + "}"


def _upright(text: str) -> str:
    escaped = "".join("\\" + c if c in "{}%&#_$" else c for c in text)
    return r"\mathrm{" + escaped + "}" if escaped.strip() else r"\,"
