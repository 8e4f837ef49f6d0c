"""Long labels and titles wrap or are cut short: they never overprint other text or run off the page."""

from __future__ import annotations

import itertools

import pdfplumber

from helpers import write_file

LONG = "A very long label indeed, longer than any header has room for, " * 3


def test_a_long_tier_label_and_title_stack_in_the_header_and_never_run_into_each_other(run, tmp_path):
    write_file(tmp_path, "long.yaml", "worksheet:\n  title: " + "Stalin's Terror and the purges " * 3 + "\n"
               f"  tiers: [support]\n  tier_labels: {{support: '{LONG}'}}\n  contents:\n    - questions: [q]\n"
               "questions:\n  - {id: q, prompt: Why?, marks: 40}\n")
    assert run("build", "long.yaml", cwd=tmp_path).code == 0
    with pdfplumber.open(tmp_path / "output/long/long-support-student.pdf") as pdf:
        for page in pdf.pages:
            header = [c for c in page.chars if c["bottom"] < 51 and c["text"] != " "]  # above the 18 mm margin
            lines = {round(c["top"]): sorted((d for d in header if abs(d["top"] - c["top"]) < 1),
                                             key=lambda d: d["x0"]) for c in header}
            assert len(lines) == 2, "the title above, the label below"
            upper, lower = (lines[key] for key in sorted(lines))
            assert upper[0]["bottom"] <= lower[0]["top"] + 0.5, "the two lines overlap"
            for line in (upper, lower):
                assert line[0]["x0"] >= 0 and line[-1]["x1"] <= page.width
                assert all(after["x0"] >= before["x1"] - 0.5 for before, after in itertools.pairwise(line))
            assert "Stalin" in "".join(c["text"] for c in upper)
            assert "…" in "".join(c["text"] for c in lower)  # the label alone is wider than the page: cut short


def test_the_longest_field_labels_still_leave_lines_to_write_on(run, tmp_path):
    label = "Teaching group and registration form"  # within the 40-character limit
    write_file(tmp_path, "fields.yaml", f"worksheet:\n  title: T\n  student_fields: [Name, '{label}', Date]\n"
               "  paper: A4\n  contents: [text: hi]\n")
    assert run("build", "fields.yaml", cwd=tmp_path).code == 0
    with pdfplumber.open(tmp_path / "output/fields/fields-student.pdf") as pdf:
        page = pdf.pages[0]
        lines = [e for e in page.edges if abs(e["top"] - e["bottom"]) < 1 and e["top"] < 250]
        assert all(e["x1"] <= page.width - 30 for e in lines)
        assert sum(1 for e in lines if e["x1"] - e["x0"] > 40) >= 3  # three writing lines, each of some length
