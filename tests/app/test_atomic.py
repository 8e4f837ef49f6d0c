"""All or nothing across every file of a build: a write that fails halfway (a full disk, a read-only
folder, a rename refused, Ctrl-C) leaves every earlier output byte-identical and no temporary file,
and a folder that cannot take the outputs is one plain line with exit status 1."""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from worksheets.app import write
from worksheets.app.write import write_all

BUILD = ["build", "tiered.yaml", "--style", "standard"]  # six PDFs: three tiers, handout and mark scheme
UNCHANGED = "; the previous PDFs are unchanged"


def _snapshot(folder: Path, cache: bool = True) -> dict[str, str]:
    """Every file under FOLDER (hidden ones too: the manifest, temporary files, the render cache unless not
    `cache`): name -> SHA-256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and (cache or ".worksheets-cache" not in p.parts)}


def _failing_from(real: Callable[..., Any], call: int, error: BaseException, once: bool = False) -> Callable[..., Any]:
    """REAL, except that its CALL-th call (from 1) and every later one (or, ONCE, only that one) raise ERROR."""
    calls = []

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == call or (len(calls) > call and not once):
            raise error
        return real(*args, **kwargs)

    return failing


@pytest.fixture
def built(run, specs: Path) -> Path:
    """The test specs, built once; then tiered.yaml is edited, so that its next PDFs all differ."""
    assert run(*BUILD, cwd=specs).code == 0
    spec = specs / "tiered.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("Tiered practice", "Tiered practice, again"),
                    encoding="utf-8")
    return specs


FAILURES = [  # what is patched, from which call it fails (or on that one only), with what, and the line it gives
    ("full", os, "fsync", 4, False, OSError(errno.ENOSPC, "No space left on device"), "the disk is full"),
    ("quota", os, "fsync", 2, False, OSError(errno.EDQUOT, "Disk quota exceeded"), "your disk quota is used up"),
    ("read-only", tempfile, "mkstemp", 3, False, OSError(errno.EROFS, "Read-only file system"),
     "the disk is read-only"),
    ("denied", tempfile, "mkstemp", 1, False, PermissionError(errno.EACCES, "Permission denied"),
     "you are not allowed to write in this folder"),
    ("damaged", os, "fsync", 6, False, OSError(errno.EIO, "Input/output error"),
     "the disk could not be written (input/output error)"),
    # the fourth rename refused (another teacher's PDF in a shared folder): the three before it are put back
    ("rename", os, "replace", 4, True, PermissionError(errno.EPERM, "Operation not permitted"),
     "you are not allowed to write in this folder"),
]


@pytest.mark.parametrize(("module", "name", "call", "once", "error", "reason"),
                         [failure[1:] for failure in FAILURES], ids=[failure[0] for failure in FAILURES])
def test_a_write_failing_halfway_changes_no_earlier_output(run, built, monkeypatch, module, name, call, once, error,
                                                           reason):
    before = _snapshot(built / "output")
    monkeypatch.setattr(module, name, _failing_from(getattr(module, name), call, error, once))
    result = run(*BUILD, cwd=built)
    assert (result.code, result.lines) == (1, [f"output/tiered: cannot write here: {reason}{UNCHANGED}"])
    assert _snapshot(built / "output") == before  # byte-identical, and no temporary file left


def test_a_failed_first_build_leaves_no_folder_behind(run, specs, monkeypatch):
    monkeypatch.setattr(os, "fsync", _failing_from(os.fsync, 2, OSError(errno.ENOSPC, "No space left on device")))
    result = run(*BUILD, cwd=specs)
    assert (result.code, result.lines) == (1, [f"output/tiered: cannot write here: the disk is full{UNCHANGED}"])
    assert not (specs / "output").exists()


def test_a_folder_that_cannot_be_made_is_one_line(run, specs, monkeypatch):
    monkeypatch.setattr(Path, "mkdir", _failing_from(Path.mkdir, 1, OSError(errno.EROFS, "Read-only file system")))
    result = run(*BUILD, cwd=specs)
    assert (result.code, result.lines) == (1, [f"output: cannot write here: the disk is read-only{UNCHANGED}"])


def test_ctrl_c_while_renaming_puts_back_the_outputs_already_replaced(tmp_path, monkeypatch):
    (tmp_path / "a.pdf").write_bytes(b"old a")
    (tmp_path / "c.pdf").write_bytes(b"old c")
    outputs = {tmp_path / "a.pdf": b"new a", tmp_path / "sub/b.pdf": b"new b", tmp_path / "c.pdf": b"new c"}
    with monkeypatch.context() as patched:
        patched.setattr(os, "replace", _failing_from(os.replace, 3, KeyboardInterrupt(), once=True))
        with pytest.raises(KeyboardInterrupt):
            write_all(outputs)
    assert _contents(tmp_path) == {"a.pdf": b"old a", "c.pdf": b"old c"}  # and the folder made for b.pdf is gone
    assert write_all(outputs) == list(outputs)
    assert _contents(tmp_path) == {"a.pdf": b"new a", "sub/b.pdf": b"new b", "c.pdf": b"new c"}  # nothing else


def _contents(folder: Path) -> dict[str, bytes]:
    """Every file and folder under FOLDER: name -> its bytes (b"" for a folder)."""
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else b""
            for p in folder.rglob("*") if p.is_file() or not any(p.iterdir())}


@pytest.mark.parametrize("out", ["notes.txt", "notes.txt/sub"])
def test_out_naming_a_file_is_one_line(run, specs, out):
    (specs / "notes.txt").write_bytes(b"a teacher's notes")
    result = run(*BUILD, "--out", out, cwd=specs)
    assert (result.code, result.lines) == (1, [f"notes.txt: cannot write here: it is a file, not a folder{UNCHANGED}"])
    assert (specs / "notes.txt").read_bytes() == b"a teacher's notes"
    assert not (specs / "output").exists()


def test_a_file_where_the_spec_folder_should_be_is_one_line(run, specs):
    (specs / "output").mkdir()
    (specs / "output/tiered").write_bytes(b"not a folder")
    result = run(*BUILD, cwd=specs)
    assert (result.code, result.lines) == (1, [f"output/tiered: cannot write here: it is a file, not a folder"
                                               f"{UNCHANGED}"])
    assert (specs / "output/tiered").read_bytes() == b"not a folder"


def test_a_folder_where_an_output_should_be_is_one_line(run, built):
    (built / "output/tiered/tiered-markscheme.pdf").unlink()
    (built / "output/tiered/tiered-markscheme.pdf").mkdir()
    before = _snapshot(built / "output")
    result = run(*BUILD, cwd=built)
    assert (result.code, result.lines) == (1, [f"output/tiered/tiered-markscheme.pdf: cannot write here: it is a "
                                               f"folder, not a file{UNCHANGED}"])
    assert _snapshot(built / "output") == before


def test_a_manifest_that_cannot_be_written_is_no_error(run, built, monkeypatch):
    """The outputs are in place by then; without its record, the next build only does them again."""
    monkeypatch.setattr(write, "write_atomic", _failing_from(write.write_atomic, 1, OSError(errno.ENOSPC, "full")))
    before = _snapshot(built / "output", cache=False)
    result = run(*BUILD, cwd=built)
    assert (result.code, result.lines) == (0, [])
    after = _snapshot(built / "output", cache=False)  # the new renders are kept in the render cache besides
    assert sorted(after) == sorted(before)
    assert [name for name in after if after[name] == before[name]] == [".worksheets-manifest.json"]
