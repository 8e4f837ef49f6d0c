"""Student copies give no answer away by their layout: two-item shuffles and cloze blank widths."""

from __future__ import annotations

import re

from helpers import flat, pdf_text, write_file

SPEC = "worksheet:\n  title: Leaks\n  contents:\n    - questions: [{ids}]\nquestions:\n{questions}"


def _build(run, tmp_path, questions: list[str]) -> str:
    ids = ", ".join(f"q{i}" for i in range(len(questions)))
    write_file(tmp_path, "leaks.yaml", SPEC.format(ids=ids, questions="".join(questions)))
    result = run("build", "leaks.yaml", cwd=tmp_path)
    assert result.code == 0, result.stderr
    return flat(pdf_text(tmp_path / "output/leaks/leaks-student.pdf"))


def _width(text: str) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from worksheets.writers.pdf.fonts import register

    register("Sans")
    return float(stringWidth(text, "Sans-Regular", 11))


def test_two_pair_matchings_are_not_always_printed_reversed(run, tmp_path):
    questions = [f"  - {{id: q{i}, type: matching, pairs: [[L{i}a, R{i}first], [L{i}b, R{i}second]]}}\n"
                 for i in range(30)]
    handout = _build(run, tmp_path, questions)
    in_order = [handout.index(f"R{i}first") < handout.index(f"R{i}second") for i in range(30)]
    assert 5 < sum(in_order) < 25  # either order: the page does not say which pairs go together


def test_two_item_orderings_are_not_always_printed_reversed(run, tmp_path):
    questions = [f"  - {{id: q{i}, type: ordering, items: [E{i}first, E{i}second]}}\n" for i in range(30)]
    handout = _build(run, tmp_path, questions)
    in_order = [handout.index(f"E{i}first") < handout.index(f"E{i}second") for i in range(30)]
    assert 5 < sum(in_order) < 25


def test_every_cloze_blank_has_one_width_wide_enough_for_the_longest_answer(run, tmp_path):
    longest = "the Union of Soviet Socialist Republics"
    questions = [f"  - {{id: q0, type: cloze, text: 'A [[x]] then [[{longest}]] and [[ab]].'}}\n"]
    handout = _build(run, tmp_path, questions)
    blanks = re.findall(r"\((\d)\) (_+)", handout)
    assert [number for number, _ in blanks] == ["1", "2", "3"]
    widths = {len(line) for _, line in blanks}
    assert len(widths) == 1  # the same for a one-letter answer and a long one
    assert _width("_" * widths.pop()) >= _width(longest) * 1.5  # room to handwrite it
    assert longest not in handout
