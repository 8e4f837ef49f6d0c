"""`worksheets watch` and `serve`: a warm process that rebuilds when a spec, bank or image changes.

Imports, fonts and rendered documents stay in memory, so a rebuild re-renders only the
documents the change touched. A broken save reports its problems and keeps the last good PDFs.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from worksheets.app.build import Options


@dataclass
class State:
    """The latest build, shared with the web page of `serve`."""

    number: int = 0
    ok: bool = True
    problems: list[str] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def rebuild(
    specs: list[Path], options: Options, state: State, after: Callable[[State], None] | None = None,
    prepare: Callable[[list[Path]], None] | None = None,
) -> State:
    """One build; the state records its outputs or its problem lines.

    `prepare` runs on the new outputs before the state announces them (e.g. page thumbnails)."""
    from worksheets.app.build import build
    from worksheets.errors import SpecError

    start = time.perf_counter()
    try:
        results = build(specs, options)
        problems: list[str] = []
        outputs = [path for path, _ in results]
    except SpecError as error:
        problems = [str(p) for p in error.problems]
        outputs = []
    if outputs and prepare is not None:
        prepare(outputs)
    with state.lock:
        state.number += 1
        state.ok = not problems
        state.problems = problems
        if outputs:
            state.outputs = outputs
        state.seconds = time.perf_counter() - start
    if after is not None:
        after(state)
    return state


def watched_paths(specs: list[Path], root: Path) -> list[Path]:
    """Folders to watch: every spec's folder (banks and images live beside it, inside the root)."""
    folders = {spec.resolve().parent for spec in specs} | {root.resolve()}
    return sorted(folders)


WATCHED = (".yaml", ".yml", ".png", ".jpg", ".jpeg", ".csv", ".pdf")  # specs, banks, images, class lists, PDF parts


def watch(specs: list[Path], options: Options, report: Callable[[State], None], stop: threading.Event | None = None,
          state: State | None = None, prepare: Callable[[list[Path]], None] | None = None) -> None:
    """Build now, then again after every change to a YAML, image, CSV or PDF file under the watched folders."""
    from watchfiles import watch as file_changes

    from worksheets.app.workers import keep_warm

    keep_warm()
    state = state or State()
    root = (options.root or Path.cwd()).resolve()
    out = options.out.resolve()
    rebuild(specs, options, state, report, prepare)

    def relevant(_: object, path: str) -> bool:
        p = Path(path)
        return p.suffix.lower() in WATCHED and not p.is_relative_to(out)

    for _ in file_changes(*watched_paths(specs, root), watch_filter=relevant, stop_event=stop, debounce=200, step=50):
        rebuild(specs, options, state, report, prepare)
