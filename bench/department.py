"""The bench's "department" scenario: 40 worksheet specs drawing on 3 shared banks, each in 3 tiers, 2 booklets
and 2 class sets of 30. Built from empty, then rebuilt after one question's wording changes in one bank: the
rebuild should re-render only the documents that print that question (the render cache keeps the others)."""

from __future__ import annotations

from pathlib import Path

import yaml

SPECS, BANKS, QUESTIONS, PICKED = 40, 3, 30, 8
CHANGED = ("Question 5 of bank 1: explain one cause of event 5.",
           "Question 5 of bank 1: explain one reason for event 5.")
"""The wording of the question the rebuild changes, before and after (the edit swaps them)."""


def _bank(index: int) -> dict:
    source = " ".join(f"Sentence {i} of an adapted source for bank {index}." for i in range(20))
    return {
        "sources": [{"id": f"b{index}-s{i}", "text": source, "attribution": "Adapted for the bench."}
                    for i in range(4)],
        "questions": [{"id": f"b{index}-q{i}", "marks": 1 + i % 6,
                       "prompt": f"Question {i} of bank {index}: explain one cause of event {i}.",
                       "model_answer": "A cause, explained.",
                       "mark_scheme": {"points": ["A cause", "Explained"]}} for i in range(QUESTIONS)],
    }


def _worksheet(index: int) -> dict:
    bank = index % BANKS
    picked = [f"b{bank}-q{(index * 3 + k) % QUESTIONS}" for k in range(PICKED)]
    return {"worksheet": {
        "title": f"Worksheet {index}", "uses": [f"bank{bank}.yaml"], "tiers": ["support", "core", "challenge"],
        "contents": [{"sources": [f"b{bank}-s{index % 4}"]}, {"questions": picked}]}}


def make(folder: Path) -> tuple[list[str], list[str], list[tuple[str, str]]]:
    """Write the department into `folder`: (worksheet specs, booklet specs, (spec, class list) pairs)."""
    for index in range(BANKS):
        (folder / f"bank{index}.yaml").write_text(yaml.safe_dump(_bank(index), allow_unicode=True), encoding="utf-8")
    specs = []
    for index in range(SPECS):
        name = f"ws{index:02d}.yaml"
        (folder / name).write_text(yaml.safe_dump(_worksheet(index), allow_unicode=True), encoding="utf-8")
        specs.append(name)
    booklets = []
    for index in range(2):
        parts = [{"worksheet": specs[index * 10 + k]} for k in range(10)]
        name = f"booklet{index}.yaml"
        (folder / name).write_text(yaml.safe_dump({"booklet": {"title": f"Booklet {index}", "parts": parts}}),
                                   encoding="utf-8")
        booklets.append(name)
    tiers = ["support", "core", "challenge"]
    classes = []
    for index in range(2):
        rows = ["name,tier"] + [f"Student {index}-{i},{tiers[i % 3]}" for i in range(30)]
        listing = f"class{index}.csv"
        (folder / listing).write_text("\n".join(rows) + "\n", encoding="utf-8")
        classes.append((specs[index + 20], listing))
    return specs, booklets, classes


def script(worksheets: list[str], specs: list[str], booklets: list[str], classes: list[tuple[str, str]]) -> str:
    """The shell commands that build the whole department (into output/)."""
    command = " ".join(worksheets)
    lines = [f"{command} build {' '.join(specs + booklets)} -q"]
    lines += [f"{command} build {spec} --class-list {listing} -q" for spec, listing in classes]
    return " && ".join(lines)


def edit(folder: Path) -> str:
    """A shell command that swaps the changed question's wording (so every run is after a change)."""
    bank = folder / "bank1.yaml"
    before, after = CHANGED
    return (f"sed -i -e 's/{before}/@@/' -e 's/{after}/{before}/' -e 's/@@/{after}/' {bank.name}")


def printing(folder: Path) -> int:
    """How many worksheet specs print the changed question (each: 3 tiers, a handout and a mark scheme)."""
    return sum("b1-q5" in (folder / f"ws{i:02d}.yaml").read_text(encoding="utf-8") for i in range(SPECS))
