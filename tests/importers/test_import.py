"""`worksheets import` (#20): Moodle XML and GIFT read into a worksheet spec that check accepts and that builds;
an export read back gives the same questions, answers and marks; what cannot be carried over is listed with
its line; hostile XML is refused in one line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import SPECS, write_file
from worksheets.importers.gift import read as read_gift
from worksheets.importers.moodle import read as read_moodle
from worksheets.importers.prose import prose


def _questions(spec: Path) -> dict[str, dict]:
    return {q["id"]: q for q in yaml.safe_load(spec.read_text(encoding="utf-8")).get("questions", [])}


def _round_trip(run, tmp_path: Path, fmt: str, name: str) -> tuple[dict[str, dict], dict[str, dict], list[str]]:
    folder = tmp_path / "quiz"
    shutil.copytree(SPECS / "export", folder)
    assert run("export", "quiz.yaml", "--format", fmt, "--out", "out", "-q", cwd=folder).code == 0
    result = run("import", f"out/quiz/{name}", "--out", "back/quiz.yaml", "-q", cwd=folder)
    assert result.code == 0, result.stderr
    assert run("check", "back/quiz.yaml", cwd=folder).code == 0
    assert run("build", "back/quiz.yaml", "--out", "built", "-q", cwd=folder).code == 0
    original = _questions(folder / "quiz.yaml")
    return original, _questions(folder / "back" / "quiz.yaml"), result.lines


def test_a_moodle_export_comes_back_with_its_questions_answers_and_marks(run, tmp_path):
    original, back, notes = _round_trip(run, tmp_path, "moodle", "quiz-moodle.xml")
    assert notes == []
    assert sorted(back) == sorted(set(original) - {"find", "cross"})  # the two Moodle cannot hold stay out
    assert back["pick"]["options"] == ["4", "2", "16"] and back["pick"]["correct"] == 0
    assert back["picks"]["correct"] == [0, 2]
    assert [(s["text"], s["answer"]) for s in back["tf"]["statements"]] == [
        (s["text"], s["answer"]) for s in original["tf"]["statements"]]
    assert back["gaps"]["text"] == "The [[NKVD]] ran the [[Gulag]]."
    assert back["bank"]["text"] == "Water boils at [[100]] degrees." and back["bank"]["distractors"] == ["50"]
    assert back["match"]["pairs"] == original["match"]["pairs"]
    assert back["order"]["items"] == original["order"]["items"]
    assert (back["area"]["value"], back["area"]["tolerance"], back["area"]["units"], back["area"]["marks"]) == (
        24.5, 0.5, "cm²", 2)
    assert "![" in back["area"]["prompt"] and "images/" in back["area"]["prompt"]
    parts = back["explain"]["parts"]
    assert [p["marks"] for p in parts] == [1, 4] and parts[0]["model_answer"] == "Yezhov."
    assert parts[0]["mark_scheme"]["points"] == ["Yagoda", "Yezhov"]
    assert parts[1]["mark_scheme"]["levels"] == [{"marks": "3-4", "descriptor": "Developed explanation."},
                                                 {"marks": "1-2", "descriptor": "Simple explanation."}]
    assert back["pick"]["prompt"] == "Which is $\\frac{1}{2}$ of 8?"


def test_a_gift_export_comes_back_too(run, tmp_path):
    original, back, notes = _round_trip(run, tmp_path, "gift", "quiz.gift.txt")
    assert notes == []
    by_prompt = {q.get("prompt", q.get("text", "")): q for q in back.values()}
    pick = by_prompt["Which is $\\frac{1}{2}$ of 8?"]
    assert pick["options"] == ["4", "2", "16"] and pick["correct"] == 0
    assert next(q for q in back.values() if q.get("correct") == [0, 2])["options"] == ["2", "4", "5", "9"]
    assert next(q for q in back.values() if q.get("type") == "numeric")["value"] == 24.5
    assert next(q for q in back.values() if q.get("type") == "matching")["pairs"] == original["match"]["pairs"]
    bank = next(q for q in back.values() if q.get("word_bank"))
    assert bank["text"] == "Water boils at [[100]] degrees." and bank["distractors"] == ["50"]


def test_what_cannot_be_carried_over_is_listed_with_its_line(run, tmp_path):
    write_file(tmp_path, "lms.xml", """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="category"><category><text>$course$/top/Year 9/Forces</text></category></question>
  <question type="calculated">
    <name><text>Speed</text></name>
    <questiontext format="html"><text>&lt;p&gt;Work out {a}/{b}.&lt;/p&gt;</text></questiontext>
  </question>
  <question type="shortanswer">
    <name><text>Capital</text></name>
    <questiontext format="html"><text>&lt;p&gt;The capital of France?&lt;/p&gt;</text></questiontext>
    <defaultgrade>2</defaultgrade>
    <answer fraction="100"><text>Paris</text></answer>
  </question>
  <question type="multichoice">
    <name><text>No answer</text></name>
    <questiontext format="html"><text>Which?</text></questiontext>
    <answer fraction="0"><text>A</text></answer><answer fraction="0"><text>B</text></answer>
  </question>
</quiz>
""")
    result = run("import", "lms.xml", cwd=tmp_path)
    assert result.code == 0
    assert result.lines == [
        "left out: lms.xml:4: question 'Speed' (a calculated question) cannot be carried over: left out",
        "left out: lms.xml:14: question 'No answer' (a multichoice question) cannot be carried over: left out"]
    spec = yaml.safe_load((tmp_path / "lms.yaml").read_text(encoding="utf-8"))
    assert spec["worksheet"]["title"] == "Forces"
    assert spec["questions"] == [{"id": "capital", "type": "cloze", "prompt": "The capital of France?",
                                  "text": "Answer: [[Paris]]", "marks": 2}]
    assert run("check", "lms.yaml", cwd=tmp_path).code == 0


@pytest.mark.parametrize(("content", "message"), [
    ('<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaa">]>\n<quiz>&a;</quiz>', "not a readable XML file"),
    ("<quiz><question", "not a readable XML file"),
    ("<html><body/></html>", "not a Moodle XML file: it starts with <html>, not <quiz>"),
])
def test_hostile_or_foreign_xml_is_one_line_and_writes_nothing(run, tmp_path, content, message):
    write_file(tmp_path, "bad.xml", content)
    result = run("import", "bad.xml", cwd=tmp_path)
    assert result.code == 1 and len(result.lines) == 1 and message in result.lines[0]
    assert result.lines[0].startswith("bad.xml:")
    assert not (tmp_path / "bad.yaml").exists()


def test_gift_types_are_read():
    imported = read_gift("""// a comment
$CATEGORY: $course$/top/Physics

::Units::What is the unit of force? {=newton =N}

::Mass:: Mass is measured in {=kilograms ~metres ~seconds} in SI.

::Free fall::An object falls from rest. Is it speeding up? {TRUE}

::g::Take g as? {#9.8:0.1}

::Pairs::Match them. {=speed -> m/s =force -> N =energy -> J}

::Essay::Explain inertia. {}

::Broken::What? {~a ~b}
""", "p.gift.txt", "p")
    kinds = {data["id"]: data.get("type", "written") for _, data in imported.items}
    assert kinds == {"units": "cloze", "mass": "cloze", "free-fall": "true-false", "g": "numeric", "pairs": "matching",
                     "essay": "written"}
    assert imported.title == "Physics"
    assert imported.notes == ["p.gift.txt:16: question 'Broken' has answers that cannot be made out: left out"]
    mass = dict(imported.items)["question"] if False else next(d for _, d in imported.items if d["id"] == "mass")
    assert mass["text"] == "Mass is measured in [[kilograms]] in SI." and mass["distractors"] == ["metres", "seconds"]


def test_html_becomes_our_prose():
    html = ("<p>The <strong>NKVD</strong> and <em>Gulag</em>; H<sub>2</sub>O; x<sup>2</sup>; \\(\\frac{1}{2}\\) "
            "costs $5 * 2.</p><ul><li>one</li><li>two</li></ul><table><tr><th>x</th><th>y</th></tr>"
            "<tr><td>1</td><td>2</td></tr></table>")
    assert prose(html, lambda src, alt: None) == (
        "The **NKVD** and *Gulag*; H~2~O; x^2^; $\\frac{1}{2}$ costs \\$5 \\* 2.\n\n- one\n\n- two\n\n"
        "| x | y |\n|---|---|\n| 1 | 2 |")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=200))
def test_any_text_read_as_gift_or_moodle_never_crashes(text):
    read_gift(text, "x.gift.txt", "x")
    from worksheets.errors import SpecError

    try:
        read_moodle(text.encode("utf-8"), "x.xml", "x")
    except SpecError as error:
        assert len(error.problems) == 1
