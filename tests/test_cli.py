"""The command line: help, check, new, and the exit codes."""

from __future__ import annotations

import subprocess
import sys

from helpers import pdf_text


def test_help_lists_the_verbs():
    result = subprocess.run([sys.executable, "-m", "worksheets", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for verb in ("build", "check", "new"):
        assert verb in result.stdout


def test_check_writes_nothing(run, specs):
    result = run("check", "basic.yaml", "uses.yaml", cwd=specs)
    assert result.code == 0, result.stderr
    assert result.stdout.strip() == "ok: 2 specs, 4 PDFs would be built"
    assert not (specs / "output").exists()


def test_new_scaffolds_a_folder_that_builds(run, tmp_path):
    assert run("new", "cold-war", cwd=tmp_path).code == 0
    assert sorted(p.name for p in (tmp_path / "cold-war").iterdir()) == ["bank.yaml", "cold-war.yaml",
                                                                         "worksheets.schema.json"]
    result = run("build", "cold-war/cold-war.yaml", cwd=tmp_path)
    assert result.code == 0, result.stderr
    text = pdf_text(tmp_path / "output/cold-war/cold-war-support-student.pdf")
    assert "Cold war" in text and "Source A" in text
    again = run("new", "cold-war", cwd=tmp_path)
    assert again.code == 1 and again.lines == ["cold-war: already exists: choose a new name"]


def test_out_option_and_no_mark_scheme(run, specs, tmp_path):
    result = run("build", "basic.yaml", "--out", str(tmp_path / "elsewhere"), "--no-mark-scheme", cwd=specs)
    assert result.code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "elsewhere/basic").iterdir()) == ["basic-student.pdf"]


def test_bad_option_values_are_usage_errors(run, specs):
    result = run("build", "basic.yaml", "--tier", "expert", cwd=specs)
    assert result.code == 2
    assert "expert" in result.stderr


def test_a_real_process_exits_non_zero_without_traceback(tmp_path):
    (tmp_path / "w.yaml").write_text("worksheet:\n  title: [unclosed\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "worksheets", "build", "w.yaml"], capture_output=True, text=True,
                            cwd=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("w.yaml:2:10: YAML syntax error")
    assert not (tmp_path / "output").exists()


def test_check_accepts_a_bank_on_its_own_and_build_explains(run, specs):
    assert run("check", "bank.yaml", cwd=specs).code == 0
    (specs / "broken-bank.yaml").write_text(
        "questions:\n  - {id: a, prompt: P, marks: 1, sources: [nope]}\n"
        "question_sets:\n  - {id: s, questions: [a, b]}\n",
        encoding="utf-8")
    result = run("check", "broken-bank.yaml", cwd=specs)
    assert result.lines == ["broken-bank.yaml:2:43: question 'a' sources: no source with id 'nope'",
                            "broken-bank.yaml:4:24: question set 's': no question with id 'b'"]
    built = run("build", "bank.yaml", cwd=specs)
    assert built.code == 1 and built.lines == [
        "bank.yaml:1:1: a content bank has nothing to build: build a worksheet that uses it "
        "(worksheets check accepts banks)"]
