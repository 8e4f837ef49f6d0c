"""Shared fixtures: run the CLI in a folder, and read PDFs back as text, pages and fonts."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from worksheets.cli import app

HERE = Path(__file__).parent
SPECS = HERE / "specs"
EXAMPLE = HERE.parent / "specs" / "stalin-terror"


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


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """Text with runs of white space folded, for phrases that may wrap across lines."""
    return " ".join(text.split())


@pytest.fixture(autouse=True)
def cold_renderer(monkeypatch: pytest.MonkeyPatch):
    """Every test starts with a cold renderer (watch and serve make it warm)."""
    import worksheets.renderers as renderers

    monkeypatch.setattr(renderers, "_WARM", False)
    monkeypatch.setattr(renderers, "_RENDERED", {})
