"""Pictures in prose: each on a line of its own; one among other words prints as written, and check says so."""

from __future__ import annotations

import pytest

from helpers import write_file


@pytest.mark.parametrize(("text", "warned"), [
    ('Words. ![A map](map.png \\"a map\\") More words.', True),
    ('![A map](map.png \\"a map\\") and words after', True),
    ('Words.\\n![A map](map.png \\"a map\\")\\nMore words.', False),
    ("An exclamation! [not a picture](but brackets)", False),
])
def test_a_picture_among_words_is_a_warning(run, tmp_path, text, warned):
    from PIL import Image

    Image.new("RGB", (40, 30), "grey").save(tmp_path / "map.png")
    write_file(tmp_path, "w.yaml", "worksheet:\n  title: T\n  contents:\n    - sources: [s]\n"
                                   f"sources:\n  - {{id: s, text: \"{text}\"}}\n")
    result = run("check", "w.yaml", cwd=tmp_path)
    expected = ["warning: w.yaml:6:19: text: the picture 'map.png' is among other words, so it prints as written: "
                "put it on a line of its own"] if warned else []
    assert (result.code, result.lines) == (0, expected)
