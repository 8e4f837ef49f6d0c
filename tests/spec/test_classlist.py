"""Class lists: the CSV's columns, tiers, styles and encoding, each problem a FILE:LINE line."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("pupil,tier\nAda,core\n", ["7b.csv:1: the class list needs a 'name' column (found: pupil, tier)"]),
        ("name,form\nAda,7B\n", ["7b.csv:1: unknown column 'form' (the columns are name, tier, style, class)"]),
        ("name,tier\nAda,expert\nBo,core\n,core\n", ["7b.csv:2: tier 'expert' is not one of: support, core, challenge",
                                                     "7b.csv:4: a student with no name"]),
        ("", ["7b.csv:1: the class list is empty: expected a header line with a 'name' column"]),
        ("name\n", ["7b.csv:1: the class list has no students"]),
        ("name,style\nAda,huge\n", ["7b.csv:2: style 'huge' is not one of: standard, large-print, dyslexia"]),
        ("name\n" + "A" * 500 + "\n", ["7b.csv:2: the name is too long to print (500 characters; at most 60)"]),
        ("name,class\nAda,7\U0001F642\n", ["7b.csv:2: the class has '\U0001F642' (U+1F642), which the bundled "
                                            "fonts of the standard style cannot print"]),
        ("name,style\nZo\u00eb \u4e2d,dyslexia\n", ["7b.csv:2: the name has '\u4e2d' (U+4E2D), which the bundled "
                                                  "fonts of the dyslexia style cannot print"]),
    ],
)
def test_bad_class_lists(run, specs, content, expected):
    (specs / "7b.csv").write_text(content, encoding="utf-8")
    result = run("build", "tiered.yaml", "--class-list", "7b.csv", cwd=specs)
    assert result.code == 1
    assert result.lines == expected
    assert not (specs / "output").exists()


def test_class_list_not_utf8(run, specs):
    (specs / "7b.csv").write_bytes("name\nChlo\xe9\n".encode("latin-1"))
    result = run("build", "tiered.yaml", "--class-list", "7b.csv", cwd=specs)
    assert result.lines == ["7b.csv:2: the class list is not UTF-8 text (save it as UTF-8)"]
