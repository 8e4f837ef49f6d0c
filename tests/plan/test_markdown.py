"""The prose subset: what is Markdown, and what stays literal."""

from __future__ import annotations

from worksheets.document.prose import ListBlock, Para, Run, plain
from worksheets.plan.markdown import parse


def test_bold_italic_and_breaks():
    assert parse("a **b** *c*\nd") == (
        Para((Run("a "), Run("b", bold=True), Run(" "), Run("c", italic=True), Run("\n"), Run("d"))),
    )


def test_lists_bullet_and_numbered():
    prose = parse("- one\n- two\n\n3. three\n4. four")
    assert isinstance(prose[0], ListBlock) and not prose[0].ordered and len(prose[0].items) == 2
    assert isinstance(prose[1], ListBlock) and prose[1].ordered and prose[1].start == 3


def test_everything_else_is_literal():
    for source in ("x < y & z", "<b>bold?</b>", "{ and }", "# not a heading", "[link](http://x)", "![img](a.png)",
                   "`code`", "&amp;", "> not a quote"):
        assert plain(parse(source)) == source, source


def test_only_stars_make_emphasis_and_underscores_print_as_typed():
    typed = "H2(___) and H2O(___), _not italic_, snake_case"
    assert plain(parse(typed)) == typed
    (para,) = parse("*italic* and __not bold__")
    assert [(r.text, r.italic, r.bold) for r in para.runs] == [("italic", True, False),
                                                               (" and __not bold__", False, False)]


def test_a_backslash_escapes_markdown_punctuation():
    (para,) = parse(r"\*not italic\* costs \$5, a\_b, \\ and C:\Users")
    assert [(r.text, r.italic) for r in para.runs] == [(r"*not italic* costs $5, a_b, \ and C:\Users", False)]
