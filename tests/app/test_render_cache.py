"""The render cache: a document unchanged since any earlier build is not rendered again (across specs, with
--force, in a cold command), every input it depends on changes its key, a damaged entry is never served, and
the cache stays within its size, least recently used out."""

from __future__ import annotations

import hashlib

import pytest
from PIL import Image

from helpers import write_file
from worksheets.app import render_cache, workers

BANK = """questions:
  - {id: kirov, prompt: Who was Kirov?, marks: 2}
  - {id: yezhov, prompt: Who was Yezhov?, marks: 3}
sources:
  - {id: map, image: map.png, alt: A map of the camps}
"""

SPEC = """worksheet:
  title: {title}
  uses: [bank.yaml]
  tiers: [core]
  contents:
    - questions: [{question}]
    - sources: [map]
"""


@pytest.fixture
def rendered(monkeypatch):
    """The units rendered in this process (no warm child: everything happens here and is counted)."""
    made: list[str] = []
    real = workers.render_over_cores

    def counting(units, progress=None):
        made.extend(f"{unit.document.title}:{unit.role}" for unit in units)
        return real(units, progress)

    monkeypatch.setattr(workers, "start_warming", lambda formats=(): None)
    monkeypatch.setattr(workers, "render_over_cores", counting)
    return made


def _folder(tmp_path):
    write_file(tmp_path, "bank.yaml", BANK)
    Image.new("RGB", (80, 60), (200, 30, 30)).save(tmp_path / "map.png")
    write_file(tmp_path, "a.yaml", SPEC.format(title="Purges", question="kirov"))
    write_file(tmp_path, "b.yaml", SPEC.format(title="Yezhov", question="yezhov"))
    return tmp_path


def _touch(folder, name="a.yaml"):
    """Edit the spec without changing what it prints (a comment), so the manifest plans it again."""
    spec = folder / name
    spec.write_text(spec.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")


def _hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("output/*/*.pdf"))}


def test_an_unchanged_document_is_not_rendered_again_and_force_renders_afresh(run, tmp_path, rendered):
    folder = _folder(tmp_path)
    assert run("build", "a.yaml", "b.yaml", "-q", cwd=folder).code == 0
    assert sorted(rendered) == ["Purges:markscheme", "Purges:student", "Yezhov:markscheme", "Yezhov:student"]
    first = _hashes(folder)
    rendered.clear()
    _touch(folder)
    _touch(folder, "b.yaml")
    assert run("build", "a.yaml", "b.yaml", "-q", cwd=folder).code == 0
    assert rendered == [] and _hashes(folder) == first
    assert run("build", "a.yaml", "--force", "-q", cwd=folder).code == 0  # --force trusts nothing kept
    assert sorted(rendered) == ["Purges:markscheme", "Purges:student"] and _hashes(folder) == first


def test_a_changed_question_re_renders_only_the_documents_that_print_it(run, tmp_path, rendered):
    folder = _folder(tmp_path)
    assert run("build", "a.yaml", "b.yaml", "-q", cwd=folder).code == 0
    rendered.clear()
    write_file(folder, "bank.yaml", BANK.replace("Who was Kirov?", "Who was Sergei Kirov?"))
    assert run("build", "a.yaml", "b.yaml", "-q", cwd=folder).code == 0
    assert sorted(rendered) == ["Purges:markscheme", "Purges:student"]


@pytest.mark.parametrize("change", ["picture", "style", "paper", "language", "program"])
def test_every_input_the_bytes_depend_on_changes_the_key(run, tmp_path, rendered, monkeypatch, change):
    folder = _folder(tmp_path)
    assert run("build", "a.yaml", "-q", cwd=folder).code == 0
    rendered.clear()
    extra: list[str] = []
    if change == "picture":  # the same name, other pixels
        Image.new("RGB", (80, 60), (30, 30, 200)).save(folder / "map.png")
    elif change == "style":
        extra = ["--style", "large-print"]
    elif change == "paper":
        extra = ["--paper", "letter"]
    elif change == "language":
        write_file(folder, "a.yaml", SPEC.format(title="Purges", question="kirov").replace(
            "  tiers:", "  language: cy\n  tiers:"))
    else:  # a new version of the program, or of a library that lays out its pages
        monkeypatch.setattr(render_cache, "fingerprint", lambda: "another program")
    _touch(folder)
    assert run("build", "a.yaml", "-q", *extra, cwd=folder).code == 0
    assert sorted(rendered) == ["Purges:markscheme", "Purges:student"]


def test_two_specs_that_resolve_to_the_same_document_share_one_render(run, tmp_path, rendered):
    folder = _folder(tmp_path)
    write_file(folder, "copy.yaml", (folder / "a.yaml").read_text(encoding="utf-8"))
    assert run("build", "a.yaml", "-q", cwd=folder).code == 0
    rendered.clear()
    assert run("build", "copy.yaml", "-q", cwd=folder).code == 0
    assert rendered == []
    out = folder / "output"
    assert (out / "copy" / "copy-student.pdf").read_bytes() == (out / "a" / "a-student.pdf").read_bytes()


def test_a_damaged_entry_is_never_served(run, tmp_path, rendered):
    folder = _folder(tmp_path)
    assert run("build", "a.yaml", "-q", cwd=folder).code == 0
    first = _hashes(folder)
    for entry in (folder / "output" / render_cache.FOLDER).glob("*/*.bin"):
        entry.write_bytes(entry.read_bytes()[:-100])  # cut short, as by a full disk
    for entry in (folder / "output" / render_cache.FOLDER).glob("*/*.json"):
        if "boxes" not in entry.read_text(encoding="utf-8"):
            entry.write_text("[not json", encoding="utf-8")
    rendered.clear()
    _touch(folder)
    assert run("build", "a.yaml", "-q", cwd=folder).code == 0
    assert sorted(rendered) == ["Purges:markscheme", "Purges:student"] and _hashes(folder) == first


@pytest.mark.parametrize("trouble", ["huge number", "deep", "wrong shape", "link"])
def test_a_hostile_entry_is_a_miss_never_a_crash_nor_followed(run, tmp_path, rendered, trouble):
    folder = _folder(tmp_path)
    assert run("build", "a.yaml", "-q", cwd=folder).code == 0
    cache = folder / "output" / render_cache.FOLDER
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    keep = elsewhere / ("a" * 64 + ".json")
    keep.write_text("{}", encoding="utf-8")
    for entry in cache.glob("*/*.json"):
        if trouble == "huge number":
            entry.write_text(entry.read_text(encoding="utf-8").replace('"notes"', '"n": 1e999, "notes"'),
                             encoding="utf-8")
        elif trouble == "deep":
            entry.write_text("[" * 100000 + "]" * 100000, encoding="utf-8")
        elif trouble == "wrong shape":
            entry.write_text('{"fields": 3, "sha256": null}', encoding="utf-8")
    if trouble == "link":
        (cache / "zz").symlink_to(elsewhere, target_is_directory=True)
    rendered.clear()
    _touch(folder)
    result = run("build", "a.yaml", "-q", cwd=folder)
    assert (result.code, result.lines) == (0, [])
    assert sorted(rendered) == ["Purges:markscheme", "Purges:student"]
    render_cache.trim(cache, limit=0)
    assert keep.read_text(encoding="utf-8") == "{}"  # nothing outside the cache is touched


def test_the_cache_keeps_to_its_size_least_recently_used_out(tmp_path):
    import os

    cache = tmp_path / render_cache.FOLDER
    for index in range(6):
        place = cache / f"{index:02d}"
        place.mkdir(parents=True)
        name = "0" * 61 + f"{index:02d}x".replace("x", "f")
        (place / f"{name}.bin").write_bytes(b"x" * 1000)
        (place / f"{name}.json").write_text("{}", encoding="utf-8")
        os.utime(place / f"{name}.json", ns=(10**18 + index * 10**9, 10**18 + index * 10**9))
    os.utime(cache / "01" / ("0" * 61 + "01f.json"), ns=(2 * 10**18, 2 * 10**18))  # used last
    (cache / "00" / "notes.txt").write_text("a teacher's", encoding="utf-8")  # not an entry: never removed
    render_cache.trim(cache, limit=3 * 1002)
    assert sorted(p.stem[-3:] for p in cache.glob("*/*.json")) == ["01f", "04f", "05f"]
    assert sorted(p.stem[-3:] for p in cache.glob("*/*.bin")) == ["01f", "04f", "05f"]
    assert (cache / "00" / "notes.txt").exists()


def test_the_cache_can_be_turned_off(run, tmp_path, rendered, monkeypatch):
    folder = _folder(tmp_path)
    monkeypatch.setenv("WORKSHEETS_RENDER_CACHE", "off")
    assert run("build", "a.yaml", "-q", cwd=folder).code == 0
    assert not (folder / "output" / render_cache.FOLDER).exists()
    rendered.clear()
    assert run("build", "a.yaml", "--force", "-q", cwd=folder).code == 0
    assert sorted(rendered) == ["Purges:markscheme", "Purges:student"]
