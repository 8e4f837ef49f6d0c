"""YAML mistakes teachers make: each gives one line in plain words, at the line to fix, and the fix it suggests is
applied to the text to show it is the right one (the fixed file then checks cleanly)."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import write_file

SPEC = ("worksheet:\n  title: T\n  contents:\n    - questions: [q]\n"
        "questions:\n  - id: q\n    prompt: Why?\n    marks: 2\n")
CHOICE = ("worksheet:\n  title: T\n  contents:\n    - questions: [q]\n"
          "questions:\n  - id: q\n    type: choice\n    prompt: Why?\n    options: [Yes, No]\n    correct: 0\n")
LINE = re.compile(r"^[^:\n]+:(\d+):(\d+): (\S.*)$")
JARGON = ("<block end>", "<scalar>", "simple key", "token", "mapping", "alias", "anchor", "scalar", "stream", "node",
          "flow", "document", "indicator", "while scanning", "while parsing")


def changed(old: str, new: str, text: str = SPEC) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# Each fix does what the message says, reading what to type from the message itself where it says.

def write_value(lines: list[str], line: int, col: int, message: str) -> None:
    """`write "..."`: the text from the column to the end of the line becomes what the message says to write."""
    lines[line - 1] = lines[line - 1][: col - 1] + message.rsplit("write ", 1)[1]


def write_item(lines: list[str], line: int, col: int, message: str) -> None:
    """`write "..."` for one item inside [ ]: the item from the column to the next ',' or ']' is replaced."""
    text = lines[line - 1]
    end = min(found for found in (text.find(",", col), text.find("]", col), len(text)) if found >= 0)
    lines[line - 1] = text[: col - 1] + message.rsplit("write ", 1)[1] + text[end:]


def write_key(lines: list[str], line: int, col: int, message: str) -> None:
    """`write 'key: value'`: the line from the column becomes the key and value the message gives."""
    lines[line - 1] = lines[line - 1][: col - 1] + re.search(r"write '([^']*)'", message)[1]


def indent(lines: list[str], line: int, col: int, message: str) -> None:
    """`indent it N spaces`: the line starts with N spaces (and no tab)."""
    spaces = int(re.search(r"indent (?:it|this line) (\d+) space", message)[1])
    lines[line - 1] = " " * spaces + lines[line - 1].lstrip(" \t")


def close_quote(lines: list[str], line: int, col: int, message: str) -> None:
    lines[line - 1] += re.search(r"put another (.) at the end", message)[1]


def close_bracket(lines: list[str], line: int, col: int, message: str) -> None:
    lines[line - 1] += re.search(r"put a '(.)' where it ends", message)[1]


def tab_to_space(lines: list[str], line: int, col: int, message: str) -> None:
    assert lines[line - 1][col - 1] == "\t"
    lines[line - 1] = lines[line - 1].replace("\t", " ", 1)


def remove_char(lines: list[str], line: int, col: int, message: str) -> None:
    char = re.search(r"this '(.)' closes nothing: remove it", message)[1]
    assert lines[line - 1][col - 1] == char
    lines[line - 1] = lines[line - 1][: col - 1] + lines[line - 1][col:]


def dash_in_front(lines: list[str], line: int, col: int, message: str) -> None:
    lines[line - 1] = lines[line - 1][: col - 1] + "- " + lines[line - 1][col - 1 :]


def own_key(lines: list[str], line: int, col: int, message: str) -> None:
    """A list among keys goes under a key of its own, its items indented more: `contents:` here."""
    lines[line - 1 : line] = [" " * (col - 1) + "contents:", "  " + lines[line - 1]]


def single_quotes(lines: list[str], line: int, col: int, message: str) -> None:
    """The double quotes round the text at the column become single ones."""
    text = lines[line - 1]
    start, end = text.rfind('"', 0, col - 1), text.find('"', col)
    lines[line - 1] = text[:start] + "'" + text[start + 1 : end] + "'" + text[end + 1 :]


def own_character(lines: list[str], line: int, col: int, message: str) -> None:
    escape = re.search(r"the escape (\S+) stands", message)[1]
    assert lines[line - 1][col - 1 :].startswith(escape)
    lines[line - 1] = lines[line - 1].replace(escape, "é", 1)


def quote_over_lines(lines: list[str], line: int, col: int, message: str) -> None:
    """`put a " before '...' and another at the end of the text` (which ends on the line with the ': ')."""
    last = int(re.search(r"here on line (\d+)", message)[1])
    lines[line - 1] = lines[line - 1][: col - 1] + '"' + lines[line - 1][col - 1 :]
    lines[last - 1] += '"'


def remove_line(lines: list[str], line: int, col: int, message: str) -> None:
    assert "remove the line" in message
    del lines[line - 1]


CASES = [  # (id, damaged text, the one line expected, the fix that message asks for)
    ("colon in text", changed("prompt: Why?", "prompt: Explain: why?"),
     'w.yaml:7:13: YAML syntax error: text containing \': \' must be in quotes, or YAML reads it as a key: '
     'write "Explain: why?"', write_value),
    ("colon in the first key's text", changed("title: T", "title: Stalin: a life"),
     'w.yaml:2:10: YAML syntax error: text containing \': \' must be in quotes, or YAML reads it as a key: '
     'write "Stalin: a life"', write_value),
    ("colon ending the text", changed("prompt: Why?", "prompt: Complete this:"),
     'w.yaml:7:13: YAML syntax error: text ending in \':\' must be in quotes, or YAML reads it as a key: '
     'write "Complete this:"', write_value),
    ("colon and quotes inside", changed("prompt: Why?", 'prompt: He said "Note: this"'),
     'w.yaml:7:13: YAML syntax error: text containing \': \' must be in quotes, or YAML reads it as a key: '
     'write \'He said "Note: this"\'', write_value),
    ("curly double quotes", changed("prompt: Why?", "prompt: “Note: this”"),
     'w.yaml:7:13: YAML syntax error: YAML does not take “ ” for quotes, so it reads the \': \' inside as a key: '
     'use straight quotes instead: write "Note: this"', write_value),
    ("curly single quotes", changed("prompt: Why?", "prompt: ‘Note: this’"),
     'w.yaml:7:13: YAML syntax error: YAML does not take ‘ ’ for quotes, so it reads the \': \' inside as a key: '
     'use straight quotes instead: write "Note: this"', write_value),
    ("key indented more than its siblings", changed("    marks: 2", "     marks: 2"),
     "w.yaml:8:6: YAML syntax error: the key 'marks' must line up with 'prompt' above it: indent it 4 spaces, not 5",
     indent),
    ("key indented less than its siblings", changed("    marks: 2", "   marks: 2"),
     "w.yaml:8:4: YAML syntax error: the key 'marks' must line up with 'prompt' above it: indent it 4 spaces, not 3",
     indent),
    ("top key indented more", changed("  contents:", "   contents:"),
     "w.yaml:3:4: YAML syntax error: the key 'contents' must line up with 'title' above it: indent it 2 spaces, "
     "not 3", indent),
    ("top key indented between two levels", changed("  contents:", " contents:"),
     "w.yaml:3:2: YAML syntax error: the key 'contents' must line up with the keys above it: indent it 2 spaces, "
     "like 'title', or 0, like 'worksheet'", indent),
    ("key in a list item indented more", changed("    prompt: Why?", "      prompt: Why?"),
     "w.yaml:7:7: YAML syntax error: the key 'prompt' must line up with 'id' above it: indent it 4 spaces, not 6",
     indent),
    ("key in a list item indented less", changed("    prompt: Why?", "   prompt: Why?"),
     "w.yaml:7:4: YAML syntax error: the key 'prompt' must line up with 'id' above it: indent it 4 spaces, not 3",
     indent),
    ("key at the indentation of the '- '", changed("    prompt: Why?", "  prompt: Why?"),
     "w.yaml:7:3: YAML syntax error: the key 'prompt' must line up with 'id' above it, in the same '- ' item: "
     "indent it 4 spaces, not 2 (or 0 spaces, like 'questions', to end the list)", indent),
    ("'- ' item indented less", changed("    - questions: [q]", "    - text: hi\n   - questions: [q]"),
     "w.yaml:5:4: YAML syntax error: this '- ' item must line up with the '- ' above it: indent it 4 spaces, not 3",
     indent),
    ("'- ' item indented more", changed("    - questions: [q]", "    - text: hi\n     - questions: [q]"),
     "w.yaml:5:6: YAML syntax error: this '- ' item must line up with the '- ' above it: indent it 4 spaces, not 5",
     indent),
    ("'- ' item indented less than its key", changed("    - questions: [q]", " - questions: [q]"),
     "w.yaml:4:2: YAML syntax error: this '- ' item must be indented more than 'contents' above it: indent it "
     "4 spaces, not 1", indent),
    ("'- ' item among keys", changed("  contents:\n    - questions: [q]", "  - questions: [q]"),
     "w.yaml:3:3: YAML syntax error: a '- ' item cannot sit among keys such as 'title': put the list under a key of "
     "its own, with the '- ' items indented more than that key", own_key),
    ("tab indenting a key", changed("  title: T", "\ttitle: T"),
     "w.yaml:2:1: YAML syntax error: indent with spaces, not tabs: indent this line 2 spaces instead", indent),
    ("tab indenting a key in a list item", changed("    marks: 2", "\tmarks: 2"),
     "w.yaml:8:1: YAML syntax error: indent with spaces, not tabs: indent this line 4 spaces instead", indent),
    ("tab after a '-'", changed("    - questions: [q]", "    -\tquestions: [q]"),
     "w.yaml:4:6: YAML syntax error: YAML needs a space here, not a tab: replace the tab with a space", tab_to_space),
    ("text starting with '*'", changed("prompt: Why?", "prompt: *Why* did it happen?"),
     'w.yaml:7:13: YAML syntax error: text that starts with \'*\' must be in quotes: write "*Why* did it happen?"',
     write_value),
    ("text starting with '*' and a word", changed("prompt: Why?", "prompt: *Note: read the source"),
     'w.yaml:7:13: YAML syntax error: text that starts with \'*\' must be in quotes: write "*Note: read the source"',
     write_value),
    *[(f"text starting with '{text[0]}'", changed("prompt: Why?", f"prompt: {text}"),
       f'w.yaml:7:13: YAML syntax error: text that starts with \'{text[0]}\' must be in quotes: write "{text}"',
       write_value)
      for text in ("& then what?", "!Important! read it", "%50 of people", "@teacher says", "`code` here",
                   "|x| is the size", "> 5 means more", "- why?", "? why", ",and why")],
    ("a space missing after ':'", changed("  - id: q", "  - id:q"),
     "w.yaml:6:5: YAML syntax error: a key needs a space after its ':': write 'id: q', not 'id:q'", write_key),
    ("a space missing after the last key's ':'", changed("    marks: 2", "    marks:2"),
     "w.yaml:8:5: YAML syntax error: a key needs a space after its ':': write 'marks: 2', not 'marks:2'", write_key),
    ("a ':' missing after a key", changed("  title: T", "  title T"),
     "w.yaml:2:3: YAML syntax error: this line needs a ':' after its key: write 'title: T'", write_key),
    ("a ':' missing after the last key", changed("    marks: 2", "    marks 2"),
     "w.yaml:8:5: YAML syntax error: this line needs a ':' after its key: write 'marks: 2'", write_key),
    ("a '- ' missing", changed("    - questions: [q]", "    - questions: [q]\n    page_break"),
     "w.yaml:5:5: YAML syntax error: this line needs '- ' in front, like the items above it (or, if it goes on with "
     "the text above, indent it more)", dash_in_front),
    ("text under '|' not indented", changed("    prompt: Why?", "    prompt: |\n    Why did it happen?"),
     "w.yaml:8:5: YAML syntax error: the lines of text under 'prompt:' must be indented more than 'prompt': indent "
     "this line 6 spaces", indent),
    ("a double quote never closed", changed("title: T", 'title: "The Terror'),
     'w.yaml:2:10: YAML syntax error: the " that opens this text is never closed: put another " at the end of the '
     'text', close_quote),
    ("a single quote never closed", changed("title: T", "title: 'The Terror"),
     "w.yaml:2:10: YAML syntax error: the ' that opens this text is never closed: put another ' at the end of the "
     "text", close_quote),
    ("a quote closed lines later", changed("title: T", 'title: "The Terror', changed("Why?", '"Why?"')),
     'w.yaml:2:10: YAML syntax error: the " that opens this text is not closed on its line, so YAML reads on to '
     'line 7: put another " at the end of the text', close_quote),
    ("an apostrophe in single quotes", changed("title: T", "title: 'Stalin's Terror'"),
     "w.yaml:2:10: YAML syntax error: an apostrophe ends text in single quotes: use double quotes instead: "
     'write "Stalin\'s Terror"', write_value),
    ("quotes round the start only", changed("prompt: Why?", 'prompt: "Why" did it happen?'),
     "w.yaml:7:13: YAML syntax error: the quotes must go round the whole text, not just its start: "
     "write '\"Why\" did it happen?'", write_value),
    ("quotes inside quotes", changed("prompt: Why?", 'prompt: "He said "no" - why?"'),
     'w.yaml:7:13: YAML syntax error: a " inside the text ends it: use the other kind of quotes: '
     'write \'He said "no" - why?\'', write_value),
    ("a '[' never closed", changed("[q]", "[q"),
     "w.yaml:4:18: YAML syntax error: the '[' here is never closed: put a ']' where it ends", close_bracket),
    ("a '{' never closed", changed("  - id: q\n    prompt: Why?\n    marks: 2", "  - {id: q, prompt: Why?, marks: 2"),
     "w.yaml:6:5: YAML syntax error: the '{' here is never closed: put a '}' where it ends", close_bracket),
    ("a ' #' hiding the ']'", changed("[Yes, No]", "[Yes, No #2]", CHOICE),
     "w.yaml:9:20: YAML syntax error: ' #' starts a comment, so YAML ignores the rest of this line and the ']' in "
     'it: put the text with \'#\' in quotes: write "No #2"', write_item),
    ("': ' twice in an item in [ ]", changed("[Yes, No]", "[Answer: yes: always, No]", CHOICE),
     "w.yaml:9:15: YAML syntax error: text containing ':' inside [ ] must be in quotes as a whole: "
     'write "Answer: yes: always"', write_item),
    ("a ']' too many", changed("[q]", "[q]]"),
     "w.yaml:4:21: YAML syntax error: this ']' closes nothing: remove it, or put the whole text in quotes",
     remove_char),
    ("text starting with '['", changed("prompt: Why?", "prompt: [Source A] shows what?"),
     "w.yaml:7:13: YAML syntax error: text that starts with '[' must be in quotes (YAML reads [...] as a list): "
     'write "[Source A] shows what?"', write_value),
    ("text starting with '{'", changed("prompt: Why?", "prompt: {Source A} shows what?"),
     "w.yaml:7:13: YAML syntax error: text that starts with '{' must be in quotes (YAML reads {...} as keys and "
     'values): write "{Source A} shows what?"', write_value),
    ("a '\\' in double quotes", changed("prompt: Why?", 'prompt: "See C:\\pupils"'),
     "w.yaml:7:20: YAML syntax error: a '\\' inside double quotes starts an escape such as \\n: put the text in "
     "single quotes instead, or write \\\\ for each '\\'", single_quotes),
    ("an escape for half a character", changed("prompt: Why?", 'prompt: "Caf\\ud800"'),
     "w.yaml:7:17: YAML syntax error: the escape \\ud800 stands for half a character: write the character itself",
     own_character),
    ("': ' in text over two lines",
     changed("    prompt: Why?", "    prompt: This is a long question\n      that says: explain"),
     "w.yaml:7:13: YAML syntax error: text containing ': ' (here on line 8) must be in quotes, or YAML reads it as a "
     "key: put a \" before 'This is a long qu...' and another at the end of the text", quote_over_lines),
    ("a second part after '---'", changed("\nquestions:", "\n---\nquestions:"),
     "w.yaml:5:1: YAML syntax error: a '---' line starts a second part, but a worksheets file holds one: remove the "
     "line", remove_line),
]


@pytest.mark.parametrize(("text", "expected", "fix"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_mistake_is_one_plain_line_whose_fix_is_right(run, tmp_path, text, expected, fix):
    write_file(tmp_path, "w.yaml", text)
    result = run("check", "w.yaml", cwd=tmp_path)
    assert (result.code, result.lines) == (1, [expected])
    assert not any(word in expected.split(": write ")[0] for word in JARGON)
    line, col, message = LINE.match(expected).groups()
    lines = text.split("\n")
    fix(lines, int(line), int(col), message)
    write_file(tmp_path, "w.yaml", "\n".join(lines))
    fixed = run("check", "w.yaml", cwd=tmp_path)
    assert (fixed.code, fixed.lines) == (0, []), "\n".join(lines)


@pytest.mark.parametrize("text", [
    changed("    - questions: [q]", "  - questions: [q]"),  # a list as deep as its key
    changed("prompt: Why?", "prompt: Why? # ask it twice"),
    changed("prompt: Why?", "prompt: “Why did it happen?”"),  # curly quotes with no ': ' are only letters
    changed("prompt: Why?", "prompt: Note:this, see http://example.org"),
    changed("prompt: Why?", "prompt: 'It''s 1:30'"),
    changed("prompt: Why?", "prompt: >\n      Why did it\n      happen?"),
    changed("prompt: Why?", "prompt:\n      Why did it\n      happen?"),
    changed("title: T", 'title: "The Terror,\n    1936-38"'),  # a quote may go on over lines
    changed("[q]", "[\n        q,\n      ]"),
])
def test_valid_yaml_that_looks_like_a_mistake_still_loads(run, tmp_path, text):
    write_file(tmp_path, "w.yaml", text)
    assert run("check", "w.yaml", cwd=tmp_path).lines == []


def _lines_are_located(result) -> list[re.Match]:
    assert "Traceback" not in result.stderr
    assert result.code in (0, 1), result.stderr
    found = [LINE.match(line) for line in result.lines]
    assert all(found), result.lines
    assert result.code == 0 or found
    return [match for match in found if match and match[3].startswith("YAML syntax error")]


SYMBOLS = st.text(alphabet=list(":#*&!%@`|>[]{}\"',?- “”‘’\t\\xy"), max_size=30)
PRINTABLE = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), max_size=30)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.one_of(SYMBOLS, PRINTABLE))
def test_any_text_as_a_value_gives_located_lines_and_a_fix_that_works(run, tmp_path, value):
    text = changed("prompt: Why?", f"prompt: {value}")
    write_file(tmp_path, "w.yaml", text)
    for match in _lines_are_located(run("check", "w.yaml", cwd=tmp_path)):
        assert not any(word in match[3].split(": write ")[0] for word in JARGON), match[0]
        if ": write " in match[3] and (match[1], match[2]) == ("7", "13"):  # the whole value is to be quoted
            lines = text.split("\n")
            write_value(lines, 7, 13, match[3])
            write_file(tmp_path, "w.yaml", "\n".join(lines))
            again = run("check", "w.yaml", cwd=tmp_path).lines
            assert not any("YAML syntax error" in line for line in again), (text, again)


@st.composite
def damaged(draw) -> str:
    """The valid spec with one line indented differently, or with a tab in its indentation."""
    lines = SPEC.split("\n")
    index = draw(st.integers(1, 7))
    start = draw(st.sampled_from(["", "\t", " \t", "\t "])) + " " * draw(st.integers(0, 8))
    lines[index] = start + lines[index].lstrip(" ")
    return "\n".join(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=damaged())
def test_damaged_indentation_gives_located_lines_and_an_indentation_that_works(run, tmp_path, text):
    write_file(tmp_path, "w.yaml", text)
    for match in _lines_are_located(run("check", "w.yaml", cwd=tmp_path)):
        if re.search(r"indent (?:it|this line) \d+ space", match[3]):
            lines = text.split("\n")
            indent(lines, int(match[1]), int(match[2]), match[3])
            write_file(tmp_path, "w.yaml", "\n".join(lines))
            again = run("check", "w.yaml", cwd=tmp_path).lines
            assert not any(line.startswith(f"w.yaml:{match[1]}:{match[2]}: YAML") for line in again), (text, again)
