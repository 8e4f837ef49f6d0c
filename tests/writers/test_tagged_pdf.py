"""Tagged PDFs: a structure tree in reading order (headings, paragraphs, lists, tables, figures with their alt
text, formulas), page furniture and rules as artifacts, nothing left unmarked; `alt:` warnings in `check`, and
`accessible: true` making them problems."""

from __future__ import annotations

import shutil
import subprocess

import pikepdf
import pytest
from PIL import Image

from helpers import flat, pdf_text, write_file

SPEC = """worksheet:
  title: Rivers and floods
  subtitle: Geography, Year 8
  accessible: {accessible}
  contents:
    - section: rivers
    - sources: [map]
    - questions: [why]
sections:
  - id: rivers
    title: How rivers flood
    body: |
      When heavy rain falls on a drainage basin that is already saturated, water runs off the surface into the
      river channel faster than the channel can carry it away, and the river bursts its banks onto the floodplain.

      - interception by trees
      - infiltration into soil

      | Month | Rain (mm) |
      |---|---|
      | March | 120 |

      $$Q = A \\times v$$

      ![The River Severn in flood](images/severn.png{figure_alt})
sources:
  - id: map
    image: images/map.png{source_alt}
    caption: The drainage basin
questions:
  - {{id: why, prompt: Explain why rivers flood after long periods of rain., marks: 4}}
"""


def _folder(tmp_path, accessible="false", figure_alt=' "Brown water covering fields and a road"',
            source_alt="\n    alt: A map of a river basin with its watershed marked in red"):
    (tmp_path / "images").mkdir()
    Image.new("RGB", (300, 200), (40, 90, 160)).save(tmp_path / "images" / "severn.png")
    Image.new("RGB", (300, 200), (90, 160, 40)).save(tmp_path / "images" / "map.png")
    write_file(tmp_path, "rivers.yaml", SPEC.format(accessible=accessible, figure_alt=figure_alt,
                                                    source_alt=source_alt))
    return tmp_path


def _elements(path):
    """Every structure element in tree order: (depth, role, alt, its MCIDs)."""
    found = []
    with pikepdf.open(path) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        def walk(element, depth):
            kids = element.get("/K")
            items = list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []
            alt = str(element.Alt) if "/Alt" in element else None
            found.append((depth, str(element.S)[1:], alt, [k for k in items if isinstance(k, int)]))
            for kid in items:
                if isinstance(kid, pikepdf.Dictionary):
                    walk(kid, depth + 1)
        walk(pdf.Root.StructTreeRoot.K, 0)
    return found


def _struct_text(path) -> str:
    if shutil.which("pdfinfo") is None:
        pytest.skip("poppler's pdfinfo is not installed")
    return subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, text=True, check=True).stdout


def test_the_handout_is_tagged_in_reading_order(run, tmp_path):
    folder = _folder(tmp_path)
    assert run("build", "rivers.yaml", "-q", cwd=folder).code == 0
    path = folder / "output" / "rivers" / "rivers-student.pdf"
    roles = [role for _, role, _, _ in _elements(path)]
    assert roles[0] == "Document" and roles[1] == "H1"
    for needed in ("H2", "P", "L", "LI", "Table", "TR", "TH", "TD", "Figure", "Formula"):
        assert needed in roles, needed
    figures = [alt for _, role, alt, _ in _elements(path) if role == "Figure"]
    assert figures == ["Brown water covering fields and a road",
                       "A map of a river basin with its watershed marked in red"]
    assert [alt for _, role, alt, _ in _elements(path) if role == "Formula"] == ["Q=A×v"]
    text = _struct_text(path)
    order = ["Rivers and floods", "How rivers flood", "When heavy rain", "interception by trees", "Month", "March",
             "The drainage basin", "Explain why rivers flood"]
    places = [text.index(words) for words in order]
    assert places == sorted(places), text
    # a line broken on the page is still read with its words apart
    assert "into the river channel faster" in flat(text)
    # page furniture is an artifact: on the page, not read
    assert "Page 1 of 2" in pdf_text(path) and "Page 1 of" not in text


def test_every_piece_of_text_on_a_page_is_either_content_or_an_artifact(run, tmp_path):
    folder = _folder(tmp_path)
    assert run("build", "rivers.yaml", "-q", cwd=folder).code == 0
    for name in ("rivers-student.pdf", "rivers-markscheme.pdf"):
        with pikepdf.open(folder / "output" / "rivers" / name) as pdf:
            for page in pdf.pages:
                depth, unmarked = 0, 0
                for _operands, operator in pikepdf.parse_content_stream(page):
                    op = str(operator)
                    if op in ("BDC", "BMC"):
                        depth += 1
                    elif op == "EMC":
                        depth -= 1
                        assert depth >= 0
                    elif op in ("Tj", "TJ", "'", '"', "Do") and depth == 0:
                        unmarked += 1
                assert depth == 0 and unmarked == 0, (name, unmarked)
                assert page.obj.Tabs == "/S" and int(page.obj.StructParents) >= 0


def test_a_decorative_picture_is_an_artifact(run, tmp_path):
    folder = _folder(tmp_path, figure_alt=' ""')
    assert run("build", "rivers.yaml", "-q", cwd=folder).code == 0
    path = folder / "output" / "rivers" / "rivers-student.pdf"
    assert [alt for _, role, alt, _ in _elements(path) if role == "Figure"] == [
        "A map of a river basin with its watershed marked in red"]


NO_ALT = ("rivers.yaml:28:12: image: no alt text for 'images/map.png': say what it shows in 'alt:' (alt: \"\" "
          "for a picture that is only decoration)")


def test_check_warns_of_a_picture_without_alt_text(run, tmp_path):
    result = run("check", "rivers.yaml", cwd=_folder(tmp_path, figure_alt="", source_alt=""))
    assert (result.code, result.lines) == (0, [
        f"warning: {NO_ALT}",
        "warning: rivers.yaml:12:11: body: no alt text for the picture 'images/severn.png': say what it shows in "
        "quotes after its name, ![Caption](images/severn.png \"what it shows\")",
    ])


def test_an_accessible_worksheet_needs_alt_text_on_every_picture(run, tmp_path):
    folder = _folder(tmp_path, accessible="true", source_alt="")
    result = run("build", "rivers.yaml", cwd=folder)
    assert (result.code, result.lines) == (1, [f"{NO_ALT} (the worksheet is accessible: true)"])
    assert not (folder / "output").exists()
