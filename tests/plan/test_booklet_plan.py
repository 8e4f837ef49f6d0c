"""A booklet's parts checked before anything is built: missing, fake, damaged and encrypted PDFs,
banks, itself, and paths outside the root."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfWriter

from helpers import past_paper


def _booklet(specs: Path, part: str) -> None:
    (specs / "b.yaml").write_text(f"booklet:\n  title: B\n  parts:\n    - {part}\n", encoding="utf-8")


@pytest.mark.parametrize(
    ("part", "setup", "expected"),
    [
        ("pdf: none.pdf", None, "b.yaml:4:12: booklet.parts[0]: no such file 'none.pdf'"),
        ("pdf: fake.pdf", ("fake.pdf", b"hello, not a pdf"),
         "b.yaml:4:12: booklet.parts[0].pdf: 'fake.pdf' is not a PDF file"),
        ("pdf: broken.pdf",
         ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\ntrailer << /Root 1 0 R >>\n"),
         "b.yaml:4:12: booklet.parts[0].pdf: 'broken.pdf' is damaged and cannot be read"),
        ("worksheet: b.yaml", None, "b.yaml:4:18: booklet.parts[0]: the booklet names itself"),
        ("worksheet: bank.yaml", None,
         "b.yaml:4:18: booklet.parts[0].worksheet: 'bank.yaml' is a bank spec, not a worksheet"),
        ("pdf: ../outside.pdf", None,
         "b.yaml:4:12: booklet.parts[0].pdf: '../outside.pdf' is outside the root folder '.' (see --root)"),
        ("{pdf: a.pdf, divider: {title: X}}", None,
         "b.yaml:4:7: booklet.parts[0]: a part is one of 'worksheet: FILE', 'pdf: FILE' or 'divider: {...}'"),
    ],
)
def test_bad_parts(run, specs, part, setup, expected):
    if setup:
        (specs / setup[0]).write_bytes(setup[1])
    _booklet(specs, part)
    result = run("build", "b.yaml", cwd=specs)
    assert result.code == 1
    assert result.lines == [expected]
    assert not (specs / "output").exists()


def test_encrypted_pdf_part(run, specs):
    past_paper(specs / "plain.pdf")
    writer = PdfWriter(clone_from=specs / "plain.pdf")
    writer.encrypt("secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    (specs / "locked.pdf").write_bytes(buffer.getvalue())
    _booklet(specs, "pdf: locked.pdf")
    result = run("build", "b.yaml", cwd=specs)
    assert result.lines == ["b.yaml:4:12: booklet.parts[0].pdf: 'locked.pdf' is encrypted (password-protected): "
                            "save an unprotected copy"]
