"""Libraries built in this process, kept with what every file they read held, so that the same spec is gathered
once: a booklet's parts that are also built on their own in the same command, and every rebuild of `watch`.
A file changed, gone or replaced since (or a different root or working folder) means gathering again.

Banks are kept too, parsed and validated, by their text: the dozens of specs of a department that share a bank
read it once a process (each still reads the file, so an edit is always seen)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from worksheets.library import Library
    from worksheets.spec.bank import Bank
    from worksheets.spec.yaml import Loaded

MAX_KEPT = 64
_KEPT: dict[tuple[str, str, str], tuple[dict[Path, tuple[bool, str | None]], Library]] = {}
_BANKS: dict[tuple[str, str, str], tuple[Loaded, Bank]] = {}
"""(the file, as resolved and as shown in problems, the hash of its text) -> the bank parsed and validated."""


def _key(spec: Path, root: Path) -> tuple[str, str, str]:
    """The spec, the root and the working folder (problems name files relative to it)."""
    return str(spec.resolve()), str(root.resolve()), str(Path.cwd())


def _now(path: Path, text: bool) -> str | None:
    """What a file holds now, hashed as it was when read: a YAML file's text as the loader reads it, a picture's
    bytes; None when it cannot be read."""
    from worksheets.errors import SpecError
    from worksheets.spec.files import BadFile, open_regular, read_text
    from worksheets.spec.yaml import text_digest

    try:
        if text:
            return text_digest(read_text(path, str(path)))
        with open_regular(path) as handle:
            return hashlib.sha256(handle.read()).hexdigest()
    except (SpecError, BadFile, OSError):
        return None


def known(spec: Path, root: Path) -> Library | None:
    """The library built before for this spec, if every file it read still holds what it held."""
    try:
        kept = _KEPT.get(_key(spec, root))
    except (OSError, RuntimeError):
        return None
    if kept is None:
        return None
    if all(digest is not None and _now(path, text) == digest for path, (text, digest) in kept[0].items()):
        return kept[1]
    return None


def remember(spec: Path, root: Path, library: Library) -> None:
    """Keep a library just built, with the hashes taken as its files were read (never read again here: a file
    changed meanwhile must not be taken for the one gathered)."""
    read: dict[Path, tuple[bool, str | None]] = {path: (True, digest or None) for path, digest in library.read.items()}
    read.update({path: (False, library.image_digests.get(ident)) for ident, path in library.images.items()})
    read.update({path: (False, digest) for path, digest in library.figures.values()})
    read.update({link: read[target] for link, target in library.links.items() if target in read})  # as they pointed
    try:
        key = _key(spec, root)
    except (OSError, RuntimeError):
        return
    _KEPT.pop(key, None)
    while len(_KEPT) >= MAX_KEPT:
        _KEPT.pop(next(iter(_KEPT)))
    _KEPT[key] = (read, library)


def bank(path: Path, digest: str) -> tuple[Loaded, Bank] | None:
    """The bank validated before from this very text (by its hash) of this file, shown under the same name."""
    from worksheets.errors import display_path

    return _BANKS.get((str(path), display_path(path), digest))


def keep_bank(loaded: Loaded, bank: Bank) -> None:
    """Keep a bank just validated (models are never changed once validated)."""
    from worksheets.errors import display_path

    while len(_BANKS) >= MAX_KEPT:
        _BANKS.pop(next(iter(_BANKS)))
    _BANKS[(str(loaded.path), display_path(loaded.path), loaded.digest)] = (loaded, bank)
