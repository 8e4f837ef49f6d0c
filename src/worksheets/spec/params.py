"""Random values in a question: its `params` (whole numbers, decimals, choices), its `where` condition, and
the `{{expression}}`s that use them, checked and worked out safely.

An expression is arithmetic on the parameters and nothing else: its syntax tree is checked against a short
list of what is allowed (numbers, the parameters' names, `+ - * / // % **`, comparisons, and the calls
`round abs min max sqrt gcd`) before simpleeval, which also bounds powers, works it out.
"""

from __future__ import annotations

import ast
import math
import random
import re
from typing import Any

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from worksheets.spec.base import Model, Text

EXPRESSION = re.compile(r"\{\{(.*?)\}\}", re.S)
"""`{{a*x + b}}` in any text of a question with params."""
FUNCTIONS: dict[str, Any] = {"round": round, "abs": abs, "min": min, "max": max, "sqrt": math.sqrt, "gcd": math.gcd}
"""The calls an expression may make."""
NAME = re.compile(r"^[a-z][a-z0-9_]{0,19}$")
TRIES = 1000
"""Draws tried before a `where` condition is said to be impossible."""
MAX_EXPRESSION = 200  # characters: arithmetic on a few values, not a program

_OPERATORS = (ast.Add, ast.Sub, ast.Mult, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow, ast.USub, ast.UAdd, ast.Not,
              ast.And, ast.Or, ast.Eq, ast.NotEq, ast.Lt, ast.LtE, ast.Gt, ast.GtE)
_NODES = (ast.Expression, ast.BinOp, ast.UnaryOp, ast.BoolOp, ast.Compare, ast.Name, ast.Load, ast.Constant,
          ast.Call, *_OPERATORS)


Whole = int  # the field named `int` hides the builtin inside the class body


class Param(Model):
    """One random value: `{int: [2, 9]}`, `{decimal: [0.5, 9.5], places: 1}` or `{choice: [3, 4, 6]}`."""

    int: tuple[Whole, Whole] | None = None
    """A whole number from the first to the second, both included."""
    step: Whole = Field(default=1, ge=1)
    """With int: only every step-th number from the first (5 for multiples of five from 5)."""
    decimal: tuple[float, float] | None = None
    """A decimal from the first to the second."""
    places: Whole = Field(default=1, ge=0, le=6)
    """With decimal: decimal places (1 gives 3.7), printed that way."""
    choice: list[Whole | float | Text] | None = Field(default=None, min_length=1, max_length=100)
    """One of these values (numbers or words)."""

    @model_validator(mode="after")
    def _one_kind(self) -> Param:
        kinds = [k for k in ("int", "decimal", "choice") if getattr(self, k) is not None]
        if len(kinds) != 1:
            raise PydanticCustomError("param_kind", "give exactly one of int: [FROM, TO], decimal: [FROM, TO] or "
                                      "choice: [...] (found {n})", {"n": " and ".join(kinds) or "none"})
        low, high = self.int or self.decimal or (0, 0)
        if low > high:
            raise PydanticCustomError("param_range", "the range [{lo}, {hi}] is empty: give the smaller first",
                                      {"lo": low, "hi": high})
        if self.decimal is not None and math.ceil(low * 10 ** self.places) > math.floor(high * 10 ** self.places):
            raise PydanticCustomError("param_places", "no number with {p} lies in [{lo}, {hi}]: widen the range or "
                                      "give more places", {"p": f"{self.places} decimal place"
                                                           f"{'' if self.places == 1 else 's'}", "lo": low, "hi": high})
        return self

    def draw(self, rng: random.Random) -> tuple[Any, str]:
        """(the value to work with, the value as printed)."""
        if self.int is not None:
            whole = rng.choice(range(self.int[0], self.int[1] + 1, self.step))
            return whole, written(whole)
        if self.decimal is not None:
            scale = 10 ** self.places
            number = rng.randint(math.ceil(self.decimal[0] * scale), math.floor(self.decimal[1] * scale)) / scale
            return number, written(number, self.places)
        assert self.choice is not None
        picked = rng.choice(self.choice)
        return picked, picked if isinstance(picked, str) else written(picked)


def written(value: Any, places: int | None = None) -> str:
    """A value as a teacher writes it: 7 not 7.0, 0.1 not 0.30000000000000004, 0 not -0; `places` fixed."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if places is not None:
        text = f"{value:.{places}f}"
    elif float(value).is_integer() and abs(value) < 1e15:
        text = str(int(value))
    else:
        text = f"{float(value):.10g}"
        if "e" in text:
            text = f"{float(value):.10f}".rstrip("0").rstrip(".")
    return text.lstrip("-") if set(text) <= set("-0.") else text  # no -0, no -0.00


def expression_problem(text: str, names: set[str]) -> str | None:
    """Why an expression may not be worked out (a name, an attribute, a call it may not make), or None."""
    if len(text) > MAX_EXPRESSION:
        return f"the expression is longer than {MAX_EXPRESSION} characters"
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except SyntaxError:
        return f"'{text.strip()}' is not an expression (arithmetic on the params, e.g. {{{{a*x + b}}}})"
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and node.id not in names and node.id not in FUNCTIONS:
            known = ", ".join(sorted(names)) or "none"
            return f"'{node.id}' is not one of the question's params ({known})"
        if isinstance(node, ast.Call) and not (isinstance(node.func, ast.Name) and node.func.id in FUNCTIONS
                                               and not node.keywords):
            return f"'{ast.unparse(node)}' calls what an expression may not (only {', '.join(FUNCTIONS)})"
        if isinstance(node, ast.Name) and node.id in FUNCTIONS and node.id not in names:
            continue
        if isinstance(node, ast.Constant) and not isinstance(node.value, int | float):
            return f"'{node.value!s}' is not a number"
        if not isinstance(node, _NODES):
            return f"'{ast.unparse(node)}' is not arithmetic on the params (no attributes, indexes or other calls)"
    return None


def evaluate(text: str, values: dict[str, Any]) -> Any:
    """An expression already checked by expression_problem, worked out; raises ValueError in words."""
    from simpleeval import InvalidExpression, NumberTooHigh, SimpleEval

    evaluator = SimpleEval(names=dict(values), functions=FUNCTIONS)
    try:
        return evaluator.eval(text.strip())
    except ZeroDivisionError:
        raise ValueError("it divides by zero") from None
    except (NumberTooHigh, OverflowError):
        raise ValueError("its value would be too large") from None
    except (InvalidExpression, ArithmeticError, TypeError, ValueError) as error:  # simpleeval's own; words
        raise ValueError(str(error) or type(error).__name__) from None


def draw(params: dict[str, Param], where: str | None, rng: random.Random,
         accept: Any = None) -> tuple[dict[str, Any], dict[str, str]] | None:
    """Values for the params meeting `where` (and `accept(values, shown)`, if given), tried up to TRIES times:
    (values, values as printed), or None if no draw met them."""
    for _ in range(TRIES):
        drawn = {name: param.draw(rng) for name, param in sorted(params.items())}
        values = {name: value for name, (value, _) in drawn.items()}
        shown = {name: text for name, (_, text) in drawn.items()}
        try:
            if where and not evaluate(where, values):
                continue
            if accept is None or accept(values, shown):
                return values, shown
        except ValueError:
            continue
    return None


def fill(text: str, values: dict[str, Any], shown: dict[str, str], decimal: str = ".") -> str:
    """The text with each `{{expression}}` replaced by its value as printed, a number's decimal point as
    `decimal` (in maths, LaTeX's `{,}` for a comma); raises ValueError."""
    def one(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        printed = shown[inner] if inner in shown else written(evaluate(inner, values))
        if decimal != "." and DECIMAL_NUMBER.fullmatch(printed):
            sign = "{" + decimal + "}" if _in_maths(text, match.start()) else decimal
            printed = printed.replace(".", sign)
        return printed

    return EXPRESSION.sub(one, text)


DECIMAL_NUMBER = re.compile(r"-?\d+\.\d+")
"""A value printed with a decimal point (the only numbers a language writes another way)."""
MATHS_DELIMITER = re.compile(r"(?<!\\)\$\$|(?<!\\)\$")


def _in_maths(text: str, position: int) -> bool:
    """Whether `position` lies between a `$` (or `$$`) and its closing one."""
    return len(MATHS_DELIMITER.findall(text, 0, position)) % 2 == 1
