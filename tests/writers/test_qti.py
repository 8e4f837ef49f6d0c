"""The QTI 1.2 package for Canvas (`export --format qti`): a zip with a manifest naming the assessment and its
pictures, one item per question in Canvas's vocabulary (question_type, points_possible, response idents and
the resprocessing that scores the right ones), the types QTI cannot hold named and left out, and the same
bytes on every export."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from helpers import write_file
from worksheets import document as d
from worksheets.library import build_library
from worksheets.plan import plan

QTI = "{http://www.imsglobal.org/xsd/ims_qtiasiv1p2}"
CP = "{http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1}"

SPEC = """worksheet:
  title: Every type
  contents:
    - section: intro
    - sources: [poster]
    - questions: [one, two, tf, gaps, bank, pairs, area, exact, essay, order, search]
sections:
  - id: intro
    title: Read first
    body: "The area is $\\\\frac{1}{2}bh$."
sources:
  - id: poster
    title: A poster
    image: poster.png
    caption: A poster of 1937
questions:
  - id: one
    type: choice
    prompt: |
      Look at the map.

      ![The map](map.png)

      What was the Gulag?
    options: [A system of labour camps, A secret police force, A five-year plan]
    correct: 0
  - id: two
    type: choice
    prompt: Which two men led the NKVD?
    options: [Yagoda, Trotsky, Yezhov, Kamenev]
    correct: [0, 2]
  - id: tf
    type: true-false
    statements:
      - {text: Kirov led the party in Leningrad., answer: true}
      - {text: Kirov died of natural causes., answer: false}
      - {text: Kirov was killed in 1934., answer: true}
    marks: 1
  - id: gaps
    type: cloze
    text: "In December [[1934]] the party chief [[Kirov]] was shot."
  - id: bank
    type: cloze
    text: "The [[NKVD]] ran the [[Gulag]]."
    word_bank: true
    distractors: [Cheka]
  - id: pairs
    type: matching
    pairs:
      - [Yagoda, 1934-36]
      - [Yezhov, 1936-38]
      - [Beria, 1938 onwards]
  - {id: area, type: numeric, prompt: Work out the area., value: 24.5, tolerance: 0.1, units: "cm²", marks: 2}
  - {id: exact, type: numeric, prompt: "Work out $-3 \\\\times 4$.", value: -12}
  - id: essay
    prompt: Answer these about the Terror.
    parts:
      - prompt: Name the NKVD chief of 1936-38.
        marks: 1
        model_answer: Nikolai Yezhov
      - prompt: Explain why Stalin purged the army.
        marks: 4
        mark_scheme:
          points: [Fear of a coup, Tukhachevsky was popular]
  - id: order
    type: ordering
    items: [First, Second, Third]
  - id: search
    type: wordsearch
    words: [GULAG, PURGE, NKVD]
"""


@dataclass
class Item:
    element: ET.Element
    kind: str
    points: float
    title: str

    @property
    def html(self) -> str:
        return self.element.find(f"{QTI}presentation/{QTI}material/{QTI}mattext").text or ""

    def labels(self, lid: ET.Element | None = None) -> dict[str, str]:
        """Each response label's text, by its ident."""
        return {label.get("ident"): label.find(f"{QTI}material/{QTI}mattext").text
                for label in (lid if lid is not None else self.element).iter(f"{QTI}response_label")}

    def right(self) -> list[tuple[str, str]]:
        """(respident, ident) of every varequal that scores (not one under a <not>)."""
        out = []
        for rule in self.element.iter(f"{QTI}respcondition"):
            if rule.find(f"{QTI}setvar") is None:
                continue
            negated = {id(v) for n in rule.iter(f"{QTI}not") for v in n.iter(f"{QTI}varequal")}
            out += [(v.get("respident"), v.text) for v in rule.iter(f"{QTI}varequal") if id(v) not in negated]
        return out


def _pictures(folder: Path) -> None:
    Image.new("RGB", (40, 30), "red").save(folder / "map.png")
    Image.new("RGB", (30, 40), "blue").save(folder / "poster.png")


def _export(run, folder: Path, spec: str = "t.yaml"):
    result = run("export", spec, "--format", "qti", "--out", "out", cwd=folder)
    assert result.code == 0, result.stderr
    return result


@pytest.fixture
def every(run, tmp_path):
    """The test spec of every type, exported: (the CLI's result, the zip's path)."""
    write_file(tmp_path, "t.yaml", SPEC)
    _pictures(tmp_path)
    return _export(run, tmp_path), tmp_path / "out" / "t" / "t-qti.zip"


def _read(path: Path) -> tuple[ET.Element, ET.Element, zipfile.ZipFile]:
    """The manifest, the assessment (found through the manifest) and the zip."""
    archive = zipfile.ZipFile(path)
    manifest = ET.fromstring(archive.read("imsmanifest.xml"))
    qti = [r for r in manifest.iter(f"{CP}resource") if r.get("type") == "imsqti_xmlv1p2"]
    assert len(qti) == 1
    return manifest, ET.fromstring(archive.read(qti[0].find(f"{CP}file").get("href"))), archive


def _items(assessment: ET.Element) -> list[Item]:
    sections = assessment.findall(f"{QTI}assessment/{QTI}section")
    assert [s.get("ident") for s in sections] == ["root_section"]
    out = []
    for element in sections[0].findall(f"{QTI}item"):
        fields = {f.findtext(f"{QTI}fieldlabel"): f.findtext(f"{QTI}fieldentry")
                  for f in element.iter(f"{QTI}qtimetadatafield")}
        out.append(Item(element, fields["question_type"], float(fields["points_possible"]), element.get("title")))
    return out


def _by_number(items: list[Item]) -> dict[str, list[Item]]:
    out: dict[str, list[Item]] = {}
    for it in items:
        number = it.title.split(".")[0] if it.kind != "text_only_question" else it.title
        out.setdefault(number, []).append(it)
    return out


def test_every_type_has_its_canvas_question_type_and_points(every):
    _, path = every
    items = _by_number(_items(_read(path)[1]))
    kinds = {number: [(it.kind, it.points) for it in group] for number, group in items.items()}
    assert kinds == {
        "Read first": [("text_only_question", 0)],
        "Source A: A poster": [("text_only_question", 0)],
        "1": [("multiple_choice_question", 1)],
        "2": [("multiple_answers_question", 1)],
        "3": [("true_false_question", 0.33), ("true_false_question", 0.33), ("true_false_question", 0.34)],
        "4": [("fill_in_multiple_blanks_question", 2)],
        "5": [("multiple_dropdowns_question", 2)],
        "6": [("matching_question", 3)],
        "7": [("numerical_question", 2)],
        "8": [("numerical_question", 1)],
        "9(a)": [("essay_question", 1)], "9(b)": [("essay_question", 4)],
    }  # 10 (ordering) and 11 (word search) are left out


def test_the_left_out_types_are_named_on_stderr(every):
    result, _ = every
    assert result.lines == [
        "left out: t.yaml: question 10 (an ordering question) cannot go in a QTI package: left out",
        "left out: t.yaml: question 11 (a word search) cannot go in a QTI package: left out",
    ]


def test_choices_score_the_right_options(every):
    items = _by_number(_items(_read(every[1])[1]))
    one, two = items["1"][0], items["2"][0]
    lid = one.element.find(f"{QTI}presentation/{QTI}response_lid")
    assert (lid.get("ident"), lid.get("rcardinality")) == ("response1", "Single")
    assert [one.labels()[ident] for _, ident in one.right()] == ["<p>A system of labour camps</p>"]
    assert two.element.find(f"{QTI}presentation/{QTI}response_lid").get("rcardinality") == "Multiple"
    assert sorted(two.labels()[ident] for _, ident in two.right()) == ["<p>Yagoda</p>", "<p>Yezhov</p>"]
    negated = [v.text for v in two.element.iter(f"{QTI}not") for v in v.iter(f"{QTI}varequal")]
    assert sorted(two.labels()[ident] for ident in negated) == ["<p>Kamenev</p>", "<p>Trotsky</p>"]


def test_each_true_false_statement_is_its_own_item_with_its_answer(every):
    statements = _by_number(_items(_read(every[1])[1]))["3"]
    assert [re.sub(r"^3\. .* \((\d)\)$", r"\1", it.title) for it in statements] == ["1", "2", "3"]
    assert ["Kirov died" in it.html for it in statements] == [False, True, False]
    assert [[it.labels()[ident] for _, ident in it.right()] for it in statements] == [["True"], ["False"], ["True"]]


def test_cloze_blanks_are_marked_and_answered(every):
    items = _by_number(_items(_read(every[1])[1]))
    gaps, bank = items["4"][0], items["5"][0]
    assert "[blank1]" in gaps.html and "[blank2]" in gaps.html and "1934" not in gaps.html
    lids = {lid.get("ident"): lid for lid in gaps.element.iter(f"{QTI}response_lid")}
    assert list(lids) == ["response_blank1", "response_blank2"]
    assert {respident: gaps.labels(lids[respident])[ident] for respident, ident in gaps.right()} == {
        "response_blank1": "1934", "response_blank2": "Kirov"}
    assert all(s.get("action") == "Add" and s.text == "50.00" for s in gaps.element.iter(f"{QTI}setvar"))
    lids = {lid.get("ident"): lid for lid in bank.element.iter(f"{QTI}response_lid")}
    assert all(sorted(bank.labels(lid).values()) == ["Cheka", "Gulag", "NKVD"] for lid in lids.values())
    assert {respident: bank.labels(lids[respident])[ident] for respident, ident in bank.right()} == {
        "response_blank1": "NKVD", "response_blank2": "Gulag"}


def test_matching_scores_each_left_item_with_its_partner(every):
    pairs = _by_number(_items(_read(every[1])[1]))["6"][0]
    lids = list(pairs.element.iter(f"{QTI}response_lid"))
    lefts = {lid.get("ident"): lid.find(f"{QTI}material/{QTI}mattext").text for lid in lids}
    assert all(len(pairs.labels(lid)) == 3 for lid in lids)
    assert {lefts[respident]: pairs.labels()[ident] for respident, ident in pairs.right()} == {
        "<p>Yagoda</p>": "1934-36", "<p>Yezhov</p>": "1936-38", "<p>Beria</p>": "1938 onwards"}


def test_numeric_answers_have_their_margin_and_units(every):
    items = _by_number(_items(_read(every[1])[1]))
    area, exact = items["7"][0], items["8"][0]
    assert area.element.find(f"{QTI}presentation/{QTI}response_str/{QTI}render_fib").get("fibtype") == "Decimal"
    assert "Give your answer in cm²." in area.html
    test = area.element.find(f".//{QTI}respcondition[@continue='No']/{QTI}conditionvar/{QTI}or")
    assert test.findtext(f"{QTI}varequal") == "24.5"
    assert (test.findtext(f"{QTI}and/{QTI}vargte"), test.findtext(f"{QTI}and/{QTI}varlte")) == ("24.4", "24.6")
    test = exact.element.find(f".//{QTI}respcondition[@continue='No']/{QTI}conditionvar/{QTI}or")
    assert [(v.tag, v.text) for v in test] == [(f"{QTI}varequal", "-12")]
    assert re.search(r"\\\(\S*3 \\times 4\S*\\\)", exact.html)  # maths for MathJax


def test_written_parts_are_essays_with_the_mark_scheme_as_general_feedback(every):
    items = _by_number(_items(_read(every[1])[1]))
    a, b = items["9(a)"][0], items["9(b)"][0]
    assert a.html.startswith("<p>Answer these about the Terror.</p>") and "Name the NKVD chief" in a.html
    assert a.element.find(f"{QTI}presentation/{QTI}response_str/{QTI}render_fib") is not None
    for it, words in ((a, "Nikolai Yezhov"), (b, "Fear of a coup")):
        feedback = it.element.find(f"{QTI}itemfeedback[@ident='general_fb']")
        assert words in feedback.findtext(f"{QTI}flow_mat/{QTI}material/{QTI}mattext")
        assert it.element.find(f".//{QTI}displayfeedback").get("linkrefid") == "general_fb"
        assert it.element.find(f".//{QTI}setvar") is None  # marked by hand


def test_the_pictures_are_in_the_zip_and_the_manifest(every):
    manifest, assessment, archive = _read(every[1])
    pictures = [n for n in archive.namelist() if n.startswith("images/")]
    assert len(pictures) == 2 and all(n.endswith(".png") for n in pictures)
    web = {r.get("href") for r in manifest.iter(f"{CP}resource") if r.get("type") == "webcontent"}
    assert web == set(pictures)
    shown = {src for it in _items(assessment) for src in re.findall(r'src="([^"]+)"', it.html)}
    assert shown == {f"$IMS-CC-FILEBASE$/{name}" for name in pictures}
    for name in pictures:
        assert archive.read(name)[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_manifest_names_the_assessment_file(every):
    manifest, _, archive = _read(every[1])
    assert manifest.tag == f"{CP}manifest"
    qti = next(r for r in manifest.iter(f"{CP}resource") if r.get("type") == "imsqti_xmlv1p2")
    href = qti.find(f"{CP}file").get("href")
    assert href in archive.namelist() and archive.namelist()[0] == "imsmanifest.xml"
    assert _read(every[1])[1].find(f"{QTI}assessment").get("ident") == qti.get("identifier")


def test_two_exports_are_the_same_bytes(every, run):
    _, path = every
    first = path.read_bytes()
    path.unlink()
    _export(run, path.parents[2])
    assert path.read_bytes() == first
    assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in zipfile.ZipFile(path).infolist())


def test_identifiers_are_unique_within_a_package_and_differ_between_tiers(example, run):
    _export(run, example, "terror.yaml")
    idents = {}
    for tier in ("support", "", "challenge"):
        name = f"terror-{tier}-qti.zip" if tier else "terror-qti.zip"
        items = _items(_read(example / "out" / "terror" / name)[1])
        idents[tier] = [it.element.get("ident") for it in items]
        assert len(set(idents[tier])) == len(idents[tier])
    assert not set(idents["support"]) & set(idents[""])


def _expected(q: d.Question) -> list[tuple[str, float]]:
    """What Canvas should be given for a question of the example."""
    detail = q.detail
    if detail is None:
        return [("essay_question", p.marks) for p in q.parts] if q.parts else [("essay_question", q.marks)]
    if isinstance(detail, d.Ordering | d.WordSearch | d.Crossword | d.Label):
        return []
    if isinstance(detail, d.TrueFalse):
        return [("true_false_question", q.marks / len(detail.statements))] * len(detail.statements)
    if isinstance(detail, d.Choice):
        return [("multiple_choice_question" if len(detail.correct) == 1 else "multiple_answers_question", q.marks)]
    if isinstance(detail, d.Cloze):
        return [("multiple_dropdowns_question" if detail.word_bank else "fill_in_multiple_blanks_question", q.marks)]
    return [({d.Matching: "matching_question", d.Numeric: "numerical_question"}[type(detail)], q.marks)]


@pytest.mark.parametrize("tier", ["support", "core", "challenge"])
def test_every_question_of_the_example_is_in_its_tiers_package(example, run, tier):
    result = _export(run, example, "terror.yaml")
    assert result.lines == [
        "left out: terror.yaml: question 5 (an ordering question) cannot go in a QTI package: left out"]
    doc = plan(build_library(example / "terror.yaml", example), "terror", tier)
    name = "terror-qti.zip" if tier == "core" else f"terror-{tier}-qti.zip"
    items = [it for it in _items(_read(example / "out" / "terror" / name)[1]) if it.kind != "text_only_question"]
    expected = [e for q in doc.questions for e in _expected(q)]
    assert [(it.kind, pytest.approx(it.points, abs=0.01)) for it in items] == expected
    assert pytest.approx(sum(it.points for it in items)) == sum(
        points for _, points in expected)
    texts = [it for it in _items(_read(example / "out" / "terror" / name)[1]) if it.kind == "text_only_question"]
    assert len(texts) == sum(isinstance(b, d.SectionBlock | d.SourceBlock) for b in doc.blocks)
    assert all(it.points == 0 and it.element.find(f"{QTI}resprocessing") is None for it in texts)
