"""Defects found in review, each kept as a test."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import flat, pdf_text
from worksheets.plan.shuffle import permutation, variant_order


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_two_items_are_never_printed_in_answer_order():
    for key in map(str, range(300)):
        assert permutation(2, key) == [1, 0]
        for variant in range(4):
            assert variant_order(3, variant, key) != [0, 1, 2]
            assert variant_order(2, variant, key) == [1, 0]


def test_a_two_pair_matching_question_hides_its_key(run, tmp_path):
    _write(tmp_path, "w.yaml", "worksheet:\n  title: T\n  contents:\n    - questions: [m]\nquestions:\n"
           "  - {id: m, type: matching, pairs: [[Yagoda, RIGHTA], [Yezhov, RIGHTB]]}\n")
    assert run("build", "w.yaml", cwd=tmp_path).code == 0
    assert re.findall(r"RIGHT\w", pdf_text(tmp_path / "output/w/w-student.pdf")) == ["RIGHTB", "RIGHTA"]


def test_two_specs_with_the_same_name_are_refused(run, tmp_path):
    for folder in ("u1", "u2"):
        (tmp_path / folder).mkdir()
        _write(tmp_path / folder, "quiz.yaml", "worksheet:\n  title: T\n  contents:\n    - text: hi\n")
    result = run("build", "u1/quiz.yaml", "u2/quiz.yaml", cwd=tmp_path)
    assert result.code == 1
    assert result.lines[0].startswith("u2/quiz.yaml: would overwrite output/quiz/quiz-student.pdf from u1/quiz.yaml")
    assert not (tmp_path / "output").exists()


def test_class_set_with_a_source_insert_writes_the_insert(run, specs):
    _write(specs, "7b.csv", "name\nAda\n")
    result = run("build", "insert.yaml", "--class-list", "7b.csv", cwd=specs)
    assert result.code == 0, result.stderr
    assert (specs / "output/insert/insert-sources.pdf").is_file()


def test_a_question_whose_parts_are_all_in_other_tiers_is_left_out(run, tmp_path):
    _write(tmp_path, "w.yaml", "worksheet:\n  title: T\n  contents:\n    - questions: [p, q]\nquestions:\n"
           "  - {id: p, prompt: STEM, parts: [{prompt: a, marks: 1, tiers: [challenge]}]}\n"
           "  - {id: q, prompt: OTHER, marks: 2}\n")
    assert run("build", "w.yaml", cwd=tmp_path).code == 0
    text = flat(pdf_text(tmp_path / "output/w/w-student.pdf"))
    assert "STEM" not in text and "1 OTHER [2 marks]" in text and "Total: 2 marks" in text


def test_cloze_gaps_inside_lists(run, tmp_path):
    _write(tmp_path, "w.yaml", "worksheet:\n  title: T\n  contents:\n    - questions: [c]\nquestions:\n"
           "  - id: c\n    type: cloze\n    text: |\n      - In [[NINETEEN]] something\n      1. [[MOSCOW]] is a city\n")
    assert run("build", "w.yaml", cwd=tmp_path).code == 0
    handout = pdf_text(tmp_path / "output/w/w-student.pdf")
    scheme = flat(pdf_text(tmp_path / "output/w/w-markscheme.pdf"))
    assert "\ue000" not in handout and "NINETEEN" not in handout and "(1) _" in handout
    assert "(1) NINETEEN" in scheme and "(2) MOSCOW" in scheme


def test_empty_tier_and_style_lists_are_errors(run, tmp_path):
    _write(tmp_path, "w.yaml", "worksheet:\n  title: T\n  tiers: []\n  styles: []\n  contents:\n    - text: hi\n")
    assert run("check", "w.yaml", cwd=tmp_path).lines == [
        "w.yaml:3:10: worksheet.tiers: needs at least 1 item, found 0",
        "w.yaml:4:11: worksheet.styles: needs at least 1 item, found 0",
    ]


def test_references_in_titles_captions_scaffolds_and_glossary(run, tmp_path):
    _write(tmp_path, "w.yaml", "worksheet:\n  title: T\n  tiers: [support]\n  contents:\n    - sources: [s]\n"
           "    - questions: [q]\n    - glossary: all\nsources:\n  - {id: s, title: 'Before {question:q}', text: x}\n"
           "questions:\n  - id: q\n    prompt: P\n    marks: 1\n    scaffold: {sentence_starters: ['Use {source:s}']}\n"
           "glossary:\n  term: 'See {source:s}'\n")
    assert run("build", "w.yaml", cwd=tmp_path).code == 0, run("build", "w.yaml", cwd=tmp_path).stderr
    text = flat(pdf_text(tmp_path / "output/w/w-support-student.pdf"))
    assert "Source A: Before 1" in text and "Use Source A" in text and "See Source A" in text
    _write(tmp_path, "bad.yaml", "worksheet:\n  title: T\n  contents:\n    - glossary: all\nglossary:\n  term: 'See {source:nope}'\n")
    assert run("check", "bad.yaml", cwd=tmp_path).lines == [
        "bad.yaml:6:3: glossary 'term': no source with id 'nope' (in {source:nope})"]


def test_clear_messages_for_fields_with_alternatives(run, tmp_path):
    _write(tmp_path, "w.yaml", "worksheet:\n  title: T\n  grading_table: maybe\n  contents:\n    - glossary: some\n"
           "    - questions: [c, m]\nquestions:\n  - {id: c, type: choice, prompt: P, options: [a, b], correct: 'one'}\n"
           "  - {id: m, type: matching, pairs: [[a], [b, c]]}\n")
    assert run("check", "w.yaml", cwd=tmp_path).lines == [
        "w.yaml:3:18: worksheet.grading_table: expected auto, true or false, found 'maybe'",
        "w.yaml:5:17: worksheet.contents[0].glossary: expected 'all' or a list of terms, found 'some'",
        "w.yaml:8:64: questions[0].correct: expected an option index (0 for the first option) or a list of them, found 'one'",
        "w.yaml:9:37: questions[1].pairs[0]: a pair is [left, right]: two items, found 1",
    ]


def test_bad_item_in_a_list_is_located_at_the_item(run, tmp_path):
    _write(tmp_path, "w.yaml", "worksheet:\n  title: T\n  contents:\n    - sources: [good, Bad_Id]\nsources:\n  - {id: good, text: x}\n")
    assert run("check", "w.yaml", cwd=tmp_path).lines == [
        "w.yaml:4:23: worksheet.contents[0].sources[1]: 'Bad_Id' is not a valid id: use lowercase letters, digits and '-'"]


def test_class_set_needs_a_name_field(run, specs):
    _write(specs, "7b.csv", "name\nAda\n")
    spec = (specs / "basic.yaml").read_text(encoding="utf-8").replace("  title: The Water Cycle",
                                                                      "  title: The Water Cycle\n  student_fields: [Class, Date]")
    _write(specs, "nameless.yaml", spec)
    result = run("build", "nameless.yaml", "--class-list", "7b.csv", cwd=specs)
    assert result.lines == ["nameless.yaml:3:19: student_fields: a class set needs a 'Name' field to print each "
                            "student's name in"]


def test_booklet_respects_no_mark_scheme_and_the_worksheets_own_setting(run, specs):
    spec = (specs / "uses.yaml").read_text(encoding="utf-8").replace("  paper: letter", "  paper: letter\n  mark_scheme: false")
    _write(specs, "uses.yaml", spec)
    _write(specs, "b.yaml", "booklet:\n  title: B\n  mark_schemes: appendix\n  parts:\n    - worksheet: uses.yaml\n"
           "    - worksheet: basic.yaml\n")
    assert run("build", "b.yaml", cwd=specs).code == 0
    text = pdf_text(specs / "output/b/b-booklet.pdf")
    assert "SECRET-MODEL-ANSWER-ONE" in text and "SECRET-BANK-ANSWER" not in text
    _write(specs, "c.yaml", "booklet:\n  title: C\n  parts:\n    - worksheet: basic.yaml\n")
    assert run("build", "c.yaml", "--no-mark-scheme", cwd=specs).code == 0
    assert sorted(p.name for p in (specs / "output/c").iterdir()) == ["c-booklet.pdf"]
