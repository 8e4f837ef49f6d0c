"""Where documents are rendered: in this process, in a pool over every core, or in a warm child.

Importing reportlab and reading the fonts takes about as long as loading, validating and
planning a spec. So a cold build first forks one child that does that warm-up on a second core
while this process plans. The planned jobs then go to the child, which forks one renderer per
core from itself (so no renderer starts cold), assembles class sets and booklets, and sends
the finished PDFs back. Forking is Linux-only here; elsewhere, and on one core, everything
happens in this process. In watch and serve the process itself stays warm and remembers what
it rendered.

No process outlives the command: the warm child and every renderer ask the kernel to kill them
when their parent dies (`worksheets.spec.bounded.die_with_parent`), so a kill -9 of the command
or of its process group ends them all at once; an interrupted or failed build kills them itself.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from worksheets.app.render_cache import Fresh
    from worksheets.writers.contract import Rendered, RenderUnit

Progress = Callable[[int, int], None]
"""Told (documents rendered, documents in all) as rendering goes on."""
T = TypeVar("T")


def render_one(unit: RenderUnit) -> Rendered:
    """Render one document in one role and format, with its page map."""
    from worksheets.writers.contract import render

    return render(unit)


def warm_up(formats: tuple[str, ...] = ()) -> None:
    """Import the writers of `formats` (default: every writer that previews pages, the PDF writer) and let
    each get ready (its common fonts registered)."""
    from worksheets.writers import FORMATS

    for fmt in FORMATS.values():
        if fmt.name in formats if formats else fmt.preview:
            writer = fmt.writer()
            if hasattr(writer, "warm_up"):
                writer.warm_up()


def prepare(units: list[RenderUnit]) -> None:
    """Let each format's writer get ready for the units (fonts registered), once, before forking renderers."""
    from worksheets.writers import FORMATS

    for name in dict.fromkeys(u.format for u in units):
        writer = FORMATS[name].writer()
        if hasattr(writer, "prepare"):
            writer.prepare([u.document for u in units if u.format == name])


def render_over_cores(units: list[RenderUnit], progress: Progress | None = None) -> list[Rendered]:
    """Render units (results in their order), in a pool of processes when more than one core can help.
    The bytes do not depend on how many cores did it."""
    workers = min(len(units), os.cpu_count() or 1)
    done: list[Rendered] = []
    if workers < 2:
        for unit in units:
            done.append(render_one(unit))
            if progress:
                progress(len(done), len(units))
        return done
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from worksheets.writers import FORMATS

    fork = sys.platform.startswith("linux")
    if fork:  # once, before forking, so every renderer starts warm (the PDF writer only when it will work)
        if any(FORMATS[unit.format].preview for unit in units):
            warm_up()
        prepare(units)
    # mark schemes take longest: started first, they do not leave one core working alone at the end
    order = sorted(range(len(units)), key=lambda index: units[index].role != "markscheme")
    context = multiprocessing.get_context("fork" if fork else "spawn")
    from worksheets.spec.bounded import die_with_parent

    # each renderer dies with this process, even when a kill -9 leaves no time to end the pool
    with _frozen(fork), ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                            initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        futures = {index: pool.submit(render_one, units[index]) for index in order}
        try:
            _wait_for(futures, progress)
        except BaseException:  # interrupted: the queued documents are not wanted
            for future in futures.values():
                future.cancel()
            raise
    return [futures[index].result() for index in range(len(units))]  # a failure: the first unit's, in their order


def assemble_over_cores(jobs: list[Any], rendered: dict[RenderUnit, Rendered]) -> dict[Any, bytes]:
    """Every job's outputs from the rendered units. Jobs that assemble (class sets, keys, booklets: `assembles`)
    run side by side in a pool when there are two or more and cores to spare; the rest are look-ups."""
    heavy = [job for job in jobs if getattr(job, "assembles", False)]
    outputs: dict[Any, bytes] = {}
    for job in jobs:
        if job not in heavy:
            outputs.update(job.outputs(rendered))
    if len(heavy) < 2 or (os.cpu_count() or 1) < 2 or not sys.platform.startswith("linux"):
        for job in heavy:
            outputs.update(job.outputs(rendered))
        return outputs
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from worksheets.spec.bounded import die_with_parent

    with _frozen(True), ProcessPoolExecutor(max_workers=min(len(heavy), os.cpu_count() or 1),
                                            mp_context=multiprocessing.get_context("fork"),
                                            initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        futures = [pool.submit(_outputs, job, {unit: rendered[unit] for unit in job.units()}) for job in heavy]
        for future in futures:
            outputs.update(future.result())
    return outputs


def _outputs(job: Any, rendered: dict[RenderUnit, Rendered]) -> dict[Any, bytes]:
    return dict(job.outputs(rendered))


def _wait_for(futures: dict[int, Any], progress: Progress | None) -> None:
    """Wait for the units (index -> future), reporting progress. Once one fails, the units after it
    are not started: only those before it can still decide which failure is reported first."""
    from concurrent.futures import as_completed

    index_of = {future: index for index, future in futures.items()}
    done = 0
    for future in as_completed(futures.values()):
        if future.cancelled():
            continue
        if future.exception() is not None:
            for index, later in futures.items():
                if index > index_of[future]:
                    later.cancel()
            continue
        done += 1
        if progress:
            progress(done, len(futures))


def _freeze() -> bool:
    """Before forking: leave the objects alive now out of garbage collection. Otherwise a forked
    process's first full collection writes to every inherited object, copying the whole warm heap
    (reportlab, fonts) page by page: that took a third of a short render. True if the caller
    should unfreeze them (nobody had frozen them before)."""
    first = not gc.get_freeze_count()
    gc.freeze()
    return first


@contextmanager
def _frozen(forking: bool) -> Iterator[None]:
    thaw = forking and _freeze()
    try:
        yield
    finally:
        if thaw:
            gc.unfreeze()


# --- the warm child of a cold build ---

class _Child:
    """A forked child that warms up now and does one piece of work (rendering, assembling) when asked."""

    def __init__(self, formats: tuple[str, ...] = ()) -> None:
        from multiprocessing import Pipe

        from worksheets.spec.bounded import die_with_parent

        for stream in (sys.stdout, sys.stderr):  # else the child could write pending output a second time
            stream.flush()
        self.conn, theirs = Pipe()
        self.thaw = _freeze()  # until stop(): the child shares this process's heap
        parent = os.getpid()
        try:
            self.pid = os.fork()
        except BaseException:
            if self.thaw:
                gc.unfreeze()
            self.conn.close()
            theirs.close()
            raise
        if self.pid == 0:  # the child: never returns
            code = 1
            try:
                die_with_parent(parent)  # killed with this process, even by a kill -9 of it or its group
                os.setpgid(0, 0)  # its own process group, so stop() can end it with any renderers it forked
                self.conn.close()
                code = _serve(theirs, formats)
            finally:
                os._exit(code)
        with suppress(OSError):
            os.setpgid(self.pid, self.pid)  # also here: whichever runs first wins the race
        theirs.close()
        self.asked = self.answered = self.reaped = False

    def call(self, work: Callable[..., T], args: tuple, progress: Progress | None) -> T:
        self.asked = True
        self.conn.send((work, args))
        while True:
            kind, value = self._receive()
            if kind == "progress" and progress:
                progress(*value)
            elif kind in ("done", "error"):
                self.answered = True
                if kind == "error":
                    raise value
                return value

    def _receive(self) -> tuple[str, Any]:
        """The child's next message. Its renderers hold a copy of its end of the pipe, so if the
        child itself dies there is no end-of-file: its exit is watched for instead."""
        while not self.conn.poll(0.1):
            if os.waitpid(self.pid, os.WNOHANG)[0] == self.pid:
                self.reaped = True
                with suppress(OSError):
                    os.killpg(self.pid, signal.SIGKILL)  # its renderers, left behind
                raise RuntimeError("the rendering process ended unexpectedly")
        try:
            message: tuple[str, Any] = self.conn.recv()
            return message
        except EOFError:
            raise RuntimeError("the rendering process ended unexpectedly") from None
        except Exception as error:  # noqa: BLE001 - a message that cannot be rebuilt here (an odd exception)
            raise RuntimeError(f"the rendering process failed, and its error could not be read ({error})") from None

    def stop(self) -> None:
        """End the child. Once it has answered it exits by itself; before that (never asked, or the
        build was interrupted) its work is not wanted, so it is killed with its renderers."""
        if not self.answered:
            with suppress(OSError):  # the group is gone: the child has exited
                os.killpg(self.pid, signal.SIGKILL)
        self.conn.close()
        if not self.reaped:
            os.waitpid(self.pid, 0)
        if self.thaw:
            gc.unfreeze()


def _serve(conn: Any, formats: tuple[str, ...]) -> int:
    """The child's life: warm up the writers of `formats`, wait for its work, send back the result (or the
    problem)."""
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler unwinds the parent, not this
    with suppress(Exception):  # the work meets the same problem (a missing font...) and reports it
        warm_up(formats)
    try:
        work, args = conn.recv()
    except (EOFError, KeyboardInterrupt):  # the build stopped before rendering
        return 0
    try:
        conn.send(("done", work(*args, progress=lambda done, total: conn.send(("progress", (done, total))))))
    except BaseException as error:  # noqa: BLE001 - every failure goes back to the parent, which raises it
        import traceback

        error.add_note("in the rendering process:\n" + "".join(traceback.format_tb(error.__traceback__)))
        try:
            conn.send(("error", error))
        except Exception:  # noqa: BLE001 - an exception that cannot be pickled travels as its name and message
            plain = RuntimeError(f"{type(error).__name__}: {error}")
            plain.add_note("in the rendering process:\n" + "".join(traceback.format_exception(error)))
            conn.send(("error", plain))
    return 0


_child: _Child | None = None
_RENDERED: dict[RenderUnit, Rendered] = {}  # kept only in a warm process (watch, serve)
_RENDERED_MAX = 256
_WARM = False


def keep_warm() -> None:
    """For watch and serve: remember rendered documents, so a rebuild re-renders only what changed."""
    global _WARM
    _WARM = True


def start_warming(formats: tuple[str, ...] = ()) -> None:
    """Fork the warm child now, if it can help: a cold process, Linux, more than one core. It warms up the
    writers of `formats` (default: the PDF writer)."""
    global _child
    if _child is None and not _WARM and sys.platform.startswith("linux") and (os.cpu_count() or 1) >= 2:
        try:
            _child = _Child(formats)
        except OSError:  # no process to spare (fork refused): everything is done here instead
            _child = None


def stop_warming() -> None:
    """End the warm child, used or not; every build calls this when it ends."""
    global _child
    if _child is not None:
        child, _child = _child, None
        child.stop()


def in_warm_child(work: Callable[..., T], *args: Any, progress: Progress | None = None) -> T:
    """`work(*args, progress=progress)`, done by the warm child if one was started (the arguments and the
    result travel by pickle), else here. Rendering and assembling go this way, so a cold build's main
    process never imports reportlab or pypdf."""
    if _child is not None and not _child.asked:
        return _child.call(work, args, progress)
    return work(*args, progress=progress)


def render_units(units: list[RenderUnit], cache: Path | None = None, refresh: bool = False,
                 progress: Progress | None = None) -> tuple[list[Rendered], Fresh]:
    """Render every unit, over every core when it helps; not those rendered before by this warm process, nor
    those the render cache in the folder `cache` holds (see render_cache; `refresh`: it is not looked in).
    Returns the renders in the units' order, and the new ones by key, for the caller to keep in the cache once
    its outputs are written."""
    wanted = list(dict.fromkeys(units))
    found: dict[RenderUnit, Rendered] = {unit: _RENDERED[unit] for unit in wanted if _WARM and unit in _RENDERED}
    keys: dict[RenderUnit, str] = {}
    if cache is not None:
        from worksheets.app import render_cache

        if not (render_cache.enabled() and render_cache.usable(cache)):
            cache = None
    if cache is not None:
        for unit in wanted:
            if unit not in found:
                keys[unit] = render_cache.key(unit)
                if not refresh and (hit := render_cache.load(cache, keys[unit])) is not None:
                    found[unit] = hit
    missing = [unit for unit in wanted if unit not in found]
    made = render_over_cores(missing, progress) if missing else []
    found.update(zip(missing, made, strict=True))
    if _WARM:
        for unit in wanted:
            if unit not in _RENDERED and len(_RENDERED) >= _RENDERED_MAX:
                _RENDERED.pop(next(iter(_RENDERED)))
            _RENDERED[unit] = found[unit]
    fresh = [(keys[unit], rendered) for unit, rendered in zip(missing, made, strict=True) if unit in keys]
    return [found[unit] for unit in units], fresh
