"""Sub- and superscripts and pipe tables in prose, measured on the PDF (part of #17)."""

from __future__ import annotations

import pdfplumber
import pytest

from helpers import flat, write_file
from worksheets.style.themes import theme_for

SPEC = """worksheet:
  title: Rich T
  styles: [{style}]
  student_fields: []
  contents:
    - text: |
        Water is H~2~O; the area is x^2^ cm; iron(III) is Fe^3+^; it takes \\~5 min, or ~5 min ~ at most.

{table}
    - questions: [q]
questions:
  - {{id: q, prompt: 'Which metal is TOPMETAL?', marks: 1}}
"""
TABLE = """        | Metal | Reacts? | Observations |
        |:---|:---:|---:|
{rows}"""


def _build(run, tmp_path, style: str = "standard", rows: int = 3):
    body = "".join(f"        | Metal{n} | yes{n} | Fizzes and the metal melts into a ball, row {n}. |\n"
                   for n in range(rows))
    write_file(tmp_path, "r.yaml", SPEC.format(style=style, table=TABLE.format(rows=body)))
    result = run("build", "r.yaml", cwd=tmp_path)
    assert result.code == 0, result.stderr
    [pdf] = (tmp_path / "output/r").glob("*-student.pdf")
    return pdfplumber.open(pdf)


def _after(chars: list[dict], text: str) -> list[dict]:
    """The characters of `text` where it first appears in the page's character stream."""
    stream = "".join(c["text"] for c in chars)
    start = stream.index(text)
    return chars[start:start + len(text)]


@pytest.mark.parametrize("style", ["standard", "large-print", "dyslexia"])
def test_scripts_are_smaller_and_lowered_or_raised(run, tmp_path, style):
    with _build(run, tmp_path, style) as pdf:
        chars = pdf.pages[0].chars
        h, two, o = _after(chars, "H2O")
        assert two["size"] < h["size"] * 0.8 and two["bottom"] > h["bottom"] + 1  # lower and smaller
        assert abs(o["bottom"] - h["bottom"]) < 0.5  # and back on the line after it
        x, sup = _after(chars, "x2")
        assert sup["size"] < x["size"] * 0.8 and sup["top"] < x["top"] - 1  # raised
        fe = _after(chars, "Fe3+")
        assert all(c["top"] < fe[0]["top"] - 1 for c in fe[2:])
        text = flat(pdf.pages[0].extract_text())
        assert "~5 min, or ~5 min ~ at most" in text.replace(" 2 ", " ")  # an escaped or spaced tilde prints as typed
        assert "^" not in text and "H~" not in text


def test_a_pipe_table_is_ruled_in_columns_with_a_shaded_header(run, tmp_path):
    with _build(run, tmp_path) as pdf:
        page = pdf.pages[0]
        words = {w["text"]: w for w in page.extract_words()}
        metal, reacts, observations = words["Metal"], words["Reacts?"], words["Observations"]
        assert metal["x1"] < reacts["x0"] and reacts["x1"] < observations["x0"]  # one column each
        assert words["Metal0"]["top"] > metal["bottom"] and abs(words["Metal0"]["x0"] - metal["x0"]) < 1
        yes = words["yes0"]
        assert abs((yes["x0"] + yes["x1"]) / 2 - (reacts["x0"] + reacts["x1"]) / 2) < 2  # :---: centres
        shaded = [r for r in page.rects if r["fill"] and r["non_stroking_color"] not in (None, (1,), [1])
                  and r["top"] <= metal["top"] and r["bottom"] >= metal["bottom"]]
        assert shaded, "the header row is shaded"
        rules = [e for e in page.edges if e["top"] > metal["top"] - 10]
        assert len(rules) >= 8  # a grid: rows and columns ruled
        right = max(e["x1"] for e in rules)
        assert right <= page.width - theme_for("standard").margin_right + 0.5  # within the frame
        assert "|" not in page.extract_text().split("TOPMETAL")[0]


def test_a_long_table_repeats_its_header_on_the_next_page(run, tmp_path):
    with _build(run, tmp_path, rows=60) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages[:2]:
            words = [w["text"] for w in page.extract_words()]
            assert "Observations" in words
        counts = [sum(w["text"].startswith("Metal") and w["text"] != "Metal" for w in page.extract_words())
                  for page in pdf.pages]
        assert sum(counts) == 60 and all(c == 0 or c >= 2 for c in counts)


POEM = "\n".join(f"      LINE{n:02d} of the poem" + (" goes on and on" * 12 if n == 7 else "")
                 + ("\n" if n in (4, 8) else "") for n in range(1, 13))


@pytest.mark.parametrize(("lines", "every"), [("numbered", 5), ("{every: 1}", 1), ("{every: 3}", 3)])
@pytest.mark.parametrize("style", ["standard", "large-print", "dyslexia"])
def test_a_numbered_source_numbers_its_lines_in_the_margin(run, tmp_path, lines, every, style):
    write_file(tmp_path, "p.yaml", f"worksheet:\n  title: Poem T\n  styles: [{style}]\n  student_fields: []\n"
               "  contents:\n    - sources: [poem]\n    - questions: [q]\n"
               f"sources:\n  - id: poem\n    title: A poem\n    lines: {lines}\n    text: |\n{POEM}\n"
               "questions:\n  - {id: q, prompt: 'Lines 5–9?', marks: 1, sources: [poem]}\n")
    result = run("build", "p.yaml", cwd=tmp_path)
    assert result.code == 0, result.stderr
    [pdf] = (tmp_path / "output/p").glob("*-student.pdf")
    with pdfplumber.open(pdf) as doc:
        pages = [page.extract_words() for page in doc.pages]
    [words] = [page for page in pages if any(w["text"] == "LINE01" for w in page)]
    starts = {w["text"]: w for w in words if w["text"].startswith("LINE")}
    assert len(starts) == 12
    numbers = [w for w in words if w["text"].isdigit() and w["x1"] < starts["LINE01"]["x0"]
               and w["top"] < starts["LINE12"]["bottom"]]  # not the question number below
    assert [int(w["text"]) for w in numbers] == list(range(every, 13, every))  # one number per line, never two
    for w in numbers:
        line = starts[f"LINE{int(w['text']):02d}"]
        assert abs(w["bottom"] - line["bottom"]) < 2, "the number sits on its line"
        assert w["x1"] < line["x0"] - 2
    gaps = [starts[f"LINE{n + 1:02d}"]["top"] - starts[f"LINE{n:02d}"]["top"] for n in range(1, 12)]
    assert gaps[3] > gaps[1] * 1.3 and gaps[7] > gaps[1] * 1.3  # the stanza breaks are kept
    assert gaps[6] > gaps[1] * 1.8  # line 7 wraps and line 8 comes after its second printed line
    plain = [gaps[n - 1] for n in (1, 2, 5, 9, 10, 11)]  # lines within a stanza, numbered or not, one pitch apart
    assert max(plain) - min(plain) < 0.2, plain


def test_chemistry_prints_in_the_body_font_with_true_scripts(run, tmp_path):
    write_file(tmp_path, "c.yaml", "worksheet:\n  title: Chem T\n  student_fields: []\n  contents:\n"
               "    - text: 'Sulfate \\ce{SO4^2-} and \\ce{N2(g) + 3H2(g) <=> 2NH3(g)}.'\n")
    assert run("build", "c.yaml", cwd=tmp_path).code == 0
    with pdfplumber.open(tmp_path / "output/c/c-student.pdf") as pdf:
        chars = pdf.pages[0].chars
        text = "".join(c["text"] for c in chars)
    assert "\\ce" not in text and "^" not in text and "<=>" not in text
    _, o, four, two, minus = _after(chars, "SO42\u2212")
    assert four["size"] < o["size"] * 0.8 and four["bottom"] > o["bottom"] + 1  # the count, lowered
    assert two["top"] < o["top"] - 1 and minus["top"] < o["top"] - 1  # the charge, raised
    assert "LiberationSans" in o["fontname"]  # the body font, not a maths face
    arrow = _after(chars, "\u21cc")[0]
    assert "DejaVu" in arrow["fontname"]  # the symbol fallback


def _png(path, size=(400, 200)) -> None:
    from PIL import Image

    Image.new("RGB", size, (200, 30, 30)).save(path)


def test_a_picture_in_prose_fills_the_text_width_with_its_caption_in_handout_and_mark_scheme(run, tmp_path):
    (tmp_path / "images").mkdir()
    _png(tmp_path / "images" / "my_graph.png")
    write_file(tmp_path, "g.yaml", "worksheet:\n  title: Graph T\n  student_fields: []\n  contents:\n"
               "    - text: |\n        Look at the graph.\n\n"
               "        ![Figure 1: distance–time graph](images/my_graph.png)\n"
               "    - questions: [q]\nquestions:\n  - id: q\n    prompt: Read it.\n    marks: 1\n"
               "    model_answer: |\n      ![The correct graph](images/my_graph.png)\n")
    result = run("build", "g.yaml", cwd=tmp_path)
    assert result.code == 0, result.stderr
    theme = theme_for("standard")
    for role in ("student", "markscheme"):
        with pdfplumber.open(tmp_path / f"output/g/g-{role}.pdf") as pdf:
            page = pdf.pages[0]
            [image] = page.images
            text = page.extract_text()
        frame = page.width - theme.margin_left - theme.margin_right
        width = image["x1"] - image["x0"]
        assert abs(image["x1"] - (page.width - theme.margin_right)) < 1  # to the text's right edge...
        assert width > frame * 0.9  # ...from its left (the mark scheme indents an answer under its question)
        assert abs((image["bottom"] - image["top"]) * 2 - width) < 1  # its shape kept
        caption = "Figure 1: distance–time graph" if role == "student" else "The correct graph"
        assert caption in text and "![" not in text and "my_graph" not in text


@pytest.mark.parametrize(("name", "message"), [
    ("missing.png", "text: no such picture 'missing.png'"),
    ("../outside.png", "text: '../outside.png' is outside the root folder"),
    ("bad.png", "text: picture 'bad.png' "),
])
def test_a_picture_that_cannot_be_printed_is_a_problem_at_its_prose(run, tmp_path, name, message):
    folder = tmp_path / "w"
    folder.mkdir()
    _png(tmp_path / "outside.png")
    (folder / "bad.png").write_bytes(b"not a picture")
    write_file(folder, "g.yaml", "worksheet:\n  title: T\n  contents:\n"
               f"    - text: |\n        ![A graph]({name})\n")
    result = run("check", "g.yaml", cwd=folder)
    assert result.code == 1
    [line] = result.lines
    assert line.startswith("g.yaml:4:13: " + message), line
    assert not (folder / "output").exists()
