"""Booklets assembled: reading order, contents, outline, odd starts, included PDFs and imposition."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest
from PIL import ImageChops
from pypdf import PdfReader, PdfWriter
from pypdf.generic import RectangleObject

from helpers import flat, past_paper, pdf_text, write_file
from worksheets.assemble.booklet import saddle_order


@pytest.fixture
def booklet(run, specs):
    past_paper(specs / "past-paper.pdf")
    result = run("build", "russia.yaml", cwd=specs)
    assert result.code == 0, result.stderr
    return specs / "output/russia"


def texts(path: Path) -> list[str]:
    return [flat(page.extract_text() or "") for page in PdfReader(path).pages]


def test_outputs(booklet):
    assert sorted(p.name for p in booklet.iterdir()) == ["russia-booklet-print.pdf", "russia-booklet.pdf",
                                                         "russia-markschemes.pdf"]


def test_contents_page_numbers_match_where_parts_start(booklet):
    pages = texts(booklet / "russia-booklet.pdf")
    contents = next(t for t in pages if t.startswith("Contents"))
    listed = dict(re.findall(r"(The Water Cycle|Part 2|past paper|Bridges) (\d+)", contents))
    assert set(listed) == {"The Water Cycle", "Part 2", "past paper", "Bridges"}
    firsts = {
        "The Water Cycle": next(i for i, t in enumerate(pages, 1) if t.startswith("The Water Cycle")),
        "Part 2": next(i for i, t in enumerate(pages, 1) if t.startswith("Part 2")),
        "past paper": next(i for i, t in enumerate(pages, 1) if "PAST PAPER PAGE 1" in t),
        "Bridges": next(i for i, t in enumerate(pages, 1) if t.startswith("Uses a bank")),
    }
    assert {k: int(v) for k, v in listed.items()} == firsts
    assert all(page % 2 == 1 for page in firsts.values())  # start_parts_on: odd


def test_continuous_page_numbers_on_generated_pages_only(booklet):
    pages = texts(booklet / "russia-booklet.pdf")
    total = len(pages)
    for number, text in enumerate(pages, 1):
        numbered = f"Page {number} of {total}" in text
        if "PAST PAPER" in text or number == 1:
            assert not numbered
        else:
            assert numbered, number
        assert len(re.findall(r"Page \d+ of \d+", text)) <= 1


def test_outline_has_a_bookmark_per_part_and_section(booklet):
    reader = PdfReader(booklet / "russia-booklet.pdf")
    top = [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline
           if not isinstance(item, list)]
    assert [t for t, _ in top] == ["The Water Cycle", "Part 2", "past paper", "Bridges"]
    children = next(item for item in reader.outline if isinstance(item, list))
    assert [c.title for c in children] == ["How water moves"]
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"  # a name: a viewer opens the bookmarks
    from pypdf.generic import NameObject

    assert isinstance(reader.trailer["/Root"]["/PageMode"], NameObject)


def test_external_pdf_included_and_answers_absent(booklet):
    text = " ".join(texts(booklet / "russia-booklet.pdf"))
    for number in (1, 2, 3):
        assert f"PAST PAPER PAGE {number}" in text
    assert "SECRET" not in text
    schemes = " ".join(texts(booklet / "russia-markschemes.pdf"))
    assert "SECRET-MODEL-ANSWER-ONE" in schemes and "SECRET-BANK-ANSWER" in schemes
    outline = [item.title for item in PdfReader(booklet / "russia-markschemes.pdf").outline]
    assert outline == ["Mark scheme: The Water Cycle", "Mark scheme: Bridges"]


def test_a5_imposition_order(booklet):
    reading = PdfReader(booklet / "russia-booklet.pdf")
    imposed = booklet / "russia-booklet-print.pdf"
    count = len(reading.pages) + (-len(reading.pages)) % 4
    reader = PdfReader(imposed)
    assert len(reader.pages) == count // 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    total = len(reading.pages)
    checked = 0
    with pdfplumber.open(imposed) as pdf:
        for side, (left, right) in zip(pdf.pages, saddle_order(count), strict=True):
            words = side.extract_words()
            found = {}
            for half in ("left", "right"):
                inside = [w for w in words if (w["x0"] < side.width / 2) == (half == "left")]
                text = " ".join(w["text"] for w in inside)
                match = re.search(rf"Page (\d+) of {total}", text)
                found[half] = int(match.group(1)) if match else None
            for half, expected in (("left", left), ("right", right)):
                if found[half] is not None:
                    assert found[half] == expected
                    checked += 1
    assert checked >= count - 6  # every numbered page was found where it belongs


def _body_size(path: Path) -> float:
    """The size of most of the text in a PDF, in points as printed."""
    counts: dict[float, int] = {}
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                counts[round(char["size"], 1)] = counts.get(round(char["size"], 1), 0) + 1
    return max(counts, key=counts.__getitem__)


def test_an_a5_booklet_is_laid_out_on_a5_and_prints_at_full_size(booklet):
    """Pages are reflowed on A5, not A4 pages shrunk to 71%: the body prints at the style's 11 pt.
    The separate mark schemes are the teacher's, on the spec's A4."""
    reading = PdfReader(booklet / "russia-booklet.pdf")
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reading.pages]
    past_paper = [i for i, text in enumerate(texts(booklet / "russia-booklet.pdf")) if "PAST PAPER PAGE" in text]
    assert len(past_paper) == 3 and {sizes[i] for i in past_paper} == {(595, 842)}  # included as it is
    assert {size for i, size in enumerate(sizes) if i not in past_paper} == {(420, 595)}
    assert _body_size(booklet / "russia-booklet.pdf") == _body_size(booklet / "russia-booklet-print.pdf") == 11.0
    scheme = PdfReader(booklet / "russia-markschemes.pdf").pages[0]
    assert (round(float(scheme.mediabox.width)), round(float(scheme.mediabox.height))) == (595, 842)


def test_on_a5_the_name_field_has_a_line_of_its_own(booklet, run, specs):
    def rows(path: Path) -> list[set[str]]:
        """The rows of the first Name / Class / Date fields, top to bottom."""
        with pdfplumber.open(path) as pdf:
            page = next(p for p in pdf.pages if "Class:" in (p.extract_text() or ""))
            words = [w for w in page.extract_words() if w["text"] in ("Name:", "Class:", "Date:")]
        lines: dict[int, set[str]] = {}
        for word in words:
            lines.setdefault(round(word["top"]), set()).add(word["text"])
        return [lines[top] for top in sorted(lines)]

    assert rows(booklet / "russia-booklet.pdf") == [{"Name:"}, {"Class:", "Date:"}]
    assert run("build", "basic.yaml", cwd=specs).code == 0
    assert rows(specs / "output/basic/basic-student.pdf") == [{"Name:", "Class:", "Date:"}]


def test_saddle_order_of_eight_pages():
    assert saddle_order(8) == [(8, 1), (2, 7), (6, 3), (4, 5)]


def test_a4_on_a3_and_appendix(run, specs):
    past_paper(specs / "past-paper.pdf")
    spec = (specs / "russia.yaml").read_text(encoding="utf-8")
    spec = spec.replace("a5-booklet", "a4-on-a3").replace("mark_schemes: separate", "mark_schemes: appendix")
    (specs / "russia.yaml").write_text(spec, encoding="utf-8")
    assert run("build", "russia.yaml", cwd=specs).code == 0
    folder = specs / "output/russia"
    assert sorted(p.name for p in folder.iterdir()) == ["russia-booklet-print.pdf", "russia-booklet.pdf"]
    page = PdfReader(folder / "russia-booklet-print.pdf").pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (1191, 842)
    text = " ".join(texts(folder / "russia-booklet.pdf"))
    assert "Mark schemes" in text and "SECRET-MODEL-ANSWER-ONE" in text


def test_rebuild_is_byte_identical(run, specs, booklet):
    before = {p.name: p.read_bytes() for p in booklet.iterdir()}
    assert run("build", "russia.yaml", "--force", cwd=specs).code == 0
    assert {p.name: p.read_bytes() for p in booklet.iterdir()} == before


def test_example_booklet(run, example):
    result = run("build", "booklet.yaml", cwd=example)
    assert result.code == 0, result.stderr
    folder = example / "output/booklet"
    assert sorted(p.name for p in folder.iterdir()) == ["booklet-booklet-print.pdf", "booklet-booklet.pdf",
                                                        "booklet-markschemes.pdf"]
    text = " ".join(texts(folder / "booklet-booklet.pdf"))
    assert "Model answer" not in text and "Contents" in text


def test_page_plan_pads_parts_onto_odd_pages():
    from worksheets.assemble.booklet import page_plan

    plan = page_plan([1, 3, 2], start_odd=True)
    assert plan == [(0, 0), (1, -1), (1, 0), (1, 1), (1, 2), (2, -1), (2, 0), (2, 1)]
    starts = [next(n for n, (i, p) in enumerate(plan, 1) if i == seg and p >= 0) for seg in range(3)]
    assert starts == [1, 3, 7]
    assert page_plan([1, 3, 2], start_odd=False) == [(0, 0), (1, 0), (1, 1), (1, 2), (2, 0), (2, 1)]


def _turned_and_cropped_pdf(path: Path) -> None:
    """Five pages as scanners and other tools make them: turned by /Rotate 0, 90, 180 and 270
    (the last also cropped), and one cropped to part of its page."""
    past_paper(path, pages=5)
    writer = PdfWriter(clone_from=path)
    for page, turn in zip(writer.pages, (0, 90, 180, 270), strict=False):  # the fifth page is only cropped
        page.rotate(turn)
    writer.pages[3].cropbox = RectangleObject((20, 50, 560, 800))
    writer.pages[4].cropbox = RectangleObject((40, 80, 400, 720))
    writer.write(path)


def test_included_pages_look_as_a_viewer_shows_them(run, specs):
    """A page's /Rotate and crop box are honoured: every included page renders exactly as the original, but
    a page a viewer shows landscape is turned a quarter anticlockwise onto the portrait booklet's page."""
    _turned_and_cropped_pdf(specs / "scans.pdf")
    (specs / "turned.yaml").write_text("booklet:\n  title: Scans\n  cover: false\n  contents_page: false\n"
                                       "  start_parts_on: any\n  parts:\n    - pdf: scans.pdf\n", encoding="utf-8")
    assert run("build", "turned.yaml", cwd=specs).code == 0
    original = pdfium.PdfDocument(specs / "scans.pdf")
    booklet = pdfium.PdfDocument(specs / "output/turned/turned-booklet.pdf")
    assert len(booklet) == len(original) == 5
    for number in range(5):
        shown = original[number].render(scale=0.5)
        if shown.width > shown.height:  # /Rotate 90 and 270 show the portrait page landscape: a quarter back
            shown = original[number].render(scale=0.5, rotation=270)  # pdfium turns clockwise
        want = shown.to_pil().convert("L")
        got = booklet[number].render(scale=0.5).to_pil().convert("L")
        assert got.size == want.size, number
        assert ImageChops.difference(got, want).getbbox() is None, number


def test_booklet_respects_no_mark_scheme_and_the_worksheets_own_setting(run, specs):
    spec = (specs / "uses.yaml").read_text(encoding="utf-8").replace("  paper: letter",
                                                                     "  paper: letter\n  mark_scheme: false")
    write_file(specs, "uses.yaml", spec)
    write_file(specs, "b.yaml", "booklet:\n  title: B\n  mark_schemes: appendix\n  parts:\n    - worksheet: uses.yaml\n"
                                "    - worksheet: basic.yaml\n")
    assert run("build", "b.yaml", cwd=specs).code == 0
    text = pdf_text(specs / "output/b/b-booklet.pdf")
    assert "SECRET-MODEL-ANSWER-ONE" in text and "SECRET-BANK-ANSWER" not in text
    write_file(specs, "c.yaml", "booklet:\n  title: C\n  parts:\n    - worksheet: basic.yaml\n")
    assert run("build", "c.yaml", "--no-mark-scheme", cwd=specs).code == 0
    assert sorted(p.name for p in (specs / "output/c").iterdir()) == ["c-booklet.pdf"]


def test_a_welsh_booklet_prints_its_own_pages_in_welsh(run, specs):
    past_paper(specs / "past-paper.pdf")
    spec = (specs / "russia.yaml").read_text(encoding="utf-8")
    spec = spec.replace("booklet:\n", "booklet:\n  language: cy\n", 1).replace("mark_schemes: separate",
                                                                           "mark_schemes: appendix")
    (specs / "russia.yaml").write_text(spec, encoding="utf-8")
    result = run("build", "russia.yaml", cwd=specs)
    assert result.code == 0, result.stderr
    text = " ".join(texts(specs / "output/russia/russia-booklet.pdf"))
    assert "Enw:" in text and "Cynnwys" in text and "Cynlluniau marcio" in text and "Tudalen 2 o" in text
    assert "Gadawyd y dudalen hon yn wag yn fwriadol." in text and "intentionally" not in text
    assert "Name:" not in text.split("Cynnwys")[0] and "Contents" not in text and "Mark schemes" not in text


def test_a_wrong_booklet_language_is_one_located_line(run, specs):
    spec = (specs / "russia.yaml").read_text(encoding="utf-8")
    (specs / "russia.yaml").write_text(spec.replace("booklet:\n", "booklet:\n  language: xx\n", 1), encoding="utf-8")
    result = run("build", "russia.yaml", cwd=specs)
    assert result.code == 1 and len(result.lines) == 1
    assert result.lines[0].startswith("russia.yaml:2:13: booklet.language: unknown language 'xx': expected one of "
                                      "en, cy")
