"""Unchanged rebuilds are skipped; any change to an input or output rebuilds."""

from __future__ import annotations

from worksheets.app.manifest import MANIFEST


def test_unchanged_rebuild_is_skipped_and_changes_rebuild(run, specs):
    first = run("build", "uses.yaml", cwd=specs)
    assert first.code == 0 and first.stdout.count("wrote ") == 2
    again = run("build", "uses.yaml", cwd=specs)
    assert again.stdout.splitlines() == ["up to date: output/uses/uses-student.pdf",
                                         "up to date: output/uses/uses-markscheme.pdf"]
    bank = specs / "bank.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("bridge is closed", "bridge is open"), encoding="utf-8")
    assert run("build", "uses.yaml", cwd=specs).stdout.count("wrote ") == 2
    (specs / "output/uses/uses-student.pdf").unlink()
    assert run("build", "uses.yaml", cwd=specs).stdout.count("wrote ") == 2
    assert run("build", "uses.yaml", "--force", cwd=specs).stdout.count("wrote ") == 2
    assert run("build", "uses.yaml", "--paper", "A4", cwd=specs).stdout.count("wrote ") == 2


def test_manifest_lives_at_the_output_root_not_among_the_pdfs(run, specs):
    assert run("build", "basic.yaml", cwd=specs).code == 0
    assert (specs / "output" / MANIFEST).is_file()
    assert sorted(p.name for p in (specs / "output/basic").iterdir()) == ["basic-markscheme.pdf", "basic-student.pdf"]
