"""`\\ce{...}` chemistry: counts lowered, charges raised, coefficients and state symbols on the line."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from worksheets.plan.chem import ce_problem, ce_runs


def shown(formula: str) -> str:
    """The runs as text, '_' before a subscript and '^' before a superscript."""
    return "".join({"sub": "_", "super": "^", "": ""}[r.script] + r.text for r in ce_runs(formula))


@pytest.mark.parametrize(("formula", "expected"), [
    ("H2SO4", "H_2SO_4"),
    ("Fe^3+", "Fe^3+"),
    ("SO4^2-", "SO_4^2\u2212"),
    ("OH-", "OH^\u2212"),
    ("NO3-", "NO_3^\u2212"),
    ("Na+", "Na^+"),
    ("2H2O", "2H_2O"),
    ("CuSO4.5H2O", "CuSO_4\u00b75H_2O"),
    ("Ca(OH)2", "Ca(OH)_2"),
    ("[Cu(H2O)6]^{2+}", "[Cu(H_2O)_6]^2+"),
    ("N2(g) + 3H2(g) <=> 2NH3(g)", "N_2(g)\u00a0+\u00a03H_2(g)\u00a0\u21cc 2NH_3(g)"),  # breaks only after arrows
    ("CaCO3(s) -> CaO(s) + CO2(g)", "CaCO_3(s)\u00a0\u2192 CaO(s)\u00a0+\u00a0CO_2(g)"),
    ("NaCl(aq)", "NaCl(aq)"),
])
def test_formulas(formula, expected):
    assert shown(formula) == expected


@pytest.mark.parametrize(("text", "problem"), [
    ("\\ce{H2O", "the '{' after \\ce is never closed: put a '}' after the formula"),
    ("\\ce H2O", "\\ce must be followed by the formula in braces, e.g. \\ce{H2O}"),
    ("\\ce{H2O} and \\ce{CO2}", None),
])
def test_problems(text, problem):
    assert ce_problem(text) == problem


@given(st.text(alphabet="HOCNa0123456789()[]^{}+-.* <=>gaqls", max_size=40))
def test_any_formula_keeps_its_letters(formula):
    runs = ce_runs(formula)
    letters = [c for c in formula if c.isalpha()]
    assert [c for r in runs for c in r.text if c.isalpha()] == letters


def test_a_braced_charge_is_read_inside_prose():
    from worksheets.document.prose import plain
    from worksheets.plan.markdown import parse

    assert plain(parse("Ion: \\ce{[Cu(H2O)6]^{2+}}.")) == "Ion: [Cu(H2O)6]2+."
    assert ce_problem("\\ce{[Cu(H2O)6]^{2+}}") is None
