"""The student view holds no answer at all: not the model answers or schemes, nor the closed types' keys."""

from __future__ import annotations

import pickle
from dataclasses import fields

from helpers import SPECS
from worksheets import document as d
from worksheets.library import build_library
from worksheets.plan import plan
from worksheets.writers.contract import unit

ANSWERS = ["GAPONE", "GAPTWO", "GAPTHREE"]  # the cloze answers of tests/specs/types.yaml


def _view() -> tuple[d.Document, d.Document]:
    doc = plan(build_library(SPECS / "types.yaml", SPECS), "types")
    return doc, unit(doc, "student").document


def test_no_closed_question_keeps_its_answers_in_the_student_view():
    doc, view = _view()
    details = [q.detail for q in view.questions if q.detail is not None]
    assert {type(x) for x in details} == {d.Choice, d.TrueFalse, d.Cloze, d.Matching, d.Ordering}
    emptied = {d.Choice: "correct", d.TrueFalse: "answers", d.Cloze: "answers", d.Matching: "key",
               d.Ordering: "order"}
    for detail in details:
        assert getattr(detail, emptied[type(detail)]) == ()
    full = [q.detail for q in doc.questions if q.detail is not None]
    assert all(getattr(x, emptied[type(x)]) for x in full)  # the mark scheme's document keeps them


def test_every_answer_field_of_every_detail_is_emptied():
    """A new answer field on a detail must be emptied too: every field but what the student sees is checked."""
    shown = {"options", "ticks", "statements", "text", "word_bank", "longest", "left", "right", "items"}
    _, view = _view()
    for q in view.questions:
        if q.detail is not None:
            for f in fields(q.detail):
                assert f.name in shown or getattr(q.detail, f.name) == (), f"{type(q.detail).__name__}.{f.name}"


def test_the_student_view_does_not_hold_an_answer_anywhere():
    doc, view = _view()
    everything = pickle.dumps(view)
    gaps = [a for a in ANSWERS if a.encode() in everything]
    assert gaps == [] and all(a.encode() in pickle.dumps(doc) for a in ANSWERS)
