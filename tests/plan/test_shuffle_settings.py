"""What variants shuffle: `shuffle:` on the worksheet, `keep_order` on a questions block."""

from __future__ import annotations

import pytest

from helpers import SPECS, flat, pdf_text, write_file
from worksheets.library import build_library
from worksheets.plan import plan

QUESTIONS = "".join(f"  - {{id: q{i}, prompt: 'QUESTION{i} here?', marks: 1}}\n" for i in range(6))
CHOICE = "  - {id: c, type: choice, prompt: Pick one, options: [OPTA, OPTB, OPTC, OPTD, OPTE], correct: 0}\n"


def _orders(run, tmp_path, shuffle: str, block: str) -> list[tuple[list[int], list[str]]]:
    """(question order, choice option order) of variants A, B, C."""
    write_file(tmp_path, "v.yaml", f"worksheet:\n  title: V\n  variants: 3\n  shuffle: {shuffle}\n  contents:\n"
                                   f"    - questions: {block}\n    - questions: [c]\nquestions:\n{QUESTIONS}{CHOICE}")
    result = run("build", "v.yaml", cwd=tmp_path)
    assert result.code == 0, result.stderr
    out = []
    for variant in "ABC":
        text = flat(pdf_text(tmp_path / f"output/v/v-{variant}-student.pdf"))
        questions = sorted(range(6), key=lambda i: text.index(f"QUESTION{i}"))
        options = sorted(["OPTA", "OPTB", "OPTC", "OPTD", "OPTE"], key=text.index)
        out.append((questions, options))
    return out


IN_ORDER = list(range(6))
OPTIONS = ["OPTA", "OPTB", "OPTC", "OPTD", "OPTE"]
IDS = "[q0, q1, q2, q3, q4, q5]"


@pytest.mark.parametrize(("shuffle", "questions", "options"), [
    ("both", True, True), ("questions", True, False), ("options", False, True), ("none", False, False)])
def test_the_worksheet_says_what_variants_shuffle(run, tmp_path, shuffle, questions, options):
    orders = _orders(run, tmp_path, shuffle, IDS)
    assert any(q != IN_ORDER for q, _ in orders) == questions
    assert any(o != OPTIONS for _, o in orders) == options


def test_a_block_that_keeps_its_order_is_not_shuffled(run, tmp_path):
    orders = _orders(run, tmp_path, "both", f"{{ids: {IDS}, keep_order: true}}")
    assert all(q == IN_ORDER for q, _ in orders)
    assert any(o != OPTIONS for _, o in orders)  # the rest is still shuffled


def test_a_grouped_block_with_a_wrong_key_is_one_located_line(run, tmp_path):
    write_file(tmp_path, "w.yaml", "worksheet:\n  title: W\n  contents:\n"
                                   "    - questions: {ids: [q0], keep_ordr: true}\n"
                                   f"questions:\n{QUESTIONS}")
    result = run("check", "w.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (1, ["w.yaml:4:7: worksheet.contents[0]: questions: unknown key 'keep_ordr' "
                                               "(a mapping here takes ids, from, draw, keep_order)"])


def test_variants_keep_extension_questions_in_their_places():
    """The stretch question stays where the teacher put it (here second, its block's others shuffled), so a
    variant never opens with the hardest question."""
    library = build_library(SPECS / "tiered.yaml", SPECS)
    orders = []
    for variant in "ABCDEF":
        doc = plan(library, "tiered", "challenge", variant=variant)
        ids = [q.id for q in doc.questions]
        assert ids[1] == "stretch", (variant, ids)
        orders.append(tuple(ids))
    assert len(set(orders)) > 1  # the others are shuffled
