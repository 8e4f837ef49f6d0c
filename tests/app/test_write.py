"""Output names, atomic writes, and a failed build that writes nothing."""

from __future__ import annotations

import os

import pytest

from helpers import write_file
from worksheets.app.names import output_name
from worksheets.app.write import write_all, write_atomic


def test_names_follow_the_contract():
    assert output_name("terror", "student") == "terror-student.pdf"
    assert output_name("terror", "markscheme") == "terror-markscheme.pdf"
    assert output_name("terror", "student", tier="support") == "terror-support-student.pdf"
    assert output_name("terror", "student", style="dyslexia") == "terror-dyslexia-student.pdf"
    assert output_name("terror", "student", "support", "dyslexia") == "terror-support-dyslexia-student.pdf"
    assert output_name("terror", "markscheme", variant="A") == "terror-A-markscheme.pdf"


def test_atomic_write_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "out" / "a.pdf"
    write_atomic(target, b"%PDF-1")
    assert target.read_bytes() == b"%PDF-1"
    assert os.listdir(target.parent) == ["a.pdf"]


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.pdf"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_all({target: b"new"})
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["a.pdf"]


def test_a_failed_build_leaves_earlier_output_unchanged(run, specs):
    assert run("build", "basic.yaml", cwd=specs).code == 0
    student = specs / "output/basic/basic-student.pdf"
    before = student.read_bytes()
    spec = specs / "basic.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("marks: 2", "marks: two"), encoding="utf-8")
    result = run("build", "basic.yaml", cwd=specs)
    assert result.code == 1
    assert result.lines == ["basic.yaml:37:12: questions[0].marks: input should be a valid integer, "
                            "unable to parse string as an integer (got 'two')"]
    assert student.read_bytes() == before
    assert sorted(p.name for p in student.parent.iterdir()) == ["basic-markscheme.pdf", "basic-student.pdf"]


def test_two_specs_with_the_same_name_are_refused(run, tmp_path):
    for folder in ("u1", "u2"):
        (tmp_path / folder).mkdir()
        write_file(tmp_path / folder, "quiz.yaml", "worksheet:\n  title: T\n  contents:\n    - text: hi\n")
    result = run("build", "u1/quiz.yaml", "u2/quiz.yaml", cwd=tmp_path)
    assert result.code == 1
    assert result.lines[0].startswith("u2/quiz.yaml: would overwrite output/quiz/quiz-student.pdf from u1/quiz.yaml")
    assert not (tmp_path / "output").exists()
