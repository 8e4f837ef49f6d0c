"""Fuzzing the loader and checker with YAML-level mutations of real specs.

Runs briefly in the normal test run; set WORKSHEETS_FUZZ_EXAMPLES=5000 for a longer run.
Any crash found is kept below as a regression case.
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import EXAMPLE, SPECS

LINE = re.compile(r"^[^:\n]+:\d+(:\d+)?: \S.*$")
SEEDS = [(SPECS / "basic.yaml").read_text(encoding="utf-8"), (SPECS / "types.yaml").read_text(encoding="utf-8"),
         (EXAMPLE / "terror.yaml").read_text(encoding="utf-8")]
TOKENS = [":", "- ", "[", "]", "{", "}", "&a ", "*a", "!!binary ", "'", '"', "\t", "\n", "  ", "#", "|", ">", "?",
          "[[", "]]", "{source:", "{question:x}", "yes", "1:30", "~", "\x00", "\ufeff", "é", "---\n", "<<: *a\n",
          # the hostile shapes: escapes of half characters and control characters, tags on keys, line ends
          '"\\ud800"', '"\\udfff x"', '"\\e[31m\\a\\0"', "!!python/object:os.system x: ", "\r", "\u2028"]


@st.composite
def hostile_shape(draw):
    """A value that is legal YAML but hostile: nested deep, a number of thousands of digits, long text."""
    kind = draw(st.sampled_from(["nested", "number", "float", "breaks", "long"]))
    size = draw(st.integers(1, 6000))
    if kind == "nested":
        return "[" * size + "]" * size
    if kind == "number":
        return "9" * size
    if kind == "float":
        return "1" * size + ".5e" + str(size)
    if kind == "breaks":
        return '"' + "x\\n" * size + '"'
    return "w " * size
EXAMPLES = int(os.environ.get("WORKSHEETS_FUZZ_EXAMPLES", "60"))
REGRESSIONS = [
    "worksheet:\n  title: T\n  contents:\n    - questions: [q]\nquestions:\n  - {id: q, type: cloze, text: '[[ ]]'}\n",
    "worksheet: {title: T, contents: [page_break, {text: hi}, page-break]}\n",
    "worksheet:\n  title: T\n  contents:\n    - section: {title: Inline}\n",
    "a: &a [*a]\n",
    "worksheet:\n  title: [unclosed\n",
    "k: [a, b:, c]\n",  # libyaml refuses it, the pure-Python parser accepts it: the first error was lost
]


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(SEEDS))
    if draw(st.booleans()):  # a hostile value in place of one of the spec's values
        spots = [m.end() for m in re.finditer(r": ", text)]
        at = draw(st.sampled_from(spots))
        end = text.find("\n", at)
        text = text[:at] + draw(hostile_shape()) + (text[end:] if end >= 0 else "")
    for _ in range(draw(st.integers(1, 4))):
        position = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "swap-lines"]))
        if action == "insert":
            text = text[:position] + draw(st.sampled_from(TOKENS)) + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 12)):]
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return text


def _check(run, folder, text: str) -> None:
    (folder / "w.yaml").write_text(text, encoding="utf-8", errors="surrogatepass") if "\ud800" not in text else None
    result = run("check", "w.yaml", cwd=folder)
    assert result.code in (0, 1), result.stderr
    if result.code == 1:
        assert result.lines and all(LINE.match(line) for line in result.lines), result.lines


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=mutated())
def test_mutated_specs_never_crash(run, tmp_path, text):
    import shutil

    for name in ("bank.yaml",):
        if not (tmp_path / name).exists():
            shutil.copy(EXAMPLE / name, tmp_path / name)
    _check(run, tmp_path, text)


def test_regressions(run, tmp_path):
    for text in REGRESSIONS:
        _check(run, tmp_path, text)
