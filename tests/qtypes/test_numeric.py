"""Numeric answers: the handout gives working space and an answer line with the units, never the value; the
mark scheme gives the value, its units and the accepted range (#18, in part)."""

from __future__ import annotations

from pypdf import PdfReader

from helpers import flat, write_file

SPEC = """worksheet:
  title: Numbers
  contents:
    - questions: [area, speed, exact]
questions:
  - {id: area, type: numeric, prompt: Work out the area., value: 24.5, tolerance: 0.1, units: "cm²", marks: 2}
  - {id: speed, type: numeric, prompt: Find the speed., value: 75, tolerance: 5%, units: km/h, answer_label: "v ="}
  - {id: exact, type: numeric, prompt: "Work out $-3 \\\\times 4$.", value: -12}
"""


def _texts(run, tmp_path) -> tuple[str, str]:
    write_file(tmp_path, "n.yaml", SPEC)
    result = run("build", "n.yaml", cwd=tmp_path)
    assert result.code == 0, result.stderr
    texts = [flat(" ".join(page.extract_text() for page in PdfReader(tmp_path / f"output/n/n-{role}.pdf").pages))
             for role in ("student", "markscheme")]
    return texts[0], texts[1]


def test_the_handout_has_an_answer_line_with_units_and_never_the_value(run, tmp_path):
    student, _ = _texts(run, tmp_path)
    assert "Answer cm²" in student and "v = km/h" in student and "Total: 4 marks" in student
    assert not any(figure in student for figure in ("24.5", "24.4", "24.6", "75", "71.25", "−12"))


def test_the_mark_scheme_has_the_value_units_and_range(run, tmp_path):
    _, scheme = _texts(run, tmp_path)
    assert "Answer: 24.5 cm² (accept 24.4 to 24.6 cm²)" in scheme
    assert "Answer: 75 km/h (accept 71.25 to 78.75 km/h)" in scheme
    assert "Answer: −12" in scheme and "accept" not in scheme.split("Answer: −12")[1]


def test_a_tolerance_below_zero_or_not_a_number_is_a_located_problem(run, tmp_path):
    write_file(tmp_path, "b.yaml", """worksheet:
  title: T
  contents:
    - questions: [a, b]
questions:
  - {id: a, type: numeric, prompt: P., value: 3, tolerance: -1}
  - {id: b, type: numeric, prompt: P., value: 3, tolerance: about one}
""")
    result = run("check", "b.yaml", cwd=tmp_path)
    assert result.code != 0
    assert result.lines == [
        "b.yaml:6:61: questions[0].tolerance: the tolerance -1 is below zero: give 0 for an exact answer, "
        "or how far off an answer may be",
        "b.yaml:7:61: questions[1].tolerance: 'about one' is not a tolerance: give a number (0.1) or a "
        "percentage (5%)"]
