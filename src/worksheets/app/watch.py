"""`worksheets watch` and `serve`: a warm process that rebuilds when a spec, bank or image changes.

Imports, fonts and rendered documents stay in memory, so a rebuild re-renders only the
documents the change touched. A broken save reports its problems and keeps the last good PDFs.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from worksheets.app.build import Options
from worksheets.errors import Problem


@dataclass
class State:
    """The latest build, shared with the web page of `serve`."""

    number: int = 0
    ok: bool = True
    problems: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    viewing: Path | None = None
    """The output the teacher is looking at (serve's page says), rendered first by the next build."""
    first: Path | None = None
    """The output the build in progress (or the latest) wrote first, before the rest: the page shows it at once."""
    early: int = 0
    """How many times a document was written ahead of its build's end (the page reloads each time)."""
    located: list[Problem] = field(default_factory=list)
    """The latest build's problems, with their places (the editor underlines them)."""
    saved: dict[Path, str] = field(default_factory=dict)
    """Files the editor saved (resolved) and the SHA-256 it wrote: a build already follows, watching adds none."""
    lock: threading.Lock = field(default_factory=threading.Lock)
    building: threading.Lock = field(default_factory=threading.Lock)
    """Held by a build: the watcher's and the editor's builds take turns."""
    changed: threading.Condition = field(init=False)
    """Notified (under `lock`) when the build number or `early` moves: the editor's page waits on it."""

    def __post_init__(self) -> None:
        self.changed = threading.Condition(self.lock)


def rebuild(
    specs: list[Path], options: Options, state: State, after: Callable[[State], None] | None = None,
    prepare: Callable[[list[Path]], None] | None = None,
) -> State:
    """One build; the state records its outputs or its problem lines.

    `prepare` runs on the new outputs before the state announces them (e.g. page thumbnails)."""
    with state.building:
        return _rebuild(specs, options, state, after, prepare)


def _rebuild(
    specs: list[Path], options: Options, state: State, after: Callable[[State], None] | None,
    prepare: Callable[[list[Path]], None] | None,
) -> State:
    from worksheets.app.build import First, build
    from worksheets.errors import SpecError

    def ready(path: Path) -> None:  # the document on screen is written: show it now, the rest follows
        if prepare is not None:
            prepare([path])
        with state.lock:
            state.first = path
            state.early += 1  # the page reloads when this changes, as when a build ends
            if path not in state.outputs:
                state.outputs = [path, *state.outputs]
            state.changed.notify_all()

    start = time.perf_counter()
    with state.lock:
        viewing = state.viewing
    try:
        results = build(specs, options, first=First(viewing, ready))
        located: list[Problem] = []
        outputs = [path for path, _ in results]
    except SpecError as error:
        located = list(error.problems)
        outputs = []
    problems = [str(p) for p in located]
    if outputs and prepare is not None:
        prepare(outputs)
    with state.lock:
        state.number += 1
        state.ok = not problems
        state.problems = problems
        state.located = located
        if outputs:
            state.outputs = outputs
        state.seconds = time.perf_counter() - start
        state.changed.notify_all()
    if after is not None:
        after(state)
    return state


def watched_paths(specs: list[Path], root: Path) -> list[Path]:
    """Folders to watch: every spec's folder (banks and images live beside it, inside the root)."""
    folders = {spec.resolve().parent for spec in specs} | {root.resolve()}
    return sorted(folders)


WATCHED = (".yaml", ".yml", ".png", ".jpg", ".jpeg", ".csv", ".pdf")  # specs, banks, images, class lists, PDF parts
PREVIEW = re.compile(r"(?P<stem>.+)-p(?P<page>[1-9][0-9]{0,5})\.png")
"""A preview PNG's name: PDF-STEM-pN.png, written beside the PDF."""


def previews(pdf: Path) -> list[Path]:
    """The preview PNGs beside a PDF, by page; a PNG whose name only looks like one (x-pics.png) is not."""
    found = []
    try:
        for path in pdf.parent.iterdir():
            match = PREVIEW.fullmatch(path.name)
            if match and match["stem"] == pdf.stem:
                found.append((int(match["page"]), path))
    except OSError:
        return []
    return [path for _, path in sorted(found)]


def own_file(path: Path, outputs: frozenset[Path]) -> bool:
    """Whether a build wrote PATH itself: one of its OUTPUTS (resolved), a preview PNG beside one,
    the manifest, or a temporary file. Watching those would rebuild in a loop."""
    from worksheets.app.manifest import MANIFEST
    from worksheets.app.write import TEMP_SUFFIX

    if path.name == MANIFEST or path.name.endswith(TEMP_SUFFIX):
        return True
    path = path.resolve()
    if path in outputs:
        return True
    match = PREVIEW.fullmatch(path.name)
    return match is not None and path.with_name(match["stem"] + ".pdf") in outputs


def _filter(state: State) -> Callable[[object, str], bool]:
    """The watch filter: an input's suffix, and not a file of the latest build (wherever --out is)."""
    from worksheets.app.manifest import file_digest

    cache: dict[int, frozenset[Path]] = {}

    def relevant(_: object, name: str) -> bool:
        path = Path(name)
        if path.suffix.lower() not in WATCHED:
            return False
        with state.lock:
            number, outputs, saved = state.number, list(state.outputs), state.saved.get(path.resolve())
        if number not in cache:
            cache.clear()
            cache[number] = frozenset(p.resolve() for p in outputs)
        if saved is not None:
            if file_digest(path) == saved:  # the editor's own save: its build is under way
                return False
            with state.lock:  # changed since by someone else: from now on an edit like any other
                state.saved.pop(path.resolve(), None)
        return not own_file(path, cache[number])

    return relevant


def watch(specs: list[Path], options: Options, report: Callable[[State], None], stop: threading.Event | None = None,
          state: State | None = None, prepare: Callable[[list[Path]], None] | None = None) -> None:
    """Build now, then again after every change to a YAML, image, CSV or PDF file under the watched folders
    that the build did not write itself (its outputs may lie in a watched folder: --out . works)."""
    from watchfiles import watch as file_changes

    from worksheets.app.workers import keep_warm

    keep_warm()
    state = state or State()
    root = (options.root or Path.cwd()).resolve()
    rebuild(specs, options, state, report, prepare)
    relevant = _filter(state)
    for _ in file_changes(*watched_paths(specs, root), watch_filter=relevant, stop_event=stop, debounce=200, step=50):
        rebuild(specs, options, state, report, prepare)
