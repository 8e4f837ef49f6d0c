"""Class sets: a copy per student of their version with their name printed, sharing pages between copies."""

from __future__ import annotations

from pypdf import PdfReader
from pypdf.generic import IndirectObject, StreamObject

from helpers import write_file

CLASS = ("name,tier,style,class\nAda Lovelace,support,,7B\nBoris Pasternak,core,dyslexia,7B\nChloé Dupont,,,7C\n"
         "Дмитрий,challenge,large-print,7C\n")


def test_class_set(run, specs):
    (specs / "7b.csv").write_text(CLASS, encoding="utf-8")
    result = run("build", "tiered.yaml", "--class-list", "7b.csv", cwd=specs)
    assert result.code == 0, result.stderr
    folder = specs / "output/tiered"
    assert sorted(p.name for p in folder.iterdir()) == [
        "tiered-challenge-markscheme.pdf", "tiered-class-7b.pdf", "tiered-markscheme.pdf",
        "tiered-support-markscheme.pdf"]
    reader = PdfReader(folder / "tiered-class-7b.pdf")
    texts = [page.extract_text() or "" for page in reader.pages]
    starts = [i for i, t in enumerate(texts) if "Name:" in t]
    assert len(starts) == 4
    assert all(i % 2 == 0 for i in starts)  # every copy starts on an odd page
    for index, name, group in zip(starts, ["Ada Lovelace", "Boris Pasternak", "Chloé Dupont", "Дмитрий"],
                                  ["7B", "7B", "7C", "7C"], strict=True):
        assert name in texts[index] and group in texts[index]
        assert sum(name in t for t in texts) == 1
    assert "HINT-TEXT" in "".join(texts[starts[0]:starts[1]])
    assert "HINT-TEXT" not in "".join(texts[starts[1]:])
    assert "EXTENSION-PROMPT" in "".join(texts[starts[3]:])
    first = (folder / "tiered-class-7b.pdf").read_bytes()
    assert run("build", "tiered.yaml", "--class-list", "7b.csv", "--force", cwd=specs).code == 0
    assert (folder / "tiered-class-7b.pdf").read_bytes() == first


def test_one_core_and_many_cores_give_the_same_bytes(run, specs, monkeypatch):
    (specs / "7b.csv").write_text(CLASS, encoding="utf-8")
    assert run("build", "tiered.yaml", "--class-list", "7b.csv", cwd=specs).code == 0
    folder = specs / "output/tiered"
    many = {p.name: p.read_bytes() for p in folder.iterdir()}
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert run("build", "tiered.yaml", "--class-list", "7b.csv", "--force", cwd=specs).code == 0
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == many


def test_copies_of_one_version_share_their_pages_but_not_their_names(run, specs):
    (specs / "pair.csv").write_text("name\nAda Lovelace\nBoris Pasternak\n", encoding="utf-8")
    assert run("build", "tiered.yaml", "--class-list", "pair.csv", cwd=specs).code == 0
    reader = PdfReader(specs / "output/tiered/tiered-class-pair.pdf")
    pages = reader.pages
    half = len(pages) // 2
    assert half >= 2 and len(pages) == 2 * half
    contents = [page.raw_get("/Contents") for page in pages]
    assert all(isinstance(c, IndirectObject) and isinstance(c.get_object(), StreamObject) for c in contents)
    # the Name page is each student's own; every other page is drawn from the same objects
    assert contents[0] != contents[half]
    assert all(contents[i] == contents[half + i] for i in range(1, half))
    assert "Ada Lovelace" in pages[0].extract_text() and "Ada Lovelace" not in pages[half].extract_text()


def test_class_set_with_a_source_insert_writes_the_insert(run, specs):
    write_file(specs, "7b.csv", "name\nAda\n")
    result = run("build", "insert.yaml", "--class-list", "7b.csv", cwd=specs)
    assert result.code == 0, result.stderr
    assert (specs / "output/insert/insert-sources.pdf").is_file()


def test_class_set_needs_a_name_field(run, specs):
    write_file(specs, "7b.csv", "name\nAda\n")
    spec = (specs / "basic.yaml").read_text(encoding="utf-8").replace(
        "  title: The Water Cycle", "  title: The Water Cycle\n  student_fields: [Class, Date]")
    write_file(specs, "nameless.yaml", spec)
    result = run("build", "nameless.yaml", "--class-list", "7b.csv", cwd=specs)
    assert result.lines == ["nameless.yaml:3:19: student_fields: a class set needs a 'Name' field to print each "
                            "student's name in"]


def test_a_name_too_wide_for_its_line_is_shortened_never_printed_past_it(tmp_path):
    """Even at the smallest size a name stays on its line, cut short with an ellipsis, off the next field."""
    import io

    import pdfplumber

    from worksheets.document.layout import Spot
    from worksheets.writers.pdf import overlays

    line = Spot(page=1, x=100.0, baseline=700.0, width=80.0, font="Sans-Bold", size=11.0)
    name = "Maximilian-Alexander Featherstonehaugh-Montgomery"
    pdf = overlays.pages((595.0, 842.0), [overlays.name_drawing([(line, name)])], ("Sans",))
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        chars = document.pages[0].chars
    printed = "".join(c["text"] for c in chars)
    assert printed.endswith("…") and name.startswith(printed[:-1])
    assert max(c["x1"] for c in chars) <= line.x + line.width
