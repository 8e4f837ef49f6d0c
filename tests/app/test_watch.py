"""`watch` with its outputs inside the watched folder: an edit rebuilds once, and its own writes never do."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from helpers import past_paper, wait_until
from worksheets.app.build import Options
from worksheets.app.watch import State

QUIET = 2.5  # seconds without a build that show it is not rebuilding in a loop (debounce is 0.2 s)


def _wait(predicate: Callable[[], bool], seconds: float = 30.0) -> None:
    wait_until(predicate, seconds)


def _previews(outputs: list[Path]) -> None:
    """What `serve` does after each build: fresh PNGs of every page beside each PDF."""
    from worksheets.app.preview import thumbnails

    for pdf in outputs:
        thumbnails(pdf)


@contextlib.contextmanager
def watching(spec: str, options: Options) -> Iterator[State]:
    """`watch SPEC` on a thread, writing previews after every build like `serve`; its state once built."""
    from worksheets.app.watch import watch

    state, stop = State(), threading.Event()
    thread = threading.Thread(target=watch, args=([Path(spec)], options, lambda s: None, stop, state, _previews),
                              daemon=True)
    thread.start()
    try:
        _wait(lambda: state.number >= 1, 60)
        time.sleep(0.3)  # the watcher starts after the first build
        yield state
    finally:
        stop.set()
        thread.join(timeout=10)
    assert not thread.is_alive()


def _settled(state: State, number: int) -> None:
    """Build NUMBER happens, and then no other for a while."""
    _wait(lambda: state.number >= number)
    time.sleep(QUIET)
    assert state.number == number and state.ok, state.problems


def test_watch_with_out_dot_rebuilds_once_per_edit_and_not_on_its_own_writes(specs, monkeypatch):
    monkeypatch.chdir(specs)
    with watching("uses.yaml", Options(out=Path("."))) as state:
        student = specs / "uses" / "uses-student-p1.png"
        assert student.is_file() and (specs / ".worksheets-manifest.json").is_file()
        _settled(state, 1)
        spec = specs / "uses.yaml"
        spec.write_text(spec.read_text(encoding="utf-8").replace("marks: 4", "marks: 6"), encoding="utf-8")
        _settled(state, 2)
        bank = specs / "bank.yaml"
        bank.write_text(bank.read_text(encoding="utf-8").replace("marks: 3", "marks: 5"), encoding="utf-8")
        _settled(state, 3)


def test_watch_rebuilds_when_an_input_pdf_inside_the_output_folder_changes(specs, monkeypatch):
    monkeypatch.chdir(specs)
    (specs / "output").mkdir()
    past_paper(specs / "output" / "past-paper.pdf", pages=2)
    booklet = specs / "russia.yaml"
    booklet.write_text(booklet.read_text(encoding="utf-8").replace("pdf: past-paper.pdf", "pdf: output/past-paper.pdf"),
                       encoding="utf-8")
    with watching("russia.yaml", Options(out=Path("output"))) as state:
        _settled(state, 1)
        first = (specs / "output/russia/russia-booklet.pdf").read_bytes()
        past_paper(specs / "output" / "past-paper.pdf", pages=4)
        _settled(state, 2)
        assert (specs / "output/russia/russia-booklet.pdf").read_bytes() != first


@pytest.mark.parametrize(("name", "own"), [
    ("out/uses/uses-student.pdf", True),
    ("out/uses/uses-student-p1.png", True),
    ("out/uses/uses-student-p12.png", True),
    ("out/.worksheets-manifest.json", True),
    ("out/uses/.uses-student.pdf.123.k2j3h4.worksheets-tmp", True),
    ("out/uses/uses-student-pics.png", False),  # a teacher's image, only named like a preview
    ("out/uses/uses-student-p0.png", False),
    ("out/uses/past-paper.pdf", False),  # an input PDF beside the outputs
    ("out/uses/uses-markscheme.pdf", False),  # not an output of the latest build
    ("out/uses.yaml", False),
])
def test_own_files_are_the_latest_builds_outputs_previews_manifest_and_temporaries(tmp_path, name, own):
    from worksheets.app.watch import own_file

    outputs = frozenset({(tmp_path / "out/uses/uses-student.pdf").resolve()})
    assert own_file(tmp_path / name, outputs) is own


@pytest.mark.parametrize(("shown", "role"), [("output/uses/uses-markscheme.pdf", "markscheme"), (None, "student")])
def test_the_document_on_screen_is_rendered_and_written_before_the_rest(specs, monkeypatch, shown, role):
    from worksheets.app import workers
    from worksheets.app.build import First, Options, build

    batches: list[list[str]] = []
    real = workers.render_over_cores

    def counting(units, progress=None):
        batches.append([unit.role for unit in units])
        return real(units, progress)

    monkeypatch.setattr(workers, "render_over_cores", counting)
    monkeypatch.setattr(workers, "_WARM", True)  # as watch and serve keep their process
    monkeypatch.chdir(specs)
    told = []
    target = Path(shown) if shown else None
    build([Path("uses.yaml")], Options(), first=First(target, lambda path: told.append((path, path.is_file(),
                                                                                        len(batches)))))
    written = Path(f"output/uses/uses-{role}.pdf")
    assert told == [(written, True, 1)]  # written, and announced, before anything else was rendered
    assert batches == [[role], ["student" if role == "markscheme" else "markscheme"]]  # nothing rendered twice
