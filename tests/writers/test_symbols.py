"""School symbols print in every style: the text font where it has them, the bundled fallback where not."""

from __future__ import annotations

import pdfplumber
import pytest

from helpers import write_file
from worksheets.style.fonts import SCHOOL_SYMBOLS, missing_glyphs
from worksheets.vocab import STYLES

STYLE_NAMES = tuple(STYLES)


@pytest.mark.parametrize("style", STYLE_NAMES)
def test_every_school_symbol_is_printable_in_every_style(style):
    assert missing_glyphs(SCHOOL_SYMBOLS, style) == []


def _chars(pdf) -> list[dict]:
    with pdfplumber.open(pdf) as doc:
        return [c for page in doc.pages for c in page.chars]


@pytest.mark.parametrize("style", STYLE_NAMES)
def test_symbols_print_as_their_own_characters_in_prompt_title_and_header(run, tmp_path, style):
    signs = "⇌ ∠ ⊥ ∴ ℃ ✓ Fe³⁺ SO₄²⁻ ΔH⁰"
    write_file(tmp_path, "s.yaml", f"worksheet:\n  title: Equilibria ⇌ ✓\n  styles: [{style}]\n  student_fields: []\n"
                                   "  contents:\n    - questions: [q1, q2]\n"
                                   f"questions:\n  - {{id: q1, prompt: 'Explain **{signs}** and {signs}.', marks: 2,"
                                   " answer: {lines: 30}}\n"
                                   "  - {id: q2, prompt: 'Then ⇌ again.', marks: 1, answer: {lines: 30}}\n")
    assert run("build", "s.yaml", cwd=tmp_path).code == 0
    [pdf] = (tmp_path / "output/s").glob("*-student.pdf")
    chars = _chars(pdf)
    text = "".join(c["text"] for c in chars)
    assert signs.replace(" ", "") in text.replace(" ", "")
    assert "Equilibria⇌✓" in text.replace(" ", "")  # the title, and the running header on page 2
    fonts = {c["text"]: c["fontname"] for c in chars}
    assert "DejaVu" in fonts["⇌"]  # the fallback: no text font has it
    assert "DejaVu" not in fonts["E"]
    bold = {c["fontname"] for c in chars if c["text"] == "∴"}
    assert any("Bold" in f for f in bold) and any("Bold" not in f for f in bold)  # **bold** keeps its weight


def test_a_sign_no_bundled_font_has_is_still_refused_at_its_line(run, tmp_path):
    write_file(tmp_path, "s.yaml", "worksheet:\n  title: T\n  contents:\n    - questions: [q]\n"
                                   "questions:\n  - {id: q, prompt: 'Smile 🙂 and 漢', marks: 1}\n")
    result = run("build", "s.yaml", cwd=tmp_path)
    assert result.code != 0
    assert result.lines[0].startswith("s.yaml:6:")
    assert "🙂" in result.lines[0] and "漢" in result.lines[0]
    assert not (tmp_path / "output").exists()
