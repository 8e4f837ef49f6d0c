"""Hostile and broken input: never a traceback, a hang, a leak, or a half-written file."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image
from pypdf import PdfReader

from helpers import EXAMPLE, flat, pdf_text
from worksheets.app.write import TEMP_SUFFIX, write_all
from worksheets.style.fonts import missing_glyphs

LINE = re.compile(r"^[^:\n]+:\d+(:\d+)?: \S.*$")


def test_prose_cannot_pull_in_files_links_or_markup(run, tmp_path):
    prompt = '<img src="secret.png"/> <a href="http://example.com">link</a> <font name="Courier">x</font> &amp; <br/>'
    (tmp_path / "w.yaml").write_text(
        "worksheet:\n  title: T\n  contents:\n    - questions: [q]\nquestions:\n"
        f"  - id: q\n    prompt: '{prompt}'\n    marks: 1\n", encoding="utf-8")
    result = run("build", "w.yaml", cwd=tmp_path)
    assert result.code == 0, result.stderr
    text = flat(pdf_text(tmp_path / "output/w/w-student.pdf"))
    assert prompt in text
    reader = PdfReader(tmp_path / "output/w/w-student.pdf")
    assert not any("/Annots" in page for page in reader.pages)


def test_elements_too_big_for_a_page_are_split_or_scaled(run, tmp_path):
    Image.new("RGB", (6000, 40), "white").save(tmp_path / "wide.png")
    Image.new("RGB", (40, 6000), "white").save(tmp_path / "tall.png")
    long = " ".join(["word"] * 3000)
    items = "\n".join(f"      - item {i}" for i in range(1000))
    (tmp_path / "w.yaml").write_text(f"""worksheet:
  title: Huge
  contents:
    - section: s1
    - sources: [wide, tall, long]
    - questions: [q1, q2, q3]
    - glossary: all
sections:
  - id: s1
    title: Long list
    body: |
{items}
sources:
  - {{id: wide, image: wide.png}}
  - {{id: tall, image: tall.png}}
  - {{id: long, text: "{long}"}}
glossary:
  big: "{long}"
questions:
  - {{id: q1, prompt: "{long}", marks: 4}}
  - {{id: q2, prompt: Box, marks: 2, answer: {{box: 900mm}}}}
  - {{id: q3, prompt: Lines, marks: 2, answer: {{lines: 200}}, model_answer: "{long}"}}
""", encoding="utf-8")
    result = run("build", "w.yaml", cwd=tmp_path)
    assert result.code == 0, result.stderr
    student = PdfReader(tmp_path / "output/w/w-student.pdf")
    assert 20 < len(student.pages) < 200
    assert "item 999" in pdf_text(tmp_path / "output/w/w-student.pdf")


def test_internal_errors_are_one_line_unless_debug(run, specs, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("worksheets.writers.pdf.handout.render", broken)
    result = run("build", "basic.yaml", cwd=specs)
    assert result.code == 70
    assert len(result.lines) == 1 and result.lines[0].startswith("worksheets: internal error (RuntimeError: boom)")
    assert not (specs / "output").exists()
    with pytest.raises(RuntimeError):
        run("build", "basic.yaml", "--debug", cwd=specs)


def test_an_interrupted_write_leaves_old_files_and_no_temporary_files(tmp_path, monkeypatch):
    old = tmp_path / "a.pdf"
    old.write_bytes(b"old")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_all({old: b"new", tmp_path / "b.pdf": b"new"})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]
    assert old.read_bytes() == b"old"


def test_stale_temporary_files_of_a_killed_build_are_swept(run, specs):
    folder = specs / "output/basic"
    folder.mkdir(parents=True)
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = folder / f".basic-student.pdf.{dead.pid}.x{TEMP_SUFFIX}"
    stale.write_bytes(b"%PDF-half")
    assert run("build", "basic.yaml", cwd=specs).code == 0
    assert sorted(p.name for p in folder.iterdir()) == ["basic-markscheme.pdf", "basic-student.pdf"]


def _complete(folder: Path) -> None:
    for path in folder.rglob("*"):
        assert not path.name.endswith(TEMP_SUFFIX), path
        if path.suffix == ".pdf":
            assert len(PdfReader(path).pages) > 0


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_killing_a_build_midway(tmp_path, sig):
    work = tmp_path / "ex"
    import shutil

    shutil.copytree(EXAMPLE, work)
    command = [sys.executable, "-m", "worksheets", "build", "terror.yaml", "--style", "standard",
               "--style", "dyslexia", "--style", "large-print"]
    process = subprocess.Popen(command, cwd=work, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.5)
    process.send_signal(sig)
    process.wait(timeout=60)
    _complete(work / "output") if (work / "output").exists() else None
    if sig != signal.SIGKILL:
        assert "Traceback" not in process.stderr.read().decode()
    # the next build finishes the job and sweeps anything a hard kill left
    subprocess.run(command[:5], cwd=work, check=True, capture_output=True)
    _complete(work / "output")


def test_two_builds_into_one_folder_at_once(tmp_path):
    import shutil

    shutil.copytree(EXAMPLE, tmp_path / "ex")
    command = [sys.executable, "-m", "worksheets", "build", "terror.yaml", "--tier", "core"]
    first = subprocess.Popen(command, cwd=tmp_path / "ex", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    second = subprocess.Popen(command, cwd=tmp_path / "ex", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert first.wait(timeout=120) == 0 and second.wait(timeout=120) == 0
    folder = tmp_path / "ex/output/terror"
    _complete(folder)
    both = {p.name: p.read_bytes() for p in folder.iterdir()}
    subprocess.run(command, cwd=tmp_path / "ex", check=True, capture_output=True)
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == both


# --- generated specs ------------------------------------------------------------------------

# letters and digits of the scripts the bundled fonts cover: Latin, Greek, Cyrillic
PRINTABLE = [c for c in map(chr, range(0x20, 0x500))
             if (c.isalnum() or c in " -’–") and not missing_glyphs(c, "standard")]
words = st.text(alphabet=st.sampled_from(PRINTABLE), min_size=1, max_size=30).map(str.strip).filter(bool)


@st.composite
def written(draw, index):
    marks = draw(st.integers(1, 12))
    return {"id": f"q{index}", "prompt": f"PROMPT{index} " + draw(words), "marks": marks,
            "model_answer": f"ANSWER{index} " + draw(words),
            "mark_scheme": {"points": [f"POINT{index}"]}}


@st.composite
def closed(draw, index):
    kind = draw(st.sampled_from(["choice", "true-false", "cloze", "matching", "ordering"]))
    base = {"id": f"q{index}", "type": kind}
    if kind == "choice":
        return base | {"prompt": f"PROMPT{index}", "options": [f"OPT{index}x{i}" for i in range(4)], "correct": 1}
    if kind == "true-false":
        return base | {"prompt": f"PROMPT{index}", "statements": [{"text": f"STATE{index}", "answer": True}]}
    if kind == "cloze":
        return base | {"prompt": f"PROMPT{index}", "text": f"Fill GAPTEXT{index} [[CLOZEANSWER{index}]] here."}
    if kind == "matching":
        return base | {"prompt": f"PROMPT{index}",
                       "pairs": [[f"L{index}a", f"R{index}a"], [f"L{index}b", f"R{index}b"]]}
    return base | {"prompt": f"PROMPT{index}", "items": [f"I{index}a", f"I{index}b", f"I{index}c"]}


@st.composite
def worksheets_(draw):
    count = draw(st.integers(1, 6))
    questions = [draw(st.one_of(written(i), closed(i))) for i in range(count)]
    return {"worksheet": {"title": draw(words), "contents": [{"questions": [q["id"] for q in questions]}]},
            "questions": questions}


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(spec=worksheets_())
def test_generated_valid_specs_build_with_every_prompt_and_no_answer(run, tmp_path_factory, spec):
    import yaml

    folder = tmp_path_factory.mktemp("gen")
    (folder / "w.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    result = run("build", "w.yaml", cwd=folder)
    assert result.code == 0, result.stderr
    handout = pdf_text(folder / "output/w/w-student.pdf")
    for q in spec["questions"]:
        index = q["id"][1:]
        assert f"PROMPT{index}" in handout
        for secret in (f"ANSWER{index}", f"POINT{index}", f"CLOZEANSWER{index}"):
            assert secret not in handout


MUTATIONS = [
    ("drop", lambda q: {k: v for k, v in q.items() if k != "id"}),
    ("typo", lambda q: {("tpye" if k == "id" else k): v for k, v in q.items()}),
    ("marks", lambda q: q | {"marks": "many"}),
    ("type", lambda q: q | {"type": "essay"}),
    ("id", lambda q: q | {"id": "Bad Id"}),
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(spec=worksheets_(), mutation=st.sampled_from(MUTATIONS), which=st.integers(0, 5))
def test_near_valid_specs_give_only_located_lines(run, tmp_path_factory, spec, mutation, which):
    import yaml

    questions = spec["questions"]
    questions[which % len(questions)] = mutation[1](questions[which % len(questions)])
    folder = tmp_path_factory.mktemp("bad")
    (folder / "w.yaml").write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    result = run("check", "w.yaml", cwd=folder)
    assert result.code == 1
    assert result.lines and all(LINE.match(line) and line.startswith("w.yaml:") for line in result.lines), result.lines
