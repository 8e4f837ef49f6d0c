"""The catalogue of bad inputs: each tests/bad/NAME.yaml gives exactly the lines in NAME.err (`pytest --accept`
rewrites the .err files from the real output)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import TESTS, write_file
from worksheets.errors import Loc, Problem

BAD = sorted((TESTS / "bad").glob("*.yaml"))


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    target = tmp_path / "bad"
    shutil.copytree(TESTS / "bad", target)
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


def test_problems_in_several_files_are_reported_together(run, bad):
    result = run("check", "bad/wrong-type.yaml", "bad/duplicate-key.yaml", cwd=bad)
    assert result.code == 1
    assert result.lines == [
        "bad/duplicate-key.yaml:3:3: duplicate key 'title' (first given at line 2)",
        "bad/wrong-type.yaml:8:12: questions[0].marks: input should be a valid integer, unable to parse string as "
        "an integer (got 'lots')",
    ]


def test_a_problem_is_one_line_whatever_its_message_quotes():
    problem = Problem(Loc("w.yaml", 3, 7), "id: 'a\r\nb\rc\u2028d\x0ce' is not a valid id")
    assert str(problem) == r"w.yaml:3:7: id: 'a\r\nb\rc\u2028d\x0ce' is not a valid id"
    assert len(str(problem).splitlines()) == 1


def test_empty_tier_and_style_lists_are_errors(run, tmp_path):
    write_file(tmp_path, "w.yaml", "worksheet:\n  title: T\n  tiers: []\n  styles: []\n  contents:\n    - text: hi\n")
    assert run("check", "w.yaml", cwd=tmp_path).lines == [
        "w.yaml:3:10: worksheet.tiers: needs at least 1 item, found 0",
        "w.yaml:4:11: worksheet.styles: needs at least 1 item, found 0",
    ]


def test_clear_messages_for_fields_with_alternatives(run, tmp_path):
    write_file(tmp_path, "w.yaml", "worksheet:\n  title: T\n  grading_table: maybe\n  contents:\n    - glossary: some\n"
                                   "    - questions: [c, m]\nquestions:\n"
                                   "  - {id: c, type: choice, prompt: P, options: [a, b], correct: 'one'}\n"
                                   "  - {id: m, type: matching, pairs: [[a], [b, c]]}\n")
    assert run("check", "w.yaml", cwd=tmp_path).lines == [
        "w.yaml:3:18: worksheet.grading_table: expected auto, true or false, found 'maybe'",
        "w.yaml:5:17: worksheet.contents[0].glossary: expected 'all' or a list of terms, found 'some'",
        "w.yaml:8:64: questions[0].correct: expected an option index (0 for the first option) or a list of them, "
        "found 'one'",
        "w.yaml:9:37: questions[1].pairs[0]: a pair is [left, right]: two items, found 1",
    ]


def test_bad_item_in_a_list_is_located_at_the_item(run, tmp_path):
    write_file(tmp_path, "w.yaml", "worksheet:\n  title: T\n  contents:\n    - sources: [good, Bad_Id]\n"
                                   "sources:\n  - {id: good, text: x}\n")
    assert run("check", "w.yaml", cwd=tmp_path).lines == [
        "w.yaml:4:23: worksheet.contents[0].sources[1]: 'Bad_Id' is not a valid id: "
        "use lowercase letters, digits and '-'"]
