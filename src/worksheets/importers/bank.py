"""What an import makes: the questions and sections read from another format, as a one-file worksheet spec
in our own key order (a `worksheet:` printing them all, then `sections:` and `questions:`), the pictures to
save beside it, and every question that could not be carried over, with its place in the file."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

MAX_ID = 40
ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")
NUMBERED = re.compile(r"^\s*\d+(\([a-z]+\))?\.?\s+")
PART = re.compile(r"^(.+)-([a-z]+)$")
STATEMENT = re.compile(r"^(.+)-(\d+)$")
KEY_ORDER = ("id", "type", "prompt", "text", "title", "body", "marks", "options", "correct", "statements", "pairs",
             "items", "value", "tolerance", "units", "word_bank", "distractors", "answer", "model_answer",
             "mark_scheme")
"""The order our keys are written in, as the docs list them."""


@dataclass
class Imported:
    """What was read: a title, the items in the file's order, the pictures, what was left out."""

    title: str
    items: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    """("question" or "section", its keys) in order."""
    images: dict[str, bytes] = field(default_factory=dict)
    """File name in images/ -> its bytes."""
    notes: list[str] = field(default_factory=list)
    """'FILE:LINE: question "name" (a calculated question) cannot be carried over: left out'."""
    used: set[str] = field(default_factory=set)

    def ident(self, name: str, given: str = "") -> str:
        """A unique id: the one the file gives (Moodle's idnumber) if it is one of ours, else made from the
        question's name (its number dropped): lowercase letters, digits and '-'."""
        if ID.match(given) and given not in self.used:
            self.used.add(given)
            return given
        name = NUMBERED.sub("", name)
        base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:MAX_ID].strip("-") or "q"
        if not base[0].isalnum():
            base = f"q-{base}"
        ident, n = base, 1
        while ident in self.used:
            n += 1
            ident = f"{base}-{n}"
        self.used.add(ident)
        return ident

    def add(self, kind: str, data: dict[str, Any]) -> None:
        """An item, its keys put in our order."""
        ordered = {k: data[k] for k in KEY_ORDER if k in data}
        ordered.update({k: v for k, v in data.items() if k not in ordered})
        self.items.append((kind, ordered))


def _common(texts: list[str]) -> int:
    """How many leading paragraphs all the texts share, leaving each at least one of its own."""
    paragraphs = [t.split("\n\n") for t in texts]
    shared = 0
    while all(len(p) > shared + 1 for p in paragraphs) and len({p[shared] for p in paragraphs}) == 1:
        shared += 1
    return shared


def _rest(text: str, shared: int) -> str:
    return "\n\n".join(text.split("\n\n")[shared:])


def _run_of(items: list[tuple[str, dict[str, Any]]], start: int, pattern: re.Pattern[str], kind: str) -> int:
    """How many items from `start` are one question split up: origins base-1, base-2... (or base-a...)."""
    first = pattern.match(items[start][1].get("_origin", ""))
    if first is None or items[start][1].get("type", "written") != kind:
        return 1
    end = start + 1
    while end < len(items):
        match = pattern.match(items[end][1].get("_origin", ""))
        if match is None or match.group(1) != first.group(1) or items[end][1].get("type", "written") != kind:
            break
        end += 1
    return end - start


def _joined(run: list[dict[str, Any]], base: str, statements: bool) -> dict[str, Any]:
    """True-false items of one question back as its statements; essays of one question's parts as its parts."""
    texts = [item["statements"][0]["text"] if statements else item["prompt"] for item in run]
    shared = _common(texts) if len(run) > 1 else 0
    stem = "\n\n".join(texts[0].split("\n\n")[:shared])
    if statements:
        return {"id": base, "type": "true-false", **({"prompt": stem} if stem else {}),
                "marks": sum(i.get("marks", 1) for i in run),
                "statements": [{"text": _rest(t, shared), "answer": i["statements"][0]["answer"]}
                               for t, i in zip(texts, run, strict=True)]}
    parts = [{"prompt": _rest(t, shared), **{k: v for k, v in i.items() if k in ("marks", "answer", "model_answer",
                                                                              "mark_scheme")}}
             for t, i in zip(texts, run, strict=True)]
    return {"id": base, "prompt": stem or "Answer each part.", "parts": parts}


def merged(items: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, dict[str, Any]]]:
    """The items with a question an export split up (one true-false item per statement, one essay per part)
    put back together, and the origins dropped."""
    out, index = [], 0
    while index < len(items):
        kind, data = items[index]
        for pattern, qtype in ((STATEMENT, "true-false"), (PART, "written")):
            count = _run_of(items, index, pattern, qtype) if kind == "question" else 1
            if count > 1:
                match = pattern.match(data["_origin"])
                assert match is not None
                out.append(("question", _joined([d for _, d in items[index:index + count]], match.group(1),
                                                 qtype == "true-false")))
                index += count
                break
        else:
            out.append((kind, {k: v for k, v in data.items() if k != "_origin"}))
            index += 1
    return out


def spec_text(imported: Imported, source: str) -> str:
    """The worksheet spec: YAML that `check` accepts and that builds."""
    contents: list[dict[str, Any]] = []
    imported.items = merged(imported.items)
    for kind, data in imported.items:
        if kind == "section":
            contents.append({"section": data["id"]})
        elif contents and "questions" in contents[-1]:
            contents[-1]["questions"].append(data["id"])
        else:
            contents.append({"questions": [data["id"]]})
    spec: dict[str, Any] = {"worksheet": {"title": imported.title or "Imported questions",
                                          "contents": contents or [{"text": "(no questions were imported)"}]}}
    sections = [data for kind, data in imported.items if kind == "section"]
    questions = [data for kind, data in imported.items if kind == "question"]
    if sections:
        spec["sections"] = sections
    if questions:
        spec["questions"] = questions
    header = f"# Imported from {source} by `worksheets import`: check it, then build it.\n"
    return header + yaml.safe_dump(spec, sort_keys=False, allow_unicode=True, width=110)
