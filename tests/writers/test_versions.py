"""Tiers, styles and variants, checked on the PDFs' text, fonts and sizes."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pdfplumber
import pytest

from helpers import flat, page_texts, pdf_text

VERSIONS = [f"tiered{t}{s}-student.pdf" for t in ("-support", "", "-challenge")
            for s in ("", "-large-print", "-dyslexia")]


@pytest.fixture
def tiered(run, specs):
    result = run("build", "tiered.yaml", cwd=specs)
    assert result.code == 0, result.stderr
    return specs / "output/tiered"


def test_every_tier_and_style_is_built(tiered):
    names = sorted(p.name for p in tiered.iterdir())
    assert names == sorted(VERSIONS + [v.replace("student", "markscheme") for v in VERSIONS])


def test_scaffolds_only_in_support(tiered):
    for version in VERSIONS:
        text = pdf_text(tiered / version)
        for marker in ("HINT-TEXT", "STARTER-ONE", "BANKWORD", "FRAME-POINT", "FRAME-EVIDENCE"):
            assert (marker in text) == version.startswith("tiered-support"), (version, marker)


def test_extensions_and_tier_items(tiered):
    for version in VERSIONS:
        text = flat(pdf_text(tiered / version))
        challenge = version.startswith("tiered-challenge")
        assert ("EXTENSION-PROMPT" in text) == challenge
        assert ("DEEPER-ONLY-SECTION" in text) == challenge
        assert ("Name a river." in text) == (not challenge)


def test_numbering_and_totals_per_tier(tiered):
    support = flat(pdf_text(tiered / "tiered-support-student.pdf"))
    challenge = flat(pdf_text(tiered / "tiered-challenge-student.pdf"))
    # support: essay 6, recall 1, pick 1, order 3 = 11; challenge: essay 6, stretch 4, pick 1, order 3 = 14
    assert "Total: 11 marks" in support and "Total: 14 marks" in challenge
    assert "2 Name a river. [1 mark]" in support
    assert "2 EXTENSION-PROMPT [4 marks]" in challenge
    scheme = flat(pdf_text(tiered / "tiered-challenge-markscheme.pdf"))
    assert "Challenge tier" in scheme and "Total: 14 marks" in scheme and "Name a river." not in scheme


def test_students_are_not_labelled_by_tier(tiered):
    for version in VERSIONS:
        text = pdf_text(tiered / version).lower()
        for word in ("support", "challenge", "core tier"):
            assert word not in text, (version, word)
    # only a discreet code in the footer tells the copies apart
    for version, code in (("tiered-support-student.pdf", "S"), ("tiered-challenge-dyslexia-student.pdf", "XD")):
        with pdfplumber.open(tiered / version) as pdf:
            page = pdf.pages[0]
            bottom = [w["text"] for w in page.extract_words() if w["top"] > page.height - 60]
        assert code in bottom, (version, bottom)


def _fonts_and_sizes(path: Path) -> tuple[set[str], float, float]:
    with pdfplumber.open(path) as pdf:
        chars = [c for page in pdf.pages for c in page.chars if c["text"].strip()]
    fonts = {c["fontname"].split("+")[-1] for c in chars}
    sizes = [round(c["size"], 1) for c in chars]
    body = max(set(sizes), key=sizes.count)
    return fonts, min(sizes), body


def test_standard_style_fonts_and_sizes(tiered):
    fonts, _, body = _fonts_and_sizes(tiered / "tiered-student.pdf")
    assert all(f.startswith(("LiberationSans", "LiberationSerif")) for f in fonts)
    assert 11 <= body <= 12


def test_large_print_is_16pt_or_more_and_nothing_under_14(tiered):
    for version in ("tiered-large-print-student.pdf", "tiered-support-large-print-student.pdf",
                    "tiered-large-print-markscheme.pdf"):
        _, smallest, body = _fonts_and_sizes(tiered / version)
        assert body >= 16, version
        assert smallest >= 14, (version, smallest)


def test_dyslexia_style_literacy_font_no_italics_and_tint(tiered):
    for version in ("tiered-dyslexia-student.pdf", "tiered-support-dyslexia-student.pdf",
                    "tiered-dyslexia-markscheme.pdf"):
        fonts, _, body = _fonts_and_sizes(tiered / version)
        assert fonts <= {"Andika", "Andika-Bold"}, (version, fonts)
        assert 12 <= body <= 14
    with pdfplumber.open(tiered / "tiered-dyslexia-student.pdf") as pdf:
        page = pdf.pages[0]
        tint = [r for r in page.rects if r["width"] > 500 and r["height"] > 800]
        assert tint and tint[0]["non_stroking_color"] not in ((1, 1, 1), [1, 1, 1], None)
        lines = {}
        for char in page.chars:
            lines.setdefault(round(char["top"], 1), char["size"])
        tops = sorted(t for t, size in lines.items() if abs(size - 12.5) < 0.1)
        gaps = [b - a for a, b in itertools.pairwise(tops) if 0 < b - a < 25]
        assert min(gaps) >= 12.5 * 1.45  # 1.5 line spacing


def test_variants_shuffle_and_label_every_page(run, specs):
    result = run("build", "tiered.yaml", "--variants", "2", "--tier", "core", "--style", "standard", cwd=specs)
    assert result.code == 0, result.stderr
    folder = specs / "output/tiered"
    assert sorted(p.name for p in folder.iterdir()) == [
        "tiered-A-markscheme.pdf", "tiered-A-student.pdf", "tiered-B-markscheme.pdf", "tiered-B-student.pdf"]
    orders = {}
    for letter in "AB":
        pages = page_texts(folder / f"tiered-{letter}-student.pdf")
        assert all(f"Version {letter}" in page for page in pages)
        text = flat("\n".join(pages))
        orders[letter] = (re.findall(r"\d (Explain why rivers flood|Name a river|Pick one|Put these)", text),
                          re.findall(r"OPT-\w+", text), re.findall(r"ITEM-\w+", text))
        scheme = flat(pdf_text(folder / f"tiered-{letter}-markscheme.pdf"))
        pick = orders[letter][1].index("OPT-THREE")
        assert f"Answer: {'ABCD'[pick]} {'ABCD'[pick]} OPT-THREE" in scheme
        assert "Version " + letter in scheme
    assert orders["A"] != orders["B"]
    again = run("build", "tiered.yaml", "--variants", "2", "--tier", "core", "--style", "standard", "--force",
                cwd=specs)
    assert again.code == 0
    text = flat(pdf_text(folder / "tiered-A-student.pdf"))
    assert re.findall(r"OPT-\w+", text) == orders["A"][1]
