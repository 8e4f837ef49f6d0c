"""Random values (#19): params drawn in their ranges, values printed as a teacher writes them, expressions
limited to arithmetic on the params (nothing else is ever evaluated), and conditions met."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from worksheets.spec.params import Param, draw, evaluate, expression_problem, fill, written


@pytest.mark.parametrize(("value", "places", "shown"), [
    (7.0, None, "7"), (0.1 + 0.2, None, "0.3"), (-0.0, None, "0"), (2.5, 2, "2.50"), (-3, None, "-3"),
    (1 / 3, None, "0.3333333333"), (123456789.125, None, "123456789.1"), (2e-7, None, "0.0000002"),
    (-0.0001, 2, "0.00"), (12, 1, "12.0"), (True, None, "true"), ("Ali", None, "Ali"),
])
def test_values_are_written_as_a_teacher_writes_them(value, places, shown):
    assert written(value, places) == shown


@pytest.mark.parametrize("text", [
    "__import__('os').system('ls')", "a.real", "x[0]", "open('f')", "lambda: 1", "'text'", "a if x else b",
    "round(a, ndigits=2)", "(a).__class__", "[a, x]", "{a: 1}", "a := 3", "print(a)", "exec('1')", "zz + 1",
])
def test_anything_but_arithmetic_on_the_params_is_refused(text):
    assert expression_problem(text, {"a", "x", "b"}) is not None


@pytest.mark.parametrize(("text", "result"), [
    ("a*x + b", 17), ("round(a / 3, 2)", 1.33), ("gcd(a, 12)", 4), ("sqrt(a * a)", 4.0), ("a != x and b > 1", True),
    ("max(a, x, b) - min(a, x, b)", 2), ("-a ** 2", -16), ("a // 3 + a % 3", 2),
])
def test_arithmetic_on_the_params_is_worked_out(text, result):
    assert expression_problem(text, {"a", "x", "b"}) is None
    assert evaluate(text, {"a": 4, "x": 3, "b": 5}) == result


def test_what_cannot_be_worked_out_says_why_in_words():
    with pytest.raises(ValueError, match="divides by zero"):
        evaluate("a / (x - x)", {"a": 1, "x": 2})
    with pytest.raises(ValueError, match="too large"):
        evaluate("9 ** 9 ** 9", {})


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abx+-*/%()<>=!, 0123456789._'[]:", max_size=40))
def test_an_expression_is_either_refused_or_works_out_to_a_value_or_a_reason(text):
    if expression_problem(text, {"a", "x"}) is not None:
        return
    try:
        value = evaluate(text, {"a": 3, "x": -2})
    except ValueError:
        return  # a reason in words: division by zero, a power too large
    assert isinstance(value, int | float | bool)


@settings(max_examples=100, deadline=None)
@given(st.integers(-50, 50), st.integers(0, 40), st.integers(1, 5), st.integers(0, 3), st.integers(0, 10_000))
def test_params_are_drawn_inside_their_ranges(low, width, step, places, seed):
    rng = random.Random(seed)
    whole, shown = Param.model_validate({"int": [low, low + width], "step": step}).draw(rng)
    assert low <= whole <= low + width and (whole - low) % step == 0 and shown == str(whole)
    number, shown = Param.model_validate({"decimal": [low, low + width], "places": places}).draw(rng)
    assert low <= number <= low + width and shown == f"{number:.{places}f}"
    picked, _ = Param.model_validate({"choice": [2, "Ali", 7.5]}).draw(rng)
    assert picked in (2, "Ali", 7.5)


def test_a_condition_is_met_by_every_draw_and_an_impossible_one_by_none():
    params = {"a": Param.model_validate({"int": [1, 6]}), "x": Param.model_validate({"int": [1, 6]})}
    for seed in range(50):
        found = draw(params, "a != x and a + x > 5", random.Random(seed))
        assert found is not None and found[0]["a"] != found[0]["x"] and sum(found[0].values()) > 5
    assert draw(params, "a > 6", random.Random(0)) is None


def test_a_text_is_filled_with_values_as_printed():
    values, shown = {"a": 3, "r": 2.5, "n": "Ali"}, {"a": "3", "r": "2.50", "n": "Ali"}
    assert fill("{{n}} buys {{a}} at £{{r}}: £{{a*r}} in all, {{ a / 2 }} each.", values, shown) == \
        "Ali buys 3 at £2.50: £7.5 in all, 1.5 each."
