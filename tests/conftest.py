"""Shared fixtures: run the CLI in a folder, private copies of the specs, golden files (plain helpers: helpers.py)."""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import EXAMPLE, SPECS, TESTS
from worksheets.cli import app

# Set formulas are kept in a folder of this run's own, never the user's cache (subprocesses inherit it).
os.environ.setdefault("WORKSHEETS_CACHE", tempfile.mkdtemp(prefix="worksheets-test-cache-"))


@dataclass
class Result:
    code: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line]


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch):
    """Run `worksheets ARGS...` in a folder (default: the test specs folder copied to a temp dir)."""

    def invoke(*args: str, cwd: Path) -> Result:
        monkeypatch.chdir(cwd)
        result = CliRunner().invoke(app, list(args), catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    """A private copy of tests/specs, so builds write into a temp folder."""
    target = tmp_path / "specs"
    shutil.copytree(SPECS, target)
    return target


@pytest.fixture
def example(tmp_path: Path) -> Path:
    """A private copy of the Stalin's Terror example."""
    target = tmp_path / "stalin-terror"
    shutil.copytree(EXAMPLE, target)
    return target


@pytest.fixture(autouse=True)
def cold_renderer(monkeypatch: pytest.MonkeyPatch):
    """Every test starts with a cold renderer (watch and serve make it warm)."""
    import worksheets.app.workers as renderers

    monkeypatch.setattr(renderers, "_WARM", False)
    monkeypatch.setattr(renderers, "_RENDERED", {})


@pytest.fixture
def browser():
    """Headless Chromium driven by selenium (closed after the test); skip the test with `needs_browser`."""
    from selenium import webdriver

    from helpers import CHROMIUM

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,900"):
        options.add_argument(flag)
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


# Golden files: a test compares what it produced with a file under tests/; `pytest --accept` rewrites
# the files from the real output instead (then review the change with `git diff tests/` and commit it).


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--accept",
        action="store_true",
        default=False,
        help="rewrite golden files under tests/ from the real output instead of comparing (review the diff after)",
    )


def _text_difference(expected: bytes, actual: bytes) -> str | None:
    """None if the bytes are the same, else a short unified diff (or a note, for bytes that are not text)."""
    if expected == actual:
        return None
    import difflib

    try:
        old, new = expected.decode("utf-8"), actual.decode("utf-8")
    except UnicodeDecodeError:
        return f"the bytes differ ({len(expected)} in the golden file, {len(actual)} produced)"
    diff = list(difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                     "golden", "actual"))
    if len(diff) > 40:
        diff = [*diff[:40], f"... ({len(diff) - 40} more diff lines)\n"]
    return "".join(line if line.endswith("\n") else line + "\n\\ no newline at end\n" for line in diff).rstrip("\n")


class Golden:
    """`golden(NAME, actual)`: compare `actual` (str, written as UTF-8, or bytes) with tests/NAME.

    Without --accept a missing or different golden file fails the test, naming the file; with --accept the file
    is (re)written from `actual` and the test passes. `same(expected_bytes, actual_bytes)` may replace the exact
    comparison: it returns None when the two match well enough, else what differs (a golden file that still
    matches is then left as it is, even with --accept, so a tolerance does not churn binary files).
    """

    def __init__(self, accepting: bool) -> None:
        self.accepting = accepting

    def path(self, name: str | Path) -> Path:
        """The golden file: NAME relative to tests/ (or an absolute path)."""
        return TESTS / name

    @staticmethod
    def shown(path: Path) -> str:
        """The path as a reader finds it: relative to the repository when it is inside it."""
        try:
            return str(path.relative_to(TESTS.parent))
        except ValueError:
            return str(path)

    def __call__(self, name: str | Path, actual: str | bytes, *, same=None) -> None:
        __tracebackhide__ = True
        path = self.path(name)
        data = actual.encode("utf-8") if isinstance(actual, str) else bytes(actual)
        missing = not path.is_file()
        problem = None if missing else (same or _text_difference)(path.read_bytes(), data)
        if not missing and problem is None:
            return
        if self.accepting:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            return
        if missing:
            pytest.fail(f"golden file {self.shown(path)} is missing: run `pytest --accept` to write it from the "
                        f"real output, then review it and commit it", pytrace=False)
        pytest.fail(f"the output differs from golden file {self.shown(path)}:\n{problem}\n"
                    f"If the change is intended, run `pytest --accept` to rewrite the file and review the diff "
                    f"(git diff {self.shown(path)}).", pytrace=False)


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """Compare output with a golden file under tests/, or rewrite the file under `pytest --accept`."""
    return Golden(request.config.getoption("--accept"))
