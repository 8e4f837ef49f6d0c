"""Moodle XML and GIFT exports (#20), read back as XML and text: every question type in the elements Moodle's
importer reads, the right answers marked, marks, pictures inside the file, maths as \\( \\), a category named
after the worksheet, what a format cannot hold named in a note, and the same bytes every export."""

from __future__ import annotations

import base64
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from helpers import SPECS

COMMON = {"name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber"}
VOCABULARY = {  # the child elements of each type, as Moodle's XML format reads them
    "multichoice": COMMON | {"answer", "single", "shuffleanswers", "answernumbering"},
    "truefalse": COMMON | {"answer"},
    "matching": COMMON | {"subquestion", "shuffleanswers"},
    "ordering": COMMON | {"answer", "layouttype", "selecttype", "selectcount", "gradingtype", "showgrading",
                          "numberingstyle"},
    "ddwtos": COMMON | {"dragbox", "shuffleanswers"},
    "multianswer": COMMON,
    "numerical": COMMON | {"answer", "units", "unitgradingtype", "unitpenalty", "showunits", "unitsleft"},
    "essay": COMMON | {"responseformat", "responserequired", "responsefieldlines", "attachments", "graderinfo",
                       "responsetemplate"},
    "description": COMMON,
}


@pytest.fixture
def quiz(tmp_path: Path) -> Path:
    folder = tmp_path / "quiz"
    shutil.copytree(SPECS / "export", folder)
    return folder


def _export(run, folder: Path, fmt: str) -> tuple[bytes, list[str]]:
    result = run("export", "quiz.yaml", "--format", fmt, "--out", "out", "-q", cwd=folder)
    assert result.code == 0, result.stderr
    name = {"moodle": "quiz-moodle.xml", "gift": "quiz.gift.txt"}[fmt]
    return (folder / "out" / "quiz" / name).read_bytes(), result.lines


def _by_id(root: ET.Element) -> dict[str, ET.Element]:
    return {q.findtext("idnumber") or "": q for q in root.findall("question")}


def test_moodle_xml_holds_each_type_in_moodles_own_elements(run, quiz):
    data, notes = _export(run, quiz, "moodle")
    root = ET.fromstring(data)
    assert root.tag == "quiz" and data.startswith(b"<?xml")
    category = root.find("question[@type='category']/category/text")
    assert category is not None and category.text == "$course$/top/Every type"
    for q in root.findall("question[@type!='category']"):
        assert {child.tag for child in q} <= VOCABULARY[q.get("type", "")], q.get("type")
        assert {child.tag for child in q} >= COMMON
    q = _by_id(root)
    assert [q[i].get("type") for i in ("pick", "picks", "tf-1", "tf-2", "gaps", "bank", "match", "order", "area",
                                       "explain-a", "explain-b")] == [
        "multichoice", "multichoice", "truefalse", "truefalse", "multianswer", "ddwtos", "matching", "ordering",
        "numerical", "essay", "essay"]
    assert "find" not in q and "cross" not in q
    assert notes == ["left out: quiz.yaml: question 10 (a word search) cannot go in Moodle XML: left out",
                     "left out: quiz.yaml: question 11 (a crossword) cannot go in Moodle XML: left out"]


def test_moodle_answers_and_marks(run, quiz):
    q = _by_id(ET.fromstring(_export(run, quiz, "moodle")[0]))
    answers = [(a.get("fraction"), a.findtext("text")) for a in q["pick"].findall("answer")]
    assert answers == [("100", "4"), ("0", "2"), ("0", "16")] and q["pick"].findtext("single") == "true"
    assert [a.get("fraction") for a in q["picks"].findall("answer")] == ["50", "-50", "50", "-50"]
    assert [a.findtext("text") for a in q["tf-1"].findall("answer") if a.get("fraction") == "100"] == ["true"]
    assert [a.findtext("text") for a in q["tf-2"].findall("answer") if a.get("fraction") == "100"] == ["false"]
    assert "{1:SHORTANSWER:=NKVD}" in q["gaps"].findtext("questiontext/text", "")
    assert "{1:SHORTANSWER:=Gulag}" in q["gaps"].findtext("questiontext/text", "")
    boxes = [box.findtext("text") for box in q["bank"].findall("dragbox")]
    blank = re.search(r"\[\[(\d+)\]\]", q["bank"].findtext("questiontext/text", ""))
    assert blank is not None and boxes[int(blank.group(1)) - 1] == "100" and "50" in boxes
    pairs = {sub.findtext("text"): sub.findtext("answer/text") for sub in q["match"].findall("subquestion")}
    assert pairs == {"Yagoda": "1934-36", "Yezhov": "1936-38", "Beria": "1938-"}
    assert [a.findtext("text") for a in q["order"].findall("answer")] == ["Kirov murdered", "Show trials",
                                                                          "Yezhov removed"]
    area = q["area"]
    assert (area.findtext("answer/text"), area.findtext("answer/tolerance"), area.findtext("defaultgrade")) == (
        "24.5", "0.5", "2")
    assert area.findtext("units/unit/unit_name") == "cm²"
    grader = q["explain-b"].findtext("graderinfo/text", "")
    assert "Levels of response" in grader and "Developed explanation." in grader and "Fear of rivals" in grader
    assert "Yezhov." in q["explain-a"].findtext("graderinfo/text", "")
    assert [q[i].findtext("defaultgrade") for i in ("explain-a", "explain-b")] == ["1", "4"]


def test_moodle_carries_pictures_and_maths(run, quiz):
    q = _by_id(ET.fromstring(_export(run, quiz, "moodle")[0]))
    text = q["area"].findtext("questiontext/text", "")
    picture = q["area"].find("questiontext/file")
    assert picture is not None and picture.get("encoding") == "base64"
    assert f'src="@@PLUGINFILE@@/{picture.get("name")}"' in text
    assert base64.b64decode(picture.text or "") == (quiz / "triangle.png").read_bytes()
    assert r"\(\frac{1}{2}\)" in q["pick"].findtext("questiontext/text", "")
    assert "Long live the great Stalin!" in q["source-A"].findtext("questiontext/text", "")


def test_gift_holds_what_it_can_and_names_the_rest(run, quiz):
    data, notes = _export(run, quiz, "gift")
    text = data.decode("utf-8")
    assert text.startswith("$CATEGORY: $course$/top/Every type\n\n")
    assert r"{=4 ~2 ~16}" in text and r"{~%50%2 ~%-100%4 ~%50%5 ~%-100%9}" in text
    assert "A square has four sides.</p> {T}" in text and "A triangle has four sides.</p> {F}" in text
    assert "Water boils at {=100 ~50} degrees." in text
    assert "{=Yagoda -> 1934-36 =Yezhov -> 1936-38 =Beria -> 1938-}" in text
    assert "{#24.5:0.5}" in text and r"\(\frac\{1\}\{2\}\)" in text
    assert re.search(r"Name one NKVD chief\.</p> \{ ####.*Yezhov\.", text)
    assert notes == [
        "left out: quiz.yaml: question 4 (a gap fill of 2 gaps: GIFT holds one) cannot go in GIFT: left out",
        "left out: quiz.yaml: question 7 (an ordering question) cannot go in GIFT: left out",
        "left out: quiz.yaml: question 10 (a word search) cannot go in GIFT: left out",
        "left out: quiz.yaml: question 11 (a crossword) cannot go in GIFT: left out"]


@pytest.mark.parametrize("fmt", ["moodle", "gift"])
def test_an_export_is_the_same_bytes_every_time(run, quiz, fmt):
    assert _export(run, quiz, fmt)[0] == _export(run, quiz, fmt)[0]


def test_export_writes_a_file_a_tier_and_refuses_what_it_cannot(run, quiz):
    text = (quiz / "quiz.yaml").read_text(encoding="utf-8").replace("  subtitle: Export test\n",
                                                                    "  tiers: [support, core]\n")
    (quiz / "quiz.yaml").write_text(text, encoding="utf-8")
    assert run("export", "quiz.yaml", "--format", "moodle", "--out", "out", "-q", cwd=quiz).code == 0
    assert sorted(p.name for p in (quiz / "out" / "quiz").iterdir()) == ["quiz-moodle.xml",
                                                                         "quiz-support-moodle.xml"]
    support = ET.fromstring((quiz / "out" / "quiz" / "quiz-support-moodle.xml").read_bytes())
    assert support.findtext("question/category/text") == "$course$/top/Every type (Support tier)"
    result = run("export", "quiz.yaml", "--format", "pdf", cwd=quiz)
    assert result.code != 0 and "'pdf' is not one of: moodle, gift, qti, docx" in result.stderr


@pytest.mark.parametrize(("fmt", "golden_name"), [("moodle", "golden/export/quiz-moodle.xml"),
                                                  ("gift", "golden/export/quiz.gift.txt")])
def test_the_export_matches_its_reference_file(run, quiz, golden, fmt, golden_name):
    golden(golden_name, _export(run, quiz, fmt)[0])
