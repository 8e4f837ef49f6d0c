"""A different paper for every student (#19): each copy its own draw and values keyed by the student's name,
their keys and the class record beside the class set, one late student changing nobody else's paper, and
the problems of pools and expressions located before anything is built."""

from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader

from helpers import flat, pdf_text, write_file

SPEC = """worksheet:
  title: Linear equations
  per_student: true
  contents:
    - questions: {from: [s1, s2, s3, s4], draw: 2}
    - questions: [solve, pick, explain]
questions:
  - {id: s1, prompt: "Expand $3(x + 2)$.", marks: 1, model_answer: "$3x + 6$"}
  - {id: s2, prompt: "Expand $5(x - 1)$.", marks: 1, model_answer: "$5x - 5$"}
  - {id: s3, prompt: "Factorise $4x + 8$.", marks: 1, model_answer: "$4(x + 2)$"}
  - {id: s4, prompt: "Factorise $6x - 9$.", marks: 1, model_answer: "$3(2x - 3)$"}
  - id: solve
    type: numeric
    params: {a: {int: [2, 9]}, x: {int: [1, 10]}, b: {int: [1, 20]}}
    where: "a != x"
    prompt: "Solve ${{a}}x + {{b}} = {{a*x + b}}$."
    value: "{{x}}"
  - id: pick
    type: choice
    params: {n: {int: [2, 9]}, r: {decimal: [1, 3], places: 1}}
    prompt: "What is ${{n}} \\\\times {{r}}$?"
    options: ["{{n*r}}", "{{n + r}}", "{{n*r + 1}}", "{{n*r*10}}"]
    correct: 0
  - id: explain
    prompt: Explain why $2(x + 3)$ and $2x + 6$ are equal.
    marks: 2
    mark_scheme: {points: ["multiplies out the bracket", "shows each term"]}
"""
NAMES = ["Amy Shah", "Ben Ode", "Cara Li", "Dev Rao", "Eve Moss", "Finn Ray"]


def _build(run, folder: Path, names: list[str], *extra: str) -> dict:
    folder.mkdir(exist_ok=True)
    write_file(folder, "eq.yaml", SPEC)
    rows = ["name,tier,class"] + [f"{n},{'support' if n.startswith(('B', 'E')) else 'core'},7b" for n in names]
    write_file(folder, "7b.csv", "\n".join(rows) + "\n")
    result = run("build", "eq.yaml", "--class-list", "7b.csv", "--out", "out", "-q", *extra, cwd=folder)
    assert result.code == 0, result.stderr
    return json.loads((folder / "out" / "eq" / "eq-class-7b.json").read_text(encoding="utf-8"))


def _copies(pdf: Path) -> list[str]:
    """Each student's copy's text (copies start at a page with the title block)."""
    out: list[str] = []
    for page in PdfReader(pdf).pages:
        text = flat(page.extract_text() or "")
        if "Name:" in text or not out:
            out.append(text)
        else:
            out[-1] += " " + text
    return out


def test_each_student_gets_their_own_paper_with_their_keys_and_record(run, tmp_path):
    record = _build(run, tmp_path / "a", NAMES)
    out = tmp_path / "a" / "out" / "eq"
    assert sorted(p.name for p in out.iterdir()) == ["eq-class-7b-keys.pdf", "eq-class-7b.json", "eq-class-7b.pdf"]
    students = record["students"]
    assert [s["name"] for s in students] == NAMES and record["format"] == "worksheets-class-record"
    assert len({json.dumps(s["questions"]) for s in students}) == len(NAMES)  # every copy different
    assert {s["total"] for s in students} == {6}
    copies = _copies(out / "eq-class-7b.pdf")
    keys = flat(pdf_text(out / "eq-class-7b-keys.pdf"))
    for student, copy in zip(students, copies, strict=True):
        assert student["name"] in copy
        solve = next(q for q in student["questions"] if q["id"] == "solve")
        v = {k: int(x) for k, x in solve["values"].items()}
        assert f"{solve['number']} Solve {v['a']}x+{v['b']}={v['a'] * v['x'] + v['b']}." in copy
        assert solve["answer"]["value"] == str(v["x"])
        assert f"{solve['number']} {v['x']} (a = {v['a']}, b = {v['b']}, x = {v['x']})" in keys
        drawn = [q["id"] for q in student["questions"] if q["id"] in ("s1", "s2", "s3", "s4")]
        assert len(drawn) == 2
        pick = next(q for q in student["questions"] if q["id"] == "pick")
        assert sorted(pick["order"]) == [0, 1, 2, 3] and len(pick["answer"]) == 1
        assert "Model answer" not in copy and "Marking points" not in copy
    assert keys.count("Written questions: marked the same on every copy") == 1
    assert keys.count("multiplies out the bracket") == 1  # printed once, not per student


def test_one_late_student_changes_nobody_elses_paper(run, tmp_path):
    before = _build(run, tmp_path / "a", NAMES)["students"]
    after = _build(run, tmp_path / "b", [*NAMES[:2], "Gus New", *NAMES[2:]])["students"]
    assert [s for s in after if s["name"] != "Gus New"] == before


def test_a_seed_gives_a_retake_paper(run, tmp_path):
    first = _build(run, tmp_path / "a", NAMES)["students"]
    again = _build(run, tmp_path / "b", NAMES)["students"]
    retake = _build(run, tmp_path / "c", NAMES, "--seed", "2027")["students"]
    assert first == again and first != retake
    assert (tmp_path / "a" / "out" / "eq" / "eq-class-7b.pdf").read_bytes() == \
        (tmp_path / "b" / "out" / "eq" / "eq-class-7b.pdf").read_bytes()


def test_without_mark_schemes_the_record_is_still_written(run, tmp_path):
    _build(run, tmp_path / "a", NAMES[:2], "--no-mark-scheme")
    assert sorted(p.name for p in (tmp_path / "a" / "out" / "eq").iterdir()) == ["eq-class-7b.json", "eq-class-7b.pdf"]


def test_pools_and_expressions_are_checked_at_their_lines(run, tmp_path):
    write_file(tmp_path, "bad.yaml", """worksheet:
  title: Bad
  contents:
    - questions: {from: [s1, s2, s3], draw: 4}
    - questions: [e1, e2, e3, e4]
    - questions: {from: [s1]}
questions:
  - {id: s1, prompt: "One", marks: 1}
  - {id: s2, prompt: "Two", marks: 2}
  - {id: s3, prompt: "Three", marks: 1}
  - {id: e1, params: {a: {int: [1, 5]}}, prompt: "What is {{__import__('os').system('ls')}}?", marks: 1}
  - {id: e2, params: {a: {int: [1, 5]}}, where: "a > 10", prompt: "Double {{a}}.", marks: 1}
  - {id: e3, prompt: "Half of {{b}}.", marks: 1}
  - {id: e4, params: {a: {int: [1, 5]}}, prompt: "{{a.real}}", marks: 1}
""")
    result = run("check", "bad.yaml", cwd=tmp_path)
    assert result.code == 1
    assert result.lines == [
        "bad.yaml:6:7: worksheet.contents[2]: questions: 'from' needs 'draw': how many questions to draw (a mapping "
        "here takes ids, from, draw, keep_order)"]
    text = (tmp_path / "bad.yaml").read_text(encoding="utf-8").replace("    - questions: {from: [s1]}\n", "")
    write_file(tmp_path, "bad.yaml", text)
    result = run("check", "bad.yaml", cwd=tmp_path)
    assert result.lines == [
        "bad.yaml:4:18: worksheet.contents[0].questions: the questions of a draw must carry equal marks, so every "
        "copy has the same total ('s1' 1 mark, 's2' 2 marks, 's3' 1 mark)",
        "bad.yaml:4:45: worksheet.contents[0].draw: 4 is more than the 3 questions of the pool to draw from",
        "bad.yaml:10:50: prompt: '__import__('os').system('ls')' calls what an expression may not (only round, abs, "
        "min, max, sqrt, gcd)",
        "bad.yaml:11:49: where: no draw of the params meets 'a > 10' in 1000 tries: widen the ranges or loosen the "
        "condition",
        "bad.yaml:12:22: prompt: {{b}} needs a value, but the question has no params: add params (e.g. params: "
        "{a: {int: [1, 10]}})",
        "bad.yaml:13:50: prompt: 'a.real' is not arithmetic on the params (no attributes, indexes or other calls)"]
    assert not (tmp_path / "output").exists()


def test_the_keys_speak_the_worksheets_language(run, tmp_path):
    """A Welsh class set's keys: their title, class line, blocks, shared questions, footer and /Lang in Welsh."""
    folder = tmp_path / "cy"
    folder.mkdir()
    write_file(folder, "eq.yaml", SPEC.replace("  per_student: true\n", "  per_student: true\n  language: cy\n"))
    write_file(folder, "7b.csv", "name,tier,class\nAmy Shah,core,7b\nBen Ode,support,7b\n")
    assert run("build", "eq.yaml", "--class-list", "7b.csv", "--out", "out", "-q", cwd=folder).code == 0
    path = folder / "out" / "eq" / "eq-class-7b-keys.pdf"
    keys = flat(pdf_text(path))
    for said in ("Allweddi atebion: Linear equations", "Rhestr dosbarth 7b · 2 myfyriwr", "Craidd", "Cymorth",
                 "[6 marc]", "Cwestiynau ysgrifenedig: yr un marcio ar bob copi", "Cwestiwn explain", "Tudalen 1 o"):
        assert said in keys, said
    for english in ("Answer keys", "Class list", "students", "Written questions", "Page ", " marks"):
        assert english not in keys, english
    assert PdfReader(path).trailer["/Root"]["/Lang"] == "cy"
