"""Formulas on the page, measured on the PDF: stacked fractions, raised and lowered scripts, the baseline,
the searchable text layer, one Form XObject per formula, and sizes that follow the style (#17)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zlib
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader

from helpers import MATHS_CONTRACT, flat, write_file

SPEC = """worksheet:
  title: Maths T
  styles: [{style}]
  student_fields: []
  contents:
    - text: |
{body}
    - questions: [q]
questions:
  - id: q
    prompt: "Work out $\\\\dfrac{{2}}{{3}} + \\\\dfrac{{5}}{{6}}$."
    marks: 2
    model_answer: "$\\\\frac{{9}}{{6}} = 1\\\\frac{{1}}{{2}}$"
"""


def _build(run, tmp_path: Path, body: str, style: str = "standard", name: str = "m") -> tuple[Path, Path]:
    lines = "".join(f"        {line}\n" for line in body.splitlines())
    write_file(tmp_path, f"{name}.yaml", SPEC.format(style=style, body=lines))
    result = run("build", f"{name}.yaml", cwd=tmp_path)
    assert result.code == 0, result.stderr
    folder = tmp_path / "output" / name
    [student] = folder.glob("*-student.pdf")
    [scheme] = folder.glob("*-markscheme.pdf")
    return student, scheme


def _glyphs(page) -> list[dict]:
    """The formula's outlines as glyph boxes: filled curves that overlap (a glyph's outline and its holes)
    are one glyph; in order from the left."""
    boxes: list[dict] = []
    for shape in sorted(page.curves, key=lambda c: c["x0"]):
        if not shape["fill"]:
            continue
        for box in boxes:
            if shape["x0"] < box["x1"] - 0.2 and shape["top"] < box["bottom"] and shape["bottom"] > box["top"]:
                box.update(x1=max(box["x1"], shape["x1"]), top=min(box["top"], shape["top"]),
                           bottom=max(box["bottom"], shape["bottom"]))
                break
        else:
            boxes.append({key: shape[key] for key in ("x0", "x1", "top", "bottom")})
    for box in boxes:
        box["height"] = box["bottom"] - box["top"]
    return boxes


def _in_band(boxes: list[dict], top: float, bottom: float) -> list[dict]:
    return [box for box in boxes if box["top"] >= top and box["bottom"] <= bottom]


@pytest.mark.parametrize("style", ["standard", "large-print", "dyslexia"])
def test_a_fraction_is_stacked_over_its_bar(run, tmp_path, style):
    student, _ = _build(run, tmp_path, "Add $\\frac{3}{4}$ here.", style)
    with pdfplumber.open(student) as pdf:
        page = pdf.pages[0]
        bar = min((r for r in page.rects if r["fill"] and r["height"] < 1.5), key=lambda r: r["top"])
        glyphs = [g for g in _glyphs(page) if bar["x0"] - 1 <= g["x0"] and g["x1"] <= bar["x1"] + 1
                  and g["bottom"] < bar["top"] + 30 and g["top"] > bar["top"] - 30]
        above = [g for g in glyphs if g["bottom"] <= bar["top"] + 0.1]
        below = [g for g in glyphs if g["top"] >= bar["bottom"] - 0.1]
        assert len(above) == 1 and len(below) == 1  # the 3 over the bar, the 4 under it
        words = page.extract_words()
        add = next(w for w in words if w["text"] == "Add")
        assert above[0]["bottom"] < add["bottom"] and below[0]["top"] > add["top"]  # about the text's middle


@pytest.mark.parametrize("style", ["standard", "dyslexia"])
def test_a_power_is_raised_and_smaller_and_a_chemistry_subscript_lowered(run, tmp_path, style):
    student, _ = _build(run, tmp_path, "Power $2^{2}$ here.\n\nWater $\\ce{H2O}$ here.", style)
    with pdfplumber.open(student) as pdf:
        page = pdf.pages[0]
        words = {w["text"]: w for w in page.extract_words() if w["text"] in ("Power", "Water")}
        glyphs = _glyphs(page)
        base, script = _in_band(glyphs, words["Power"]["top"] - 6, words["Power"]["bottom"] + 6)[:2]
        assert script["height"] < base["height"] * 0.8 and script["bottom"] < base["bottom"] - 1
        h, two, o = _in_band(glyphs, words["Water"]["top"] - 6, words["Water"]["bottom"] + 6)[:3]
        assert two["height"] < h["height"] * 0.8 and two["bottom"] > h["bottom"] + 0.5
        assert abs(o["bottom"] - h["bottom"]) < 0.3  # and back on the line after it


def test_a_formula_sits_on_the_texts_baseline(run, tmp_path):
    student, _ = _build(run, tmp_path, "Let $x$ be the length.")
    with pdfplumber.open(student) as pdf:
        page = pdf.pages[0]
        let = next(c for c in page.chars if c["text"] == "L" and c["size"] > 9)
        baseline = page.height - let["matrix"][5]
        [x] = [g for g in _glyphs(page) if abs(g["bottom"] - baseline) < 3]
        assert abs(x["bottom"] - baseline) < 0.4 and x["x0"] > let["x1"]


def test_the_text_layer_reads_the_formula_and_no_latex_is_left(run, tmp_path):
    student, scheme = _build(run, tmp_path, "It costs $5 or $10. Add $\\frac{3}{4} + x^2$ and $\\sqrt{2}$.\n\n"
                                            "$$\\begin{cases} x + y = 7 \\\\ x - y = 1 \\end{cases}$$")
    text = flat("\n".join(page.extract_text() for page in PdfReader(student).pages))
    assert "It costs $5 or $10." in text
    assert "3/4+x²" in text and "√2" in text and "x+y=7; x−y=1" in text
    assert not any(mark in text.replace("$5", "").replace("$10", "") for mark in ("\\", "$", "{", "}", "^"))
    marked = flat("\n".join(page.extract_text() for page in PdfReader(scheme).pages))
    assert "9/6=1 1/2" in marked.replace("11/2", "1 1/2")
    assert "9/6" not in text  # the model answer's formula is the mark scheme's alone


def _forms(pdf: Path) -> list[str]:
    names: list[str] = []
    for page in PdfReader(pdf).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        names += [name for name in xobjects if name.startswith("/Formula") or "Formula" in name]
    return names


def test_a_repeated_formula_is_drawn_once_and_costs_about_one(run, tmp_path):
    formula = "$\\sqrt{b^2 - 4ac} + \\frac{x+1}{x-1}$"
    once, _ = _build(run, tmp_path, f"Once: {formula}.", name="once")
    many, _ = _build(run, tmp_path, "\n\n".join(f"Line {n}: {formula}." for n in range(30)), name="many")
    assert len(set(_forms(many))) == len(set(_forms(once))) == 2  # this one, and the question's
    reader = PdfReader(many)
    [form] = {len(zlib.compress(xobject.get_object().get_data())) for page in reader.pages
              for xobject in page["/Resources"]["/XObject"].values() if xobject.get_object()["/BBox"][2] > 40}
    extra = many.stat().st_size - once.stat().st_size
    assert extra < 29 * form  # each repeat is a placement and its text, not another copy of the outlines


def test_large_print_formulas_are_larger_in_proportion(run, tmp_path):
    from worksheets.style.themes import theme_for

    widths = {}
    for style in ("standard", "large-print"):
        (tmp_path / style).mkdir()
        student, _ = _build(run, tmp_path / style, "Add $\\dfrac{3}{4} + \\dfrac{1}{8}$ here.", style)
        with pdfplumber.open(student) as pdf:
            bars = [r for r in pdf.pages[0].rects if r["fill"] and r["height"] < 2]
            widths[style] = max(r["x1"] for r in bars[:2]) - min(r["x0"] for r in bars[:2])
    ratio = theme_for("large-print").body / theme_for("standard").body
    assert widths["large-print"] == pytest.approx(widths["standard"] * ratio, rel=0.05)


def test_large_print_sets_inline_fractions_full_size(run, tmp_path):
    student, _ = _build(run, tmp_path, "Add $\\frac{3}{4}$ and $\\dfrac{3}{4}$ here.", "large-print")
    with pdfplumber.open(student) as pdf:
        bars = sorted((r for r in pdf.pages[0].rects if r["fill"] and r["height"] < 2), key=lambda r: r["top"])
        inline, shown = sorted(bars[:2], key=lambda r: r["x0"])
    assert inline["width"] == pytest.approx(shown["width"], abs=0.01)  # figures never shrink below the text's


def test_a_tall_formula_opens_its_line_rather_than_touch_the_one_above(run, tmp_path):
    words = " ".join(f"word{n}" for n in range(40))
    student, _ = _build(run, tmp_path, f"{words} $\\dfrac{{\\sqrt{{x^2 + 1}}}}{{\\dfrac{{1}}{{2}}}}$ end.")
    with pdfplumber.open(student) as pdf:
        page = pdf.pages[0]
        first = next(c for c in page.chars if c["text"] == "w")
        line_one = [c for c in page.chars if abs(c["top"] - first["top"]) < 1]
        glyphs = [g for g in _glyphs(page) if g["top"] > first["top"] - 5 and g["top"] < first["top"] + 80]
        assert glyphs and min(g["top"] for g in glyphs) > max(c["bottom"] for c in line_one) - 0.5


def test_the_same_maths_builds_the_same_bytes_set_afresh_or_from_the_cache(run, tmp_path, monkeypatch):
    from worksheets.writers.pdf import maths, maths_cache

    monkeypatch.setenv("WORKSHEETS_CACHE", str(tmp_path / "cache"))
    maths_cache.folder.cache_clear()
    maths.typeset.cache_clear()
    body = "Add $\\frac{3}{4}$ and $\\ce{H2O}$ to $\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}$."
    first, _ = _build(run, tmp_path, body)  # set by ziamath, and kept
    entries = sorted((tmp_path / "cache" / "formulas").glob("*/*.json"))
    data = first.read_bytes()
    first.unlink()
    maths.typeset.cache_clear()
    again, _ = _build(run, tmp_path, body)  # from the cache
    assert again.read_bytes() == data and len(entries) >= 3
    maths_cache.folder.cache_clear()


def test_a_cache_that_cannot_be_used_is_not_used(run, tmp_path, monkeypatch):
    from worksheets.writers.pdf import maths, maths_cache

    (tmp_path / "cache").write_text("a file where the folder would be", encoding="utf-8")
    monkeypatch.setenv("WORKSHEETS_CACHE", str(tmp_path / "cache"))
    maths_cache.folder.cache_clear()
    maths.typeset.cache_clear()
    student, _ = _build(run, tmp_path, "Add $\\frac{5}{7}$.")
    assert "5/7" in flat(PdfReader(student).pages[0].extract_text())
    maths_cache.folder.cache_clear()


def test_the_maths_face_follows_the_text_family():
    from worksheets.writers.pdf.maths import maths_font

    assert maths_font("Sans", "<mi>x</mi>") == maths_font("Literacy", "<mi>x</mi>") == "FiraMath-Regular.otf"
    assert maths_font("Serif", "<mi>x</mi>") == "STIXTwoMath-Regular.ttf"
    assert maths_font("Sans", "<mo>&#x022A5;</mo>") == "STIXTwoMath-Regular.ttf"  # a sign Fira Math lacks (⊥)


def test_no_maths_no_maths_import(specs):
    script = textwrap.dedent("""
        import os, sys
        from pathlib import Path
        os.cpu_count = lambda: 1  # every page rendered in this process
        from worksheets.app.build import Options, build
        results = build([Path("basic.yaml")], Options(force=True))
        assert results and all(path.exists() for path, _ in results)
        assert "reportlab" in sys.modules
        print(sorted(m for m in ("ziamath", "ziafont", "latex2mathml") if m in sys.modules))
    """)
    done = subprocess.run([sys.executable, "-c", script], cwd=specs, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize("family", ["Sans", "Serif"])
def test_every_command_the_contract_names_is_drawn_in_each_maths_face(family):
    from worksheets.plan.maths import read
    from worksheets.plan.maths_tex import typesettable
    from worksheets.writers.pdf.maths import typeset

    for tex in MATHS_CONTRACT:
        formula = typeset(typesettable(tex), read(tex), family, 11.0, False)
        assert formula.width > 5 and " c\n" in formula.stream and formula.stream.count("\n") > 5, tex


def test_the_faster_layout_draws_the_same_outlines():
    script = textwrap.dedent("""
        import hashlib, sys
        sys.path.insert(0, "tests")
        from helpers import MATHS_CONTRACT
        from worksheets.plan.maths import read
        from worksheets.plan.maths_tex import typesettable
        from worksheets.writers.pdf import maths_speed
        from worksheets.writers.pdf.maths import typeset
        if sys.argv[1] == "slow":
            maths_speed.speed_up = lambda: None
        extra = ["\\\\left( \\\\frac{\\\\sqrt{x^2 + 1}}{\\\\left| x \\\\right|} \\\\right)^{2}",
                 "\\\\sum_{i=1}^{n} \\\\frac{1}{i^2}", "\\\\left(" * 5 + "\\\\frac{1}{2}" + "\\\\right)" * 5,
                 "\\\\frac{\\\\sum x}{" * 4 + "x" + "}" * 4,
                 "\\\\left[ \\\\begin{pmatrix} \\\\left( x \\\\right) \\\\\\\\ "
                 "\\\\dfrac{\\\\int_0^1 y}{2} \\\\end{pmatrix} \\\\right]"]
        for tex in [*MATHS_CONTRACT, *extra]:
            for family, display in (("Sans", False), ("Serif", True)):
                formula = typeset(typesettable(tex), read(tex), family, 11.0, display)
                print(hashlib.sha1(repr(formula).encode()).hexdigest())
    """)
    root = Path(__file__).parents[2]
    ways = [subprocess.run([sys.executable, "-c", script, way], cwd=root, capture_output=True, text=True, check=True)
            for way in ("slow", "fast")]
    assert ways[0].stdout == ways[1].stdout and len(ways[0].stdout.split()) == 2 * (len(MATHS_CONTRACT) + 5)


def test_a_title_shows_a_formula_as_its_reading_and_a_short_glossary_term_keeps_its_header_whole(run, tmp_path):
    write_file(tmp_path, "t.yaml", """worksheet:
  title: "Area $\\\\pi r^2$ and $\\\\sqrt{2}$"
  subtitle: "Costs $5 or $10"
  student_fields: []
  contents:
    - section: s
    - glossary: all
sections:
  - {id: s, title: "Why $x^2 \\\\ge 0$", body: Because squares are never negative.}
glossary:
  pi: "The ratio $\\\\frac{C}{d}$."
""")
    result = run("build", "t.yaml", cwd=tmp_path)
    assert result.code == 0, result.stderr
    with pdfplumber.open(tmp_path / "output/t/t-student.pdf") as pdf:
        page = pdf.pages[0]
        text = flat(page.extract_text())
        words = [w["text"] for w in page.extract_words()]
    assert "Area πr² and √2" in text and "Costs $5 or $10" in text and "Why x²≥0" in text
    assert "Term" in words and "$" not in text.replace("$5", "").replace("$10", "")


@pytest.mark.parametrize("style", ["standard", "large-print"])
def test_text_after_a_formula_that_starts_a_line_stays_on_its_baseline(run, tmp_path, style):
    student, _ = _build(run, tmp_path, "Line one of the text\n$18$ apples after it\n$42$ pears after it\n$77$ plums",
                        style)
    with pdfplumber.open(student) as pdf:
        page = pdf.pages[0]
        glyphs = _glyphs(page)
        for word in ("apples", "pears", "plums"):
            first = next(c for c in page.chars if c["text"] == word[0] and c["size"] > 9 and
                         "".join(x["text"] for x in page.chars[page.chars.index(c):][:len(word)]) == word)
            baseline = page.height - first["matrix"][5]
            digits = [g for g in glyphs if abs(g["bottom"] - baseline) < 4 and g["x1"] < first["x0"]]
            assert digits and all(abs(g["bottom"] - baseline) < 0.4 for g in digits), word
