"""LaTeX maths in prose: finding formulas (pandoc's dollar rules), checking them in a teacher's words, and
their plain reading; Markdown keeps its hands off them (#17)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import MATHS_CONTRACT
from worksheets.document.prose import DisplayMath, Gap, ListBlock, Math, Para, Run, TableBlock
from worksheets.plan.dollars import spans
from worksheets.plan.markdown import parse, parse_cloze
from worksheets.plan.maths import MathsError, problem, problems, read
from worksheets.plan.maths_tex import typesettable


def _texts(text: str) -> list[tuple[str, bool]]:
    return [(span.tex, span.display) for span in spans(text)[0]]


@pytest.mark.parametrize(("text", "found"), [
    ("area $\\pi r^2$ here", [("\\pi r^2", False)]),
    ("it costs $5 or $10", []),                      # a closing $ has no space before it
    ("between $5 and $6.", []),
    ("$x$5", []),                                   # ... and no digit after it
    ("$ x$", []),                                   # an opening $ has no space after it
    ("a \\$5 note and $y$", [("y", False)]),         # \$ is a dollar
    ("$$x = 1$$", [("x = 1", True)]),
    ("$a$ and $b$", [("a", False), ("b", False)]),
    ("$a\n\nb$", []),                               # a formula never spans paragraphs
    ("$a\nb$", [("a\nb", False)]),
    ("It costs $5 or $10. Add $x^2$.", [("x^2", False)]),  # a formula holds no other $
    ("$$$", []),
])
def test_formulas_are_found_by_pandocs_rules(text, found):
    assert _texts(text) == found


def test_an_unclosed_dollar_before_maths_commands_is_a_problem_but_a_price_is_not():
    assert spans("It costs $5 today")[1] == []
    assert spans("Work out $\\frac{3}{4} and simplify")[1] == [9]
    assert spans("Price $5.\n\nThen \\frac{1}{2}")[1] == []  # the commands are in another paragraph
    assert spans("It costs $5 or $10. Add $\\frac{3}{4}$.")[1] == []  # ... or after the next $
    assert problems("Work out $\\frac{3}{4} and simplify") == [
        "the '$' before '\\frac{3}{4} and simplify' opens a formula that never closes: end it with '$' "
        "(or write \\$ for a dollar sign)"]


@pytest.mark.parametrize(("tex", "reading"), [
    ("\\frac{3}{4}", "3/4"),
    ("\\frac{x+1}{2x}", "(x+1)/(2x)"),
    ("x^2 + 2^{-3}", "x²+2⁻³"),
    ("x_{n+1} = x_n^2", "xₙ₊₁=xₙ²"),
    ("\\sqrt{b^2-4ac}", "√(b²−4ac)"),
    ("\\sqrt[3]{27}", "∛27"),
    ("\\text{m s}^{-1}", "m s⁻¹"),
    ("\\left(\\frac{a}{b}\\right)^2", "(a/b)²"),
    ("30^\\circ", "30°"),
    ("\\angle ABC = 90\\degree", "∠ABC=90°"),
    ("\\sin^2\\theta + \\cos^2\\theta = 1", "sin²θ+cos²θ=1"),
    ("\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}", "(1 2; 3 4)"),
    ("\\ce{H2SO4}", "H₂SO₄"),
    ("a \\times b \\div c \\pm d \\le e \\ge f \\ne g \\approx h", "a×b÷c±d≤e≥f≠g≈h"),
])
def test_the_plain_reading_says_the_formula_in_characters(tex, reading):
    assert read(tex) == reading


@pytest.mark.parametrize(("tex", "message"), [
    ("\\farc{3}{4}", "unknown maths command \\farc: did you mean \\frac?"),
    ("\\mysterious x", "unknown maths command \\mysterious: check its spelling (the commands are in "
                       "docs/howto-science.md)"),
    ("(x+1)^{2", "a '{' is never closed: add the '}' that ends it"),
    ("\\sqrt{x}}", "a '}' closes a brace that was never opened: remove it or add its '{'"),
    ("x^", "x^ needs what it applies to after it, in braces, e.g. x^{2}"),
    ("\\frac{1}", "\\frac needs what it applies to after it, in braces, e.g. \\frac{3}{4}"),
    ("\\left( x", "\\left( has no \\right) to close it: add \\right) (or \\right. for none)"),
    ("x \\right)", "\\right has no \\left before it: write \\left( ... \\right)"),
    ("\\begin{pmatrix} 1 \\end{bmatrix}",
     "\\begin{pmatrix} is closed by a different \\end: write \\end{pmatrix}"),
    ("\\begin{tabular} 1 \\end{tabular}",
     "unknown environment {tabular}: use one of Bmatrix, align*, aligned, array, bmatrix, cases, matrix, pmatrix, "
     "vmatrix"),
    ("\\begin{cases} 1", "\\begin{...} has no \\end{...} to close it"),
    ("\\sqrt[3{x}", "\\sqrt[ has no ']' to close its index: write \\sqrt[3]{x}"),
    ("x^2^3", "a double superscript ('^' twice on one base): write x^{2^{3}} or {x^2}^3"),
    ("x_1_2", "a double subscript ('_' twice on one base): write x_{2_{3}} or {x_2}_3"),
    ("{" * 40 + "x" + "}" * 40, "the formula nests more than 30 levels deep: write it more simply, or split it into "
                                "several formulas"),
    ("\\frac" * 40 + "x" * 41, "the formula nests more than 30 levels deep: write it more simply, or split it into "
                              "several formulas"),
    ("x+" * 1500, "the formula is 3,000 characters long, more than the 2,000 one formula may hold: split it into "
                  "several"),
])
def test_each_problem_names_what_is_wrong(tex, message):
    assert problem(tex) == message


@pytest.mark.parametrize("tex", ["{x^2}^3", "x_1^2", "x^2_1", "x^{2^{3}}", "\\frac{a}{b}^2", "{" * 20 + "x" + "}" * 20])
def test_what_tex_allows_is_allowed(tex):
    assert problem(tex) is None


@pytest.mark.parametrize("tex", MATHS_CONTRACT)
def test_every_command_the_contract_names_is_known(tex):
    assert problem(tex) is None


def test_chemistry_inside_maths_is_set_upright_with_true_scripts():
    assert typesettable("\\ce{Fe^3+ + 3OH- -> Fe(OH)3(s)}") == (
        "{\\mathrm{Fe}^{\\mathrm{3+}}+\\mathrm{3OH}^{\\mathrm{{-}}}\\;\\rightarrow\\;\\mathrm{Fe(OH)}_{\\mathrm{3}}"
        "\\mathrm{(s)}}")
    assert typesettable("x = -1, (-3) and a - b") == "x = {-}1, ({-}3) and a - b"  # a sign, not a subtraction


def test_markdown_leaves_the_latex_alone():
    [para] = parse("Work out $\\frac{3}{4} + x_1 * y_2 * \\{a\\}$ and *this*.")
    assert isinstance(para, Para)
    assert para.runs[1] == Math("\\frac{3}{4} + x_1 * y_2 * \\{a\\}", "3/4+x₁*y₂*{a}")
    assert para.runs[-2] == Run("this", italic=True)


def test_a_displayed_formula_on_its_own_line_is_a_block_between_its_paragraphs_lines():
    blocks = parse("Solve\n$$x^2 = 4$$\nthen check.\n\n$$\\frac{1}{2}$$")
    assert blocks == (Para((Run("Solve"),)), DisplayMath("x^2 = 4", "x²=4"), Para((Run("then check."),)),
                      DisplayMath("\\frac{1}{2}", "1/2"))
    [para] = parse("so $$x = 1$$ inline")  # inside a line: set in display style where it stands
    assert isinstance(para, Para) and para.runs[1] == Math("x = 1", "x=1", display=True)


def test_formulas_in_tables_lists_and_clozes():
    [table] = parse("| $x$ | $x^2$ |\n|---|---|\n| 3 | $\\sqrt{9}$ |")
    assert isinstance(table, TableBlock) and table.rows[0][1] == (Math("\\sqrt{9}", "√9"),)
    [listed] = parse("- $a_1$\n- two")
    assert isinstance(listed, ListBlock) and listed.items[0][0] == Para((Math("a_1", "a₁"),))
    [cloze] = parse_cloze("Area [[1]] = $\\pi r^2$")
    assert isinstance(cloze, Para) and cloze.runs[1] == Gap(1) and cloze.runs[-1] == Math("\\pi r^2", "πr²")


def test_a_formula_that_cannot_be_set_stays_text_for_the_planner_to_report():
    [para] = parse("bad $\\farc{1}{2}$ here")
    assert isinstance(para, Para) and all(isinstance(run, Run) for run in para.runs)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="$\\{}[]^_&ab1 fracsqrtleftbeginend()\n", max_size=60))
def test_any_text_is_found_and_read_without_an_internal_error(text):
    found, unclosed = spans(text)
    ends = [0]
    for span in found:
        assert span.start >= ends[-1] and text[span.start] == "$"
        ends.append(span.end)
        try:
            assert isinstance(read(span.tex), str)
        except MathsError as error:
            assert str(error) and "\n" not in str(error)
    assert all(text[offset] == "$" for offset in unclosed)
    parse(text)
    problems(text)


def test_a_command_whose_backslash_yaml_took_is_named_and_a_new_line_is_not():
    from worksheets.plan.maths import eaten

    assert eaten("$\nabla f$ and $\theta$") == [
        "in double quotes YAML reads the '\\n' of '\\nabla' as a new line: write \\\\nabla (two backslashes), "
        "or put the text in single quotes or a | block",
        "in double quotes YAML reads the '\\t' of '\\theta' as a tab: write \\\\theta (two backslashes), "
        "or put the text in single quotes or a | block"]
    assert eaten("First line\nThe second line\tends, and\nin the end\nabla") == []


def test_check_finds_maths_problems_without_loading_a_renderer(tmp_path):
    import subprocess
    import sys
    import textwrap

    spec = "worksheet:\n  title: T\n  contents:\n    - text: 'Add $\\farc{1}{2}$ and $x^2$.'\n"
    (tmp_path / "m.yaml").write_text(spec, encoding="utf-8")
    script = textwrap.dedent("""
        import sys
        from worksheets.cli import main
        sys.argv = ["worksheets", "check", "m.yaml"]
        try:
            main()
        except SystemExit as stop:
            print(stop.code, sorted(m for m in ("reportlab", "ziamath", "ziafont") if m in sys.modules))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert done.stdout.strip() == "1 []"
    assert done.stderr.strip() == ("m.yaml:4:13: text: in $\\farc{1}{2}$: unknown maths command \\farc: "
                                   "did you mean \\frac?")


def test_punctuation_after_a_formula_goes_with_it_so_no_line_starts_with_it():
    [para] = parse("through $(3, 0)$. Then $x$, and $y$.5 and $$z$$.")
    assert isinstance(para, Para)
    maths = [run for run in para.runs if isinstance(run, Math)]
    assert [(m.tex, m.text) for m in maths] == [("(3, 0)\\text{.}", "(3,0)."), ("x\\text{,}", "x,"), ("y", "y"),
                                                ("z", "z")]
