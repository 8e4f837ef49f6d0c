"""Hostile shapes of YAML and text: each ends in one located line, in bounded time, or at a documented limit."""

from __future__ import annotations

import pytest

from helpers import write_file
from worksheets.errors import SpecError
from worksheets.spec import yaml as located_yaml
from worksheets.spec.base import MAX_TEXT_BREAKS, MAX_TEXT_CHARS
from worksheets.spec.yaml import MAX_DEPTH, MAX_EXPANDED_CHARS, parse_yaml

QUESTION = ("worksheet:\n  title: T\n  contents:\n    - questions: [q]\nquestions:\n"
            "  - id: q\n    marks: 2\n    prompt: ")


def _problems(text: str) -> list[str]:
    with pytest.raises(SpecError) as error:
        parse_yaml(text, "f.yaml")
    return [str(p) for p in error.value.problems]


@pytest.fixture(params=["libyaml", "pure Python"])
def parser(request, monkeypatch):
    """Every case holds whichever parser PyYAML was built with."""
    if request.param == "pure Python":
        monkeypatch.setattr(located_yaml, "_FAST", None)
    elif located_yaml._FAST is None:
        pytest.skip("PyYAML was built without libyaml")
    return request.param


def test_a_lone_surrogate_escape_is_one_located_line(parser):
    (line,) = _problems('title: "half \\ud800 a character"\n')
    assert line.startswith("f.yaml:1:")
    assert "\\ud800" in line or "Unicode" in line


def test_nesting_thousands_deep_is_one_located_line(parser):
    (line,) = _problems("a: " + "[" * 3000 + "]" * 3000 + "\n")
    assert line.startswith("f.yaml:1:") and ("nest" in line)


def test_nesting_past_the_limit_is_refused_where_it_passes_it(parser):
    (line,) = _problems("a: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n")
    assert line == f"f.yaml:1:{MAX_DEPTH + 4}: nested more than {MAX_DEPTH} levels deep"


def test_a_number_of_thousands_of_digits_is_the_text_typed(parser):
    assert parse_yaml("a: " + "7" * 5000 + "\n", "f.yaml")["a"] == "7" * 5000


def test_a_tag_on_a_key_is_refused_like_a_tag_anywhere(parser):
    assert _problems("!!python/object:os.system x: 1\n") == [
        "f.yaml:1:1: unsupported YAML tag tag:yaml.org,2002:python/object:os.system"]


def test_a_large_text_aliased_into_many_places_stops_at_the_limit(parser):
    big = "y" * (MAX_EXPANDED_CHARS // 20)
    text = f"a: &x {big}\nb: [{', '.join(['*x'] * 30)}]\n"
    # an alias has the place of its anchor: the text that is repeated
    assert _problems(text) == [f"f.yaml:1:4: the file expands to more than {MAX_EXPANDED_CHARS:,} "
                               "characters of text (an alias bomb?)"]


def test_lines_are_counted_in_a_file_with_old_mac_line_ends(parser):
    (line,) = _problems('a: 1\rb: 2\rc: "x\x07"\r')
    assert line == "f.yaml:3:6: the file has a control character YAML does not allow (U+0007)"


def test_a_text_too_long_to_lay_out_is_refused_with_the_limit(run, tmp_path):
    write_file(tmp_path, "long.yaml", QUESTION + '"' + "word " * (MAX_TEXT_CHARS // 5 + 10) + '"\n')
    result = run("build", "long.yaml", cwd=tmp_path)
    assert result.code == 1 and not (tmp_path / "output").exists()
    assert result.lines == [f"long.yaml:8:13: questions[0].prompt: {MAX_TEXT_CHARS // 5 * 5 + 50:,} characters is too "
                            f"long for one text (at most {MAX_TEXT_CHARS:,}): split it"]


def test_a_text_with_too_many_line_breaks_is_refused_with_the_limit(run, tmp_path):
    breaks = MAX_TEXT_BREAKS * 3
    write_file(tmp_path, "lines.yaml", QUESTION + '"' + "line\\n" * breaks + '"\n')
    result = run("build", "lines.yaml", cwd=tmp_path)
    assert result.code == 1 and not (tmp_path / "output").exists()
    assert result.lines == [f"lines.yaml:8:13: questions[0].prompt: {breaks:,} line breaks are too many for one text "
                            f"(at most {MAX_TEXT_BREAKS:,}): split it"]


def test_a_text_at_the_limits_builds(run, tmp_path):
    write_file(tmp_path, "edge.yaml", QUESTION + '"' + "line\\n" * MAX_TEXT_BREAKS + '"\n')
    assert run("build", "edge.yaml", cwd=tmp_path).code == 0


def test_a_cloze_with_a_thousand_gaps_builds(run, tmp_path):
    gaps = " ".join(f"w [[a{i}]]" for i in range(1000))
    write_file(tmp_path, "gaps.yaml", "worksheet:\n  title: T\n  contents:\n    - questions: [q]\nquestions:\n"
                                       f"  - id: q\n    type: cloze\n    text: \"{gaps}\"\n")
    assert run("build", "gaps.yaml", cwd=tmp_path).code == 0


def test_a_file_not_in_utf8_with_old_mac_line_ends_names_the_right_line(run, tmp_path):
    (tmp_path / "mac.yaml").write_bytes(b"worksheet:\r  title: T\r  x: caf\xe9\r")
    result = run("check", "mac.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (1, ["mac.yaml:3:1: the file is not UTF-8 text (save it as UTF-8)"])
