"""Marking scanned papers (#21, in part), on scans made here: the class set rendered at 150 dpi, pen marks drawn
in its boxes (crosses, a filled box, a faint dot), pages turned a little, one upside down, noise, the pile
shuffled; every mark read; a page with a corner torn off set aside, its questions left unscored, not guessed."""

from __future__ import annotations

import csv
import io
import json
import random
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import SPECS, scan_quiz

DPI = 150


@pytest.fixture
def built(run, tmp_path: Path) -> tuple[Path, dict]:
    folder = tmp_path / "quiz"
    scan_quiz(folder)
    (folder / "7b.csv").write_text("name,class\nAmy Shah,7b\nBen Ode,7b\n", encoding="utf-8")
    assert run("build", "quiz.yaml", "--class-list", "7b.csv", "-q", cwd=folder).code == 0
    record = json.loads((folder / "output" / "quiz" / "quiz-class-7b.json").read_text(encoding="utf-8"))
    return folder, record


def _scans(folder: Path, record: dict, ticks: dict[str, dict[str, str]], damage: tuple[str, int] | None = None,
           dpi: int = DPI, photo: bool = False, folded: tuple[str, int] | None = None, turn: float = 1.5,
           blot: bool = False,
           copies: list[tuple[str, dict, str]] | None = None) -> list[Path]:
    """The class set's pages as a scanner gives them back, with these pens (student -> box -> how); a `photo`
    is a phone's picture of each page instead: in colour, lit unevenly, and seen at a slant. `copies`, for
    copies printed without a class list: (who, their version's entry in the record, the version's PDF) each,
    the pile then kept in their order (each copy's pages together) rather than shuffled."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    def pages_of(name: str) -> list:
        pdf = pdfium.PdfDocument(str(folder / "output" / "quiz" / name))
        return [pdf[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(pdf))]

    scale, at, paths = dpi / 72, 0, []
    rng = random.Random(7)
    piles = []
    if copies is None:
        rendered = pages_of("quiz-class-7b.pdf")
        for student in record["students"]:
            count = max(box[0] for box in student["boxes"].values())
            piles.append((student["name"], student, rendered[at:at + count]))
            at += count + count % 2
    else:
        piles = [(who, entry, pages_of(pdf)) for who, entry, pdf in copies]
    for who, student, pages in piles:
        for key, how in ticks.get(who, {}).items():
            page, x, y, size = student["boxes"][key]
            draw, image = ImageDraw.Draw(pages[page - 1]), pages[page - 1]
            left, top = x * scale + 3, image.height - (y + size) * scale + 3
            right, bottom = (x + size) * scale - 3, image.height - y * scale - 3
            _pen(draw, how, left, top, right, bottom, scale)
        student = {"name": who}
        for number, image in enumerate(pages, start=1):
            if damage == (student["name"], number):
                ImageDraw.Draw(image).rectangle([0, 0, 90, 90], fill=255)  # the top-left corner torn off
            if folded == (student["name"], number):  # the corner folded in: its mark lies 4 mm from its place
                mm = 72 / 25.4 * scale
                ImageDraw.Draw(image).rectangle([0, 0, 14 * mm, 14 * mm], fill=255)
                ImageDraw.Draw(image).rectangle([10 * mm, 10 * mm, 14 * mm, 14 * mm], fill=0)
            if blot:  # an ink blot as big as a corner mark, just beside the top-left one
                mm = 72 / 25.4 * scale
                ImageDraw.Draw(image).rectangle([11 * mm, 6 * mm, 15 * mm, 10 * mm], fill=10)
            image = _copier(image, rng, scale, turn)
            if photo:
                image = _slanted(image, rng)
            if number == 2:
                image = image.rotate(180)
            noisy = np.clip(np.asarray(image, dtype=np.int16) + rng.randint(0, 4)
                            + np.random.default_rng(number).integers(-12, 12, (image.height, image.width)), 0, 255)
            paths.append(folder / f"scan-{who.replace(' ', '')}-{number}.jpg")
            picture = Image.fromarray(noisy.astype("uint8"))
            if photo:  # a colour picture, lit from one side: warm paper, darker away from the light
                light = np.linspace(1.0, 0.82, picture.width)[None, :]
                grey = np.asarray(picture, dtype=float) * light
                picture = Image.fromarray(np.dstack([grey, grey * 0.97, grey * 0.9]).clip(0, 255).astype("uint8"))
            picture.save(paths[-1], quality=80)
    if copies is None:
        rng.shuffle(paths)
    return paths


def _pen(draw, how: str, left: float, top: float, right: float, bottom: float, scale: float) -> None:
    """A student's or marker's mark in a box, with a 0.5 mm pen (a pencil's line thinner): a cross, a tick, a
    filled box, a cross in light pencil, or a stray dot (neither a mark nor nothing)."""
    middle_x, middle_y = (left + right) / 2, (top + bottom) / 2
    pen = max(2, round(0.5 * 72 / 25.4 * scale))
    if how == "cross":
        draw.line([left, top, right, bottom], fill=20, width=pen)
        draw.line([left, bottom, right, top], fill=20, width=pen)
    elif how == "tick":
        draw.line([left, middle_y, middle_x - 1, bottom], fill=30, width=pen)
        draw.line([middle_x - 1, bottom, right + 2, top - 3], fill=30, width=pen)
    elif how == "fill":
        draw.rectangle([left, top, right, bottom], fill=60)
    elif how == "pencil":  # pressed lightly: grey, thin
        draw.line([left, top, right, bottom], fill=175, width=max(2, pen * 2 // 3))
        draw.line([left, bottom, right, top], fill=175, width=max(2, pen * 2 // 3))
    else:
        draw.ellipse([middle_x - 2, middle_y - 2, middle_x + 2, middle_y + 2], fill=60)


def _copier(image, rng, scale: float, turn: float = 1.5):
    """What a copier's feeder does to a page: turns it a little (up to `turn` degrees), shifts it a few
    millimetres, scales it by a percent or two (the glass is not the paper), and softens it."""
    from PIL import Image, ImageFilter

    w, h = image.size
    # turned on glass a little larger than the paper: its corners stay in the picture, the page a little smaller
    image = image.rotate(rng.choice([-1, 1]) * rng.uniform(turn * 0.6, turn), fillcolor=255,
                         resample=Image.Resampling.BICUBIC, expand=turn > 2).resize((w, h), Image.Resampling.BILINEAR)
    factor = rng.uniform(0.98, 1.02)
    resized = image.resize((round(w * factor), round(h * factor)), Image.Resampling.BILINEAR)
    shift = 72 / 25.4 * scale
    dx, dy = round(rng.uniform(-2, 2) * shift), round(rng.uniform(-2, 2) * shift)
    page = Image.new("L", (w, h), 255)
    page.paste(resized, ((w - resized.width) // 2 + dx, (h - resized.height) // 2 + dy))
    return page.filter(ImageFilter.GaussianBlur(rng.uniform(0.3, 0.9)))


def _slanted(image, rng):
    """The page as a phone sees it held a little off square: the top edge farther away (narrower) than the
    foot, one side nearer than the other; the phone's document mode has cropped it to the page."""
    import numpy as np
    from PIL import Image

    w, h = image.size
    squeeze, tilt = w * rng.uniform(0.01, 0.02), h * rng.uniform(0.004, 0.01)
    seen = [(squeeze, tilt), (w - squeeze, 0), (w, h), (0, h - tilt)]  # where the page's corners appear
    page = [(0, 0), (w, 0), (w, h), (0, h)]
    rows, values = [], []
    for (x, y), (u, v) in zip(seen, page, strict=True):  # each pixel of the photo looks up its page point
        rows += [[x, y, 1, 0, 0, 0, -u * x, -u * y], [0, 0, 0, x, y, 1, -v * x, -v * y]]
        values += [u, v]
    coeffs = np.linalg.solve(np.array(rows, float), np.array(values, float))
    return image.transform((w, h), Image.Transform.PERSPECTIVE, tuple(coeffs), Image.Resampling.BICUBIC,
                           fillcolor=255)


def _mark(run, folder: Path, scans: list[Path], *extra: str) -> dict[str, dict[str, str]]:
    """Mark the pile with the class list (or `extra` instead); it must succeed; the marks, by name."""
    result = run("mark", "quiz.yaml", *[p.name for p in scans], *(extra or ("--class-list", "7b.csv")), cwd=folder)
    assert result.code == 0, result.stderr
    return _marks(folder)


def _marks(folder: Path) -> dict[str, dict[str, str]]:
    text = (folder / "output" / "quiz" / "quiz-marks.csv").read_text(encoding="utf-8")
    return {row["name"]: row for row in csv.DictReader(io.StringIO(text))}


def test_every_mark_is_read_from_a_shuffled_turned_noisy_pile(run, built):
    folder, record = built
    amy = {"1:box:0": "cross", "2:box:0": "cross", "2:box:2": "fill", "3:box:0": "cross", "3:box:3": "cross",
           "4:mark:2": "cross", "9(a):mark:1": "fill", "9(b):mark:3": "cross"}
    ben = {"1:box:1": "tick", "3:box:1": "cross", "3:box:2": "tick", "4:mark:1": "tick", "9(b):mark:0": "cross",
           "6:box:0": "cross", "6:box:3": "cross", "6:box:6": "cross"}  # A for every match
    questions = {q["id"]: q for q in record["students"][0]["questions"]}
    pairs, order = questions["match"]["answer"], questions["order"]["answer"]
    amy |= {f"6:box:{row * 3 + 'ABC'.index(pairs[str(row + 1)])}": "cross" for row in range(3)}  # each right
    amy |= {f"7:box:{row * 3 + order.index('ABC'[row])}": "fill" for row in range(3)}  # each in its place
    scans = _scans(folder, record, {"Amy Shah": amy, "Ben Ode": ben})
    marks = _mark(run, folder, scans)
    assert [marks["Amy Shah"][q] for q in ("pick", "picks", "tf", "gaps", "match", "order", "explain(a)",
                                           "explain(b)")] == ["1", "1", "2", "2", "3", "3", "1", "3"]
    assert [marks["Ben Ode"][q] for q in ("pick", "picks", "tf", "gaps", "match", "order", "explain(b)")] == [
        "0", "0", "0", "1", str(list(pairs.values()).count("A")), "0", "0"]
    assert "9(a): not marked" in marks["Ben Ode"]["flags"] and marks["Ben Ode"]["total"] == ""


def test_phone_photos_at_300_dpi_in_colour_and_at_a_slant_are_read(run, built):
    folder, record = built
    amy = {"1:box:0": "tick", "3:box:0": "cross", "3:box:3": "tick", "4:mark:2": "cross", "9(a):mark:1": "fill",
           "9(b):mark:3": "tick"}
    scans = _scans(folder, record, {"Amy Shah": amy}, dpi=300, photo=True)
    marks = _mark(run, folder, scans)
    assert [marks["Amy Shah"][q] for q in ("pick", "tf", "explain(a)", "explain(b)")] == ["1", "2", "1", "3"]
    for name in ("Amy Shah", "Ben Ode"):  # the shaded side's empty boxes are empty, not faint marks
        assert "page" not in marks[name]["flags"] and "faint" not in marks[name]["flags"], marks[name]["flags"]


def test_a_faint_mark_or_a_torn_page_goes_to_a_person_not_into_the_marks(run, built):
    folder, record = built
    amy = {"1:box:0": "dot", "2:box:0": "cross", "2:box:1": "cross", "2:box:2": "cross",  # three ticks of two
           "4:mark:1": "pencil"}  # a light pencil mark: never read as nothing
    scans = _scans(folder, record, {"Amy Shah": amy}, damage=("Ben Ode", 1))
    result = run("mark", "quiz.yaml", *[p.name for p in scans], "--class-list", "7b.csv", cwd=folder)
    assert result.code == 0 and "for a person to decide" in result.stderr
    marks = _marks(folder)
    assert marks["Amy Shah"]["pick"] == "" and "1: a box is too faint or smudged to call" in marks["Amy Shah"]["flags"]
    assert marks["Amy Shah"]["picks"] == "" and "2: 3 boxes ticked where 2 were asked" in marks["Amy Shah"]["flags"]
    assert marks["Amy Shah"]["gaps"] == "" and "4: the marker's boxes: more than one ticked, or one too faint" in \
        marks["Amy Shah"]["flags"]
    assert marks["Ben Ode"]["pick"] == "" and "its page is missing or could not be read" in marks["Ben Ode"]["flags"]
    from helpers import flat, pdf_text

    report = flat(pdf_text(folder / "output" / "quiz" / "quiz-marks-report.pdf"))
    assert "a corner mark is missing or covered" in report and "Amy Shah, question 1" in report
    assert "Amy Shah, question 2: 3 boxes ticked where 2 were asked" in report


def test_pages_skewed_three_degrees_with_a_blot_by_a_corner_are_read(run, built):
    """A feeder that skews each page by 2 to 3 degrees, and a blot beside a corner mark on every page: the marks
    are found (only a nearly solid square of their size counts) and every box is read."""
    folder, record = built
    amy = {"1:box:0": "cross", "3:box:0": "tick", "3:box:3": "cross", "4:mark:2": "cross", "9(a):mark:1": "fill",
           "9(b):mark:3": "cross"}
    scans = _scans(folder, record, {"Amy Shah": amy}, turn=3.0, blot=True)
    marks = _mark(run, folder, scans)
    read = [marks["Amy Shah"][q] for q in ("pick", "tf", "gaps", "explain(a)", "explain(b)")]
    assert read == ["1", "2", "2", "1", "3"]
    for name in ("Amy Shah", "Ben Ode"):
        assert "page" not in marks[name]["flags"] and "faint" not in marks[name]["flags"], marks[name]["flags"]


def test_a_page_that_does_not_fit_its_template_is_set_aside_whole(run, built):
    """A corner folded in puts its mark out of place and drags the fit: the page's boxes are then not where
    they were printed, so the page goes to a person and none of its boxes is read (its questions unscored),
    never misread."""
    folder, record = built
    scans = _scans(folder, record, {"Amy Shah": {"1:box:0": "cross"}}, folded=("Amy Shah", 1))
    result = run("mark", "quiz.yaml", *[p.name for p in scans], "--class-list", "7b.csv", cwd=folder)
    assert result.code == 0
    marks = _marks(folder)
    assert marks["Amy Shah"]["pick"] == "" and "its page is missing or could not be read" in marks["Amy Shah"]["flags"]
    assert marks["Ben Ode"]["pick"] != ""
    from helpers import flat, pdf_text

    report = flat(pdf_text(folder / "output" / "quiz" / "quiz-marks-report.pdf"))
    assert "page 1 of Amy Shah's copy" in report and "mark it by hand" in report


def test_copies_of_the_versions_are_marked_without_a_class_list(run, tmp_path):
    """Variants A and B printed for a class (no names): three copies scanned one after another, each copy's
    pages together (page 2 upside down), are told apart by where a page comes again, and each is scored
    against its own version's key."""
    folder = tmp_path / "quiz"
    scan_quiz(folder, "variants: 2")
    assert run("build", "quiz.yaml", "-q", cwd=folder).code == 0
    record = json.loads((folder / "output" / "quiz" / "quiz-record.json").read_text(encoding="utf-8"))
    assert record["named"] is False and [s["version"] for s in record["students"]] == ["CA", "CB"]
    a, b = record["students"]
    def where(entry: dict, ident: str) -> dict:  # variants put the questions in their own order
        return next(q for q in entry["questions"] if q["id"] == ident)

    def pick(entry: dict, shift: int = 0) -> str:
        q = where(entry, "pick")
        return f"{q['number']}:box:{('ABCD'.index(q['answer'][0]) + shift) % 4}"

    ticks = {"first": {pick(a): "cross", f"{where(a, 'gaps')['number']}:mark:2": "cross"},
             "second": {pick(a, 1): "cross"},
             "third": {pick(b): "fill", f"{where(b, 'gaps')['number']}:mark:1": "cross"}}
    scans = _scans(folder, record, ticks, copies=[("first", a, "quiz-A-student.pdf"),
                                                  ("second", a, "quiz-A-student.pdf"),
                                                  ("third", b, "quiz-B-student.pdf")])
    result = run("mark", "quiz.yaml", *[p.name for p in scans], cwd=folder)
    assert result.code == 0, result.stderr
    marks = _marks(folder)
    assert [(name, row["version"], row["pick"], row["gaps"]) for name, row in marks.items()] == [
        ("copy 1", "CA", "1", "2"), ("copy 2", "CA", "0", ""), ("copy 3", "CB", "1", "1")]
    assert "missing" not in " ".join(row["flags"] for row in marks.values())


def test_the_kept_scans_read_as_they_were_marked(run, tmp_path):
    """Scans kept in the repository (tests/specs/scans, made by its make.py) with the class record they were
    printed from: what is read of them cannot drift with the printed page."""
    folder = tmp_path / "quiz"
    shutil.copytree(SPECS / "export", folder)
    (folder / "7b.csv").write_text("name,class\nAmy Shah,7b\nBen Ode,7b\n", encoding="utf-8")
    (folder / "output" / "quiz").mkdir(parents=True)
    shutil.copy(SPECS / "scans" / "quiz-class-7b.json", folder / "output" / "quiz")
    scans = sorted((SPECS / "scans").glob("*.jpg"))
    assert len(scans) == 4
    result = run("mark", "quiz.yaml", *map(str, scans), "--class-list", "7b.csv", cwd=folder)
    assert result.code == 0, result.stderr
    amy = _marks(folder)["Amy Shah"]
    read = [amy[q] for q in ("pick", "picks", "tf", "gaps", "explain(a)", "explain(b)")]
    assert read == ["1", "1", "2", "2", "1", ""]
    assert "9(b): the marker's boxes" in amy["flags"]  # the faint dot: for a person, not scored
    from helpers import flat, pdf_text

    report = flat(pdf_text(folder / "output" / "quiz" / "quiz-marks-report.pdf"))
    assert "Amy Shah, question 9(b)" in report and "Ben Ode: page 1 was not in the scans" in report


def test_mark_needs_the_class_set_built_for_scanning(run, tmp_path):
    folder = tmp_path / "quiz"
    shutil.copytree(SPECS / "export", folder)
    (folder / "7b.csv").write_text("name\nAmy\n", encoding="utf-8")
    (folder / "scan.png").write_bytes(b"")
    result = run("mark", "quiz.yaml", "scan.png", cwd=folder)
    assert result.code == 1 and result.lines == [
        "output/quiz/quiz-record.json: no record of the printed copies: build the worksheet first (worksheets build "
        "quiz.yaml), with scan_marking: true; for a class set, give its --class-list"]
    result = run("mark", "quiz.yaml", "scan.png", "--class-list", "7b.csv", cwd=folder)
    assert result.code == 1 and "no class record: build the class set first" in result.lines[0]
    (folder / "output" / "quiz").mkdir(parents=True)
    (folder / "output" / "quiz" / "quiz-class-7b.json").write_text("{not json", encoding="utf-8")
    result = run("mark", "quiz.yaml", "scan.png", "--class-list", "7b.csv", cwd=folder)
    assert result.code == 1 and result.lines == [
        "output/quiz/quiz-class-7b.json: the class record cannot be read: build the class set again"]


def test_a_file_that_is_no_scan_is_set_aside_in_one_line_of_the_report(run, built):
    folder, _ = built
    (folder / "notes.png").write_text("not a picture", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 cut short")
    result = run("mark", "quiz.yaml", "notes.png", "broken.pdf", "--class-list", "7b.csv", cwd=folder)
    assert result.code == 0
    from helpers import flat, pdf_text

    report = flat(pdf_text(folder / "output" / "quiz" / "quiz-marks-report.pdf"))
    assert "notes.png: not a PDF or picture that can be read" in report
    assert "broken.pdf: not a PDF or picture that can be read" in report
    assert "Amy Shah: page 1 was not in the scans" in report


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.text(alphabet="abcdef0123456789-", min_size=1, max_size=8), st.integers(1, 999))
def test_a_code_reads_back_only_as_it_was_printed(noise, version, page):
    from worksheets.marking.pages import check, student_code
    from worksheets.writers.pdf.scanmarks import copy_label, payload

    printed = payload(copy_label(version, "Amy Shah"), page)
    assert check(printed) == (version, student_code("Amy Shah"), page)
    assert check(noise) is None or noise.count("|") == 4  # anything else is not one of ours
    assert check(printed[:-1] + ("0" if printed[-1] != "0" else "1")) is None  # a checksum that fails
