"""Hostile booklet parts and cover images: symbolic links that loop, named pipes and devices, encrypted PDFs
(a user password; only an owner password, printable or not), pages of no size or turned askew, one large PDF
named by many parts, and PDFs that make pypdf log. Each is one located line and exit 1, or a correct build:
no traceback, no hang, no raw library output on the terminal, no output folder on a problem.

Cases that could hang if the code were wrong run the command in its own process with a time-out."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from pypdf.constants import UserAccessPermissions
from pypdf.generic import NameObject, NumberObject, RectangleObject

from helpers import past_paper, pdf_text, write_file

WORKSHEET = "worksheet:\n  title: Part\n  contents:\n    - text: hi\n"


def cli(cwd: Path, *args: str, seconds: float = 60, python: bool = False) -> tuple[int, list[str]]:
    """Run `worksheets ARGS` (`python ARGS` with python=True) in its own process group: (exit code, stderr
    lines); fails on a time-out."""
    command = [sys.executable, *args] if python else [sys.executable, "-m", "worksheets", *args]
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _, err = process.communicate(timeout=seconds)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"worksheets {' '.join(args)} did not finish within {seconds:g} seconds")
    return process.returncode, [line for line in err.splitlines() if line]


def _booklet(folder: Path, *parts: str, cover: str | None = None) -> None:
    head = "booklet:\n  title: B\n" + (f"  cover_image: {cover}\n" if cover else "")
    write_file(folder, "b.yaml", head + "  parts:\n" + "".join(f"    - {part}\n" for part in parts))


def _loops(folder: Path, name: str, suffix: str) -> None:
    (folder / f"{name}-a{suffix}").symlink_to(f"{name}-b{suffix}")
    (folder / f"{name}-b{suffix}").symlink_to(f"{name}-a{suffix}")
    (folder / f"{name}-self{suffix}").symlink_to(f"{name}-self{suffix}")


def test_parts_and_cover_that_are_symbolic_links_that_loop(run, tmp_path):
    for name, suffix in (("paper", ".pdf"), ("sheet", ".yaml"), ("cover", ".png")):
        _loops(tmp_path, name, suffix)
    _booklet(tmp_path, "pdf: paper-a.pdf", "pdf: paper-self.pdf", "worksheet: sheet-a.yaml",
             "worksheet: sheet-self.yaml", cover="cover-self.png")
    result = run("build", "b.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (1, [
        "b.yaml:3:16: booklet.cover_image: 'cover-self.png' is a symbolic link that loops",
        "b.yaml:5:12: booklet.parts[0].pdf: 'paper-a.pdf' is a symbolic link that loops",
        "b.yaml:6:12: booklet.parts[1].pdf: 'paper-self.pdf' is a symbolic link that loops",
        "b.yaml:7:18: booklet.parts[2].worksheet: 'sheet-a.yaml' is a symbolic link that loops",
        "b.yaml:8:18: booklet.parts[3].worksheet: 'sheet-self.yaml' is a symbolic link that loops",
    ])
    assert not (tmp_path / "output").exists()


def test_a_worksheet_part_whose_bank_loops(run, tmp_path):
    _loops(tmp_path, "bank", ".yaml")
    write_file(tmp_path, "w.yaml", "worksheet:\n  title: T\n  uses: [bank-self.yaml]\n  contents:\n    - text: hi\n")
    _booklet(tmp_path, "worksheet: w.yaml")
    result = run("build", "b.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (1, ["w.yaml:3:10: uses: 'bank-self.yaml' is a symbolic link that loops"])


def test_parts_and_cover_that_are_not_regular_files(tmp_path):
    for name in ("paper.pdf", "sheet.yaml", "cover.png"):
        os.mkfifo(tmp_path / name)
    _booklet(tmp_path, "pdf: paper.pdf", "worksheet: sheet.yaml", "pdf: /dev/zero", "worksheet: /dev/null",
             cover="cover.png")
    assert cli(tmp_path, "build", "b.yaml", "--root", "/") == (1, [
        "b.yaml:3:16: booklet.cover_image: 'cover.png' is not a regular file (a named pipe)",
        "b.yaml:5:12: booklet.parts[0].pdf: 'paper.pdf' is not a regular file (a named pipe)",
        "b.yaml:6:18: booklet.parts[1].worksheet: 'sheet.yaml' is not a regular file (a named pipe)",
        "b.yaml:7:12: booklet.parts[2].pdf: '/dev/zero' is not a regular file (a device)",
        "b.yaml:8:18: booklet.parts[3].worksheet: '/dev/null' is not a regular file (a device)",
    ])
    assert not (tmp_path / "output").exists()


def test_a_cover_image_cut_in_half_is_damaged(run, tmp_path):
    from PIL import Image

    Image.effect_noise((64, 64), 80).convert("RGB").save(tmp_path / "whole.jpg", quality=90)
    data = (tmp_path / "whole.jpg").read_bytes()
    (tmp_path / "cut.jpg").write_bytes(data[: len(data) // 2])
    past_paper(tmp_path / "paper.pdf")
    _booklet(tmp_path, "pdf: paper.pdf", cover="cut.jpg")
    result = run("build", "b.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (1, ["b.yaml:3:16: booklet.cover_image: 'cut.jpg' is damaged and cannot "
                                               "be read"])
    assert not (tmp_path / "output").exists()


def _encrypted(folder: Path, name: str, user: str, owner: str, **options) -> None:
    past_paper(folder / "plain.pdf")
    writer = PdfWriter(clone_from=folder / "plain.pdf")
    writer.encrypt(user, owner, **options)
    with open(folder / name, "wb") as handle:
        writer.write(handle)


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_a_pdf_with_a_user_password_is_encrypted_not_damaged(run, tmp_path, algorithm):
    _encrypted(tmp_path, "locked.pdf", "secret", "owner", algorithm=algorithm)
    _booklet(tmp_path, "pdf: locked.pdf")
    result = run("build", "b.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (1, ["b.yaml:4:12: booklet.parts[0].pdf: 'locked.pdf' is encrypted "
                                               "(password-protected): save an unprotected copy"])
    assert not (tmp_path / "output").exists()


def test_an_aes_pdf_without_the_cryptography_package_is_encrypted_not_damaged(tmp_path):
    """pypdf needs `cryptography` (not a dependency of worksheets) to open AES: without it, still "encrypted"."""
    _encrypted(tmp_path, "locked.pdf", "secret", "owner", algorithm="AES-256")
    _booklet(tmp_path, "pdf: locked.pdf")
    code = ("import sys; sys.modules['cryptography'] = None; sys.argv = ['worksheets', 'check', 'b.yaml']; "
            "from worksheets.cli import main; main()")
    assert cli(tmp_path, "-c", code, python=True) == (1, [
        "b.yaml:4:12: booklet.parts[0].pdf: 'locked.pdf' is encrypted (password-protected): save an unprotected copy"])


def test_a_pdf_with_only_an_owner_password_that_allows_printing_is_included(run, tmp_path):
    """Viewers open and print it without a password, so a booklet includes it: its pages come out readable."""
    _encrypted(tmp_path, "owned.pdf", "", "owner", algorithm="AES-256")
    _booklet(tmp_path, "pdf: owned.pdf")
    result = run("build", "b.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (0, [])
    text = pdf_text(tmp_path / "output/b/b-booklet.pdf")
    assert "PAST PAPER PAGE 1" in text and "PAST PAPER PAGE 3" in text


def test_a_pdf_whose_owner_forbids_printing_is_refused(run, tmp_path):
    _encrypted(tmp_path, "owned.pdf", "", "owner", permissions_flag=UserAccessPermissions.EXTRACT)
    _booklet(tmp_path, "pdf: owned.pdf")
    result = run("build", "b.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (1, ["b.yaml:4:12: booklet.parts[0].pdf: 'owned.pdf' is protected by its "
                                               "owner against printing: save an unprotected copy"])
    assert not (tmp_path / "output").exists()


def _boxed(path: Path, box: list[float], pages: int = 2) -> None:
    past_paper(path.with_suffix(".plain.pdf"), pages)
    writer = PdfWriter(clone_from=path.with_suffix(".plain.pdf"))
    writer.pages[-1][NameObject("/MediaBox")] = RectangleObject(box)
    writer.write(path)


@pytest.mark.parametrize(("box", "problem"), [
    ([0, 0, 0, 0], "page 2 has no size (its MediaBox is 0 x 0 points)"),
    ([100, 100, 100, 900], "page 2 has no size (its MediaBox is 0 x 800 points)"),
    ([0, 0, 0.5, 0.5], "page 2 has no size (its MediaBox is 0.5 x 0.5 points)"),
    ([0, 0, 100000, 100000], "page 2 is too large (100000 x 100000 points; at most 14400 points a side)"),
    ([-50000, 0, 50000, 800], "page 2 is too large (100000 x 800 points; at most 14400 points a side)"),
])
def test_a_page_of_absurd_size_is_refused_by_number(run, tmp_path, box, problem):
    _boxed(tmp_path / "odd.pdf", box)
    _booklet(tmp_path, "pdf: odd.pdf")
    result = run("build", "b.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (1, [f"b.yaml:4:12: booklet.parts[0].pdf: 'odd.pdf' {problem}"])
    assert not (tmp_path / "output").exists()


@pytest.mark.parametrize("turn", [45, -30, 1])
def test_a_page_turned_by_other_than_quarter_turns_is_refused(run, tmp_path, turn):
    past_paper(tmp_path / "plain.pdf")
    writer = PdfWriter(clone_from=tmp_path / "plain.pdf")
    writer.pages[0][NameObject("/Rotate")] = NumberObject(turn)
    writer.write(tmp_path / "turned.pdf")
    _booklet(tmp_path, "pdf: turned.pdf")
    result = run("build", "b.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (1, [f"b.yaml:4:12: booklet.parts[0].pdf: 'turned.pdf' page 1 is turned "
                                               f"by {turn} degrees (/Rotate must be a multiple of 90)"])


def test_a_page_with_its_corners_given_the_other_way_round_is_included(run, tmp_path):
    """A box gives two opposite corners, in either order: viewers show [612 792 0 0] as a letter page, and so
    does the booklet (negative width as written, not a page of no size)."""
    _boxed(tmp_path / "flipped.pdf", [612, 792, 0, 0])
    _booklet(tmp_path, "pdf: flipped.pdf")
    result = run("build", "b.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (0, [])
    pages = PdfReader(tmp_path / "output/b/b-booklet.pdf").pages
    assert [float(v) for v in pages[-1].mediabox] == [0, 0, 612, 792]
    assert "PAST PAPER PAGE 2" in (pages[-1].extract_text() or "")


def test_a_large_pdf_named_by_many_parts_is_inspected_once(run, tmp_path, monkeypatch):
    import worksheets.spec.bounded as bounded

    calls = []
    real = bounded.run_bounded
    monkeypatch.setattr(bounded, "run_bounded", lambda fn, *args, **kw: calls.append(args) or real(fn, *args, **kw))
    past_paper(tmp_path / "big.pdf", 400)
    _booklet(tmp_path, *["pdf: big.pdf"] * 50)
    result = run("check", "b.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (0, [])
    assert len(calls) == 1
    (tmp_path / "big.pdf").write_bytes(b"%PDF-1.4\nnot really\n")  # a new version is inspected again
    result = run("check", "b.yaml", cwd=tmp_path)
    assert len(calls) == 2
    assert result.lines == [f"b.yaml:{4 + i}:12: booklet.parts[{i}].pdf: 'big.pdf' is damaged and cannot be read"
                            for i in range(50)]


def _shifted(folder: Path, name: str, broken: bool = False) -> None:
    """A PDF whose byte offsets are all wrong (pypdf logs "incorrect startxref pointer" and rebuilds them)."""
    past_paper(folder / "plain.pdf", 2)
    data = (folder / "plain.pdf").read_bytes()
    start = data.index(b"\n") + 1
    data = data[:start] + b"%" + b"x" * 40 + b"\n" + data[start:]
    if broken:
        data = data.replace(b"/Type /Pages", b"/Type /Nothing")
    (folder / name).write_bytes(data)


def test_pypdf_log_never_reaches_the_terminal(tmp_path):
    """Checked in a real process: pypdf logs to the terminal's stderr from the child that reads the PDF, which the
    test runner's captured stderr would not show."""
    _shifted(tmp_path, "shifted.pdf")
    _booklet(tmp_path, "pdf: shifted.pdf")
    assert cli(tmp_path, "check", "b.yaml") == (0, [])
    _shifted(tmp_path, "broken.pdf", broken=True)
    _booklet(tmp_path, "pdf: broken.pdf")
    assert cli(tmp_path, "check", "b.yaml") == (1, ["b.yaml:4:12: booklet.parts[0].pdf: 'broken.pdf' has no pages"])
