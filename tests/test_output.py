"""Output names and atomic writes."""

from __future__ import annotations

import os

import pytest

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
