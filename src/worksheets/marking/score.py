"""Scoring each copy against its own version's key, from the boxes read on its pages: a choice's ticks, a
true-false's True or False for each statement, the marker's box ticked for every answer a person marks.
Nothing is guessed: a doubtful box, two marker's boxes, a missing page leave that question unscored and say
why."""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any

from worksheets.marking.ink import Reading


@dataclass
class Result:
    """One question of one copy."""

    number: str
    ident: str
    marks: int
    scored: int | None = None
    """The mark, or None if it could not be read with confidence."""
    chosen: str = ""
    """The options ticked (choice), e.g. 'B'."""
    flag: str = ""
    """Why it is unscored, or what a person should look at."""
    doubtful: list[str] = field(default_factory=list)
    """The keys of the boxes a person must look at."""


def _boxes(student: dict[str, Any], number: str, kind: str) -> list[str]:
    prefix = f"{number}:{kind}:"
    keys = [k for k in student.get("boxes", {}) if k.startswith(prefix)]
    return sorted(keys, key=lambda k: int(k.rsplit(":", 1)[1]))


def _states(keys: list[str], seen: dict[str, Reading]) -> list[str] | str:
    """Each box's state, or why they cannot be had (the page was not scanned, or not read)."""
    if any(k not in seen for k in keys):
        return "its page is missing or could not be read"
    return [seen[k].state for k in keys]


def _choice(q: dict[str, Any], keys: list[str], seen: dict[str, Reading], result: Result) -> None:
    states = _states(keys, seen)
    if isinstance(states, str) or "doubtful" in states or "missing" in states:
        result.flag = states if isinstance(states, str) else "a box is too faint or smudged to call"
        result.doubtful = [k for k in keys if k in seen and seen[k].state in ("doubtful", "missing")]
        return
    ticked = [string.ascii_uppercase[i] for i, s in enumerate(states) if s == "ticked"]
    result.chosen = "".join(ticked)
    if len(ticked) > len(q["answer"]):  # often one crossed out for another: a person reads which stands
        asked = len(q["answer"])
        result.flag = f"{len(ticked)} boxes ticked where {asked} {'was' if asked == 1 else 'were'} asked"
        result.doubtful = [k for k, state in zip(keys, states, strict=True) if state == "ticked"]
        return
    result.scored = q["marks"] if ticked == list(q["answer"]) else 0
    if not ticked:
        result.flag = "nothing ticked"


def _true_false(q: dict[str, Any], keys: list[str], seen: dict[str, Reading], result: Result) -> None:
    states = _states(keys, seen)
    if isinstance(states, str):
        result.flag = states
        return
    right = 0
    for index, truth in enumerate(q["answer"]):
        pair = states[2 * index:2 * index + 2]
        if "doubtful" in pair or "missing" in pair or pair.count("ticked") > 1:
            result.flag = f"statement {index + 1}: both boxes, or one too faint to call"
            result.doubtful += keys[2 * index:2 * index + 2]
            return
        right += pair == (["ticked", "empty"] if truth else ["empty", "ticked"])
    result.scored = round(q["marks"] * right / len(q["answer"]))


def _one_each(keys: list[str], seen: dict[str, Reading], rows: int, result: Result) -> list[int] | None:
    """For each of `rows` rows of boxes (a matching's left items, an ordering's items), the one box ticked in
    it (-1: none), or None (with the flag and the boxes to look at) if any row is unclear."""
    states = _states(keys, seen)
    if isinstance(states, str):
        result.flag = states
        return None
    width = len(states) // max(1, rows)
    picks = []
    for row in range(rows):
        mine = states[row * width:(row + 1) * width]
        if "doubtful" in mine or "missing" in mine or mine.count("ticked") > 1:
            result.flag = f"row {row + 1}: more than one box ticked, or one too faint to call"
            result.doubtful = keys[row * width:(row + 1) * width]
            return None
        picks.append(mine.index("ticked") if "ticked" in mine else -1)
    return picks


def _matching(q: dict[str, Any], keys: list[str], seen: dict[str, Reading], result: Result) -> None:
    answer = q["answer"]
    picks = _one_each(keys, seen, len(answer), result)
    if picks is not None:
        right = sum(pick >= 0 and string.ascii_uppercase[pick] == answer[str(i + 1)] for i, pick in enumerate(picks))
        result.scored = round(q["marks"] * right / len(answer))


def _ordering(q: dict[str, Any], keys: list[str], seen: dict[str, Reading], result: Result) -> None:
    order = q["answer"]  # the items' letters, first to last
    picks = _one_each(keys, seen, len(order), result)
    if picks is not None:
        right = sum(pick >= 0 and order[pick] == string.ascii_uppercase[i] for i, pick in enumerate(picks))
        result.scored = round(q["marks"] * right / len(order))


def _marker(number: str, keys: list[str], seen: dict[str, Reading], result: Result) -> None:
    states = _states(keys, seen)
    if isinstance(states, str):
        result.flag = states
        return
    ticked = [i for i, s in enumerate(states) if s == "ticked"]
    unsure = [keys[i] for i, s in enumerate(states) if s in ("doubtful", "missing")]
    if unsure or len(ticked) > 1:
        result.flag = "the marker's boxes: more than one ticked, or one too faint to call"
        result.doubtful = unsure or [keys[i] for i in ticked]
    elif not ticked:
        result.flag = "not marked: tick one marker's box"
    else:
        result.scored = ticked[0]


TICKED = {"choice": _choice, "true-false": _true_false, "matching": _matching, "ordering": _ordering}
"""How the questions a student answers in tick boxes are scored, by type; every other is marked by its marker's
boxes."""


def score(student: dict[str, Any], seen: dict[str, Reading]) -> list[Result]:
    """Every question (and part) of one student's copy, scored from the boxes read."""
    out: list[Result] = []
    for q in student["questions"]:
        for item in q.get("parts") or [q]:
            result = Result(item["number"], item["id"], item["marks"])
            boxes = _boxes(student, item["number"], "box")
            if boxes and item["type"] in TICKED:
                TICKED[item["type"]](item, boxes, seen, result)
            else:
                _marker(item["number"], _boxes(student, item["number"], "mark"), seen, result)
            out.append(result)
    return out
