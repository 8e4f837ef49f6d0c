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
