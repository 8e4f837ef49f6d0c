"""A source's picture is part of its document: replaced under the same name, the document changes,
so a warm process (watch, serve) renders the new picture, not the one it remembers."""

from __future__ import annotations

from PIL import Image

from helpers import write_file
from worksheets.library import build_library
from worksheets.plan import plan

SPEC = ("worksheet:\n  title: T\n  contents:\n    - sources: [map]\nsources:\n"
        "  - {id: map, image: map.png, caption: A map}\n")


def _document(folder):
    return plan(build_library(folder / "w.yaml", folder), "w")


def test_a_picture_replaced_under_its_name_makes_a_different_document(tmp_path):
    write_file(tmp_path, "w.yaml", SPEC)
    Image.new("RGB", (40, 30), "white").save(tmp_path / "map.png")
    first = _document(tmp_path)
    assert _document(tmp_path) == first  # the same picture: the same document
    Image.new("RGB", (40, 30), "black").save(tmp_path / "map.png")
    second = _document(tmp_path)
    assert second != first
    assert second.sources[0].image == first.sources[0].image  # same path, different content
