"""Page breaking a department would not be embarrassed by: no page holding only the end marker."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from helpers import write_file


def _bodies(pdf) -> list[str]:
    """Each page's text without its running header and footer lines."""
    out = []
    for page in PdfReader(pdf).pages:
        lines = [line for line in (page.extract_text() or "").splitlines() if line.strip()]
        out.append(" ".join(line for line in lines if not line.startswith(("Page ", "Lines T", "Turn over"))
                            and "Turn over" not in line))
    return out


@pytest.mark.parametrize("lines", [26, 27, 28, 29, 30, 31])
def test_the_end_marker_never_stands_alone_on_a_page(run, tmp_path, lines):
    """Answer space that ends near the foot of page 1, for several heights around the page's end."""
    write_file(tmp_path, "e.yaml", "worksheet:\n  title: Lines T\n  student_fields: []\n  contents:\n"
                                   "    - questions: [q]\nquestions:\n"
                                   f"  - {{id: q, prompt: Write., marks: 2, answer: {{lines: {lines}}}}}\n")
    assert run("build", "e.yaml", cwd=tmp_path).code == 0
    bodies = _bodies(tmp_path / "output/e/e-student.pdf")
    assert all(body.strip() != "END OF QUESTIONS" for body in bodies), bodies
