"""Page breaking a department would not be embarrassed by: no page holding only the end marker."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from helpers import write_file


def _bodies(pdf) -> list[str]:
    """Each page's text without its running header and footer lines."""
    out = []
    for page in PdfReader(pdf).pages:
        lines = [line for line in (page.extract_text() or "").splitlines() if line.strip()]
        out.append(" ".join(line for line in lines if not line.startswith(("Page ", "Lines T", "Turn over"))
                            and "Turn over" not in line))
    return out


@pytest.mark.parametrize("lines", [26, 27, 28, 29, 30, 31])
def test_the_end_marker_never_stands_alone_on_a_page(run, tmp_path, lines):
    """Answer space that ends near the foot of page 1, for several heights around the page's end."""
    write_file(tmp_path, "e.yaml", "worksheet:\n  title: Lines T\n  student_fields: []\n  contents:\n"
                                   "    - questions: [q]\nquestions:\n"
                                   f"  - {{id: q, prompt: Write., marks: 2, answer: {{lines: {lines}}}}}\n")
    assert run("build", "e.yaml", cwd=tmp_path).code == 0
    bodies = _bodies(tmp_path / "output/e/e-student.pdf")
    assert all(body.strip() != "END OF QUESTIONS" for body in bodies), bodies


def _page_of(pdf, phrase: str) -> int:
    """The first page (from 1) whose text holds `phrase`."""
    for number, text in enumerate(PdfReader(pdf).pages, 1):
        if phrase in " ".join((text.extract_text() or "").split()):
            return number
    raise AssertionError(f"{phrase!r} is on no page")


def _source_spec(folder, words: int, lines: int, between: str = "") -> None:
    filler = " ".join(["Background words for the reader to take in."] * words)
    write_file(folder, "s.yaml", "worksheet:\n  title: Sources T\n  student_fields: []\n  contents:\n"
                                 f"    - text: '{filler}'\n    - sources: [s1]\n{between}"
                                 "    - questions: [q]\n"
                                 "sources:\n  - id: s1\n    title: A letter\n"
                                 f"    text: '{' '.join(['The letter speaks of the harvest and the weather.'] * 40)}'\n"
                                 "questions:\n  - id: q\n    prompt: 'Use {source:s1}: what does QUESTION-ONE say?'\n"
                                 f"    sources: [s1]\n    marks: 4\n    answer: {{lines: {lines}}}\n")


@pytest.mark.parametrize("words", [10, 25, 40, 55])
@pytest.mark.parametrize("lines", [6, 10, 14])
def test_a_source_is_on_or_facing_the_page_of_its_first_question(run, tmp_path, words, lines):
    """Text before the source pushes it and its question across page 1's foot at several heights; page 1 and
    page 2 are the two sides of one sheet, so the student must find both on one page."""
    _source_spec(tmp_path, words, lines)
    assert run("build", "s.yaml", cwd=tmp_path).code == 0
    pdf = tmp_path / "output/s/s-student.pdf"
    source, question = _page_of(pdf, "Source A: A letter"), _page_of(pdf, "what does QUESTION-ONE say")
    assert source == question or (abs(source - question) == 1 and min(source, question) % 2 == 0), (source, question)


def test_a_source_longer_than_the_room_left_starts_a_page_and_breaks_cleanly(run, tmp_path):
    """Where keeping together cannot work, the pages are still laid out: every page has a body."""
    _source_spec(tmp_path, 30, 40, between="    - text: '" + " ".join(["More words in between."] * 200) + "'\n")
    assert run("build", "s.yaml", cwd=tmp_path).code == 0
    assert all(body.strip() for body in _bodies(tmp_path / "output/s/s-student.pdf"))


def test_the_last_part_of_the_last_question_never_stands_alone(run, tmp_path):
    for lines in range(22, 34, 2):
        write_file(tmp_path, "p.yaml", "worksheet:\n  title: Lines T\n  student_fields: []\n  contents:\n"
                                       "    - questions: [q]\nquestions:\n  - id: q\n    prompt: Answer.\n    parts:\n"
                                       f"      - {{prompt: PART-ONE, marks: 2, answer: {{lines: {lines}}}}}\n"
                                       "      - {prompt: PART-TWO, marks: 2, answer: {lines: 8}}\n")
        assert run("build", "p.yaml", cwd=tmp_path).code == 0
        bodies = _bodies(tmp_path / "output/p/p-student.pdf")
        last = bodies[-1]
        assert "PART-TWO" not in last or "PART-ONE" in last or "continued" in last, (lines, bodies)


@pytest.mark.parametrize("text", ['![A map](map.png \\"a sketch map\\")', "![](map.png)",
                                  '- ![A map](map.png \\"a sketch map\\")\\n- Next',
                                  '1. Look\\n   ![A map](map.png \\"a sketch map\\")\\n2. Next',
                                  'Before.\\n![A map](map.png \\"a sketch map\\")'])
def test_a_source_that_is_only_a_picture_is_laid_out(run, tmp_path, text):
    """A picture kept with its caption, alone in a source's box, once made reportlab split the box for ever."""
    from PIL import Image

    Image.new("RGB", (800, 600), "grey").save(tmp_path / "map.png")
    write_file(tmp_path, "p.yaml", "worksheet:\n  title: Map\n  contents:\n    - sources: [s]\n"
                                   f"sources:\n  - {{id: s, text: \"{text}\"}}\n")
    assert run("build", "p.yaml", "--no-mark-scheme", cwd=tmp_path).code == 0
    import pdfplumber

    with pdfplumber.open(tmp_path / "output/p/p-student.pdf") as pdf:
        pictures = [image for page in pdf.pages for image in page.images]
        assert len(pdf.pages) == 1 and len(pictures) == 1
        assert pictures[0]["width"] > 200  # the width of the box, not a sliver


def test_a_layout_that_never_ends_is_given_up_as_one_line(tmp_path):
    """Whatever reportlab is given, the layout stops: a flowable that splits into more of itself for ever."""
    from reportlab.platypus import Flowable
    from reportlab.platypus.doctemplate import LayoutError

    from worksheets.style.themes import theme_for
    from worksheets.writers.pdf.fonts import register
    from worksheets.writers.pdf.page import Furniture, build_pdf

    register("Sans", "Serif")

    class Endless(Flowable):
        def wrap(self, width, height):
            return width, height + 10

        def split(self, width, height):
            return [Endless(), Endless()]

    with pytest.raises(LayoutError):
        build_pdf([Endless()], "A4", Furniture(theme_for("standard"), "T", "", "", False), "T", "")


def test_a_page_that_opens_where_a_question_ends_or_starts_is_not_headed_continued():
    """A question's end (or start) drawn first on a page means no question runs on to it: that page's header
    says nothing of one, while a page that opens mid-question says which."""
    import io

    from reportlab.platypus import PageBreak, Paragraph

    from worksheets.style.themes import theme_for
    from worksheets.writers.pdf.flow import RunningLabel
    from worksheets.writers.pdf.page import Furniture, build_pdf
    from worksheets.writers.pdf.prose import styles_for

    s = styles_for(theme_for("standard"))
    story = [RunningLabel("Question 3 continued"), Paragraph("Question three.", s.body), PageBreak(),
             Paragraph("Still question three.", s.body), PageBreak(),
             RunningLabel(None), Paragraph("After it.", s.body), PageBreak(),
             RunningLabel("Question 4 continued"), Paragraph("Question four.", s.body)]
    data = build_pdf(story, "A4", Furniture(theme_for("standard"), "T", "", "", False), "T", "")
    headers = [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]
    assert len(headers) == 4
    assert "Question 3 continued" in headers[1]
    assert "continued" not in headers[2] and "continued" not in headers[3]


def test_a_closing_tip_after_the_questions_comes_before_the_end_marker(run, tmp_path):
    """Prose just after the last questions belongs to them: END OF QUESTIONS follows it, in the PDF and in Word; a
    glossary after the questions still follows the marker."""
    import docx

    write_file(tmp_path, "tip.yaml", """worksheet:
  title: Tip
  contents:
    - questions: [q]
    - text: Check your spelling of the key terms.
    - glossary: all
glossary:
  purge: removing people from the Party
questions:
  - {id: q, prompt: Why?, marks: 2}
""")
    assert run("build", "tip.yaml", "--no-mark-scheme", cwd=tmp_path).code == 0
    assert run("export", "tip.yaml", "--format", "docx", "-q", cwd=tmp_path).code == 0
    pdf = " ".join(_bodies(tmp_path / "output/tip/tip-student.pdf"))
    document = docx.Document(str(tmp_path / "output/tip/tip-student.docx"))
    word = " ".join(p.text for p in document.paragraphs)
    for text in (pdf, word):
        assert text.index("Check your spelling") < text.index("END OF QUESTIONS"), text
    assert pdf.index("END OF QUESTIONS") < pdf.index("removing people")
