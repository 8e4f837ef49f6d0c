"""The pictures a library shows (a source's image, a question's picture, a picture in prose): each inside the
root, there and printable, and recorded with the hash of its bytes (a picture replaced under its name re-renders)."""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from worksheets.errors import Loc, Problem, ProblemList, SpecError
from worksheets.spec.figures import inline_pictures, pictures
from worksheets.spec.files import confine, image_problem, links_to, need_file

if TYPE_CHECKING:
    from worksheets.library import Library
    from worksheets.spec.content import Source


def check_image(library: Library, source: Source, root: Path, problems: ProblemList) -> None:
    """A source's image: inside the root, there, and printable; found images are recorded by source id."""
    assert source.image is not None
    base = Path(source.loc.file)
    owner = next((f for f in library.files if _same(f, base)), library.spec.path)
    try:
        path = confine(owner, source.image, root, source.where("image"), "image")
        need_file(path, source.image, source.where("image"), "image", f"image: no such file '{source.image}'")
    except SpecError as error:
        problems.extend(error.problems)
        return
    trouble = image_problem(path)
    if trouble:
        problems.add(source.where("image"), f"image: '{source.image}' {trouble}")
    else:
        library.images[source.id] = path
        library.links.update(links_to(owner, source.image, path))
        with contextlib.suppress(OSError):  # gone since it was checked: the writer reports it
            library.image_digests[source.id] = hashlib.sha256(path.read_bytes()).hexdigest()


def check_figures(library: Library, text: str, root: Path, loc: Loc, name: str, problems: ProblemList) -> None:
    """The pictures a prose text shows: inside the root, there, and printable; found ones are recorded."""
    for relative in inline_pictures(text):
        library.notes.append(Problem(loc, f"{name}: the picture '{relative}' is among other words, so it prints as "
                                     "written: put it on a line of its own"))
    for relative, alt in pictures(text):
        check_picture(library, relative, root, loc, name, problems)
        if alt is None:
            library.notes.append(Problem(loc, f"{name}: no alt text for the picture '{relative}': say what it shows "
                                         f"in quotes after its name, ![Caption]({relative} \"what it shows\")"))


def check_picture(library: Library, relative: str, root: Path, loc: Loc, name: str, problems: ProblemList) -> None:
    """One picture named at `loc`: inside the root, there, and printable; recorded if found."""
    base = Path(loc.file)
    owner = next((f for f in library.files if _same(f, base)), library.spec.path)
    try:
        path = confine(owner, relative, root, loc, name)
        need_file(path, relative, loc, name, f"{name}: no such picture '{relative}'")
    except SpecError as error:
        problems.extend(error.problems)
        return
    trouble = image_problem(path)
    if trouble:
        problems.add(loc, f"{name}: picture '{relative}' {trouble}")
        return
    library.links.update(links_to(owner, relative, path))
    with contextlib.suppress(OSError):
        library.figures[(loc.file, relative)] = (path, hashlib.sha256(path.read_bytes()).hexdigest())


def _same(path: Path, shown: Path) -> bool:
    try:
        return path.resolve() == shown.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a symbolic link that loops (Python < 3.13)
        return False
