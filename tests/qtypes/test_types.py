"""Every question type on the handout (no answers) and in the mark scheme (all answers)."""

from __future__ import annotations

import re

from helpers import flat, pdf_text, write_file


def build(run, specs):
    result = run("build", "types.yaml", "--force", cwd=specs)
    assert result.code == 0, result.stderr
    folder = specs / "output/types"
    return flat(pdf_text(folder / "types-student.pdf")), flat(pdf_text(folder / "types-markscheme.pdf"))


def test_default_marks_and_total(run, specs):
    handout, scheme = build(run, specs)
    # choice 1 + 1, true-false 3, cloze 3, matching 4, ordering 5, cloze 2
    assert "Total: 19 marks" in handout and "Total: 19 marks" in scheme
    assert "What was the Gulag? Tick one box. [1 mark]" in handout
    assert "Which two men led the NKVD? Tick two boxes. [1 mark]" in handout
    assert "[3 marks]" in handout and "[4 marks]" in handout and "[5 marks]" in handout


def test_choice(run, specs):
    handout, scheme = build(run, specs)
    assert "A A system of labour camps B A secret police force C A five-year plan D A party newspaper" in handout
    assert "Answer: A A A system of labour camps" in scheme
    assert "Answers: A, C A Yagoda C Yezhov" in scheme
    assert "Answer" not in handout


def test_true_false(run, specs):
    handout, scheme = build(run, specs)
    assert "Statement True False Kirov led the party in Leningrad. Kirov died of natural causes." in handout
    assert ("Kirov led the party in Leningrad. True Kirov died of natural causes. False "
            "Kirov was killed in 1934. True") in scheme


def test_cloze_gaps_are_numbered_and_answers_only_in_the_scheme(run, specs):
    handout, scheme = build(run, specs)
    assert re.search(r"In December \(1\) _+ the party chief \(2\) _+ was shot in \(3\) _+\.", handout)
    for answer in ("GAPONE", "GAPTWO", "GAPTHREE"):
        assert answer not in handout
    assert "In December (1) GAPONE the party chief (2) GAPTWO was shot in (3) GAPTHREE." in scheme
    assert "(1) GAPONE (2) GAPTWO (3) GAPTHREE" in scheme


def test_cloze_word_bank_is_shuffled_and_has_distractors(run, specs):
    handout, _ = build(run, specs)
    bank = re.search(r"Word bank (.*?) \d+ ", handout + " 9 ").group(1).split()
    assert sorted(bank[:3]) == ["Cheka", "Gulag", "NKVD"]


def _right_column(handout: str) -> list[str]:
    return re.findall(r"RIGHT\w+", handout)


def test_matching_right_column_is_shuffled_and_the_scheme_pairs_it(run, specs):
    handout, scheme = build(run, specs)
    shown = _right_column(handout)
    assert sorted(shown) == sorted(["RIGHTONE", "RIGHTTWO", "RIGHTTHREE", "RIGHTFOUR"])
    assert shown != ["RIGHTONE", "RIGHTTWO", "RIGHTTHREE", "RIGHTFOUR"]
    letters = {word: "ABCD"[i] for i, word in enumerate(shown)}
    for number, (left, right) in enumerate(
        [("Yagoda", "RIGHTONE"), ("Yezhov", "RIGHTTWO"), ("Beria", "RIGHTTHREE"), ("Dzerzhinsky", "RIGHTFOUR")], 1
    ):
        assert f"{number}. {left} → {letters[right]} {right}" in scheme


def test_ordering_is_shuffled_and_the_scheme_gives_the_order(run, specs):
    handout, scheme = build(run, specs)
    shown = re.findall(r"EVENT\w+", handout)
    right = ["EVENTONE", "EVENTTWO", "EVENTTHREE", "EVENTFOUR", "EVENTFIVE"]
    assert sorted(shown) == sorted(right) and shown != right
    expected = ", ".join("ABCDE"[shown.index(e)] for e in right)
    assert f"Correct order: {expected}" in scheme


def test_shuffles_are_deterministic(run, specs):
    first = build(run, specs)
    assert build(run, specs) == first


def test_glossary_subset_is_alphabetical(run, specs):
    handout, _ = build(run, specs)
    assert "Glossary Term Meaning alpha First letter. Mid Middle. Zeta Last letter." in handout


def test_a_two_pair_matching_question_hides_its_key(run, tmp_path):
    write_file(tmp_path, "w.yaml", "worksheet:\n  title: T\n  contents:\n    - questions: [m]\nquestions:\n"
                                   "  - {id: m, type: matching, pairs: [[Yagoda, RIGHTA], [Yezhov, RIGHTB]]}\n")
    assert run("build", "w.yaml", cwd=tmp_path).code == 0
    assert re.findall(r"RIGHT\w", pdf_text(tmp_path / "output/w/w-student.pdf")) == ["RIGHTB", "RIGHTA"]


def test_cloze_gaps_inside_lists(run, tmp_path):
    write_file(tmp_path, "w.yaml", "worksheet:\n  title: T\n  contents:\n    - questions: [c]\nquestions:\n"
                                   "  - id: c\n    type: cloze\n    text: |\n"
                                   "      - In [[NINETEEN]] something\n      1. [[MOSCOW]] is a city\n")
    assert run("build", "w.yaml", cwd=tmp_path).code == 0
    handout = pdf_text(tmp_path / "output/w/w-student.pdf")
    scheme = flat(pdf_text(tmp_path / "output/w/w-markscheme.pdf"))
    assert "\ue000" not in handout and "NINETEEN" not in handout and "(1) _" in handout
    assert "(1) NINETEEN" in scheme and "(2) MOSCOW" in scheme
