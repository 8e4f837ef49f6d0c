"""Label questions, measured on the PDF: numbered markers on the picture, numbered answer lines beside it
spread from the top down, the answers only in the mark scheme and never in the layout, a word bank, and
located problems for points off the picture and pictures that are not there (#18)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pdfplumber
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import flat, pdf_text, write_file
from worksheets.writers.pdf.label import spread

SPEC = """worksheet:
  title: Plants
  contents:
    - questions: [plant]
questions:
  - id: plant
    type: label
    prompt: Label the parts of the plant.
    image: plant.png
    word_bank: {bank}
    distractors: [seed]
    labels:
      - {{at: [0.3, 0.9], answer: {roots}}}
      - {{at: [0.6, 0.1], answer: petal}}
      - {{at: [0.7, 0.45], answer: leaf}}
"""


def _picture(folder: Path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("L", (300, 400), 255)
    ImageDraw.Draw(image).line([150, 40, 150, 360], fill=0, width=8)
    image.save(folder / "plant.png")


def _build(run, folder: Path, roots: str = "roots", bank: str = "false") -> Path:
    folder.mkdir(exist_ok=True)
    _picture(folder)
    write_file(folder, "plants.yaml", SPEC.format(roots=roots, bank=bank))
    result = run("build", "plants.yaml", "--out", "out", "-q", cwd=folder)
    assert result.code == 0, result.stderr
    return folder / "out" / "plants"


def _words(pdf: Path) -> list[dict]:
    with pdfplumber.open(pdf) as doc:
        return [w for page in doc.pages for w in page.extract_words()]


def test_the_answers_are_on_numbered_lines_beside_the_picture_from_the_top_down(run, tmp_path):
    out = _build(run, tmp_path / "a")
    key = {w["text"]: w for w in _words(out / "plants-markscheme.pdf")}
    assert key["petal"]["top"] < key["leaf"]["top"] < key["roots"]["top"]  # numbered 1, 2, 3 down the picture
    student = flat(pdf_text(out / "plants-student.pdf"))
    assert "Label the parts of the plant." in student and "[3 marks]" in student
    assert not {"petal", "leaf", "roots"} & set(student.split())
    words = _words(out / "plants-student.pdf")
    column = key["petal"]["x0"]  # the answer lines' column, right of the picture
    numbers = sorted((w for w in words if w["text"].isdigit() and column - 40 < w["x0"] < column),
                     key=lambda w: w["top"])
    assert [w["text"] for w in numbers] == ["1", "2", "3"]
    gaps = [round(n["top"] - numbers[0]["top"]) for n in numbers]  # the key's lines are the handout's, lower down
    assert gaps == [round(key[a]["top"] - key["petal"]["top"]) for a in ("petal", "leaf", "roots")]


def test_the_word_bank_lists_answers_and_distractors(run, tmp_path):
    student = flat(pdf_text(_build(run, tmp_path / "a", bank="true") / "plants-student.pdf"))
    assert "Label the parts of the plant." in student and "Word bank" in student
    assert {"petal", "leaf", "roots", "seed"} <= set(student.split())


def test_the_lines_are_the_same_whatever_the_answers(run, tmp_path):
    def lines(pdf: Path) -> list[tuple[float, ...]]:
        with pdfplumber.open(pdf) as doc:
            return [tuple(round(v, 1) for v in (ln["x0"], ln["top"], ln["x1"])) for ln in doc.pages[0].lines]

    short = lines(_build(run, tmp_path / "a") / "plants-student.pdf")
    long = lines(_build(run, tmp_path / "b", roots="the roots that anchor it") / "plants-student.pdf")
    assert short == long and len(short) >= 3


@settings(max_examples=200, deadline=None)
@given(st.lists(st.floats(min_value=0, max_value=300), min_size=1, max_size=15), st.floats(min_value=5, max_value=40))
def test_answer_lines_keep_their_order_and_room(wanted, pitch):
    wanted.sort()
    height = max(300.0, pitch * len(wanted))
    slots = spread(wanted, pitch, height)
    assert all(b - a >= pitch - 1e-6 for a, b in itertools.pairwise(slots))
    assert slots[0] >= pitch / 2 - 1e-6 and slots[-1] <= height - pitch / 2 + 1e-6


def test_points_off_the_picture_and_missing_pictures_are_located_problems(run, tmp_path):
    _picture(tmp_path)
    (tmp_path / "notes.txt").write_text("not a picture", encoding="utf-8")
    write_file(tmp_path, "b.yaml", """worksheet:
  title: T
  contents:
    - questions: [a, b]
questions:
  - {id: a, type: label, image: plant.png, labels: [{at: [1.2, 0.5], answer: leaf}]}
  - {id: b, type: label, image: plant.png, labels: [{at: [0.2, 0.5], answer: x}, {answer: y}]}
""")
    write_file(tmp_path, "c.yaml", """worksheet:
  title: T
  contents:
    - questions: [b, c]
questions:
  - {id: b, type: label, image: heart.png, labels: [{at: [0.2, 0.5], answer: aorta}]}
  - {id: c, type: label, image: notes.txt, labels: [{at: [0.2, 0.5], answer: x}]}
""")
    result = run("check", "b.yaml", cwd=tmp_path)
    assert result.code != 0
    assert result.lines == [
        "b.yaml:6:58: questions[0].labels[0].at: [1.2, 0.5] is not on the picture: give across and down as "
        "fractions from 0 to 1 of its width and height, from the top left",
        "b.yaml:7:82: questions[1].labels[1]: missing required key 'at'"]
    result = run("check", "c.yaml", cwd=tmp_path)
    assert result.code != 0
    assert result.lines == ["c.yaml:6:33: image: no such picture 'heart.png'",
                            "c.yaml:7:33: image: picture 'notes.txt' is not a PNG or JPEG image"]
