"""`audience: primary`: no marks, totals or exam furniture on the pupils' page, the literacy font at 14 pt or
more (with large print and dyslexia too), handwriting ruling where no answer space is given; the teacher's
mark scheme keeps its marks."""

from __future__ import annotations

import pdfplumber
import pytest

from helpers import flat, pdf_text, write_file

SPEC = """worksheet:
  title: Plants
  audience: primary
  styles: [{style}]
  contents:
    - questions: [grow, pick, tf]
questions:
  - {{id: grow, prompt: What does a plant need to grow?, marks: 3}}
  - {{id: pick, type: choice, prompt: Which is a plant?, options: [a rock, a tree, a cup], correct: 2}}
  - {{id: tf, type: true-false, statements: [{{text: Plants need water., answer: true}}]}}
"""


@pytest.mark.parametrize("style", ["standard", "large-print", "dyslexia"])
def test_a_primary_page_has_no_exam_furniture_and_big_friendly_type(run, tmp_path, style):
    write_file(tmp_path, "plants.yaml", SPEC.format(style=style))
    result = run("build", "plants.yaml", "-q", cwd=tmp_path)
    assert result.code == 0, result.stderr
    name = "plants-student.pdf" if style == "standard" else f"plants-{style}-student.pdf"
    path = tmp_path / "output" / "plants" / name
    text = flat(pdf_text(path))
    assert "What does a plant need to grow?" in text and "Tick one box." in text
    for furniture in ("mark]", "marks]", "Total", "END OF QUESTIONS", "Turn over"):
        assert furniture not in text, furniture
    with pdfplumber.open(path) as pdf:
        body = [c for c in pdf.pages[0].chars if c["text"].isalpha() and "Andika" in c["fontname"]]
        assert body, {c["fontname"] for c in pdf.pages[0].chars}
        assert min(c["size"] for c in pdf.pages[0].chars if c["text"].isalpha()) >= 11  # header and footer
        prompt = [c for c in body if c["text"] == "W"]
        assert prompt and prompt[0]["size"] >= 14
    scheme = flat(pdf_text(path.with_name(name.replace("student", "markscheme"))))
    assert "[3 marks]" in scheme  # the teacher's scheme still says what each question is worth


def test_with_no_answer_space_given_pupils_write_on_handwriting_ruling(tmp_path):
    from worksheets.library import build_library
    from worksheets.plan import plan

    write_file(tmp_path, "plants.yaml", SPEC.format(style="standard"))
    doc = plan(build_library(tmp_path / "plants.yaml", tmp_path), "plants", "core", "standard")
    grow = doc.questions[0]
    assert grow.answer.kind == "handwriting" and grow.answer.lines >= 2
    assert doc.audience == "primary"


def test_pictures_are_numbered_for_young_readers(run, tmp_path):
    import shutil

    from helpers import SPECS

    shutil.copy(SPECS / "export" / "triangle.png", tmp_path / "triangle.png")
    text = SPEC.format(style="standard").replace(
        "  - {id: grow, prompt: What does a plant need to grow?, marks: 3}",
        '  - {id: grow, prompt: "Look at the shape.\\n\\n![A triangle](triangle.png)\\n\\nWhat does a plant need to '
        'grow?", marks: 3}\n  - {id: more, prompt: "![](triangle.png)\\n\\nAnd this one?", marks: 1}')
    text = text.replace("questions: [grow, pick, tf]", "questions: [grow, more, pick, tf]")
    write_file(tmp_path, "plants.yaml", text)
    result = run("build", "plants.yaml", "-q", cwd=tmp_path)
    assert result.code == 0, result.stderr
    said = flat(pdf_text(tmp_path / "output" / "plants" / "plants-student.pdf"))
    assert "Picture 1: A triangle" in said and "Picture 2" in said and said.index("Picture 1") < said.index("Picture 2")
