"""Reading a Moodle XML question file (from anyone's LMS: parsed with defusedxml, size-limited) into our
questions: multichoice, truefalse, matching, ordering, ddwtos and multianswer (cloze), numerical, essay,
shortanswer and description. Pictures inside it (base64 `<file>`s) are saved beside the spec; a question
of any other type is named, with its line, and left out."""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import unquote
from xml.etree.ElementTree import Element

from worksheets.errors import Loc, Problem, SpecError
from worksheets.importers.bank import Imported
from worksheets.importers.prose import plain, prose, split_cloze

MAX_QUESTIONS = 5000
MAX_PICTURE = 20 * 2**20
PICTURE_TYPES = {".png", ".jpg", ".jpeg"}
CODE = re.compile(r"\{(\d*):([A-Z_]+):(.*?)(?<!\\)\}", re.S)
"""A multianswer (cloze) gap: {1:SHORTANSWER:=answer~wrong}."""
GAP_MARK = "\ue000{}\ue001"  # a gap kept through the HTML conversion, made [[answer]] after it


def _text(element: Element | None, path: str = "text") -> str:
    found = element.find(path) if element is not None else None
    return (found.text or "") if found is not None else ""


class _Question:
    """One `<question>` being read: its text as prose, with its pictures saved."""

    def __init__(self, element: Element, imported: Imported, where: str) -> None:
        self.element, self.imported, self.where = element, imported, where
        self.files = {f.get("name", ""): f.text or "" for tag in ("questiontext", "generalfeedback", "graderinfo")
                      for f in element.findall(f"{tag}/file")}

    def picture(self, src: str, alt: str) -> str | None:
        name = unquote(src.removeprefix("@@PLUGINFILE@@/"))
        suffix = PurePosixPath(name).suffix.lower()
        if not src.startswith("@@PLUGINFILE@@/") or name not in self.files or suffix not in PICTURE_TYPES:
            self.imported.notes.append(f"{self.where}: the picture '{src}' is not a PNG or JPEG inside the file: "
                                       "left out")
            return None
        try:
            data = base64.b64decode(self.files[name], validate=False)
        except (binascii.Error, ValueError):
            return None
        if len(data) > MAX_PICTURE:
            return None
        saved = f"{hashlib.sha256(data).hexdigest()[:12]}{suffix}"
        self.imported.images[saved] = data
        return f"images/{saved}"

    def prose(self, html: str) -> str:
        return prose(html, self.picture)

    def text(self, path: str = "questiontext") -> str:
        return self.prose(_text(self.element.find(path)))

    @property
    def name(self) -> str:
        return " ".join(_text(self.element.find("name")).split())

    @property
    def marks(self) -> int:
        try:
            return max(0, round(float(_text(self.element, "defaultgrade") or 1)))
        except ValueError:
            return 1

    def answers(self) -> list[tuple[float, str]]:
        """(fraction, the answer's HTML) of each `<answer>`."""
        out = []
        for answer in self.element.findall("answer"):
            try:
                fraction = float(answer.get("fraction", "0"))
            except ValueError:
                fraction = 0.0
            out.append((fraction, _text(answer)))
        return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _choice(q: _Question) -> dict[str, Any] | None:
    answers = q.answers()
    correct = [i for i, (fraction, _) in enumerate(answers) if fraction > 0]
    if len(answers) < 2 or not correct:
        return None
    single = _text(q.element, "single").strip().lower() in ("true", "1", "")
    best = max(range(len(answers)), key=lambda i: answers[i][0])
    return {"type": "choice", "prompt": q.text(), "options": [_one_line(q.prose(html)) for _, html in answers],
            "correct": best if single else correct, "marks": q.marks}


def _true_false(q: _Question) -> dict[str, Any] | None:
    right = next((plain(html).lower() for fraction, html in q.answers() if fraction > 0), None)
    if right not in ("true", "false"):
        return None
    return {"type": "true-false", "prompt": "Is this true or false?",
            "statements": [{"text": q.text(), "answer": right == "true"}], "marks": q.marks}


def _matching(q: _Question) -> dict[str, Any] | None:
    pairs, spare = [], []
    for sub in q.element.findall("subquestion"):
        left, right = _one_line(q.prose(_text(sub))), plain(_text(sub.find("answer")))
        (pairs.append([left, right]) if left else spare.append(right))
    if spare:
        q.imported.notes.append(f"{q.where}: the extra answers {', '.join(repr(s) for s in spare)} of a matching "
                                "question have no place in ours: left out")
    return {"type": "matching", "prompt": q.text(), "pairs": pairs, "marks": q.marks} if len(pairs) >= 2 else None


def _ordering(q: _Question) -> dict[str, Any] | None:
    items = [_one_line(q.prose(html)) for _, html in q.answers()]
    return {"type": "ordering", "prompt": q.text(), "items": items, "marks": q.marks} if len(items) >= 2 else None


def _ddwtos(q: _Question) -> dict[str, Any] | None:
    boxes = [plain(_text(box)) for box in q.element.findall("dragbox")]
    used: set[int] = set()

    def gap(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        used.add(index)
        return GAP_MARK.format(boxes[index]) if 0 <= index < len(boxes) else match.group(0)

    html = re.sub(r"\[\[(\d+)\]\]", gap, _text(q.element.find("questiontext")))
    text = _gaps(q.prose(html))
    if "[[" not in text:
        return None
    spare = [b for i, b in enumerate(boxes) if i not in used]
    prompt, text = split_cloze(text)
    return {"type": "cloze", **({"prompt": prompt} if prompt else {}), "text": text, "word_bank": True,
            **({"distractors": spare} if spare else {}), "marks": q.marks}


def _gaps(text: str) -> str:
    return re.sub("\ue000(.*?)\ue001", lambda m: f"[[{m.group(1)}]]", text)


def _right(code: str) -> str | None:
    """The right answer of a multianswer gap's answers ('=Paris~London', '%100%Paris#fine~%0%London')."""
    for part in re.split(r"(?<!\\)~", code):
        part = re.sub(r"(?<!\\)#.*", "", part, flags=re.S)
        if part.startswith(("=", "%100%")):
            value = part.removeprefix("=").removeprefix("%100%")
            return re.sub(r"\\(.)", r"\1", value.split(":")[0] if re.fullmatch(r"-?[\d.]+:[\d.]+", value) else value)
    return None


def _multianswer(q: _Question) -> dict[str, Any] | None:
    missing = []

    def gap(match: re.Match[str]) -> str:
        right = _right(match.group(3))
        if right is None:
            missing.append(match.group(0))
            return match.group(0)
        return GAP_MARK.format(plain(right))

    text = _gaps(q.prose(CODE.sub(gap, _text(q.element.find("questiontext")))))
    if missing or "[[" not in text:
        return None
    prompt, text = split_cloze(text)
    return {"type": "cloze", **({"prompt": prompt} if prompt else {}), "text": text, "marks": q.marks}


def _numerical(q: _Question) -> dict[str, Any] | None:
    best = next((a for a in q.element.findall("answer") if float(a.get("fraction", "0") or 0) >= 100), None)
    try:
        value = float(_text(best))
        tolerance = float(_text(best, "tolerance") or 0) if best is not None else 0.0
    except ValueError:
        return None
    unit = _text(q.element.find("units/unit"), "unit_name")
    return {"type": "numeric", "prompt": q.text(), "value": value, **({"tolerance": tolerance} if tolerance else {}),
            **({"units": unit} if unit else {}), "marks": q.marks}


def _essay(q: _Question) -> dict[str, Any] | None:
    lines = _text(q.element, "responsefieldlines")
    return {"prompt": q.text(), "marks": q.marks, **({"answer": {"lines": min(40, int(lines))}} if lines.isdigit()
                                                       else {}), **_grader(q, _text(q.element.find("graderinfo")))}


GRADER = re.compile(r"<p><strong>(Model answer|Marking points|Levels of response|Indicative content|Guidance)"
                    r"</strong></p>")
"""The headings of a mark scheme in grader information, as our export writes it."""
POINT_MARKS = re.compile(r"\s*\[(\d+)\]\s*$")


def _grader(q: _Question, html: str) -> dict[str, Any]:
    """Grader information as a model answer and a mark scheme (points, levels, content, guidance) when it is laid
    out as our export lays it out; otherwise all of it as the model answer."""
    pieces = GRADER.split(html)
    if len(pieces) == 1:
        model = q.prose(html)
        return {"model_answer": model} if model else {}
    found = dict(zip(pieces[1::2], pieces[2::2], strict=True))
    scheme: dict[str, Any] = {}
    items = re.compile(r"<li>(.*?)</li>", re.S)
    if "Marking points" in found:
        scheme["points"] = []
        for item in items.findall(found["Marking points"]):
            worth = POINT_MARKS.search(item)  # our export ends each point with its marks, "[2]"
            text = _one_line(q.prose(item[:worth.start()] if worth else item))
            marks = int(worth.group(1)) if worth else 1
            scheme["points"].append(text if marks == 1 else {"text": text, "marks": marks})
    if "Levels of response" in found:
        scheme["levels"] = [{"marks": band.replace("\u2013", "-"), "descriptor": _one_line(q.prose(text))}
                            for band, text in re.findall(r"<tr><td>Level \d+</td><td>(.*?)</td><td>(.*?)</td></tr>",
                                                         found["Levels of response"], re.S)]
    if "Indicative content" in found:
        scheme["indicative"] = [_one_line(q.prose(item)) for item in items.findall(found["Indicative content"])]
    if "Guidance" in found:
        scheme["guidance"] = q.prose(found["Guidance"])
    model = q.prose(found.get("Model answer", ""))
    return {**({"model_answer": model} if model else {}), **({"mark_scheme": scheme} if scheme else {})}


def _short(q: _Question) -> dict[str, Any] | None:
    best = max(q.answers(), default=(0.0, ""), key=lambda a: a[0])
    if best[0] <= 0 or not plain(best[1]):
        return None
    return {"type": "cloze", "prompt": q.text(), "text": f"Answer: [[{plain(best[1])}]]", "marks": q.marks}


READERS: dict[str, Callable[[_Question], dict[str, Any] | None]] = {
    "multichoice": _choice, "truefalse": _true_false, "matching": _matching, "ordering": _ordering,
    "ddwtos": _ddwtos, "multianswer": _multianswer, "numerical": _numerical, "essay": _essay,
    "shortanswer": _short,
}
"""Each Moodle question type we can carry over, and how."""


def _lines(raw: str) -> list[int]:
    """The line each `<question` starts on, in order."""
    return [raw.count("\n", 0, m.start()) + 1 for m in re.finditer(r"<question\b", raw)]


def read(data: bytes, shown: str, stem: str) -> Imported:
    """The questions of a Moodle XML file, or SpecError if it is not one."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(data, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError) as error:
        raise SpecError(Problem(Loc(shown, getattr(error, "position", (1, 0))[0] or 1),
                                f"not a readable XML file ({error})")) from None
    if root.tag != "quiz":
        raise SpecError(Problem(Loc(shown, 1), f"not a Moodle XML file: it starts with <{root.tag}>, not <quiz>"))
    imported = Imported(title=stem)
    questions = root.findall("question")
    if len(questions) > MAX_QUESTIONS:
        raise SpecError(Problem(Loc(shown, 1), f"more than {MAX_QUESTIONS} questions: split the file"))
    lines = _lines(data.decode("utf-8", "replace"))
    for index, element in enumerate(questions):
        _read_one(element, imported, f"{shown}:{lines[index] if index < len(lines) else 1}")
    return imported


def _read_one(element: Element, imported: Imported, where: str) -> None:
    kind = element.get("type", "")
    q = _Question(element, imported, where)
    if kind == "category":
        imported.title = _text(element.find("category")).rstrip("/").rsplit("/", 1)[-1] or imported.title
        return
    if kind == "description":
        body = q.text()
        heading = f"**{q.name}**\n\n"
        body = body.removeprefix(heading) if body.startswith(heading) else body  # the heading our export adds
        if body:
            imported.add("section", {"id": imported.ident(q.name or "notes"), "title": q.name or "Notes",
                                     "body": body})
        return
    reader = READERS.get(kind)
    made = reader(q) if reader else None
    if made is None:
        what = f"a {kind} question" if kind else "a question with no type"
        imported.notes.append(f"{where}: question '{q.name}' ({what}) cannot be carried over: left out")
        return
    origin = _text(element, "idnumber").strip()
    imported.add("question", {"id": imported.ident(q.name or kind, origin), **made, "_origin": origin})


def read_file(path: Path, shown: str, limit: int) -> Imported:
    """Read a Moodle XML file of at most `limit` bytes."""
    from worksheets.spec.files import read_bytes

    return read(read_bytes(path, shown, limit, "Moodle XML file"), shown, path.stem.removesuffix("-moodle"))
