"""The catalogue of bad inputs: each tests/bad/NAME.yaml gives exactly the lines in NAME.err (`pytest --accept`
rewrites the .err files from the real output)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import HERE
from worksheets.errors import Loc, Problem

BAD = sorted((HERE / "bad").glob("*.yaml"))


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    target = tmp_path / "bad"
    shutil.copytree(HERE / "bad", target)
    return tmp_path


@pytest.mark.parametrize("spec", BAD, ids=[p.stem for p in BAD])
def test_check_reports_exact_lines(run, bad, spec, golden):
    """The lines are compared with NAME.err exactly; `pytest --accept` rewrites NAME.err from them."""
    result = run("check", f"bad/{spec.name}", cwd=bad)
    assert result.code == 1
    assert result.stdout == ""
    assert result.lines, "check failed without saying why"
    golden(spec.with_suffix(".err"), "".join(line + "\n" for line in result.lines))


@pytest.mark.parametrize("spec", BAD, ids=[p.stem for p in BAD])
def test_build_writes_nothing_on_error(run, bad, spec):
    result = run("build", f"bad/{spec.name}", cwd=bad)
    assert result.code == 1
    assert "Traceback" not in result.stderr
    assert all(":" in line for line in result.lines)
    assert not (bad / "output").exists()


def test_every_bad_file_has_its_expected_lines():
    for spec in BAD:
        assert spec.with_suffix(".err").is_file(), spec.name
        assert spec.with_suffix(".err").read_text(encoding="utf-8").strip(), spec.name


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


def test_problems_in_several_files_are_reported_together(run, bad):
    result = run("check", "bad/wrong-type.yaml", "bad/duplicate-key.yaml", cwd=bad)
    assert result.code == 1
    assert result.lines == [
        "bad/duplicate-key.yaml:3:3: duplicate key 'title' (first given at line 2)",
        "bad/wrong-type.yaml:8:12: questions[0].marks: input should be a valid integer, unable to parse string as "
        "an integer (got 'lots')",
    ]


def test_missing_spec_file(run, tmp_path):
    result = run("build", "nowhere.yaml", cwd=tmp_path)
    assert result.code == 1
    assert result.lines == ["nowhere.yaml: no such file"]


def test_root_option_allows_a_bank_outside_the_folder(run, tmp_path):
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks/b.yaml").write_text("questions:\n  - {id: q, prompt: P, marks: 1}\n", encoding="utf-8")
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws/w.yaml").write_text(
        "worksheet:\n  title: T\n  uses: [../banks/b.yaml]\n  contents:\n    - questions: [q]\n", encoding="utf-8"
    )
    refused = run("check", "w.yaml", cwd=tmp_path / "ws")
    assert refused.lines == ["w.yaml:3:10: uses: '../banks/b.yaml' is outside the root folder '.' (see --root)"]
    assert run("check", "w.yaml", "--root", "..", cwd=tmp_path / "ws").code == 0


def test_symlink_out_of_the_root_is_refused(run, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "b.yaml").write_text("questions:\n  - {id: q, prompt: P, marks: 1}\n", encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "link.yaml").symlink_to(outside / "b.yaml")
    (root / "w.yaml").write_text("worksheet:\n  title: T\n  uses: [link.yaml]\n  contents:\n    - questions: [q]\n",
                                 encoding="utf-8")
    result = run("check", "w.yaml", cwd=root)
    assert result.lines == ["w.yaml:3:10: uses: 'link.yaml' is outside the root folder '.' (see --root)"]


def test_a_problem_is_one_line_whatever_its_message_quotes():
    problem = Problem(Loc("w.yaml", 3, 7), "id: 'a\r\nb\rc\u2028d\x0ce' is not a valid id")
    assert str(problem) == r"w.yaml:3:7: id: 'a\r\nb\rc\u2028d\x0ce' is not a valid id"
    assert len(str(problem).splitlines()) == 1
