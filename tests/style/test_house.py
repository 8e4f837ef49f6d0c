"""House styles: each exam board's numbering, marks, margins and front page on the page itself, and a primary
worksheet that asks for one is one located line."""

from __future__ import annotations

import pytest

from helpers import flat, page_texts, pdf_text, write_file
from worksheets.style.house import house
from worksheets.style.words import ENGLISH

SPEC = """worksheet:
  title: Cold War
  house_style: {house}
  contents:
    - questions: [one, two, three]
questions:
  - {{id: one, prompt: Name the two superpowers., marks: 2}}
  - id: two
    prompt: The Berlin Blockade.
    parts:
      - {{prompt: When did it start?, marks: 1}}
      - {{prompt: Explain why it ended., marks: 4}}
  - {{id: three, prompt: How far do you agree?, marks: 12, extended_response: true, answer: {{lines: 6}}}}
"""


def _build(run, tmp_path, name: str) -> tuple[str, list[str]]:
    write_file(tmp_path, "war.yaml", SPEC.format(house=name))
    result = run("build", "war.yaml", "-q", cwd=tmp_path)
    assert result.code == 0, result.stderr
    path = tmp_path / "output" / "war" / "war-student.pdf"
    return flat(pdf_text(path)), page_texts(path)


def test_aqa_boxes_its_numbers_and_candidate_number_and_warns_in_the_margin(run, tmp_path):
    text, pages = _build(run, tmp_path, "aqa")
    for said in ("0 1 Name the two superpowers.", "0 2 . 1 When did it start?", "0 2 . 2", "0 3", "[2 marks]",
                 "[1 mark]", "Centre number", "Candidate number"):
        assert said in text, said
    assert all("Do not write outside the box" in page for page in pages)
    scheme = flat(pdf_text(tmp_path / "output" / "war" / "war-markscheme.pdf"))
    assert "0 2 . 1 1" in scheme and "0 2 . 1 When did it start?" in scheme  # summary table and question alike
    assert "2(a)" not in scheme


def test_edexcel_brackets_its_marks_and_totals_every_question(run, tmp_path):
    text, pages = _build(run, tmp_path, "edexcel")
    for said in ("(2)", "(1)", "(4)", "(Total for Question 1 = 2 marks)", "(Total for Question 2 = 5 marks)",
                 "(Total for Question 3 = 12 marks)"):
        assert said in text, said
    assert "[2 marks]" not in text and "Centre number" not in text
    assert all(page.count("DO NOT WRITE IN THIS AREA") == 2 for page in pages)


def test_ocr_writes_bare_marks_and_stars_extended_response(run, tmp_path):
    text, _ = _build(run, tmp_path, "ocr")
    assert "[2]" in text and "[12]" in text and "*3 How far do you agree?" in text and "*1" not in text
    assert "marks]" not in text and "DO NOT WRITE" not in text


def test_plain_is_as_before():
    plain = house("plain")
    assert plain.label("3(a)", "(a)") == "(a)" and plain.marks(2, ENGLISH) == "[2 marks]"
    assert house("aqa").label("12(b)", "(b)") == "1 2 . 2" and house("aqa").label("3", "3") == "0 3"


@pytest.mark.parametrize(("setting", "start"), [
    ("house_style: cie", "war.yaml:3:16: worksheet.house_style: "),
    ("house_style: aqa\n  audience: primary", "war.yaml:3:16: worksheet.house_style: aqa is an exam board's style, "
                                               "and a primary page prints no exam furniture"),
])
def test_a_wrong_house_style_is_one_located_line(run, tmp_path, setting, start):
    write_file(tmp_path, "war.yaml", SPEC.format(house="plain").replace("house_style: plain", setting))
    result = run("check", "war.yaml", cwd=tmp_path)
    assert result.code == 1 and len(result.lines) == 1 and result.lines[0].startswith(start), result.lines
    assert "plain" in result.lines[0] or "primary" in result.lines[0]


def _word(run, tmp_path, spec: str) -> tuple[str, str]:
    """The Word export's handout and mark scheme, as the text of every paragraph (tables' and footer's too)."""
    import docx
    from docx.text.paragraph import Paragraph

    write_file(tmp_path, "war.yaml", spec)
    result = run("export", "war.yaml", "--format", "docx", "-q", cwd=tmp_path)
    assert result.code == 0, result.stderr
    texts = []
    for role in ("student", "markscheme"):
        document = docx.Document(str(tmp_path / "output" / "war" / f"war-{role}.docx"))
        body = [Paragraph(p, None).text for p in document.element.body.iter(docx.oxml.ns.qn("w:p"))]
        footer = [p.text for p in document.sections[0].footer.paragraphs]
        texts.append(flat(" ".join(body + footer).replace("\t", " ")))
    return texts[0], texts[1]


@pytest.mark.parametrize(("name", "present", "absent"), [
    ("aqa", ["0 1 Name the two superpowers.", "0 2 . 1 When did it start?", "[2 marks]", "Centre number",
             "Candidate number", "Do not write outside the box"], ["2(a)", "(Total for Question 1"]),
    ("edexcel", ["(2)", "(4)", "(Total for Question 1 = 2 marks)", "(Total for Question 3 = 12 marks)",
                 "DO NOT WRITE IN THIS AREA"], ["[2 marks]", "Centre number"]),
    ("ocr", ["[2]", "[12]", "*3 How far do you agree?"], ["marks]", "*1", "DO NOT WRITE"]),
])
def test_the_word_export_prints_the_house_style_too(run, tmp_path, name, present, absent):
    handout, scheme = _word(run, tmp_path, SPEC.format(house=name))
    for said in present:
        assert said in handout, (said, handout)
    for said in absent:
        assert said not in handout, said
    assert present[0].split(" N")[0] in scheme  # the mark scheme numbers its questions alike


def test_a_primary_word_handout_has_no_marks_or_exam_furniture(run, tmp_path):
    handout, scheme = _word(run, tmp_path, SPEC.format(house="plain").replace(
        "house_style: plain", "audience: primary"))
    assert "Name the two superpowers." in handout
    for furniture in ("mark]", "marks]", "Total", "END OF QUESTIONS"):
        assert furniture not in handout, furniture
    assert "[2 marks]" in scheme
