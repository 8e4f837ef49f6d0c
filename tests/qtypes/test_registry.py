"""The question-type registry: every registered type is known to the spec, the document and every writer."""

from __future__ import annotations

import typing
from dataclasses import dataclass

import pytest

from worksheets.document import details
from worksheets.qtypes import QUESTION_TYPES, REGISTERED
from worksheets.qtypes.base import QuestionType
from worksheets.writers import FORMATS, Format


def missing_handlers(types: tuple[QuestionType, ...], formats: dict[str, Format]) -> list[str]:
    """'FORMAT: TYPE (handler)' for each registered type a format claims but one of its handlers lacks."""
    missing = []
    for fmt in formats.values():
        claimed = [t for t in types if t.detail is not None and (fmt.claims is None or t.name in fmt.claims)]
        for handler in fmt.writer().detail_handlers():
            missing += [f"{fmt.name}: {t.name} ({handler.__name__})" for t in claimed
                        if t.detail not in handler.registry]
    return missing


def test_every_writer_has_a_handler_for_every_type_it_claims():
    assert missing_handlers(REGISTERED, FORMATS) == []


def test_every_type_has_its_answer_for_keys_and_records():
    from worksheets.writers.answers import handlers

    assert [(t.name, h.__name__) for t in REGISTERED if t.detail is not None for h in handlers()
            if t.detail not in h.registry] == []


def test_a_type_without_a_handler_is_found():
    @dataclass(frozen=True)
    class Unknown:
        """A stand-in detail no writer knows."""

    stray = QuestionType("stray", QUESTION_TYPES["choice"].model, QUESTION_TYPES["choice"].lower, Unknown)
    assert missing_handlers((*REGISTERED, stray), {"pdf": FORMATS["pdf"]}) == [
        "pdf: stray (handout)", "pdf: stray (scheme)"]
    assert missing_handlers((*REGISTERED, stray), {"moodle": FORMATS["moodle"]}) == []  # not claimed by it


def test_a_writer_that_claims_only_some_types_is_held_only_to_those():
    only_written = {"pdf": Format("pdf", ".pdf", "application/pdf", ("student",), False, "worksheets.writers.pdf",
                                  claims=("written",))}
    stray = QuestionType("stray", QUESTION_TYPES["choice"].model, QUESTION_TYPES["choice"].lower, object)
    assert missing_handlers((stray,), only_written) == []


def test_the_registry_names_each_type_as_its_model_does():
    for name, qtype in QUESTION_TYPES.items():
        assert typing.get_args(qtype.model.model_fields["type"].annotation) == (name,)


def test_the_documents_detail_union_is_exactly_the_registered_details():
    registered = {t.detail for t in REGISTERED if t.detail is not None}
    assert set(typing.get_args(details.Detail)) == registered


@pytest.mark.parametrize("name", sorted(QUESTION_TYPES))
def test_every_registered_type_is_accepted_in_a_bank(name):
    from worksheets.spec.bank import Bank

    examples = {
        "written": {"prompt": "Why?", "marks": 2},
        "choice": {"prompt": "Which?", "options": ["a", "b"], "correct": 0},
        "true-false": {"statements": [{"text": "Yes", "answer": True}]},
        "cloze": {"text": "The [[cat]] sat."},
        "matching": {"pairs": [["a", "1"], ["b", "2"]]},
        "ordering": {"items": ["first", "second"]},
        "numeric": {"prompt": "How many?", "value": 3},
        "table": {"table": "| x | 1 |\n|---|---|\n| y | [[2]] |"},
        "wordsearch": {"words": ["NKVD", "PURGE"]},
        "crossword": {"clues": [{"answer": "NKVD", "clue": "The secret police"}]},
        "label": {"image": "heart.png", "labels": [{"at": [0.5, 0.5], "answer": "aorta"}]},
    }
    bank = Bank.model_validate({"questions": [{"id": "q", "type": name, **examples[name]}]})
    assert type(bank.questions[0]) is QUESTION_TYPES[name].model
