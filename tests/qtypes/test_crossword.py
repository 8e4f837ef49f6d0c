"""Crosswords: every answer in its version's grid where its number says, words touching only where they
cross, each version its own numbering with a mark scheme to match, no letter on the student copy, and
located problems for answers that cannot go in (#18)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import flat, pdf_text, write_file
from worksheets.document import Crossword
from worksheets.qtypes.crossword import CrosswordQuestion, length, lower
from worksheets.qtypes.crossword_grid import Layout, lay_out, numbered
from worksheets.qtypes.wordsearch import letters_of
from worksheets.style.words import ENGLISH

CLUES = [("GULAG", "The system of labour camps"), ("purge", "Removing enemies from the Party"),
         ("Stalin", "Leader after Lenin"), ("Kirov", "Murdered in 1934"), ("NKVD", "The secret police"),
         ("kulak", "A better-off peasant"), ("collective farm", "Land farmed together"),
         ("propaganda", "Posters and films"), ("Trotsky", "Stalin's rival"), ("show trial", "Verdict decided first"),
         ("five-year plan", "Targets for industry"), ("Magnitogorsk", "A steel city"), ("Yezhov", "NKVD chief"),
         ("Politburo", "The ruling committee"), ("Stakhanov", "A model worker")]


def _plan(variant: str | None, clues: list[tuple[str, str]] = CLUES) -> Crossword:
    q = CrosswordQuestion.model_validate({"id": "cw", "type": "crossword",
                                          "clues": [{"answer": a, "clue": c} for a, c in clues]})
    ctx = SimpleNamespace(tier="core", variant=variant, draw_key=variant or "",
                          check=lambda *args: None, prose=lambda text, *args: text,
                          scheme=lambda *args: None, scaffold=lambda *args: None, source_labels=lambda *args: (),
                          words=ENGLISH)
    detail = lower(q, ctx, "1").detail  # type: ignore[arg-type]
    assert isinstance(detail, Crossword)
    return detail


def _read(puzzle: Crossword, number: int, down: bool) -> str:
    r, c = next((r, c) for r, c, n in puzzle.numbers if n == number)
    out = ""
    while r < len(puzzle.rows) and c < len(puzzle.rows[0]) and puzzle.rows[r][c] != ".":
        out += puzzle.rows[r][c]
        r, c = (r + 1, c) if down else (r, c + 1)
    return out


def test_each_answer_reads_from_its_number_and_the_clues_carry_their_lengths():
    puzzle = _plan("A")
    assert {_read(puzzle, clue.number, False) for clue in puzzle.across} == {
        letters_of(clue.answer) for clue in puzzle.across}
    assert all(_read(puzzle, clue.number, True) == letters_of(clue.answer) for clue in puzzle.down)
    assert sorted(clue.answer for clue in puzzle.across + puzzle.down) == sorted(a for a, _ in CLUES)
    assert "Land farmed together (10, 4)" in [clue.clue for clue in puzzle.across + puzzle.down]
    assert max(len(puzzle.rows), len(puzzle.rows[0])) <= 21


@pytest.mark.parametrize("seed", range(6))
def test_the_example_words_are_all_joined(seed):
    primary = ["ROOTS", "STEM", "LEAF", "PETAL", "SEED", "WATER", "SOIL"]
    for words in ([letters_of(a) for a, _ in CLUES], primary):
        found = lay_out(words, 21, random.Random(seed))
        assert isinstance(found, Layout) and found.apart == 0


def test_the_same_version_gives_the_same_puzzle_another_version_its_own_numbering():
    assert _plan("A") == _plan("A")
    a, b = _plan("A"), _plan("B")
    assert {(c.answer, c.number) for c in a.across + a.down} != {(c.answer, c.number) for c in b.across + b.down}
    student = a.without_answers()
    assert not any(char.isalpha() for row in student.rows for char in row)
    assert all(clue.answer == "" for clue in student.across + student.down)


@pytest.mark.parametrize(("answer", "shown"), [("GULAG", "(5)"), ("left ventricle", "(4, 9)"),
                                               ("five-year plan", "(4-4, 4)"), ("o'clock", "(6)")])
def test_the_length_after_a_clue(answer, shown):
    assert length(answer) == shown


@settings(max_examples=80, deadline=None)
@given(st.lists(st.text(alphabet="ABCDEIKLNORST", min_size=2, max_size=9), min_size=1, max_size=12, unique=True),
       st.integers(min_value=9, max_value=15), st.integers(min_value=0, max_value=10_000))
def test_squares_touch_only_within_a_word(words, limit, seed):
    found = lay_out(words, limit, random.Random(seed))
    if isinstance(found, str):
        assert found in words
        return
    letters: dict[tuple[int, int], str] = {}
    runs: set[tuple[tuple[int, int], tuple[int, int]]] = set()  # pairs of squares next to each other in a word
    for placed in found.words:
        cells = placed.cells()
        for cell, char in zip(cells, placed.word, strict=True):
            assert letters.setdefault(cell, char) == char
        runs |= set(itertools.pairwise(cells))
    assert sorted(p.word for p in found.words) == sorted(words)
    assert all(0 <= r < found.height <= limit and 0 <= c < found.width <= limit for r, c in letters)
    for r, c in letters:  # two squares side by side are always part of one word
        for other in ((r, c + 1), (r + 1, c)):
            assert other not in letters or ((r, c), other) in runs
    assert sorted(numbered(found).values()) == list(range(1, len(numbered(found)) + 1))


def _build(run, folder, clues: list[tuple[str, str]], setting: str) -> Path:
    """Build a worksheet of one crossword with these clues; `setting`: a line of worksheet keys."""
    lines = "\n".join(f"      - {{answer: {a}, clue: \"{c}\"}}" for a, c in clues)
    write_file(folder, "cw.yaml", f"""worksheet:
  title: Crossword
  {setting}
  contents:
    - questions: [cw]
questions:
  - id: cw
    type: crossword
    clues:
{lines}
""")
    assert run("build", "cw.yaml", "--out", "out", "-q", cwd=folder).code == 0
    return folder / "out" / "cw"


def test_the_pdfs_show_the_clues_and_only_the_mark_scheme_the_letters(run, tmp_path):
    out = _build(run, tmp_path, CLUES[:6], "styles: [standard, large-print]")
    for style in ("", "-large-print"):
        student = flat(pdf_text(out / f"cw{style}-student.pdf"))
        key = flat(pdf_text(out / f"cw{style}-markscheme.pdf"))
        assert "Complete the crossword." in student and "Across" in student and "Down" in student
        assert "The secret police (4)" in student and "[6 marks]" in student
        assert "GULAG" not in student and "NKVD" not in student and "kulak" not in student
        assert "The solved grid" in key and "GULAG" in key and "kulak" in key


def test_each_variants_mark_scheme_numbers_the_answers_as_its_handout_does(run, tmp_path):
    import re

    out = _build(run, tmp_path, CLUES, "variants: 2")
    numbering = {}
    for variant in "AB":
        student = flat(pdf_text(out / f"cw-{variant}-student.pdf"))
        key = flat(pdf_text(out / f"cw-{variant}-markscheme.pdf"))
        clue_numbers = {clue: int(n) for n, clue in re.findall(r"(\d+) (Land farmed together|A model worker|"
                                                                   r"The secret police|A steel city)", student)}
        answers = {"Land farmed together": "collective farm", "A model worker": "Stakhanov",
                   "The secret police": "NKVD", "A steel city": "Magnitogorsk"}
        assert len(clue_numbers) == 4
        for clue, number in clue_numbers.items():
            assert f"{number} {answers[clue]}" in key
        numbering[variant] = clue_numbers
    assert numbering["A"] != numbering["B"]


def test_answers_that_cannot_go_in_are_located_problems(run, tmp_path):
    write_file(tmp_path, "b.yaml", """worksheet:
  title: T
  contents:
    - questions: [a, b, c, d]
questions:
  - {id: a, type: crossword, clues: [{answer: COLLECTIVISATION, clue: x}], size: 8}
  - {id: b, type: crossword, clues: [{clue: The secret police}]}
  - {id: c, type: crossword, clues: [{answer: "1937", clue: x}, {answer: NKVD, clue: y}]}
  - {id: d, type: crossword, size: 5, clues: [{answer: ABCDE, clue: x}, {answer: FGHIJ, clue: y},
      {answer: KLMNO, clue: z}, {answer: PQRST, clue: w}]}
""")
    result = run("check", "b.yaml", cwd=tmp_path)
    assert result.code != 0
    assert result.lines == [
        "b.yaml:6:5: questions[0]: the answer 'COLLECTIVISATION' has 16 letters, more than the grid's largest side "
        "8: make 'size' at least 16",
        "b.yaml:7:38: questions[1].clues[0]: missing required key 'answer'",
        "b.yaml:8:37: questions[2].clues: '1937' cannot go in a crossword: give a word of two or more of the letters "
        "A to Z",
        "b.yaml:9:5: questions[3]: the answer 'PQRST' cannot be placed in a grid of at most 5x5: make 'size' larger "
        "or use fewer clues"]
