"""`worksheets serve --edit`: which files the browser editor may open and save, and what it is told of a build.

Files are named by the page, but never trusted: a name is only looked up among the files this module lists
(the spec, the banks and specs its last build read, and any file a problem points to), each a regular YAML
file inside both the root and the spec's folder tree. Saving writes through a temporary file and a rename.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from worksheets.app.build import Options
from worksheets.app.watch import State
from worksheets.errors import Problem

EDITABLE = (".yaml", ".yml")
MAX_FILES = 200  # a spec that reads more YAML files than this lists the first ones
KINDS = {"worksheet": 0, "booklet": 1}
"""A file's first top-level key, and its kind's place in the schema's anyOf; anything else is a bank (2)."""
_TOP_KEY = re.compile(r"^(worksheet|booklet)\s*:", re.MULTILINE)


@dataclass
class Editor:
    """One editing session: the spec, its options, the session's token and the build state it shares."""

    spec: Path
    options: Options
    state: State
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    """Carried by every request of the page (in its URL, then a header): no other page can read or write."""
    after_save: Callable[[], None] = lambda: None
    """Called once a save is written: starts the build (on another thread; the save is answered at once)."""

    @property
    def root(self) -> Path:
        """The folder every listed file must lie in (--root, else the working folder), resolved."""
        return (self.options.root or Path.cwd()).resolve()

    def allows(self, given: str | None) -> bool:
        """Whether a request's token is this session's (compared in constant time)."""
        return given is not None and hmac.compare_digest(given.encode("utf-8", "replace"), self.token.encode())


def builder(build: Callable[[], object], report: Callable[[str], None]) -> Callable[[], None]:
    """One thread that builds after the editor's saves: a save during a build asks for one more build, never a
    pile of them, and the last save is always built. Returns what a save calls. A fault of the program itself is
    one line through `report`, and the thread goes on."""
    wanted = threading.Event()

    def loop() -> None:
        while True:
            wanted.wait()
            wanted.clear()
            try:
                build()
            except Exception as error:  # noqa: BLE001 - one line, and the next save still builds
                report(f"worksheets: the build failed unexpectedly ({type(error).__name__}: {error})")

    threading.Thread(target=loop, daemon=True, name="editor-builds").start()
    return wanted.set


def _inside(path: Path, editor: Editor) -> Path | None:
    """The file resolved as the loader resolves it, if it is a regular YAML file inside the root and the spec's
    folder tree (a link may point anywhere: its target is what is checked)."""
    from worksheets.spec.files import BadFile, file_problem, resolve

    try:
        target = resolve(path)
        tree = resolve(editor.spec).parent
    except BadFile:
        return None
    if (target.suffix.lower() not in EDITABLE or file_problem(target) is not None or not target.is_relative_to(tree)
            or not target.is_relative_to(editor.root)):
        return None
    return target


def files(editor: Editor) -> dict[str, Path]:
    """The editable files by the name the page shows (relative to the spec's folder): the spec first, then the
    files its last build read, then those the latest problems point to."""
    from worksheets.app.manifest import recorded_inputs

    with editor.state.lock:
        problems = list(editor.state.located)
    candidates = [editor.spec, *recorded_inputs(editor.spec, editor.options),
                  *(Path(p.loc.file) for p in problems if p.loc.file)]
    tree = editor.spec.resolve().parent
    listed: dict[str, Path] = {}  # resolved, so a name is one file however many links lead to it
    for candidate in candidates:
        target = _inside(candidate, editor)
        if target is not None and target not in listed.values() and len(listed) < MAX_FILES:
            listed[target.relative_to(tree).as_posix()] = target
    return listed


def kind(text: str) -> int:
    """Which schema a file's text is written to: a worksheet spec, a booklet spec or a bank."""
    match = _TOP_KEY.search(text)
    return KINDS[match[1]] if match else 2


def _bytes(target: Path) -> bytes | None:
    """A file's bytes, opened as the loader opens one (never a pipe or a device), at most the loader's limit."""
    from worksheets.spec.files import MAX_FILE_BYTES, BadFile, open_regular

    try:
        with open_regular(target) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except (BadFile, OSError):
        return None
    return data if len(data) <= MAX_FILE_BYTES else None


def digest(data: bytes) -> str:
    """A file's bytes hashed: what the page names as the version it opened (`base`)."""
    return hashlib.sha256(data).hexdigest()


def read(editor: Editor, name: str) -> dict[str, Any] | None:
    """A listed file's text, kind and the hash of its bytes (a later save names it: see `save`); None for a name
    that is not listed, or a file that cannot be read as UTF-8 text."""
    target = files(editor).get(name)
    data = _bytes(target) if target is not None else None
    try:
        text = data.decode("utf-8-sig") if data is not None else None
    except UnicodeDecodeError:
        return None
    if text is None or data is None:
        return None
    return {"name": name, "text": text.replace("\r\n", "\n"), "kind": kind(text), "base": digest(data)}


class Conflict(Exception):
    """The file changed on disk since the page opened it (another editor, a sync): saving would lose that."""


def save(editor: Editor, name: str, text: str, base: str | None = None) -> bool:
    """Write a listed file's new text atomically (keeping its permissions and its line endings), and note it
    as the editor's own so that watching it does not build twice. False for a name that is not listed;
    Conflict if `base` (the hash `read` gave) is no longer the file's; UnicodeEncodeError for text that is not
    Unicode (a lone surrogate)."""
    from worksheets.app.write import write_atomic

    target = files(editor).get(name)
    if target is None:
        return False
    old = _bytes(target) or b""
    if base is not None and digest(old) != base:
        raise Conflict(name)
    try:
        mode: int | None = target.stat().st_mode & 0o7777
    except OSError:
        mode = None
    if b"\r\n" in old:
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    data = text.encode("utf-8")
    write_atomic(target, data, mode)
    with editor.state.lock:
        editor.state.saved[target] = digest(data)
    return True


def _problem(problem: Problem, names: dict[Path, str]) -> dict[str, Any]:
    """A problem for the page: its line, and where it is if that is one of the listed files."""
    try:
        where = names.get(Path(problem.loc.file).resolve()) if problem.loc.file else None
    except (OSError, RuntimeError):
        where = None
    text = str(problem)
    if where is not None:  # as the file list names it, not as the terminal would
        text = where + text.removeprefix(problem.loc.file)
    return {"text": text, "file": where, "line": problem.loc.line, "column": problem.loc.column,
            "message": problem.message}


def _label(pdf: Path, spec: Path) -> str:
    """A document's name in the page picker: its file name less the spec's, e.g. 'core · student'."""
    stem = pdf.stem.removeprefix(spec.stem).strip("-")
    return " · ".join(part for part in stem.split("-") if part) or pdf.stem


def view(editor: Editor, out: Path, link: Any) -> dict[str, Any]:
    """The build as the page shows it: number, state, problems (placed where they can be), the editable files,
    and each document with its PDF and page images (`link` makes a file's URL)."""
    from worksheets.app.preview import page_sizes

    listed = files(editor)
    names = {path: name for name, path in listed.items()}
    state = editor.state
    with state.lock:
        pdfs = [pdf for pdf in state.outputs if pdf.suffix == ".pdf" and link(pdf, out, False) is not None]
    documents = [{"name": link(pdf, out, False), "label": _label(pdf, editor.spec), "pdf": link(pdf, out, True),
                  "pages": [{"src": link(pdf.with_name(f"{pdf.stem}-p{n}.png"), out, True), "size": size}
                            for n, size in enumerate(page_sizes(pdf), 1)]} for pdf in pdfs]
    with state.lock:
        return {"number": state.number, "early": state.early, "ok": state.ok, "seconds": round(state.seconds, 3),
                "building": state.building.locked(),
                "problems": [_problem(p, names) for p in state.located], "files": list(listed),
                "documents": documents}


def wait(state: State, number: int, early: int, timeout: float) -> None:
    """Block until the build number or the count of early documents moves past what the page has, or `timeout`."""
    with state.changed:
        state.changed.wait_for(lambda: state.number != number or state.early != early, timeout)
