"""Where rendering happens: the warm child of a cold build, its failures, and its end."""

from __future__ import annotations

import gc
import os
import pickle
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from worksheets.app import workers as renderers
from worksheets.document.layout import NO_PAGES
from worksheets.errors import Loc, Problem, SpecError
from worksheets.writers.contract import Rendered, RenderUnit

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                                reason="the warm child needs fork and two cores")


def _answer(value: int, progress=None) -> dict:  # a stage function, as in_warm_child calls it
    if progress:
        progress(1, 1)
    return {"pid": os.getpid(), "twice": value * 2}


def _fail(progress=None) -> None:
    raise SpecError(Problem(Loc("spec.yaml", 3, 5), "questions[0].marks: the failure travels back"))


def _die_leaving_a_renderer(path: str, progress=None) -> None:
    """Fork a 'renderer' that keeps the pipe open, note its pid, then die without answering."""
    pid = os.fork()
    if pid == 0:
        time.sleep(60)
        os._exit(0)
    with open(path, "w") as out:
        out.write(str(pid))
    os._exit(3)


def _broken_warm_up() -> None:
    raise OSError("a font cannot be read")


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_work_is_done_in_the_warm_child_and_its_progress_reported():
    ticks: list[tuple[int, int]] = []
    renderers.start_warming()
    try:
        result = renderers.in_warm_child(_answer, 21, progress=lambda done, total: ticks.append((done, total)))
    finally:
        renderers.stop_warming()
    assert result["twice"] == 42
    assert result["pid"] != os.getpid()
    assert ticks == [(1, 1)]
    assert _gone(result["pid"])


def test_a_spec_problem_in_the_child_is_raised_in_the_parent():
    renderers.start_warming()
    try:
        with pytest.raises(SpecError) as error:
            renderers.in_warm_child(_fail)
    finally:
        renderers.stop_warming()
    assert [str(p) for p in error.value.problems] == ["spec.yaml:3:5: questions[0].marks: the failure travels back"]


def test_a_child_never_asked_is_killed_at_once():
    renderers.start_warming()
    pid = renderers._child.pid  # type: ignore[union-attr]
    renderers.stop_warming()
    assert _gone(pid)
    assert renderers.in_warm_child(_answer, 1)["pid"] == os.getpid()  # no child: done here


def test_without_a_child_work_is_done_here():
    assert renderers.in_warm_child(_answer, 2) == {"pid": os.getpid(), "twice": 4}


def test_a_cold_build_never_imports_reportlab_or_pypdf_in_the_main_process(specs):
    script = textwrap.dedent("""
        import gc, sys
        from pathlib import Path
        from worksheets.app.build import Options, build
        results = build([Path("basic.yaml")], Options(force=True))
        assert all(path.exists() for path, _ in results) and results
        print(sorted(m for m in ("reportlab", "pypdf") if m in sys.modules), gc.get_freeze_count())
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=specs, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[] 0"  # and the heap frozen while the child shared it is thawed


def test_a_pool_of_renderers_leaves_garbage_collection_as_it_was(specs):
    """Objects are frozen out of garbage collection while renderers are forked (so they do not copy
    the warm heap), and thawed after, so a long-running watch or serve does not keep garbage."""
    from worksheets.app.build import Options, plan_all

    [(_, jobs, _)] = plan_all([specs / "basic.yaml"], Options(root=specs))
    units = [unit for job in jobs for unit in job.units()]
    assert len(units) >= 2 and gc.get_freeze_count() == 0
    results = renderers.render_over_cores(units)
    assert [result.data[:5] for result in results] == [b"%PDF-"] * len(units)
    assert gc.get_freeze_count() == 0


def test_planned_jobs_reach_the_renderers_without_the_planner_or_pydantic(specs):
    """The warm child unpickles the planned jobs (a booklet's too) without loading the models,
    which would cost as long as rendering a worksheet."""
    from worksheets.app.build import Options, plan_all

    (specs / "book.yaml").write_text("booklet:\n  title: Book\n  parts:\n    - worksheet: basic.yaml\n"
                                     "    - divider: {title: Part two}\n    - worksheet: tiered.yaml\n",
                                     encoding="utf-8")
    planned = plan_all([specs / "book.yaml", specs / "basic.yaml"], Options(root=specs))
    (specs / "jobs.pickle").write_bytes(pickle.dumps([job for _, jobs, _ in planned for job in jobs]))
    script = textwrap.dedent("""
        import pickle, sys
        import worksheets.assemble.booklet, worksheets.assemble.classset, worksheets.app.workers
        from worksheets.writers.pdf import booklet, handout, insert, markscheme
        jobs = pickle.loads(open("jobs.pickle", "rb").read())
        assert {type(job).__name__ for job in jobs} == {"BookletJob", "Job"}, jobs
        heavy = ("pydantic", "worksheets.spec.base", "worksheets.plan", "worksheets.plan.booklet", "markdown_it")
        print(sorted(m for m in heavy if m in sys.modules))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=specs, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_child_that_dies_mid_work_is_an_error_not_a_hang(tmp_path):
    note = tmp_path / "renderer.pid"
    renderers.start_warming()
    started = time.monotonic()
    try:
        with pytest.raises(RuntimeError, match="the rendering process ended unexpectedly"):
            renderers.in_warm_child(_die_leaving_a_renderer, str(note))
    finally:
        renderers.stop_warming()
    assert time.monotonic() - started < 10
    orphan = int(note.read_text())
    for _ in range(50):  # killed with the child's group; once reparented, init reaps it
        if _gone(orphan) or Path(f"/proc/{orphan}/stat").read_text().split()[2] == "Z":
            break
        time.sleep(0.1)
    else:
        raise AssertionError("the child's renderer was left running")


def test_a_failed_warm_up_does_not_lose_the_work(monkeypatch):
    monkeypatch.setattr(renderers, "warm_up", _broken_warm_up)
    renderers.start_warming()
    try:
        assert renderers.in_warm_child(_answer, 5)["twice"] == 10
    finally:
        renderers.stop_warming()


def test_a_page_too_small_for_an_element_is_one_line_from_the_child(run, tmp_path):
    words = " ".join(["longword"] * 5000)  # within the text limit, too tall for a page
    (tmp_path / "huge.yaml").write_text(
        "worksheet:\n  title: Huge\n  contents:\n    - questions: [m1]\nquestions:\n  - id: m1\n    type: matching\n"
        f"    prompt: Match them.\n    marks: 2\n    pairs:\n      - [\"{words}\", b]\n      - [c, d]\n",
        encoding="utf-8")
    result = run("build", "huge.yaml", cwd=tmp_path)
    assert result.code == 1
    assert result.lines == ["huge.yaml: the handout cannot be laid out: an element is too large for a page "
                            "(split a very long prompt, table or list)"]
    assert not (tmp_path / "output").exists()


def _render_or_fail(unit: RenderUnit) -> Rendered:
    """A stand-in renderer: the unit's document ("fail" or a log file's path) fails at once, or
    takes a while and notes that it ran."""
    what = unit.document
    if what == "fail":
        raise SpecError(Problem(Loc("spec.yaml", 1, 1), "the first document cannot be laid out"))
    time.sleep(0.2)
    with open(what, "a") as log:
        log.write("rendered\n")
    return Rendered(b"%PDF-", NO_PAGES)


def test_once_a_document_fails_the_ones_after_it_are_not_rendered(monkeypatch, tmp_path):
    log = tmp_path / "log"
    units = [RenderUnit("fail", "student")] + [RenderUnit(str(log), "student")] * 12  # type: ignore[arg-type]
    monkeypatch.setattr(renderers, "render_one", _render_or_fail)
    monkeypatch.setattr(renderers, "prepare", lambda units: None)  # no fonts for stand-in documents
    with pytest.raises(SpecError) as error:
        renderers.render_over_cores(units)
    assert [str(p) for p in error.value.problems] == ["spec.yaml:1:1: the first document cannot be laid out"]
    started = len(log.read_text().splitlines()) if log.exists() else 0
    assert started < 6  # those already running finish; the queued ones are cancelled
    assert gc.get_freeze_count() == 0


def test_a_refused_fork_means_working_here_with_nothing_left_frozen(monkeypatch):
    def refuse() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", refuse)
    renderers.start_warming()
    try:
        assert renderers._child is None
        assert gc.get_freeze_count() == 0
        assert renderers.in_warm_child(_answer, 3) == {"pid": os.getpid(), "twice": 6}
    finally:
        renderers.stop_warming()


WARM_FIRST = textwrap.dedent("""
    import importlib
    import sys
    from pathlib import Path
    from worksheets.app.build import Options, plan_all

    writer = importlib.import_module("worksheets.writers." + sys.argv[2])
    spec = Path(sys.argv[1])
    units = [unit for _, jobs, _ in plan_all([spec], Options(out=spec.parent / "out")) for job in jobs
             for unit in job.units()]
    writer.warm_up()
    writer.prepare([unit.document for unit in units])
    from babel import localedata

    before, locales = set(sys.modules), set(localedata._cache)
    for unit in units:
        writer.render(unit)
    print(sorted(name for name in set(sys.modules) - before if name.split(".")[0] in ("babel", "yaml")),
          sorted(set(localedata._cache) - locales))
""")


@pytest.mark.parametrize("writer", ["pdf", "docx"])
def test_a_renderer_forked_after_the_warm_up_reads_no_language_data(tmp_path, writer):
    """The page's own words and the plural rules of the documents' languages (babel's data files) are read by the
    writer's warm-up and preparation, once, not by each renderer in its first document."""
    spec = tmp_path / "cy.yaml"
    spec.write_text(textwrap.dedent("""\
        worksheet:
          title: Prawf
          language: cy
          contents:
            - questions: [q1, q2]
        questions:
          - id: q1
            prompt: Pam?
            marks: 2
          - id: q2
            prompt: Sut?
            marks: 1
        """), encoding="utf-8")
    script = tmp_path / "warm.py"
    script.write_text(WARM_FIRST, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, str(script), str(spec), writer], capture_output=True, text=True, env=env,
                          check=True)
    assert done.stdout.strip() == "[] []"
