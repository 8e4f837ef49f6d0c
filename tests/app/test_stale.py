"""A build removes what the last build of the same spec and options wrote and this one no longer does,
so last week's version cannot be printed by mistake; nothing else is ever removed."""

from __future__ import annotations

from pathlib import Path

SPEC = "worksheet:\n  title: T\n  tiers: [{tiers}]\n  contents:\n    - questions: [q]\nquestions:\n" \
       "  - {{id: q, prompt: Why?, marks: 2}}\n"


def _build(run, folder: Path, tiers: str):
    (folder / "t.yaml").write_text(SPEC.format(tiers=tiers), encoding="utf-8")
    result = run("build", "t.yaml", cwd=folder)
    assert result.code == 0, result.stderr
    return result


def test_the_files_a_build_no_longer_makes_are_removed_and_said(run, tmp_path):
    _build(run, tmp_path, "support, core")
    out = tmp_path / "output/t"
    assert (out / "t-support-student.pdf").exists()
    result = _build(run, tmp_path, "core")
    assert sorted(p.name for p in out.iterdir()) == ["t-markscheme.pdf", "t-student.pdf"]
    assert "removed output/t/t-support-student.pdf (the spec no longer makes it)" in result.stdout
    assert "removed output/t/t-support-markscheme.pdf (the spec no longer makes it)" in result.stdout


def test_a_file_changed_since_or_not_made_by_the_build_is_kept(run, tmp_path):
    _build(run, tmp_path, "support, core")
    out = tmp_path / "output/t"
    (out / "t-support-student.pdf").write_bytes(b"the teacher's own notes")  # no longer what the build wrote
    (out / "notes.pdf").write_bytes(b"somebody else's file")
    result = _build(run, tmp_path, "core")
    assert (out / "t-support-student.pdf").read_bytes() == b"the teacher's own notes"
    assert (out / "notes.pdf").exists() and not (out / "t-support-markscheme.pdf").exists()
    assert "t-support-student.pdf" not in result.stdout


def test_a_build_with_other_options_removes_nothing_of_the_default_build(run, tmp_path):
    _build(run, tmp_path, "support, core")
    (tmp_path / "t.yaml").write_text(SPEC.format(tiers="support, core"), encoding="utf-8")
    assert run("build", "t.yaml", "--tier", "core", cwd=tmp_path).code == 0
    assert (tmp_path / "output/t/t-support-student.pdf").exists()  # another build's file: not this one's to remove
