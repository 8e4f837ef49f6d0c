"""End to end: specs in, PDFs out, checked through the text and structure of the PDFs."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from pypdf import PdfReader

from helpers import flat, page_texts, pdf_text

SECRETS = ["SECRET-MODEL-ANSWER-ONE", "SECRET-POINT-ALPHA", "SECRET-POINT-BETA", "SECRET-LEVEL-TOP",
           "SECRET-INDICATIVE", "SECRET-PART-ANSWER"]


def build_basic(run, specs: Path) -> tuple[Path, Path]:
    result = run("build", "basic.yaml", cwd=specs)
    assert result.code == 0, result.stderr
    folder = specs / "output" / "basic"
    return folder / "basic-student.pdf", folder / "basic-markscheme.pdf"


def test_build_writes_the_contract_names(run, specs):
    student, _ = build_basic(run, specs)
    assert sorted(p.name for p in student.parent.iterdir()) == ["basic-markscheme.pdf", "basic-student.pdf"]


def test_handout_has_prompts_numbers_marks_and_total(run, specs):
    student, _ = build_basic(run, specs)
    text = flat(pdf_text(student))
    assert "The Water Cycle" in text and "Year 7 Geography" in text
    assert "1 What is evaporation? [2 marks]" in text
    assert "2 Using Source A, explain what happens to heavy rain. [6 marks]" in text
    assert "3 Describe the water cycle." in text
    assert "(a) Name the first stage. [1 mark]" in text
    assert "(b) Explain why clouds form. [3 marks]" in text
    assert "Total: 12 marks" in text
    assert "Time allowed: 20 minutes" in text
    assert "Question 3 uses Source A." in text
    assert "END OF QUESTIONS" in text
    for field in ("Name:", "Class:", "Date:"):
        assert field in text


def test_handout_never_shows_answers(run, specs):
    student, scheme = build_basic(run, specs)
    handout = pdf_text(student)
    marks = pdf_text(scheme)
    for secret in SECRETS:
        assert secret not in handout
        assert secret in marks


def test_source_box_is_lettered_with_attribution(run, specs):
    student, _ = build_basic(run, specs)
    text = flat(pdf_text(student))
    assert "Source A: A sailor's diary" in text
    assert "Adapted from a ship's log, 1851." in text
    assert "The rain came in sheets for three days." in text


def test_special_characters_print_literally_with_real_glyphs(run, specs):
    student, _ = build_basic(run, specs)
    text = flat(pdf_text(student))
    assert "Use x < y & z, <b>, { literally." in text
    for word in ("ύδωρ", "вода", "Ramón’s", "“agua”", "–", "—"):
        assert word in text
    with pdfplumber.open(student) as pdf:
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
    # only the bundled faces, embedded (no fallback to a base-14 font that lacks Greek or Cyrillic)
    assert fonts <= {"LiberationSans", "LiberationSans-Bold", "LiberationSans-Italic", "LiberationSerif"}, fonts
    assert "LiberationSans-Italic" in fonts  # *evaporates* is italic


def test_page_x_of_y_on_every_page_and_a4(run, specs):
    student, _ = build_basic(run, specs)
    pages = page_texts(student)
    for number, text in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in text
    for page in PdfReader(student).pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)


def test_letter_paper_from_the_spec_and_the_option(run, specs):
    assert run("build", "uses.yaml", cwd=specs).code == 0
    page = PdfReader(specs / "output/uses/uses-student.pdf").pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    assert run("build", "basic.yaml", "--paper", "letter", cwd=specs).code == 0
    page = PdfReader(specs / "output/basic/basic-student.pdf").pages[0]
    assert round(float(page.mediabox.height)) == 792


def test_mark_scheme_matches_numbers_and_total(run, specs):
    _, scheme = build_basic(run, specs)
    text = flat(pdf_text(scheme))
    assert "Mark scheme: The Water Cycle" in text
    assert "Total: 12 marks" in text
    assert "1 What is evaporation? [2 marks]" in text
    assert "(a) Name the first stage. [1 mark]" in text
    assert "Level 3 5–6 SECRET-LEVEL-TOP" in text
    assert re.search(r"Question Marks 1 2 2 6 3\(a\) 1 3\(b\) 3 Total 12", text)


def test_bank_uses_and_question_sets(run, specs):
    result = run("build", "uses.yaml", cwd=specs)
    assert result.code == 0, result.stderr
    text = flat(pdf_text(specs / "output/uses/uses-student.pdf"))
    assert "Bank questions" in text
    assert "1 Why was the bridge closed? [3 marks]" in text
    assert "2 A local question. [4 marks]" in text
    assert "Source A" in text and "Dear Sir, the bridge is closed." in text
    assert "Total: 7 marks" in text
    assert "SECRET-BANK-ANSWER" not in text


def test_rebuild_is_byte_identical(run, specs):
    student, scheme = build_basic(run, specs)
    first = student.read_bytes(), scheme.read_bytes()
    for name in (student, scheme):
        name.unlink()
    assert run("build", "basic.yaml", "--force", cwd=specs).code == 0
    assert (student.read_bytes(), scheme.read_bytes()) == first


def test_example_builds_and_hides_answers(run, example):
    result = run("build", "terror.yaml", cwd=example)
    assert result.code == 0, result.stderr
    student = example / "output/terror/terror-student.pdf"
    scheme = example / "output/terror/terror-markscheme.pdf"
    handout, marks = flat(pdf_text(student)), flat(pdf_text(scheme))
    assert "Source A" in handout and "Source B" in handout and "Source C" in handout
    assert "Adapted from" in handout
    assert "ГУЛАГ" in handout and "Ramón" in handout
    total = re.search(r"Total: (\d+) marks", handout).group(1)
    assert f"Total: {total} marks" in marks
    assert "Model answer" in marks and "Model answer" not in handout
    assert "Levels of response" in marks and "Level 4" in marks


def test_source_insert(run, specs):
    result = run("build", "insert.yaml", cwd=specs)
    assert result.code == 0, result.stderr
    folder = specs / "output/insert"
    assert sorted(p.name for p in folder.iterdir()) == ["insert-markscheme.pdf", "insert-sources.pdf",
                                                        "insert-student.pdf"]
    handout = flat(pdf_text(folder / "insert-student.pdf"))
    insert = flat(pdf_text(folder / "insert-sources.pdf"))
    assert "INSERT-TEXT-ONE" not in handout and "INSERT-TEXT-TWO" not in handout
    assert "Sources A–B are in the separate source insert." in handout
    assert "1 How useful is Source A? [8 marks]" in handout
    assert "Source A Adapted from a diary. INSERT-TEXT-ONE" in insert
    assert "Source B Adapted from a speech. INSERT-TEXT-TWO" in insert


def test_grading_table_on_request_and_by_default_from_ten_questions(run, specs):
    assert run("build", "insert.yaml", cwd=specs).code == 0
    handout = flat(pdf_text(specs / "output/insert/insert-student.pdf"))
    assert "Question 1 2 Total Marks 8 4 12 Awarded" in handout
    assert run("build", "basic.yaml", cwd=specs).code == 0
    assert "Awarded" not in pdf_text(specs / "output/basic/basic-student.pdf")
    many = specs / "many.yaml"
    questions = "\n".join(f"  - {{id: q{i}, prompt: P{i}, marks: 1}}" for i in range(10))
    many.write_text("worksheet:\n  title: Many\n  contents:\n    - questions: [" + ", ".join(f"q{i}" for i in range(10))
                    + "]\nquestions:\n" + questions + "\n", encoding="utf-8")
    assert run("build", "many.yaml", cwd=specs).code == 0
    assert "Awarded" in pdf_text(specs / "output/many/many-student.pdf")


def test_mark_scheme_pages_that_open_mid_question_say_so(run, example):
    assert run("build", "terror.yaml", "--tier", "core", cwd=example).code == 0
    from pypdf import PdfReader

    pages = [page.extract_text() or "" for page in PdfReader(example / "output/terror/terror-markscheme.pdf").pages]
    labelled = [i for i, text in enumerate(pages) if re.search(r"Question \d+ continued", text)]
    assert labelled, "no page opens mid-question?"
    for index in labelled:
        number = re.search(r"Question (\d+) continued", pages[index]).group(1)
        # the question began on an earlier page, and this page does not start it again
        assert any(re.search(rf"(^|\n){number}\n", page) for page in pages[:index])


def test_callouts_sit_beside_plain_text_in_the_standard_style_only(run, specs):
    assert run("build", "beside.yaml", "--style", "standard", "--style", "dyslexia", cwd=specs).code == 0
    for name, beside in (("beside-student.pdf", True), ("beside-dyslexia-student.pdf", False)):
        with pdfplumber.open(specs / "output/beside" / name) as pdf:
            words = pdf.pages[0].extract_words()
            key = next(w for w in words if w["text"] == "Condensation")
            evaporates = next(w for w in words if w["text"] == "evaporates")
            assert (key["x0"] > pdf.pages[0].width / 2) == beside, name
            assert (abs(key["top"] - evaporates["top"]) < 60) == beside, name


def test_photos_are_downsampled_for_print(run, tmp_path):
    from PIL import Image

    Image.effect_noise((3000, 2000), 60).convert("RGB").save(tmp_path / "photo.jpg", quality=95)
    (tmp_path / "w.yaml").write_text("worksheet:\n  title: T\n  contents:\n    - sources: [p]\n"
                                     "sources:\n  - {id: p, image: photo.jpg}\n", encoding="utf-8")
    assert run("build", "w.yaml", "--no-mark-scheme", cwd=tmp_path).code == 0
    pdf = tmp_path / "output/w/w-student.pdf"
    assert pdf.stat().st_size < (tmp_path / "photo.jpg").stat().st_size / 4
    from pypdf import PdfReader

    (image,) = PdfReader(pdf).pages[0].images
    assert image.image.width <= 0.8 * 3000 and image.image.width >= 1000  # about 200 dpi across the text width
