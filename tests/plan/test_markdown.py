"""The prose subset: what is Markdown, and what stays literal."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from worksheets.document.prose import Gap, ListBlock, Para, Run, TableBlock, plain
from worksheets.plan.markdown import parse, parse_cloze


def test_bold_italic_and_breaks():
    assert parse("a **b** *c*\nd") == (
        Para((Run("a "), Run("b", bold=True), Run(" "), Run("c", italic=True), Run("\n"), Run("d"))),
    )


def test_lists_bullet_and_numbered():
    prose = parse("- one\n- two\n\n3. three\n4. four")
    assert isinstance(prose[0], ListBlock) and not prose[0].ordered and len(prose[0].items) == 2
    assert isinstance(prose[1], ListBlock) and prose[1].ordered and prose[1].start == 3


def test_everything_else_is_literal():
    for source in ("x < y & z", "<b>bold?</b>", "{ and }", "# not a heading", "[link](http://x)",
                   "an ![img](a.png) inside text", "`code`", "&amp;", "> not a quote"):
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


def test_scripts_outside_maths():
    [para] = parse("H~2~O, x^2^ and Fe^3+^; \\~5 and ~5 min ~ and 2^10")
    scripted = [(r.text, r.script) for r in para.runs if r.script]
    assert scripted == [("2", "sub"), ("2", "super"), ("3+", "super")]
    assert plain((para,)) == "H2O, x2 and Fe3+; ~5 and ~5\u00a0min ~ and 2^10"  # a unit stays with its number


def test_a_pipe_table_becomes_a_table_block():
    [table, after] = parse("| A | B |\n|:--|--:|\n| **1** | x~2~ |\n| 3 |\n\nAfter")
    assert isinstance(table, TableBlock) and isinstance(after, Para)
    assert table.align == ("left", "right")
    assert [[plain((Para(cell),)) for cell in row] for row in table.rows] == [["1", "x2"], ["3", ""]]
    assert table.rows[0][0][0].bold


def test_a_cloze_gap_inside_a_table_cell_is_a_gap():
    [table] = parse_cloze("| Word | Meaning |\n|---|---|\n| [[1]] | a gap |")
    assert isinstance(table.rows[0][0][0], Gap)


@given(st.text(alphabet="ab ~^|-:*\\\n[]12", max_size=80))
def test_any_prose_parses_into_blocks_whose_rows_match_their_header(text):
    for block in parse(text):
        if isinstance(block, TableBlock):
            assert all(len(row) == len(block.header) for row in block.rows)
            assert len(block.align) == len(block.header)
        assert "\ue002" not in plain((block,)) and "\ue003" not in plain((block,))


def test_a_number_and_its_unit_are_never_parted_by_a_line_break():
    [para] = parse("At 450 ℃ and 200 atm, −92 kJ/mol, 5 m; but 3 apples and 10 Mice.")
    assert plain((para,)) == "At 450\u00a0℃ and 200\u00a0atm, −92\u00a0kJ/mol, 5\u00a0m; but 3 apples and 10 Mice."


def test_no_line_starts_with_a_closing_mark_or_a_number_cut_from_its_relation_sign():
    [para] = parse("J'ai nagé ! « Super » ; et toi ? When ΔH < 0 or x ≥ −2, Note: 3 : 2 and x = y.")
    assert plain((para,)) == ("J'ai nagé\u00a0! «\u00a0Super\u00a0»\u00a0; et toi\u00a0? When ΔH <\u00a00 "
                              "or x ≥\u00a0−2, Note: 3\u00a0: 2 and x = y.")
