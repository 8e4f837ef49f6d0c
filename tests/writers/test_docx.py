"""The Word writer: handouts and mark schemes re-read with python-docx, their XML checked (tab-leader writing
lines, equations, page fields), never an answer on the student's copy, the same numbers and marks as the
PDFs, byte-identical exports, and a LibreOffice round trip when LibreOffice is installed."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from pypdf import PdfReader

from helpers import SPECS, flat, pdf_text, scan_quiz
from worksheets import document as d
from worksheets.writers.contract import RenderUnit, render
from worksheets.writers.docx.maths import omml

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def export(run, folder: Path, spec: str = "terror.yaml", *extra: str) -> Path:
    """Export the spec as Word into folder/out; the spec's output folder."""
    result = run("export", spec, "--format", "docx", "--out", "out", *extra, cwd=folder)
    assert result.code == 0, result.stderr
    return folder / "out" / Path(spec).stem


def text_of(path: Path) -> str:
    """Every paragraph's text, the body's and every table cell's (nested ones too), in order."""
    return "\n".join(p.text for p in _paragraphs(docx.Document(str(path))))


def _paragraphs(document) -> list:
    out = []
    for element in document.element.body.iter(f"{W}p"):
        out.append(docx.text.paragraph.Paragraph(element, document))
    return out


def xml(path: Path, part: str = "word/document.xml") -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(part).decode("utf-8")


def marks_of(text: str) -> list[str]:
    """Every "[N marks]" in order, and the total."""
    return re.findall(r"\[\d+\s?marks?\]|Total: \d+ marks", text)


@pytest.fixture
def core(run, example) -> Path:
    """The example's core tier, exported as Word."""
    return export(run, example, "terror.yaml", "--tier", "core")


def model_sentences() -> list[str]:
    """The first sentence of every model answer in the example's bank (not the challenge tier's extensions)."""
    bank = yaml.safe_load((Path(__file__).parents[2] / "specs" / "stalin-terror" / "bank.yaml").read_text("utf-8"))
    out = []
    for q in bank["questions"]:
        if q.get("extension"):
            continue
        for item in (q, *q.get("parts", [])):
            sentence = flat(str(item.get("model_answer", ""))).split(". ")[0][:60]
            if len(sentence) > 20 and "*" not in sentence:  # a sentence of words, no markdown in it
                out.append(sentence)
    return out


def test_export_writes_a_handout_and_a_mark_scheme_for_each_tier(run, example):
    folder = export(run, example)
    names = sorted(p.name for p in folder.glob("*.docx"))
    assert names == sorted(f"terror{t}-{role}.docx" for t in ("", "-support", "-challenge")
                           for role in ("student", "markscheme"))


def test_handout_has_title_fields_instructions_sections_sources_and_questions(core):
    text = text_of(core / "terror-student.docx")
    for phrase in ("Stalin’s Terror, 1934–39", "GCSE History · Russia and the Soviet Union", "Name:", "Class:",
                   "Date:", "Instructions", "Time allowed: 60 minutes", "The NKVD and its chiefs", "Key term",
                   "Source A", "Adapted from", "Glossary", "END OF QUESTIONS", "Tick one box.", "(a)", "(b)"):
        assert phrase in text, phrase
    assert "☐" in text  # tick boxes
    assert re.search(r"\(1\)\s_{10,}", text)  # a cloze gap is a numbered blank


def test_the_same_numbers_marks_and_total_as_the_pdf(run, example, core):
    assert run("build", "terror.yaml", "--out", "pdf", "--tier", "core", cwd=example).code == 0
    pdf = flat(pdf_text(example / "pdf" / "terror" / "terror-student.pdf"))
    word = text_of(core / "terror-student.docx")
    assert marks_of(flat(word)) == marks_of(pdf)
    assert "Total: 105 marks" in word
    assert "(Total for Question 6 = 7 marks)" in word
    numbers = re.findall(r"^(\d+)\t", word, re.M)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)] and len(numbers) == 17


def test_the_student_copy_holds_no_answer(core):
    student = flat(text_of(core / "terror-student.docx"))
    scheme = flat(text_of(core / "terror-markscheme.docx"))
    sentences = model_sentences()
    assert len(sentences) > 5
    for sentence in sentences:
        assert flat(sentence) not in student, sentence
        assert flat(sentence) in scheme, sentence
    for key in ("Model answer", "Marking points", "Correct order:", "Correct pairs", "Answer: B", "(1) 1934"):
        assert key not in student, key
        assert key in scheme, key


def test_the_mark_scheme_has_guidance_summary_levels_and_every_question(core):
    scheme = docx.Document(str(core / "terror-markscheme.docx"))
    text = text_of(core / "terror-markscheme.docx")
    for phrase in ("Mark scheme: Stalin’s Terror, 1934–39", "General guidance", "Summary of marks",
                   "Levels of response", "Indicative content", "Sources, as printed on the paper", "Total: 105 marks"):
        assert phrase in text, phrase
    cells = {cell.text for table in scheme.tables for row in table.rows for cell in row.cells}
    assert {"Level 4", "7–8", "Total", "105"} <= cells


def test_answer_lines_are_tab_leaders_to_the_right_margin_never_borders(core):
    body = xml(core / "terror-student.docx")
    leaders = [re.search(r'w:pos="(\d+)"', tab).group(1) for tab in re.findall(r"<w:tab [^>]*/>", body)
               if 'w:leader="dot"' in tab and 'w:val="right"' in tab]
    assert len(leaders) > 100
    document = docx.Document(str(core / "terror-student.docx"))
    section = document.sections[0]
    text_width = round((section.page_width - section.left_margin - section.right_margin) / 635)  # EMU to twips
    assert max(int(pos) for pos in leaders) == pytest.approx(text_width, abs=2)
    assert "<w:pBdr>" not in body  # bordered paragraphs merge in Word


def test_the_footer_numbers_pages_with_fields(core):
    path = core / "terror-student.docx"
    with zipfile.ZipFile(path) as z:
        footers = [z.read(n).decode() for n in z.namelist() if re.match(r"word/footer\d*\.xml", n)]
    assert footers and all(" PAGE " in f and " NUMPAGES " in f and "Page " in f for f in footers)


def test_two_exports_are_byte_identical(run, example):
    first = export(run, example, "terror.yaml", "--tier", "core")
    again = run("export", "terror.yaml", "--format", "docx", "--out", "again", "--tier", "core", cwd=example)
    assert again.code == 0
    for name in ("terror-student.docx", "terror-markscheme.docx"):
        assert (first / name).read_bytes() == (example / "again" / "terror" / name).read_bytes()
    with zipfile.ZipFile(first / "terror-student.docx") as z:
        assert {info.date_time for info in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    assert docx.Document(str(first / "terror-student.docx")).core_properties.created.year == 2000


RICH = """\
worksheet:
  title: Every space
  contents:
    - text: |
        | Rule | Example |
        |---|---|
        | Multiplying | $a^m \\times a^n = a^{m+n}$ |

        $$x = \\frac{-b \\pm \\sqrt{b^2 - 4ac}}{2a}$$
    - questions: [solve, box, graph, heart, cross, find]
questions:
  - id: solve
    prompt: "Solve $x^2 - 5x + 6 = 0$."
    marks: 3
    answer_line: {label: "x =", units: ""}
    model_answer: "The roots are two and three."
  - id: box
    prompt: Draw a triangle.
    marks: 2
    answer: {box: 40mm}
  - id: graph
    prompt: Draw the graph.
    marks: 2
    answer: {graph: {x: [-3, 3], y: [0, 9], height: 40mm}}
  - id: heart
    type: label
    prompt: Label the triangle.
    image: triangle.png
    alt: A right-angled triangle with two corners marked
    labels: [{at: [0.2, 0.8], answer: hypotenuse}, {at: [0.7, 0.5], answer: vertex}]
  - id: cross
    type: crossword
    clues: [{answer: GULAG, clue: The camps}, {answer: NKVD, clue: The police}]
  - id: find
    type: wordsearch
    words: [PURGE, TRIAL]
"""


@pytest.fixture
def rich(run, tmp_path) -> Path:
    (tmp_path / "rich.yaml").write_text(RICH, encoding="utf-8")
    shutil.copy(SPECS / "export" / "triangle.png", tmp_path / "triangle.png")
    result = run("export", "rich.yaml", "--format", "docx", "--out", "out", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert "left out" not in result.stdout + result.stderr  # every question went in
    return tmp_path / "out" / "rich"


def test_a_picture_carries_its_alt_text_as_words_description(rich):
    body = xml(rich / "rich-student.docx")
    assert 'descr="A right-angled triangle with two corners marked"' in body


def test_maths_becomes_word_equations(rich):
    body = xml(rich / "rich-student.docx")
    assert body.count("<m:oMath>") + body.count("<m:oMath ") >= 3
    assert "<m:oMathPara" in body and "<m:f>" in body and "<m:rad>" in body and "<m:degHide" in body
    assert "$" not in text_of(rich / "rich-student.docx")


def test_a_formula_that_cannot_convert_falls_back_to_its_reading():
    assert omml(r"\frac{1}{2}") is not None
    assert omml(r"\begin{aligned} a &= b \\ c &= d \end{aligned}") is None
    doc = _document((d.Para((d.Run("So "), d.Math(r"\notacommand{x}", "x reading"))),))
    text = text_of_bytes(render(RenderUnit(doc, "student", format="docx")).data)
    assert "So x reading" in text


def test_spaces_and_puzzles_are_laid_out(rich):
    student = docx.Document(str(rich / "rich-student.docx"))
    text = text_of(rich / "rich-student.docx")
    assert "x = " in text and "Axes: x from −3 to 3" in text.replace("-", "−")
    heights = [row.height for table in student.tables for row in table.rows if row.height]
    assert any(abs(h.pt - 40 * 72 / 25.4) < 1 for h in heights)  # the 40 mm box
    assert "Across" in text and "The camps (5)" in text and "Words to find:" in text
    assert "GULAG" not in text and "NKVD" not in text  # the crossword's answers
    assert xml(rich / "rich-student.docx").count("<pic:pic") == 1  # the label's picture, its markers drawn on
    scheme = text_of(rich / "rich-markscheme.docx")
    assert "hypotenuse" in scheme and "hypotenuse" not in text
    assert "The roots are two and three." in scheme and "The roots" not in text
    assert "Completed grid" in scheme


def test_the_dyslexia_style_is_andika_at_its_size(run, example):
    folder = export(run, example, "terror.yaml", "--tier", "support", "--style", "dyslexia")
    path = folder / "terror-support-dyslexia-student.docx"
    styles = xml(path, "word/styles.xml")
    assert 'w:ascii="Andika"' in styles and '<w:sz w:val="25"/>' in styles  # 12.5 pt
    assert "<w:background" in xml(path)  # the cream page


def _document(prompt: d.Prose, detail: d.Detail | None = None) -> d.Document:
    area = d.AnswerArea("none" if detail else "lines", 2)
    q = d.Question("q", "1", "1", "label" if detail else "written", prompt, 2, area, detail=detail)
    return d.Document("t", "A test", "t.yaml", None, "A4", (), (), None, (d.QuestionsBlock(None, (), (q,)),))


def text_of_bytes(data: bytes) -> str:
    import io

    return "\n".join(p.text for p in _paragraphs(docx.Document(io.BytesIO(data))))


def test_what_cannot_go_in_is_named_in_a_note_and_the_question_kept():
    missing = d.Label(d.Figure("gone.png", "A heart", Path("/nonexistent/gone.png")), ((0.5, 0.5),), ())
    rendered = render(RenderUnit(_document((d.Para((d.Run("Label the heart."),)),), missing), "student",
                                 format="docx"))
    assert rendered.notes == ("t.yaml: the picture gone.png cannot go in Word: left out",)
    text = text_of_bytes(rendered.data)
    assert "Label the heart." in text and "[2\u00a0marks]" in text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_it_and_prints_the_title(core, tmp_path):
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "pdf", "--outdir", str(tmp_path), str(core / "terror-student.docx")],
                   check=True, capture_output=True, timeout=180)
    pdf = tmp_path / "terror-student.pdf"
    pages = PdfReader(pdf).pages
    assert len(pages) > 3
    first = flat(pages[0].extract_text())
    assert "Stalin’s Terror, 1934–39" in first and "Page 1 of" in first


def test_every_paragraph_style_used_is_in_the_file(core, rich):
    """The styles are trimmed to those a worksheet uses: each one a paragraph names must still be there, or
    Word would quietly show it as Normal."""
    for path in [*core.glob("*.docx"), *rich.glob("*.docx")]:
        used = set(re.findall(r'<w:pStyle w:val="([^"]+)"', xml(path)))
        defined = set(re.findall(r'w:styleId="([^"]+)"', xml(path, "word/styles.xml")))
        assert used and used <= defined, (path.name, used - defined)
        assert {"Normal", "Heading1", "Heading3", "Cell"} <= defined


def test_the_file_holds_no_template_leftovers(core):
    """No preview picture of python-docx's template and no second copy of the styles for Word 2010; every
    part the package lists is in it, and every part in it is listed."""
    with zipfile.ZipFile(core / "terror-student.docx") as z:
        names = set(z.namelist())
        types = z.read("[Content_Types].xml").decode()
    assert not any("thumbnail" in n or "stylesWithEffects" in n for n in names)
    assert "thumbnail" not in types and "stylesWithEffects" not in types
    listed = {f"/{n}" for n in names if not n.endswith(".rels") and n != "[Content_Types].xml"}
    overrides = set(re.findall(r'PartName="([^"]+)"', types))
    assert overrides <= listed
    assert len(xml(core / "terror-student.docx", "word/styles.xml")) < 60_000


def test_scan_marking_is_named_as_left_out_of_word(run, tmp_path):
    """Word reflows the page, so no box would be where a scan looks: the export says so, in one line."""
    folder = tmp_path / "quiz"
    scan_quiz(folder)
    result = run("export", "quiz.yaml", "--format", "docx", "--out", "out", cwd=folder)
    assert result.code == 0
    said = [line for line in (result.stdout + result.stderr).splitlines() if "scan_marking" in line]
    assert said == ["left out: quiz.yaml: scan_marking: the Word handout has no corner marks, codes or marker's "
                    "boxes: print the PDFs to mark from a scan"]
