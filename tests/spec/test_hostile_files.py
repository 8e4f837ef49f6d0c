"""Hostile files named as the spec, a bank, an image or the class list, or in a hand-edited manifest: symbolic
links that loop, over-long names, named pipes, devices and sockets. Each gives one located line and exit 1 (or,
for the manifest, a rebuild): no traceback, no hang, no endless read, no output.

A case that could hang if the code were wrong (a pipe or a device is opened and read) runs the command in its
own process, limited in time and memory, so a regression fails the test instead of holding up the run."""

from __future__ import annotations

import json
import os
import resource
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import write_file
from worksheets.app.manifest import MANIFEST

WORKSHEET = "worksheet:\n  title: T\n  contents:\n    - text: hi\n"
LONG = "x" * 5000  # longer than PATH_MAX
WIDE = "é" * 130  # 260 bytes: one name longer than NAME_MAX
MEMORY = 4 << 30  # the command's address space: reading /dev/zero into memory ends in MemoryError, not a swap storm


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def cli(cwd: Path, *args: str, seconds: float = 60) -> tuple[int, list[str], str]:
    """Run `worksheets ARGS` in its own process group: (exit code, stderr lines, stdout); fails on a time-out."""
    process = subprocess.Popen([sys.executable, "-m", "worksheets", *args], cwd=cwd, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True, preexec_fn=_limit_memory)
    try:
        out, err = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"worksheets {' '.join(args)[:80]} did not finish within {seconds:g} seconds")
    return process.returncode, [line for line in err.splitlines() if line], out


def _loops(folder: Path, name: str, suffix: str) -> None:
    """NAME-a -> NAME-b -> NAME-a, and NAME-self -> itself."""
    (folder / f"{name}-a{suffix}").symlink_to(f"{name}-b{suffix}")
    (folder / f"{name}-b{suffix}").symlink_to(f"{name}-a{suffix}")
    (folder / f"{name}-self{suffix}").symlink_to(f"{name}-self{suffix}")


@pytest.mark.parametrize("verb", ["check", "build"])
@pytest.mark.parametrize("name", ["spec-a.yaml", "spec-self.yaml"])
def test_a_spec_that_is_a_symbolic_link_that_loops(run, tmp_path, verb, name):
    _loops(tmp_path, "spec", ".yaml")
    result = run(verb, name, cwd=tmp_path)
    assert (result.code, result.lines) == (1, [f"{name}: a symbolic link that loops"])
    assert not (tmp_path / "output").exists()


def test_banks_and_images_that_are_symbolic_links_that_loop(run, tmp_path):
    _loops(tmp_path, "bank", ".yaml")
    _loops(tmp_path, "map", ".png")
    write_file(tmp_path, "w.yaml", "worksheet:\n  title: T\n  uses: [bank-a.yaml, bank-self.yaml]\n  contents:\n"
                                   "    - text: hi\n")
    write_file(tmp_path, "s.yaml", "worksheet:\n  title: T\n  contents:\n    - sources: [m, n]\n"
                                   "sources:\n  - {id: m, image: map-a.png}\n  - {id: n, image: map-self.png}\n")
    result = run("build", "w.yaml", "s.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (1, [
        "s.yaml:6:20: image: 'map-a.png' is a symbolic link that loops",
        "s.yaml:7:20: image: 'map-self.png' is a symbolic link that loops",
        "w.yaml:3:10: uses: 'bank-a.yaml' is a symbolic link that loops",
        "w.yaml:3:23: uses: 'bank-self.yaml' is a symbolic link that loops",
    ])
    assert not (tmp_path / "output").exists()


def test_a_class_list_that_is_a_symbolic_link_that_loops(run, tmp_path):
    _loops(tmp_path, "class", ".csv")
    write_file(tmp_path, "w.yaml", WORKSHEET)
    for name in ("class-a.csv", "class-self.csv"):
        result = run("build", "w.yaml", "--class-list", name, cwd=tmp_path)
        assert (result.code, result.lines) == (1, [f"{name}: a symbolic link that loops"])
    assert not (tmp_path / "output").exists()


def test_a_root_that_is_a_symbolic_link_that_loops(run, tmp_path):
    _loops(tmp_path, "root", "")
    write_file(tmp_path, "w.yaml", WORKSHEET)
    result = run("check", "w.yaml", "--root", "root-a", cwd=tmp_path)
    assert (result.code, result.lines) == (1, ["root-a: the root folder is a symbolic link that loops"])


@pytest.mark.parametrize(("name", "message"), [
    (LONG, "too long a path (5000 bytes; at most 4096)"),
    (WIDE + ".yaml", "a path with too long a name (265 bytes; a file or folder name is at most 255)"),
    (f"sub/{WIDE}.yaml", "a path with too long a name (265 bytes; a file or folder name is at most 255)"),
])
def test_over_long_names_on_the_command_line(run, tmp_path, name, message):
    write_file(tmp_path, "w.yaml", WORKSHEET)
    shown = name if len(name) <= 100 else name[:60] + "..."
    for args in (("build", name), ("check", name), ("build", "w.yaml", "--class-list", name)):
        result = run(*args, cwd=tmp_path)
        assert (result.code, result.lines) == (1, [f"{shown}: {message}"]), args
    assert not (tmp_path / "output").exists()


@pytest.fixture
def specials(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """A folder with a named pipe and a socket for each kind of file, and a worksheet."""
    for name in ("pipe.yaml", "pipe.png", "pipe.csv"):
        os.mkfifo(tmp_path / name)
    monkeypatch.chdir(tmp_path)  # a socket's address is short: bind it by a relative name
    sockets = []
    for name in ("sock.yaml", "sock.png", "sock.csv"):
        sockets.append(socket.socket(socket.AF_UNIX))
        sockets[-1].bind(name)
    write_file(tmp_path, "w.yaml", WORKSHEET)
    yield tmp_path
    for server in sockets:
        server.close()


@pytest.mark.parametrize(("spec", "kind"), [("pipe.yaml", "a named pipe"), ("sock.yaml", "a socket"),
                                            ("/dev/zero", "a device"), ("/dev/null", "a device")])
@pytest.mark.parametrize("verb", ["check", "build"])
def test_a_spec_that_is_not_a_regular_file(specials, verb, spec, kind):
    code, lines, _ = cli(specials, verb, spec)
    assert (code, lines) == (1, [f"{spec}: not a regular file ({kind})"])
    assert not (specials / "output").exists()


def test_banks_and_images_that_are_not_regular_files(specials):
    write_file(specials, "s.yaml", "worksheet:\n  title: T\n  uses: [pipe.yaml, sock.yaml]\n  contents:\n"
                                   "    - sources: [m, n, z]\nsources:\n  - {id: m, image: pipe.png}\n"
                                   "  - {id: n, image: sock.png}\n  - {id: z, image: /dev/zero}\n")
    code, lines, _ = cli(specials, "build", "s.yaml", "--root", "/")
    assert (code, lines) == (1, ["s.yaml:3:10: uses: 'pipe.yaml' is not a regular file (a named pipe)",
                                 "s.yaml:3:21: uses: 'sock.yaml' is not a regular file (a socket)"])
    write_file(specials, "s.yaml", "worksheet:\n  title: T\n  contents:\n"
                                   "    - sources: [m, n, z]\nsources:\n  - {id: m, image: pipe.png}\n"
                                   "  - {id: n, image: sock.png}\n  - {id: z, image: /dev/zero}\n")
    code, lines, _ = cli(specials, "build", "s.yaml", "--root", "/")
    assert (code, lines) == (1, ["s.yaml:6:20: image: 'pipe.png' is not a regular file (a named pipe)",
                                 "s.yaml:7:20: image: 'sock.png' is not a regular file (a socket)",
                                 "s.yaml:8:20: image: '/dev/zero' is not a regular file (a device)"])
    assert not (specials / "output").exists()


@pytest.mark.parametrize(("name", "kind"), [("pipe.csv", "a named pipe"), ("sock.csv", "a socket"),
                                            ("/dev/zero", "a device"), ("/dev/null", "a device")])
def test_a_class_list_that_is_not_a_regular_file(specials, name, kind):
    code, lines, _ = cli(specials, "build", "w.yaml", "--class-list", name, "--root", "/")
    assert (code, lines) == (1, [f"{name}: not a regular file ({kind})"])
    assert not (specials / "output").exists()


def _edit_manifest(folder: Path, change) -> None:
    path = folder / "output" / MANIFEST
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_a_manifest_naming_a_pipe_or_a_device_means_changed_not_a_hang(specials):
    assert cli(specials, "build", "w.yaml")[0] == 0
    assert cli(specials, "build", "w.yaml")[2].startswith("up to date:")

    def add(name: str):
        return lambda data: [entry["inputs"].update({name: "0" * 64}) for entry in data["builds"].values()]

    for name in (str(specials / "pipe.yaml"), "/dev/zero", str(specials / "sock.yaml"), "/dev/null"):
        _edit_manifest(specials, add(name))
        code, lines, out = cli(specials, "build", "w.yaml")
        assert (code, lines) == (0, []) and out.startswith("wrote "), name


@pytest.mark.parametrize("builds", [[], "garbage", None, 3])
def test_a_manifest_of_the_wrong_shape_means_rebuild(run, tmp_path, builds):
    from worksheets import __version__

    write_file(tmp_path, "w.yaml", WORKSHEET)
    assert run("build", "w.yaml", cwd=tmp_path).code == 0
    (tmp_path / "output" / MANIFEST).write_text(json.dumps({"version": __version__, "builds": builds}),
                                                encoding="utf-8")
    result = run("build", "w.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (0, []) and result.stdout.startswith("wrote ")


def test_a_manifest_entry_of_the_wrong_shape_means_rebuild(run, tmp_path):
    from worksheets import __version__

    write_file(tmp_path, "w.yaml", WORKSHEET)
    assert run("build", "w.yaml", cwd=tmp_path).code == 0
    for entry in ([], {"inputs": []}, {"inputs": {}, "outputs": 3}):
        _edit_manifest(tmp_path, lambda data, entry=entry: data.update(
            version=__version__, builds=dict.fromkeys(data["builds"], entry)))
        result = run("build", "w.yaml", cwd=tmp_path)
        assert (result.code, result.lines) == (0, []) and result.stdout.startswith("wrote "), entry


def test_a_manifest_that_is_a_pipe_is_not_read(specials):
    (specials / "output").mkdir()
    os.mkfifo(specials / "output" / MANIFEST)
    code, lines, out = cli(specials, "build", "w.yaml")
    assert (code, lines) == (0, []) and out.startswith("wrote ")
    assert (specials / "output" / MANIFEST).is_file()  # replaced by a real manifest
