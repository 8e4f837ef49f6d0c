"""A library is gathered once per process for the same files holding the same bytes, and again after any change."""

from __future__ import annotations

import pytest

from worksheets.errors import SpecError
from worksheets.library import build_library


@pytest.fixture
def folder(specs, monkeypatch):
    monkeypatch.chdir(specs)
    return specs


def test_the_same_files_give_the_same_library_and_a_change_gathers_again(folder):
    first = build_library(folder / "uses.yaml", folder)
    assert build_library(folder / "uses.yaml", folder) is first  # not gathered again
    bank = folder / "bank.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("Why was the bridge closed?", "Why shut?"),
                    encoding="utf-8")
    second = build_library(folder / "uses.yaml", folder)
    assert second is not first and second.questions["bridge"].prompt == "Why shut?"
    assert build_library(folder / "uses.yaml", folder) is second


def test_a_broken_or_removed_bank_is_found_at_once(folder):
    build_library(folder / "uses.yaml", folder)
    bank = folder / "bank.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text.replace("marks: 3", "marks: three"), encoding="utf-8")
    with pytest.raises(SpecError):
        build_library(folder / "uses.yaml", folder)
    bank.unlink()
    with pytest.raises(SpecError):
        build_library(folder / "uses.yaml", folder)


@pytest.mark.parametrize("shown", ["  - {id: map, image: map.png, caption: A map}\n",
                                   "  - {id: map, text: '![A map](map.png \"a map\")'}\n"])
def test_a_picture_replaced_under_its_name_gathers_again(tmp_path, monkeypatch, shown):
    from PIL import Image

    monkeypatch.chdir(tmp_path)
    (tmp_path / "w.yaml").write_text("worksheet:\n  title: T\n  contents:\n    - sources: [map]\nsources:\n" + shown,
                                     encoding="utf-8")
    Image.new("RGB", (40, 30), "white").save(tmp_path / "map.png")
    first = build_library(tmp_path / "w.yaml", tmp_path)
    assert build_library(tmp_path / "w.yaml", tmp_path) is first
    Image.new("RGB", (40, 30), "black").save(tmp_path / "map.png")
    assert build_library(tmp_path / "w.yaml", tmp_path) is not first


def test_another_root_or_working_folder_gathers_again(folder, monkeypatch):
    first = build_library(folder / "uses.yaml", folder)
    assert build_library(folder / "uses.yaml", folder.parent) is not first
    monkeypatch.chdir(folder.parent)
    assert build_library(folder / "uses.yaml", folder) is not first  # its problems would name files otherwise


def _two_specs_on_one_bank(folder):
    for name in ("one", "two"):
        (folder / f"{name}.yaml").write_text(
            f"worksheet:\n  title: {name}\n  uses: [bank.yaml]\n  contents:\n    - questions: [bridge]\n",
            encoding="utf-8")
    return folder / "one.yaml", folder / "two.yaml"


def test_specs_sharing_a_bank_read_it_once_and_see_an_edit(folder):
    one, two = _two_specs_on_one_bank(folder)
    first, second = build_library(one, folder), build_library(two, folder)
    assert first is not second
    assert first.questions["bridge"] is second.questions["bridge"]  # parsed and validated once
    bank = folder / "bank.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("Why was the bridge closed?", "Why shut?"),
                    encoding="utf-8")
    assert build_library(two, folder).questions["bridge"].prompt == "Why shut?"


def test_a_shared_bank_seen_from_another_folder_names_itself_from_there(folder, monkeypatch):
    one, _ = _two_specs_on_one_bank(folder)
    here = build_library(one, folder).questions["bridge"].where("id")
    monkeypatch.chdir(folder.parent)
    there = build_library(folder / "two.yaml", folder).questions["bridge"].where("id")
    assert (here.file, there.file) == ("bank.yaml", f"{folder.name}/bank.yaml")  # problems name it from the folder
