"""No process outlives the command: a kill -9 of a build, or of its whole process group, ends the
warm child and every renderer (and a PDF reader's bounded child) within moments, not minutes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                                reason="children are forked only on Linux with two cores or more")

BIG = ["build", "big.yaml", "--force", "-q"]
"""A handout and a mark scheme of about 150 pages each: seconds of rendering for each renderer."""
WARM = "import sys; from worksheets.app import workers; workers.keep_warm(); from worksheets.cli import main; main()"
"""The CLI as watch and serve run it: no warm child, the renderers forked by the process itself."""
BOUNDED = "import time; from worksheets.spec.bounded import run_bounded; run_bounded(time.sleep, 60, seconds=90)"
"""A PDF reader's bounded child that would run for a minute."""


def _stat(pid: int) -> tuple[str, int, int] | None:
    """(state, parent pid, start time in clock ticks) of a process, or None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[0], int(fields[1]), int(fields[19])


def _descendants(root: int) -> dict[int, tuple[int, int]]:
    """Every living process below ROOT: pid -> (depth below it, start time)."""
    parents: dict[int, list[int]] = {}
    starts: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit() and (stat := _stat(int(entry))) is not None and stat[0] not in "ZX":
            parents.setdefault(stat[1], []).append(int(entry))
            starts[int(entry)] = stat[2]
    found: dict[int, tuple[int, int]] = {}
    level, depth = [root], 0
    while level:
        depth += 1
        level = [child for pid in level for child in parents.get(pid, ()) if child not in found]
        found.update({child: (depth, starts[child]) for child in level})
    return found


def _alive(pid: int, start: int) -> bool:
    """Whether the process PID that started at START still runs (a dead one may linger as a zombie)."""
    stat = _stat(pid)
    return stat is not None and stat[2] == start and stat[0] not in "ZX"


def _wait_for_workers(process: subprocess.Popen, depth: int, seconds: float = 60) -> dict[int, int]:
    """Wait until the command has processes DEPTH levels below it (its renderers); then every
    process below it: pid -> start time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the command ended first: {process.communicate()[1].decode()[-2000:]}"
        below = _descendants(process.pid)
        if any(level >= depth for level, _ in below.values()):
            time.sleep(0.2)  # the rest of the pool, forked just after
            below.update(_descendants(process.pid))
            return {pid: start for pid, (_, start) in below.items()}
        time.sleep(0.02)
    raise AssertionError(f"no process {depth} levels below the command after {seconds} s")


def _survivors(started: dict[int, int], seconds: float) -> list[int]:
    """The processes of STARTED still running after waiting up to SECONDS for them to go."""
    deadline = time.monotonic() + seconds
    while True:
        left = [pid for pid, start in started.items() if _alive(pid, start)]
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.05)


def _kill_and_check(command: list[str], cwd: Path, depth: int, whole_group: bool) -> None:
    """Start COMMAND in a process group of its own, wait for its workers, SIGKILL it (or its whole
    group), and check that every process it had started is gone within two seconds."""
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               start_new_session=True)
    started: dict[int, int] = {}
    try:
        started = _wait_for_workers(process, depth)
        if whole_group:
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
        process.wait(timeout=10)
        left = _survivors(started, 2.0)
        assert not left, f"still running 2 s after the kill: {left} of {sorted(started)}"
    finally:  # whatever happened, leave nothing behind: only the processes recorded, by pid and start time
        for pid, start in started.items():
            if _alive(pid, start):
                os.kill(pid, signal.SIGKILL)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        process.stderr.close()  # type: ignore[union-attr]


@pytest.fixture
def big(tmp_path: Path) -> Path:
    """A folder with big.yaml: 500 questions, so that no renderer is near its end when it is killed
    (before, a renderer stopped only after finishing the document it had, so that must be long)."""
    ids = ", ".join(f"q{i}" for i in range(500))
    questions = "".join(f"  - {{id: q{i}, prompt: Explain cause number {i} and how far it mattered., marks: 4, "
                        f"answer: {{lines: 6}}, mark_scheme: {{points: [point {i} a, point {i} b]}}}}\n"
                        for i in range(500))
    (tmp_path / "big.yaml").write_text(f"worksheet:\n  title: Big\n  contents:\n    - questions: [{ids}]\n"
                                       f"questions:\n{questions}", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("whole_group", [True, False], ids=["kill-group", "kill-main"])
def test_a_killed_cold_build_leaves_no_warm_child_or_renderer(big, whole_group):
    """The warm child (in a process group of its own) and its renderers, two levels down."""
    _kill_and_check([sys.executable, "-m", "worksheets", *BIG], big, depth=2, whole_group=whole_group)


def test_a_killed_warm_process_leaves_no_renderer(big):
    """Watch and serve fork the renderers themselves, one level down."""
    _kill_and_check([sys.executable, "-c", WARM, *BIG], big, depth=1, whole_group=False)


def test_a_killed_command_leaves_no_pdf_reader(tmp_path):
    """The bounded child that reads a PDF part."""
    _kill_and_check([sys.executable, "-c", BOUNDED], tmp_path, depth=1, whole_group=False)


def test_a_child_whose_parent_died_before_it_was_watched_exits_at_once(tmp_path):
    """The race die_with_parent closes: the parent gone before prctl took effect."""
    script = textwrap.dedent("""
        import os, sys
        from worksheets.spec.bounded import die_with_parent
        die_with_parent(os.getppid() + 1_000_000)  # not its parent: as if it had died already
        sys.exit("still running")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (1, "")
