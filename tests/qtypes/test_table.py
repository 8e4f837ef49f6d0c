"""Complete-the-table questions: blanks numbered and of one width on the handout, the table filled in on the
mark scheme, a mark per blank (#18, in part)."""

from __future__ import annotations

import pdfplumber
from pypdf import PdfReader

from helpers import flat, write_file

SPEC = """worksheet:
  title: Tables
  contents:
    - questions: [react]
questions:
  - id: react
    type: table
    table: |
      | Metal | Reacts with acid? | Gas made |
      |---|:---:|---|
      | Magnesium | [[yes]] | [[hydrogen]] |
      | Copper | no | [[$\\\\ce{H2}$ is not made]] |
"""


def test_the_handout_has_numbered_blanks_of_one_width_and_no_answer(run, tmp_path):
    write_file(tmp_path, "t.yaml", SPEC)
    assert run("build", "t.yaml", cwd=tmp_path).code == 0
    student = tmp_path / "output/t/t-student.pdf"
    text = flat(PdfReader(student).pages[0].extract_text())
    assert "Complete the table." in text and "[3 marks]" in text and "(1)" in text and "(3)" in text
    assert "hydrogen" not in text and "yes" not in text
    with pdfplumber.open(student) as pdf:
        words = pdf.pages[0].extract_words()
        blanks = [w for w in words if set(w["text"]) == {"_"}]
    assert len(blanks) == 3 and len({round(w["x1"] - w["x0"], 1) for w in blanks}) == 1


def test_the_mark_scheme_fills_the_table_in_bold(run, tmp_path):
    write_file(tmp_path, "t.yaml", SPEC)
    assert run("build", "t.yaml", cwd=tmp_path).code == 0
    with pdfplumber.open(tmp_path / "output/t/t-markscheme.pdf") as pdf:
        chars = pdf.pages[0].chars
    text = "".join(c["text"] for c in chars)
    start = text.rindex("hydrogen")
    assert all("Bold" in c["fontname"] for c in chars[start:start + 8])


def test_a_table_without_blanks_or_not_a_table_is_a_located_problem(run, tmp_path):
    write_file(tmp_path, "b.yaml", """worksheet:
  title: T
  contents:
    - questions: [a, b]
questions:
  - {id: a, type: table, table: "| x | 1 |\\n|---|---|\\n| y | 2 |"}
  - {id: b, type: table, table: "x is [[1]]"}
""")
    result = run("check", "b.yaml", cwd=tmp_path)
    assert result.code != 0
    assert result.lines == [
        "b.yaml:6:33: questions[0].table: the table has no blank: mark each answer like [[5]]",
        "b.yaml:7:33: questions[1].table: write the table as a pipe table: a header row, a |---| row, then the "
        "rows, e.g. | x | 1 | 2 |"]
