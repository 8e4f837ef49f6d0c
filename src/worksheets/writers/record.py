"""The class record, `NAME-class-LIST.json`: for each student of a class set, the version they were given and
each question as printed on their copy (its id, marks, option order, drawn values and answer). It is what
marking a class's scanned papers reads; written deterministically (the same class set, the same bytes)."""

from __future__ import annotations

import json
from typing import Any

from worksheets import document as d
from worksheets.document.layout import PageMap
from worksheets.writers.answers import answer, answer_text

FORMAT = "worksheets-class-record"
VERSION = 1


def _question(q: d.Question) -> dict[str, Any]:
    out: dict[str, Any] = {"number": q.number, "id": q.id, "type": q.kind, "marks": q.marks}
    if q.order:
        out["order"] = list(q.order)
    if q.values:
        out["values"] = dict(q.values)
    if q.detail is not None:
        out["answer"] = answer(q.detail)
    elif q.model_answer:
        out["model_answer"] = answer_text(q)
    if q.parts:
        out["parts"] = [_question(part) for part in q.parts]
    return out


def class_record(stem: str, class_list: str, copies: list[tuple[str, str, d.Document]],
                 pages: list[PageMap] | None = None) -> bytes:
    """The record of every student's copy: (name, class, their full document, answers and all) each; with the
    copies' page maps, where each box to read from a scan lies (page, x, y, side in points from the foot-left).
    Without a class list (`class_list` ''), each entry is a version, whose copies are not told apart."""
    students = []
    for index, (name, group, doc) in enumerate(copies):
        student: dict[str, Any] = {
            "name": name, "class": group, "tier": doc.tier, "style": doc.style, "version": doc.version_code,
            "copy": doc.copy or doc.scan_copy or "", "paper": doc.paper, "total": doc.total_marks,
            "questions": [_question(q) for q in doc.questions]}
        if pages is not None and pages[index].boxes:
            student["boxes"] = {key: [box.page, round(box.x, 2), round(box.y, 2), round(box.size, 2)]
                                for key, box in pages[index].boxes}
        students.append(student)
    data = {"format": FORMAT, "version": VERSION, "worksheet": stem,
            "title": copies[0][2].title if copies else "", "class_list": class_list, "named": bool(class_list),
            "students": students}
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode("utf-8")
