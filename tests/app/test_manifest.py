"""Unchanged rebuilds are skipped; any change to an input or output rebuilds."""

from __future__ import annotations

import shutil

from worksheets.app.manifest import MANIFEST


def test_unchanged_rebuild_is_skipped_and_changes_rebuild(run, specs):
    first = run("build", "uses.yaml", cwd=specs)
    assert first.code == 0 and first.stdout.count("wrote ") == 2
    again = run("build", "uses.yaml", cwd=specs)
    assert again.stdout.splitlines() == ["up to date: output/uses/uses-student.pdf",
                                         "up to date: output/uses/uses-markscheme.pdf"]
    bank = specs / "bank.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("bridge is closed", "bridge is open"), encoding="utf-8")
    assert run("build", "uses.yaml", cwd=specs).stdout.count("wrote ") == 2
    (specs / "output/uses/uses-student.pdf").unlink()
    assert run("build", "uses.yaml", cwd=specs).stdout.count("wrote ") == 2
    assert run("build", "uses.yaml", "--force", cwd=specs).stdout.count("wrote ") == 2
    assert run("build", "uses.yaml", "--paper", "A4", cwd=specs).stdout.count("wrote ") == 2


def test_manifest_lives_at_the_output_root_not_among_the_pdfs(run, specs):
    assert run("build", "basic.yaml", cwd=specs).code == 0
    assert (specs / "output" / MANIFEST).is_file()
    assert sorted(p.name for p in (specs / "output/basic").iterdir()) == ["basic-markscheme.pdf", "basic-student.pdf"]


def test_a_picture_replaced_under_its_name_rebuilds(run, tmp_path):
    """Pictures in prose and in questions are inputs as much as a source's image is."""
    from PIL import Image

    from helpers import write_file

    write_file(tmp_path, "w.yaml", "worksheet:\n  title: T\n  contents:\n    - sources: [s]\n    - questions: [q]\n"
                                   "sources:\n  - {id: s, text: '![A map](map.png \"a map\")'}\n"
                                   "questions:\n  - {id: q, type: label, prompt: Label it., image: plan.png,\n"
                                   "     alt: a plan, labels: [{at: [0.5, 0.5], answer: door}]}\n")
    for name in ("map.png", "plan.png"):
        Image.new("RGB", (40, 30), "white").save(tmp_path / name)
    assert run("build", "w.yaml", "--no-mark-scheme", cwd=tmp_path).stdout.count("wrote ") == 1
    for name in ("map.png", "plan.png"):
        assert run("build", "w.yaml", "--no-mark-scheme", cwd=tmp_path).stdout.startswith("up to date")
        Image.new("RGB", (40, 30), "black").save(tmp_path / name)
        assert run("build", "w.yaml", "--no-mark-scheme", cwd=tmp_path).stdout.count("wrote ") == 1, name


def test_check_of_a_spec_built_from_the_same_files_answers_from_the_manifest(run, tmp_path, monkeypatch):
    """No planning (a plan would fail here), the same count and the same warnings as a check that plans; an edit,
    another working folder or another output folder's record checks afresh."""
    from PIL import Image

    from helpers import write_file

    Image.new("RGB", (40, 30), "white").save(tmp_path / "map.png")
    write_file(tmp_path, "w.yaml", "worksheet:\n  title: T\n  contents:\n    - sources: [s]\n"
                                   "sources:\n  - {id: s, text: '![A map](map.png)'}\n")
    fresh = run("check", "w.yaml", cwd=tmp_path)
    assert run("build", "w.yaml", cwd=tmp_path).code == 0

    def no_planning(*args, **kwargs):
        raise AssertionError("planned")

    with monkeypatch.context() as patched:
        patched.setattr("worksheets.app.build.plan_all", no_planning)
        known = run("check", "w.yaml", cwd=tmp_path)
        assert (known.code, known.stdout, known.stderr) == (fresh.code, fresh.stdout, fresh.stderr)
        assert known.stdout == "ok: 1 spec, 2 PDFs would be built\n" and "no alt text" in known.stderr
    shutil.rmtree(tmp_path / "output")
    assert run("build", f"{tmp_path.name}/w.yaml", "--root", tmp_path.name, "--out", f"{tmp_path.name}/output",
               cwd=tmp_path.parent).code == 0
    with monkeypatch.context() as patched:  # the only record is of a build from another folder: names differ
        patched.setattr("worksheets.app.build.plan_all", no_planning)
        elsewhere = run("check", "w.yaml", "--root", ".", cwd=tmp_path)
        assert elsewhere.code != 0 and "planned" in elsewhere.stderr
    (tmp_path / "w.yaml").write_text("worksheet:\n  title: T\n  contents:\n    - sources: [gone]\n", encoding="utf-8")
    edited = run("check", "w.yaml", cwd=tmp_path)
    assert edited.code == 1 and "no source with id 'gone'" in edited.stderr


def test_a_forced_build_counts_as_the_last_build_and_another_root_is_another_build(run, specs):
    assert run("build", "basic.yaml", "--force", cwd=specs).code == 0
    assert run("build", "basic.yaml", cwd=specs).stdout.startswith("up to date")
    assert run("build", "basic.yaml", "--root", ".", cwd=specs).stdout.startswith("up to date")  # the same root
    assert run("build", f"{specs.name}/basic.yaml", "--out", f"{specs.name}/output",
               cwd=specs.parent).stdout.startswith("wrote")  # the root is the working folder: files outside it fail


def test_check_from_the_record_still_finds_two_specs_writing_one_file(run, tmp_path):
    """Two specs of the same name in two folders, built one after the other (the same bytes, so both records
    stand): checked together, one would overwrite the other."""
    from helpers import write_file

    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        write_file(tmp_path / folder, "p.yaml", "worksheet:\n  title: T\n  contents:\n    - questions: [q]\n"
                                                "questions:\n  - {id: q, prompt: Why?, marks: 1}\n")
        assert run("build", f"{folder}/p.yaml", cwd=tmp_path).code == 0
    assert run("check", "a/p.yaml", cwd=tmp_path).stdout == "ok: 1 spec, 2 PDFs would be built\n"
    both = run("check", "a/p.yaml", "b/p.yaml", cwd=tmp_path)
    assert both.code == 1 and "b/p.yaml: would overwrite output/p/p-student.pdf from a/p.yaml" in both.stderr


def test_a_link_pointed_at_another_file_rebuilds(run, tmp_path):
    """A bank, a picture and a booklet's part named through symbolic links: pointing a link at another file (the
    old one untouched) is a change, for build as for check, in one process as in many; the same bytes are not."""
    from PIL import Image

    from helpers import write_file

    for name, wording in (("one", "Why did it start?"), ("two", "Why did it end?")):
        write_file(tmp_path, f"bank-{name}.yaml", f"questions:\n  - {{id: q, prompt: {wording}, marks: 2}}\n")
    for name, colour in (("one", "white"), ("two", "black")):
        Image.new("RGB", (40, 30), colour).save(tmp_path / f"map-{name}.png")
    write_file(tmp_path, "w.yaml", "worksheet:\n  title: T\n  uses: [bank.yaml]\n  contents:\n    - sources: [s]\n"
                                   "    - questions: [q]\nsources:\n  - {id: s, text: '![A map](map.png \"a map\")'}\n")
    write_file(tmp_path, "book.yaml", "booklet:\n  title: B\n  parts:\n    - worksheet: part.yaml\n")
    (tmp_path / "bank.yaml").symlink_to("bank-one.yaml")
    (tmp_path / "map.png").symlink_to("map-one.png")
    (tmp_path / "part.yaml").symlink_to("w.yaml")
    for spec in ("w.yaml", "book.yaml"):
        assert run("build", spec, cwd=tmp_path).code == 0
        assert run("build", spec, cwd=tmp_path).stdout.startswith("up to date"), spec
    for link, other in (("bank.yaml", "bank-two.yaml"), ("map.png", "map-two.png")):
        (tmp_path / link).unlink()
        (tmp_path / link).symlink_to(other)
        for spec in ("w.yaml", "book.yaml"):
            assert "wrote " in run("build", spec, cwd=tmp_path).stdout, (link, spec)
            assert run("build", spec, cwd=tmp_path).stdout.startswith("up to date"), (link, spec)
    write_file(tmp_path, "w2.yaml", (tmp_path / "w.yaml").read_text(encoding="utf-8").replace("title: T", "title: U"))
    (tmp_path / "part.yaml").unlink()
    (tmp_path / "part.yaml").symlink_to("w2.yaml")
    assert "wrote " in run("build", "book.yaml", cwd=tmp_path).stdout
    (tmp_path / "map.png").unlink()
    shutil.copy(tmp_path / "map-two.png", tmp_path / "map.png")  # the same bytes, no longer a link
    assert run("build", "w.yaml", cwd=tmp_path).stdout.startswith("up to date")
    write_file(tmp_path, "bank-broken.yaml", "questions:\n  - {id: q, prompt: Why?, marks: 2, colour: red}\n")
    (tmp_path / "bank.yaml").unlink()
    (tmp_path / "bank.yaml").symlink_to("bank-broken.yaml")
    checked = run("check", "w.yaml", cwd=tmp_path)  # not answered from the build's record
    assert checked.code == 1 and "colour" in checked.stderr
