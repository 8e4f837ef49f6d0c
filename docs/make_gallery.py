"""Regenerate docs/gallery/: PNG pages of the example, made with `worksheets preview`'s renderer.

Run from the repository: python docs/make_gallery.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from worksheets.app.preview import thumbnails

HERE = Path(__file__).parent
EXAMPLE = HERE.parent / "specs" / "stalin-terror"
PAGES = [  # (PDF in output/, the page number or a phrase on the page, gallery name)
    ("terror/terror-student.pdf", 1, "handout-page1"),
    ("terror/terror-student.pdf", "Quick recall", "handout-sources-recall"),
    ("terror/terror-markscheme.pdf", "Levels of response", "markscheme-levels"),
    ("terror/terror-support-student.pdf", "Point: what did the NKVD do?", "support-writing-frame"),
    ("terror/terror-support-student.pdf", "Sentence starters", "support-scaffolds"),
    ("terror/terror-support-dyslexia-student.pdf", 1, "dyslexia-page1"),
    ("terror/terror-large-print-student.pdf", 2, "large-print-page2"),
    ("booklet/booklet-booklet.pdf", "Contents", "booklet-contents"),
    ("booklet/booklet-booklet-print.pdf", 3, "booklet-imposed-sheet2-front"),
]
STEM = [  # (template, PDF in its output/, the page number or a phrase on the page, gallery name)
    ("maths", "algebra/algebra-student.pdf", 1, "maths-handout"),
    ("maths", "algebra/algebra-challenge-markscheme.pdf", "Marking points", "maths-markscheme"),
    ("maths", "algebra/algebra-large-print-student.pdf", 2, "maths-large-print"),
    ("maths", "algebra/algebra-dyslexia-student.pdf", 1, "maths-dyslexia"),
    ("science", "acids/acids-student.pdf", 1, "science-handout"),
    ("science", "acids/acids-markscheme.pdf", "Marking points", "science-markscheme"),
    ("primary", "plants/plants-student.pdf", 1, "primary-handout"),
    ("primary", "plants/plants-markscheme.pdf", "Where each word is", "primary-markscheme"),
    ("maths", "algebra/algebra-student.pdf", "Draw the graph of", "maths-graph"),
    ("primary", "plants/plants-student.pdf", "Label the parts of the plant", "primary-label"),
    ("primary", "plants/plants-student.pdf", "Complete the crossword", "primary-crossword"),
    ("primary", "plants/plants-markscheme.pdf", "The solved grid", "primary-crossword-markscheme"),
]
NAMES = {"maths": "algebra", "science": "acids", "primary": "plants"}
HOUSES = [  # (the example with this setting under `worksheet:`, the page, gallery name)
    ("house_style: aqa", "Answer these questions about the Great Purge", "house-aqa"),
    ("house_style: edexcel", "Answer these questions about the Great Purge", "house-edexcel"),
    ("house_style: ocr", "Answer these questions about the Great Purge", "house-ocr"),
    ("language: cy", 1, "language-welsh"),
]


def find(pdf: Path, where: int | str) -> int:
    """The page number itself, or the first page whose text has the phrase."""
    if isinstance(where, int):
        return where
    from pypdf import PdfReader

    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        if where in " ".join((page.extract_text() or "").split()):
            return number
    raise SystemExit(f"'{where}' is on no page of {pdf.name}")


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "example"
        shutil.copytree(EXAMPLE, folder)
        run = [sys.executable, "-m", "worksheets", "build", "--force", "-q"]
        subprocess.run([*run, "terror.yaml", "booklet.yaml"], cwd=folder, check=True)
        subprocess.run([*run, "terror.yaml", "--tier", "support", "--style", "dyslexia"], cwd=folder, check=True)
        subprocess.run([*run, "terror.yaml", "--tier", "core", "--style", "large-print"], cwd=folder, check=True)
        for old in (HERE / "gallery").glob("*.png"):
            old.unlink()
        for pdf, where, name in PAGES:
            path = folder / "output" / pdf
            (image,) = thumbnails(path, [find(path, where)])
            shutil.copy(image, HERE / "gallery" / f"{name}.png")
            print(f"wrote docs/gallery/{name}.png")
        for setting, where, name in HOUSES:  # the example as each exam board prints it, and in Welsh
            spec = folder / f"{name}.yaml"
            spec.write_text((folder / "terror.yaml").read_text(encoding="utf-8").replace(
                "worksheet:\n", f"worksheet:\n  {setting}\n", 1), encoding="utf-8")
            subprocess.run([*run, spec.name, "--tier", "core"], cwd=folder, check=True)
            path = folder / "output" / name / f"{name}-student.pdf"
            (image,) = thumbnails(path, [find(path, where)])
            shutil.copy(image, HERE / "gallery" / f"{name}.png")
            print(f"wrote docs/gallery/{name}.png")
        for template, name in NAMES.items():  # the maths and science templates, as `worksheets new` makes them
            subprocess.run([sys.executable, "-m", "worksheets", "new", name, "--template", template], cwd=work,
                           check=True)
            subprocess.run([*run, f"{name}.yaml"], cwd=Path(work) / name, check=True)
            subprocess.run([*run, f"{name}.yaml", "--tier", "core", "--style", "large-print", "--style", "dyslexia"],
                           cwd=Path(work) / name, check=True)
        for template, pdf, where, name in STEM:
            path = Path(work) / NAMES[template] / "output" / pdf
            (image,) = thumbnails(path, [find(path, where)])
            shutil.copy(image, HERE / "gallery" / f"{name}.png")
            print(f"wrote docs/gallery/{name}.png")


if __name__ == "__main__":
    main()
