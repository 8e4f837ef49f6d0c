"""Word searches: every word hidden in its version's grid (backwards only in the challenge tier), the same
grid for the same version, a different one for another, and the mark scheme showing each word (#18, in part)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import write_file
from worksheets.document import WordSearch
from worksheets.qtypes.wordsearch import BACKWARDS, FORWARDS, WordSearchQuestion, letters_of, place
from worksheets.style.words import ENGLISH

WORDS = ["NKVD", "PURGE", "GULAG", "STALIN", "KIROV", "SHOW TRIAL", "YEZHOV", "TERROR"]


def _plan(tier: str, variant: str | None) -> WordSearch:
    from types import SimpleNamespace

    from worksheets.qtypes.wordsearch import lower

    q = WordSearchQuestion.model_validate({"id": "find", "type": "wordsearch", "words": WORDS, "size": 12})
    ctx = SimpleNamespace(tier=tier, variant=variant, draw_key=variant or "",
                          check=lambda *args: None, prose=lambda *args: (),
                          scheme=lambda *args: None, scaffold=lambda *args: None, source_labels=lambda *args: (),
                          words=ENGLISH)
    detail = lower(q, ctx, "1").detail  # type: ignore[arg-type]
    assert isinstance(detail, WordSearch)
    return detail


def _read(search: WordSearch, spot: tuple[int, int, int, int, int]) -> str:
    r, c, dr, dc, length = spot
    return "".join(search.rows[r + i * dr][c + i * dc] for i in range(length))


@pytest.mark.parametrize(("tier", "directions"), [("core", FORWARDS), ("challenge", FORWARDS + BACKWARDS)])
def test_every_word_is_in_the_grid_where_the_key_says(tier, directions):
    search = _plan(tier, "A")
    assert len(search.rows) == 12 and all(len(row) == 12 and row.isalpha() and row.isupper() for row in search.rows)
    assert [_read(search, spot) for spot in search.where] == [letters_of(w) for w in WORDS]
    assert all((dr, dc) in directions for _, _, dr, dc, _ in search.where)


def test_the_same_version_gives_the_same_grid_and_another_version_another():
    assert _plan("core", "A") == _plan("core", "A")
    assert _plan("core", "A").rows != _plan("core", "B").rows
    assert _plan("core", "A").without_answers().where == ()


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ABCDEFGHIJ", min_size=2, max_size=8), min_size=1, max_size=10, unique=True),
       st.integers(min_value=8, max_value=14), st.integers(min_value=0, max_value=10_000))
def test_placement_never_overwrites_a_letter(words, side, seed):
    import random

    placed = place(words, side, random.Random(seed), FORWARDS + BACKWARDS)
    if placed is None:
        return
    cells: dict[tuple[int, int], str] = {}
    for word, r, c, dr, dc in placed:
        for i, char in enumerate(word):
            assert cells.setdefault((r + i * dr, c + i * dc), char) == char
    assert sorted(w for w, *_ in placed) == sorted(words)


def test_a_word_longer_than_the_grid_or_not_letters_is_a_located_problem(run, tmp_path):
    write_file(tmp_path, "b.yaml", """worksheet:
  title: T
  contents:
    - questions: [a, b]
questions:
  - {id: a, type: wordsearch, words: [COLLECTIVISATION], size: 8}
  - {id: b, type: wordsearch, words: [NKVD, "1937"]}
""")
    result = run("check", "b.yaml", cwd=tmp_path)
    assert result.code != 0
    assert result.lines == [
        "b.yaml:6:5: questions[0]: the word 'COLLECTIVISATION' has 16 letters, more than the grid's 8: make 'size' "
        "at least 16",
        "b.yaml:7:38: questions[1].words: '1937' has characters a word search cannot hide: use the letters A to Z"]
