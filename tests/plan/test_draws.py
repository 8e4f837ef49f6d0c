"""Pools and random values in the planner (#19): each variant draws its own questions and values, the same
every build; the seed changes them all; a copy's mark scheme holds the answer to its own values."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from worksheets import document as d
from worksheets.document.prose import plain
from worksheets.library import build_library
from worksheets.plan import plan
from worksheets.plan.draws import drawn

POOL = [{"id": f"p{i}", "prompt": f"Pool question {i}.", "marks": 2} for i in range(6)]
SOLVE = {"id": "solve", "type": "numeric", "params": {"a": {"int": [2, 9]}, "x": {"int": [1, 12]},
                                                      "b": {"int": [1, 20]}},
         "where": "a != x", "prompt": "Solve ${{a}}x + {{b}} = {{a*x + b}}$.", "value": "{{x}}"}
PICK = {"id": "pick", "type": "choice", "params": {"n": {"int": [2, 9]}}, "prompt": "What is {{n}} squared?",
        "options": ["{{n*n}}", "{{2*n}}", "{{n*n + 1}}"], "correct": 0}


def _spec(seed: int | None = None, draw: int = 3) -> dict:
    ws = {"title": "Pools", "variants": 4, "contents": [{"questions": {"from": [q["id"] for q in POOL],
                                                                      "draw": draw}},
                                                        {"questions": ["solve", "pick"]}]}
    if seed is not None:
        ws["seed"] = seed
    return {"worksheet": ws, "questions": [*POOL, SOLVE, PICK]}


def _plan(spec: dict, variant: str | None, seed: int | None = None, copy: str | None = None) -> d.Document:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "w.yaml"
        path.write_text(yaml.safe_dump(spec), encoding="utf-8")
        return plan(build_library(path, Path(folder)), "w", "core", "standard", variant, copy=copy, seed=seed)


def _drawn_ids(doc: d.Document) -> list[str]:
    return [q.id for q in doc.questions if q.id.startswith("p")]


def test_each_variant_draws_its_own_questions_and_values_the_same_every_build():
    docs = {v: _plan(_spec(), v) for v in "ABCD"}
    assert {v: _drawn_ids(doc) for v, doc in docs.items()} == {v: _drawn_ids(_plan(_spec(), v)) for v in "ABCD"}
    assert len({frozenset(_drawn_ids(doc)) for doc in docs.values()}) == 4  # every variant its own draw
    assert {doc.total_marks for doc in docs.values()} == {8}  # equal marks: the same total on every copy
    assert len({docs[v].questions[-1].values for v in "ABCD"} | {docs[v].questions[-2].values for v in "ABCD"}) > 4


def test_a_copys_answers_follow_its_own_values():
    for variant in "ABCD":
        doc = _plan(_spec(), variant)
        solve = next(q for q in doc.questions if q.id == "solve")
        values = dict(solve.values)
        a, x, b = (int(values[k]) for k in "axb")
        assert a != x
        assert plain(solve.prompt) == f"Solve {a}x+{b}={a * x + b}."
        assert isinstance(solve.detail, d.Numeric) and solve.detail.value == str(x)
        pick = next(q for q in doc.questions if q.id == "pick")
        assert isinstance(pick.detail, d.Choice)
        n = int(dict(pick.values)["n"])
        assert plain(pick.detail.options[pick.detail.correct[0]]) == str(n * n)
        assert not any(q.values for q in doc.student_view().questions)  # a value may be the answer


def test_the_seed_changes_the_draws_and_a_student_copy_is_its_own():
    plain_a = _plan(_spec(), "A")
    assert _plan(_spec(seed=7), "A").blocks == _plan(_spec(), "A", seed=7).blocks  # --seed is the spec's seed
    assert [q.values for q in _plan(_spec(seed=7), "A").questions] != [q.values for q in plain_a.questions]
    amy, ben = _plan(_spec(), None, copy="Amy"), _plan(_spec(), None, copy="Ben")
    assert amy.blocks == _plan(_spec(), None, copy="Amy").blocks and amy.copy == "Amy"
    assert [q.values for q in amy.questions] != [q.values for q in ben.questions]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 12), st.integers(1, 12), st.integers(0, 8), st.text(max_size=8))
def test_a_draw_takes_that_many_of_the_pool_in_its_order(size, count, variant, key):
    pool = [f"q{i}" for i in range(size)]
    picked = drawn(pool, count, variant, key)
    assert len(picked) == min(size, count) and picked == [q for q in pool if q in picked]
    assert picked == drawn(pool, count, variant, key)


def test_variants_draw_apart_while_the_pool_allows():
    pool = [f"q{i}" for i in range(5)]
    sets = [frozenset(drawn(pool, 2, v, "k")) for v in range(10)]
    assert len(set(sets)) == 10  # C(5, 2) = 10 sets: each variant its own


def test_a_drawn_copy_prints_its_values_on_the_page(run, tmp_path):
    (tmp_path / "w.yaml").write_text(yaml.safe_dump(_spec()), encoding="utf-8")
    assert run("build", "w.yaml", "--out", "out", "-q", cwd=tmp_path).code == 0
    from helpers import flat, pdf_text

    for variant in "AB":
        text = flat(pdf_text(tmp_path / "out" / "w" / f"w-{variant}-student.pdf"))
        key = flat(pdf_text(tmp_path / "out" / "w" / f"w-{variant}-markscheme.pdf"))
        a, b, total = map(int, re.search(r"Solve (\d+)x\+(\d+)=(\d+)\.", text).groups())  # type: ignore[union-attr]
        assert f"Solve {a}x+{b}={total}." in key and str((total - b) // a) in key
        assert "{{" not in text and "{{" not in key


def test_a_booklet_prints_the_draw_of_its_worksheet(run, tmp_path):
    from helpers import flat, pdf_text

    (tmp_path / "w.yaml").write_text(yaml.safe_dump(_spec(draw=2)), encoding="utf-8")
    (tmp_path / "b.yaml").write_text("booklet:\n  title: Pack\n  parts:\n    - worksheet: w.yaml\n", encoding="utf-8")
    assert run("build", "b.yaml", "w.yaml", "--variants", "1", "--out", "out", "-q", cwd=tmp_path).code == 0
    booklet = flat(pdf_text(tmp_path / "out" / "b" / "b-booklet.pdf"))
    alone = flat(pdf_text(tmp_path / "out" / "w" / "w-student.pdf"))
    drawn_here = [i for i in range(6) if f"Pool question {i}." in booklet]
    assert len(drawn_here) == 2 and drawn_here == [i for i in range(6) if f"Pool question {i}." in alone]
