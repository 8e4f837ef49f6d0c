"""The planner: numbering, lettering, tiers, references and marks, on fixed and generated specs."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import flat, pdf_text, write_file
from worksheets import document as d
from worksheets.document import letters
from worksheets.document.prose import plain
from worksheets.library import build_library
from worksheets.plan import plan
from worksheets.plan.context import default_lines


def planned(spec: dict, tier: str = "core") -> d.Document:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "w.yaml"
        path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
        return plan(build_library(path, Path(folder)), "w", tier)


def test_letters_run_past_z():
    assert [letters(i) for i in (0, 1, 25, 26, 27)] == ["A", "B", "Z", "AA", "AB"]


def test_sources_are_lettered_in_order_of_first_appearance():
    spec = {
        "worksheet": {"title": "T", "contents": [
            {"questions": ["q1"]},
            {"sources": ["s2", "s1", "s3"]},
        ]},
        "sources": [{"id": f"s{i}", "text": f"Text {i}"} for i in (1, 2, 3)],
        "questions": [{"id": "q1", "prompt": "Use {source:s3} and {source:s1}.", "marks": 2, "sources": ["s3"]}],
    }
    doc = planned(spec)
    labels = [(b.label, plain(b.text)) for b in doc.blocks if isinstance(b, d.SourceBlock)]
    # s3 is named by question 1, so it comes first and is printed before it; s2 then s1 follow
    assert labels == [("Source A", "Text 3"), ("Source B", "Text 2"), ("Source C", "Text 1")]
    assert plain(doc.questions[0].prompt) == "Use Source A and Source C."


def test_tiers_and_extension_questions():
    spec = {
        "worksheet": {"title": "T", "contents": [{"questions": ["a", "b", "c", "e"]}]},
        "questions": [
            {"id": "a", "prompt": "A", "marks": 1},
            {"id": "b", "prompt": "B", "marks": 2, "tiers": ["support"]},
            {"id": "c", "prompt": "C", "marks": 3, "tiers": ["core", "challenge"]},
            {"id": "e", "prompt": "E", "marks": 4, "extension": True},
        ],
    }
    summary = {t: [(q.number, q.id, q.marks) for q in planned(spec, t).questions]
               for t in ("support", "core", "challenge")}
    assert summary == {
        "support": [("1", "a", 1), ("2", "b", 2)],
        "core": [("1", "a", 1), ("2", "c", 3)],
        "challenge": [("1", "a", 1), ("2", "c", 3), ("3", "e", 4)],
    }


def test_parts_are_lettered_and_marks_summed():
    spec = {
        "worksheet": {"title": "T", "contents": [{"questions": ["p"]}]},
        "questions": [{"id": "p", "prompt": "Stem",
                       "parts": [{"prompt": "x", "marks": 2}, {"prompt": "y", "marks": 5}]}],
    }
    q = planned(spec).questions[0]
    assert (q.marks, [(p.number, p.label, p.marks) for p in q.parts]) == (7, [("1(a)", "(a)", 2), ("1(b)", "(b)", 5)])
    assert q.answer.kind == "none" and q.parts[1].answer.lines == default_lines(5)


def test_question_reference_prints_its_number():
    spec = {
        "worksheet": {"title": "T", "contents": [{"text": "See {question:z}."}, {"questions": ["y", "z"]}]},
        "questions": [{"id": "y", "prompt": "Y", "marks": 1}, {"id": "z", "prompt": "Z", "marks": 1}],
    }
    text_block = planned(spec).blocks[0]
    assert plain(text_block.body) == "See 2."


def test_answer_lines_grow_with_marks(run, specs):
    from worksheets.plan.context import default_lines

    assert default_lines(4) in range(8, 11)
    assert default_lines(8) in range(18, 23)
    assert default_lines(1) >= 2


def test_a_question_whose_parts_are_all_in_other_tiers_is_left_out(run, tmp_path):
    write_file(tmp_path, "w.yaml", "worksheet:\n  title: T\n  contents:\n    - questions: [p, q]\nquestions:\n"
                                   "  - {id: p, prompt: STEM, parts: [{prompt: a, marks: 1, tiers: [challenge]}]}\n"
                                   "  - {id: q, prompt: OTHER, marks: 2}\n")
    assert run("build", "w.yaml", cwd=tmp_path).code == 0
    text = flat(pdf_text(tmp_path / "output/w/w-student.pdf"))
    assert "STEM" not in text and "1 OTHER [2 marks]" in text and "Total: 2 marks" in text


def test_references_in_titles_captions_scaffolds_and_glossary(run, tmp_path):
    write_file(tmp_path, "w.yaml",
               "worksheet:\n  title: T\n  tiers: [support]\n  contents:\n    - sources: [s]\n"
               "    - questions: [q]\n    - glossary: all\n"
               "sources:\n  - {id: s, title: 'Before {question:q}', text: x}\n"
               "questions:\n  - id: q\n    prompt: P\n    marks: 1\n"
               "    scaffold: {sentence_starters: ['Use {source:s}']}\n"
               "glossary:\n  term: 'See {source:s}'\n")
    assert run("build", "w.yaml", cwd=tmp_path).code == 0, run("build", "w.yaml", cwd=tmp_path).stderr
    text = flat(pdf_text(tmp_path / "output/w/w-support-student.pdf"))
    assert "Source A: Before 1" in text and "Use Source A" in text and "See Source A" in text
    write_file(tmp_path, "bad.yaml",
               "worksheet:\n  title: T\n  contents:\n    - glossary: all\nglossary:\n  term: 'See {source:nope}'\n")
    assert run("check", "bad.yaml", cwd=tmp_path).lines == [
        "bad.yaml:6:3: glossary 'term': no source with id 'nope' (in {source:nope})"]


# --- generated worksheets ------------------------------------------------------------------

TIERS = ("support", "core", "challenge")
question = st.fixed_dictionaries(
    {"marks": st.integers(0, 30)},
    optional={"tiers": st.lists(st.sampled_from(TIERS), min_size=1, max_size=3, unique=True),
              "extension": st.booleans()},
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    questions=st.lists(question, min_size=1, max_size=12),
    blocks=st.lists(st.integers(1, 4), min_size=1, max_size=4),
    sources=st.integers(0, 5),
    tier=st.sampled_from(TIERS),
)
def test_generated_specs_number_and_total_consistently(questions, blocks, sources, tier):
    items = [dict(q, id=f"q{i}", prompt=f"Prompt {i}", sources=[f"s{i % sources}"] if sources else [])
             for i, q in enumerate(questions)]
    contents: list[dict] = []
    start = 0
    for size in blocks:
        contents.append({"questions": [q["id"] for q in items[start:start + size]] or [items[0]["id"]]})
        start += size
        if start >= len(items):
            break
    seen: set[str] = set()
    for block in contents:
        block["questions"] = [i for i in block["questions"] if not (i in seen or seen.add(i))]
    contents = [c for c in contents if c["questions"]]
    spec = {
        "worksheet": {"title": "Generated", "contents": contents},
        "questions": items,
        "sources": [{"id": f"s{i}", "text": f"Source text {i}"} for i in range(sources)],
    }
    doc = planned(spec, tier)
    expected = [q for q in items
                if any(q["id"] in c["questions"] for c in contents)
                and (("tiers" not in q) or tier in q["tiers"])
                and (not q.get("extension") or tier == "challenge")]
    assert [q.id for q in doc.questions] == [q["id"] for q in expected]
    assert [q.number for q in doc.questions] == [str(i) for i in range(1, len(expected) + 1)]
    assert doc.total_marks == sum(q["marks"] for q in expected)
    letters_used = [b.letter for b in doc.blocks if isinstance(b, d.SourceBlock)]
    assert letters_used == [letters(i) for i in range(len(letters_used))]
    for q in doc.questions:
        assert all(label.startswith("Source ") for label in q.sources)
