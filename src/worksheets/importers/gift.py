"""Reading GIFT, Moodle's text format for questions, into ours: multiple choice (one or several right),
true-false, matching, numeric (value:tolerance or a range), short answers and missing words (as a cloze),
essays and descriptions. A question whose answers cannot be made out is named, with its line, and left out."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from worksheets.errors import Loc, Problem, SpecError
from worksheets.importers.bank import Imported
from worksheets.importers.prose import plain, prose, split_cloze

MAX_BYTES = 10 * 2**20
ESCAPED = re.compile(r"\\([~=#{}:n\\])")
FORMAT = re.compile(r"^\[(html|moodle|plain|markdown)\]", re.I)
OPEN, CLOSE = re.compile(r"(?<!\\)\{"), re.compile(r"(?<!\\)\}")


def _unescape(text: str) -> str:
    return ESCAPED.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), text)


def _prose(text: str, html: bool) -> str:
    """GIFT text (HTML with [html], else plain) as our prose; GIFT cannot carry pictures."""
    text = _unescape(text).strip()
    return prose(text if html else text.replace("<", "&lt;"), lambda src, alt: None)


def _split(raw: str) -> list[tuple[int, str]]:
    """The file's questions and category lines: (the line it starts on, its text), comments left out."""
    chunks: list[tuple[int, str]] = []
    current: list[str] = []
    start = 1
    for number, line in enumerate(raw.splitlines(), start=1):
        if line.strip().startswith("//"):
            continue
        if not line.strip():
            if current:
                chunks.append((start, "\n".join(current)))
            current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        chunks.append((start, "\n".join(current)))
    return chunks


def _answers(block: str) -> list[tuple[str, str]]:
    """('=' or '~' or '%50%', the answer) of each answer in a block, feedback after '#' dropped."""
    out = []
    for match in re.finditer(r"(?<!\\)([=~])(%-?[\d.]+%)?((?:\\.|[^=~\\])*)", block):
        text = re.split(r"(?<!\\)#", match.group(3))[0].strip()
        out.append((match.group(2) or match.group(1), _unescape(text)))
    return out


def _kind(block: str, text_after: str) -> dict[str, Any] | None:
    """What the answer block makes of the question (its type and keys, without the prompt), or None."""
    body = re.split(r"(?<!\\)####", block)[0].strip()
    if not body:
        return {"type": "written"}
    if body.upper() in ("T", "TRUE", "F", "FALSE"):
        return {"type": "true-false", "answer": body.upper().startswith("T")}
    if body.startswith("#"):
        return _numeric(body[1:])
    answers = _answers(body)
    if "->" in body:
        pairs = [[a.split("->")[0].strip(), a.split("->", 1)[1].strip()] for _, a in answers if "->" in a]
        return {"type": "matching", "pairs": pairs} if len(pairs) >= 2 else None
    right = [i for i, (mark, _) in enumerate(answers) if mark == "=" or (mark.startswith("%") and
                                                                         float(mark.strip("%")) > 0)]
    if not answers or not right:
        return None
    if all(mark == "=" for mark, _ in answers):  # a short answer: the first right one
        return {"type": "short", "answer": answers[0][1], "after": text_after}
    options = [a for _, a in answers]
    if text_after.strip() or (len(right) == 1 and answers[right[0]][0] == "=" and "~" not in body):
        return {"type": "missing", "answer": answers[right[0]][1], "others": [o for i, o in enumerate(options)
                                                                               if i not in right]}
    return {"type": "choice", "options": options, "correct": right[0] if len(right) == 1 else right}


def _numeric(body: str) -> dict[str, Any] | None:
    first = re.split(r"(?<!\\)[=~#]", body.lstrip("="))[0].strip()
    try:
        if ".." in first:
            low, high = (float(x) for x in first.split(".."))
            return {"type": "numeric", "value": (low + high) / 2, "tolerance": (high - low) / 2}
        value, _, tolerance = first.partition(":")
        return {"type": "numeric", "value": float(value), "tolerance": float(tolerance or 0)}
    except ValueError:
        return None


def _question(chunk: str, imported: Imported, where: str) -> None:
    name = ""
    title = re.match(r"^::(.*?)(?<!\\)::", chunk, re.S)
    if title:
        name, chunk = _unescape(title.group(1)).strip(), chunk[title.end():]
    html = bool((fmt := FORMAT.match(chunk.strip())) and fmt.group(1).lower() == "html")
    chunk = FORMAT.sub("", chunk.strip(), count=1)
    opened = OPEN.search(chunk)
    closed = CLOSE.search(chunk, opened.end()) if opened else None
    if opened is None or closed is None:
        body = _prose(chunk, html)
        if body:
            imported.add("section", {"id": imported.ident(name or "notes"), "title": name or "Notes", "body": body})
        return
    before, block, after = chunk[:opened.start()], chunk[opened.end():closed.start()], chunk[closed.end():]
    made = _kind(block, after)
    if made is None:
        imported.notes.append(f"{where}: question '{name or plain(before)[:40]}' has answers that cannot be made "
                              "out: left out")
        return
    prompt = _prose(before + ("____" + after if after.strip() else ""), html)
    imported.add("question", {"id": imported.ident(name or plain(before)[:30] or "question"),
                              **_keys(made, prompt, before, after, html)})


def _keys(made: dict[str, Any], prompt: str, before: str, after: str, html: bool) -> dict[str, Any]:
    kind = made.pop("type")
    if kind == "written":
        return {"prompt": prompt, "marks": 1}
    if kind == "true-false":
        return {"type": "true-false", "prompt": "Is this true or false?",
                "statements": [{"text": " ".join(prompt.split()), "answer": made["answer"]}]}
    if kind in ("short", "missing"):
        text = f"{_prose(before, html)} [[{made['answer']}]] {_prose(after, html)}".strip() if after.strip() \
            else f"Answer: [[{made['answer']}]]"
        question, text = split_cloze(text) if after.strip() else (prompt, text)
        keys: dict[str, Any] = {"type": "cloze", **({"prompt": question} if question else {}), "text": text}
        if made.get("others"):
            keys.update(word_bank=True, distractors=made["others"])
        return keys
    return {"type": kind, "prompt": prompt, **made}


def read(raw: str, shown: str, stem: str) -> Imported:
    """The questions of a GIFT text."""
    imported = Imported(title=stem)
    for line, chunk in _split(raw):
        if chunk.startswith("$CATEGORY:"):
            imported.title = chunk.removeprefix("$CATEGORY:").strip().rstrip("/").rsplit("/", 1)[-1] or stem
            continue
        _question(chunk, imported, f"{shown}:{line}")
    return imported


def read_file(path: Path, shown: str) -> Imported:
    """Read a GIFT file (UTF-8 text)."""
    from worksheets.spec.files import read_bytes

    raw = read_bytes(path, shown, MAX_BYTES, "GIFT file")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SpecError(Problem(Loc(shown), "the GIFT file is not UTF-8 text (save it as UTF-8)")) from None
    return read(text, shown, path.name.split(".")[0])
