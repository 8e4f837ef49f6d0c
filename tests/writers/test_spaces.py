"""Answer spaces for maths, science and primary, measured on the PDF: squared paper, graphs, number lines,
handwriting ruling and answer lines (#18, in part)."""

from __future__ import annotations

from itertools import pairwise

import pdfplumber
import pytest

from helpers import flat, write_file
from worksheets.style.themes import theme_for

MM = 72 / 25.4
SPEC = """worksheet:
  title: Spaces
  styles: [{style}]
  student_fields: []
  contents:
    - questions: [q]
questions:
  - id: q
    prompt: Use the space.
    marks: 2
    answer: {answer}
    model_answer: "The area is 24.5 cm²."
{extra}"""


def _page(run, tmp_path, answer: str, style: str = "standard", extra: str = ""):
    write_file(tmp_path, "s.yaml", SPEC.format(style=style, answer=answer, extra=extra))
    result = run("build", "s.yaml", cwd=tmp_path)
    assert result.code == 0, result.stderr
    [pdf] = (tmp_path / "output/s").glob("*-student.pdf")
    return pdfplumber.open(pdf)


def _grey_lines(page, vertical: bool) -> list[dict]:
    return [line for line in page.lines if line["stroking_color"] in ((0.7,), 0.7, [0.7])
            and (abs(line["x0"] - line["x1"]) < 0.1) == vertical]


@pytest.mark.parametrize(("style", "square"), [("standard", 5 * MM), ("large-print", 5 * MM * 17 / 11)])
def test_a_grid_is_whole_squares_of_the_asked_size(run, tmp_path, style, square):
    with _page(run, tmp_path, "{grid: 60mm}", style) as pdf:
        page = pdf.pages[0]
        xs = sorted({round(line["x0"], 2) for line in _grey_lines(page, vertical=True)})
        ys = sorted({round(line["top"], 2) for line in _grey_lines(page, vertical=False)})
        gaps = {round(b - a, 1) for a, b in pairwise(xs)} | {round(b - a, 1) for a, b in pairwise(ys)}
        assert gaps == {round(square, 1)}
        room = theme_for(style).line_pitch / (8 * MM)  # large print's wider ruling gives more room
        assert len(ys) - 1 == int(60 * MM * room / square + 1e-6)


def test_a_graph_has_square_cells_numbered_axes_and_stays_in_the_frame(run, tmp_path):
    with _page(run, tmp_path, "{graph: {x: [-3, 3], y: [-2, 10], step: 1}}") as pdf:
        page = pdf.pages[0]
        xs = sorted({round(line["x0"], 2) for line in _grey_lines(page, vertical=True)})
        ys = sorted({round(line["top"], 2) for line in _grey_lines(page, vertical=False)})
        assert len(xs) == 7 and len(ys) == 13
        assert xs[1] - xs[0] == pytest.approx(ys[1] - ys[0], abs=0.05)  # square cells
        words = [w["text"] for w in page.extract_words()]
        assert all(label in words for label in ("−3", "−1", "1", "3", "−2", "5", "10"))
        axes = [line for line in page.lines if line["stroking_color"] in ((0,), 0, [0]) and line["linewidth"] > 0.6]
        assert len(axes) >= 2 and max(line["bottom"] for line in page.lines) < page.height - 30


def test_a_graphs_numbers_sit_on_white_inside_its_frame_and_its_axes_are_named_outside(run, tmp_path):
    """No grid line runs through a tick's number (each has a white ground), the numbers at the ends stay inside the
    grid's frame, and x and y are named beyond its edges, clear of every number."""
    with _page(run, tmp_path, "{graph: {x: [-2, 4], y: [-4, 5]}}") as pdf:
        page = pdf.pages[0]
        xs = sorted({line["x0"] for line in _grey_lines(page, vertical=True)})
        ys = sorted({line["top"] for line in _grey_lines(page, vertical=False)})
        left, right, top, bottom = xs[0], xs[-1], ys[0], ys[-1]
        grounds = [r for r in page.rects if r.get("non_stroking_color") in ((1,), 1, [1], (1, 1, 1), [1, 1, 1])]
        words = page.extract_words()
        numbers = [w for w in words if w["text"].lstrip("−").isdigit() and top - 20 < w["top"] < bottom + 20]
        assert {w["text"] for w in numbers} >= {"−2", "−1", "1", "4", "−4", "5"}
        for w in numbers:
            assert left - 0.5 <= w["x0"] and w["x1"] <= right + 0.5, w
            assert top - 0.5 <= w["top"] and w["bottom"] <= bottom + 0.5, w
            assert any(g["x0"] <= w["x0"] + 0.2 and w["x1"] - 0.2 <= g["x1"] and g["top"] <= w["top"] + 1.5
                       and w["bottom"] - 1.5 <= g["bottom"] for g in grounds), w["text"]
        [x_name] = [w for w in words if w["text"] == "x" and top < w["top"] < bottom]
        [y_name] = [w for w in words if w["text"] == "y" and w["bottom"] <= top + 0.5]
        assert x_name["x0"] > right and y_name["bottom"] <= top


def test_a_number_line_numbers_every_tick_in_order_and_evenly(run, tmp_path):
    with _page(run, tmp_path, "{number_line: {from: -5, to: 5}}") as pdf:
        words = [w for w in pdf.pages[0].extract_words() if w["text"].lstrip("−").isdigit()]
        rows: dict[int, list[dict]] = {}
        for word in words:
            rows.setdefault(round(word["top"]), []).append(word)
        numbers = sorted(max(rows.values(), key=len), key=lambda w: w["x0"])
        values = [int(w["text"].replace("−", "-")) for w in numbers]
        assert values == list(range(-5, 6))
        centres = [(w["x0"] + w["x1"]) / 2 for w in numbers]
        steps = {round(b - a) for a, b in pairwise(centres)}
        assert max(steps) - min(steps) <= 1


def test_handwriting_ruling_has_four_lines_a_row_with_a_dashed_middle(run, tmp_path):
    with _page(run, tmp_path, "{handwriting: 3}") as pdf:
        page = pdf.pages[0]
        ruled = [line for line in page.lines if abs(line["top"] - line["bottom"]) < 0.1 and line["x0"] > 70]
        assert len(ruled) == 12
        assert sum(1 for line in ruled if line.get("dash")) in (3,) or len({line["linewidth"] for line in ruled}) == 2


def test_an_answer_line_has_its_label_and_units_and_never_the_answer(run, tmp_path):
    extra = '    answer_line: {label: "Area =", units: "cm²"}\n'
    with _page(run, tmp_path, "{lines: 3}", extra=extra) as pdf:
        text = flat(pdf.pages[0].extract_text())
    assert "Area = cm²" in text.replace("  ", " ") and "24.5" not in text


def test_a_grid_taller_than_the_page_is_cut_to_the_frame(run, tmp_path):
    with _page(run, tmp_path, "{grid: 900mm}") as pdf:
        for page in pdf.pages:
            assert all(line["bottom"] < page.height - 30 and line["top"] > 30 for line in page.lines)
        assert sum(1 for page in pdf.pages if len(page.lines) > 20) == 1  # one grid, on a page of its own
