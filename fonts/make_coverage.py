"""Write fonts/coverage.json: the characters every face of each bundled family can print.

Run after changing the fonts: python fonts/make_coverage.py"""

import json
from pathlib import Path

from reportlab.pdfbase.ttfonts import TTFont

HERE = Path(__file__).parent
FAMILIES = {"Sans": "LiberationSans", "Serif": "LiberationSerif", "Literacy": "Andika"}
FALLBACK = ("Symbols", "DejaVuSans", {"Regular": "", "Bold": "-Bold"})  # upright only: signs are not slanted


def ranges(codes: set[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for code in sorted(codes):
        if out and code == out[-1][1] + 1:
            out[-1][1] = code
        else:
            out.append([code, code])
    return out


coverage = {}
for family, stem in FAMILIES.items():
    faces = [set(TTFont(f"{stem}-{face}", str(HERE / f"{stem}-{face}.ttf")).face.charToGlyph)
             for face in ("Regular", "Bold", "Italic", "BoldItalic")]
    coverage[family] = ranges(set.intersection(*faces))
faces = [set(TTFont(f"{FALLBACK[1]}{suffix}", str(HERE / f"{FALLBACK[1]}{suffix}.ttf")).face.charToGlyph)
         for suffix in FALLBACK[2].values()]
coverage[FALLBACK[0]] = ranges(set.intersection(*faces))
(HERE / "coverage.json").write_text(json.dumps(coverage), encoding="utf-8")
print({k: len(v) for k, v in coverage.items()})
