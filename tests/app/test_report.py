"""`worksheets report`: reading figures per tier of the student's own copy (never its answers, the sources
apart), printed and written as JSON, with the warning when a support tier reads no easier than its core."""

from __future__ import annotations

import json
import shutil

from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import EXAMPLE, write_file

SPEC = """worksheet:
  title: Floods
  tiers: [support, core]
  contents:
    - section: easy
    - section: hard
    - sources: [report]
    - questions: [why]
sections:
  - id: easy
    tiers: [support]
    title: Rain
    body: "Rain falls. The river gets big. Water goes on the land. Homes get wet. We can help. We plant trees."
  - id: hard
    tiers: [core]
    title: Hydrological processes
    body: "Prolonged precipitation saturates catchment soils, consequently accelerating surface runoff and
      overwhelming channel capacity, whereupon floodwaters inundate the surrounding floodplain, devastating
      agricultural infrastructure and residential neighbourhoods indiscriminately."
sources:
  - id: report
    title: A newspaper, 1953
    text: "Antidisestablishmentarianism notwithstanding, the embankments failed catastrophically overnight."
questions:
  - id: why
    prompt: Why do rivers flood?
    marks: 4
    model_answer: Supercalifragilisticexpialidocious reasons.
"""


def test_the_example_prints_each_tier_writes_json_and_warns(run, tmp_path):
    shutil.copytree(EXAMPLE, tmp_path / "ex")
    result = run("report", "terror.yaml", cwd=tmp_path / "ex")
    assert result.code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "terror.yaml"
    assert [line.split()[0] for line in lines[2:5]] == ["support", "core", "challenge"]
    data = json.loads((tmp_path / "ex" / "output" / "terror" / "terror-reading.json").read_text(encoding="utf-8"))
    assert [t["tier"] for t in data["tiers"]] == ["support", "core", "challenge"]
    core = data["tiers"][1]["own"]
    assert core["words"] > 1000 and 8 < core["age"] < 20 and len(core["longest_words"]) == 5
    assert data["tiers"][1]["sources"]["words"] > 100  # the sources are read apart
    # the example's support tier changes the questions' help, not the notes' words: it reads as hard as core
    assert data["support_no_easier"] is True
    assert result.stderr.startswith("warning: terror.yaml: the support tier reads at age ")
    assert "no easier than the core tier" in result.stderr


def test_a_support_tier_in_plain_words_reads_younger_and_is_not_flagged(run, tmp_path):
    write_file(tmp_path, "floods.yaml", SPEC)
    result = run("report", "floods.yaml", cwd=tmp_path)
    assert result.code == 0 and "warning" not in result.stderr, result.stderr
    data = json.loads((tmp_path / "output" / "floods" / "floods-reading.json").read_text(encoding="utf-8"))
    support, core = (t["own"] for t in data["tiers"])
    assert support["age"] + 3 < core["age"] and data["support_no_easier"] is False
    assert support["sentences"] >= 6 and max(len(s.split()) for s in support["longest_sentences"]) <= 6
    assert "Antidisestablishmentarianism" not in core["longest_words"]  # a source's words are not the teacher's
    assert "Antidisestablishmentarianism" in data["tiers"][1]["sources"]["longest_words"]
    assert all("Supercalifragilistic" not in w for t in data["tiers"] for w in t["own"]["longest_words"])
    assert "Why do rivers flood?" in " ".join(core["longest_sentences"] + support["longest_sentences"])


def test_report_of_a_bank_says_what_it_reads(run, tmp_path):
    write_file(tmp_path, "bank.yaml", "questions:\n  - {id: q, prompt: Why?, marks: 1}\n")
    result = run("report", "bank.yaml", cwd=tmp_path)
    assert result.code == 1 and result.lines == [
        "bank.yaml:1:1: report reads worksheets: this is a bank spec (report each of its worksheets)"]
    assert not (tmp_path / "output").exists()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(max_size=200), max_size=12))
def test_any_text_gives_figures_in_their_ranges(units):
    from worksheets.writers.reading import figures

    got = figures(units)
    assert got.words >= 0 and got.sentences >= 0
    assert got.age == 0.0 or got.age >= 5.0
    assert got.smog_age == 0.0 or got.smog_age >= 5.0
    assert len(got.longest_words) <= 5 and len(got.longest_sentences) <= 5
    assert [len(w) for w in got.longest_words] == sorted((len(w) for w in got.longest_words), reverse=True)
