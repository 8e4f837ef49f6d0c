"""The teacher's files on disk: a missing spec, and paths kept inside the root folder (--root, links)."""

from __future__ import annotations


def test_missing_spec_file(run, tmp_path):
    result = run("build", "nowhere.yaml", cwd=tmp_path)
    assert result.code == 1
    assert result.lines == ["nowhere.yaml: no such file"]


def test_root_option_allows_a_bank_outside_the_folder(run, tmp_path):
    (tmp_path / "banks").mkdir()
    (tmp_path / "banks/b.yaml").write_text("questions:\n  - {id: q, prompt: P, marks: 1}\n", encoding="utf-8")
    (tmp_path / "ws").mkdir()
    (tmp_path / "ws/w.yaml").write_text(
        "worksheet:\n  title: T\n  uses: [../banks/b.yaml]\n  contents:\n    - questions: [q]\n", encoding="utf-8"
    )
    refused = run("check", "w.yaml", cwd=tmp_path / "ws")
    assert refused.lines == ["w.yaml:3:10: uses: '../banks/b.yaml' is outside the root folder '.' (see --root)"]
    assert run("check", "w.yaml", "--root", "..", cwd=tmp_path / "ws").code == 0


def test_symlink_out_of_the_root_is_refused(run, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "b.yaml").write_text("questions:\n  - {id: q, prompt: P, marks: 1}\n", encoding="utf-8")
    root = tmp_path / "root"
    root.mkdir()
    (root / "link.yaml").symlink_to(outside / "b.yaml")
    (root / "w.yaml").write_text("worksheet:\n  title: T\n  uses: [link.yaml]\n  contents:\n    - questions: [q]\n",
                                 encoding="utf-8")
    result = run("check", "w.yaml", cwd=root)
    assert result.lines == ["w.yaml:3:10: uses: 'link.yaml' is outside the root folder '.' (see --root)"]


def test_a_path_through_a_linked_folder_is_recorded_as_the_system_reads_it(tmp_path):
    """`..` after a linked folder is the target's parent, not the link's: the path as written keeps it, so reading
    it reaches the very file the spec names (and a link pointed elsewhere reads as a change)."""
    from worksheets.spec.files import links_to

    (tmp_path / "real" / "sub").mkdir(parents=True)
    (tmp_path / "real" / "img").mkdir()
    (tmp_path / "real" / "img" / "x.png").write_bytes(b"the picture")
    (tmp_path / "proj").mkdir()
    (tmp_path / "proj" / "img").mkdir()
    (tmp_path / "proj" / "img" / "x.png").write_bytes(b"another file")
    (tmp_path / "proj" / "link").symlink_to(tmp_path / "real" / "sub")
    target = (tmp_path / "real" / "img" / "x.png").resolve()
    [(written, reached)] = links_to(tmp_path / "proj" / "link" / "bank.yaml", "../img/x.png", target).items()
    assert reached == target and written.read_bytes() == b"the picture"
    plain = (tmp_path / "real" / "sub" / "x.png").resolve()
    assert links_to(tmp_path / "real" / "sub" / "bank.yaml", "x.png", plain) == {}
