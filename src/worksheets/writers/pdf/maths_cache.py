"""Set formulas kept on disk, so a formula is laid out once per machine rather than once per build.

A teacher builds the same sheet many times (every edit, tier and style); the outlines of a formula depend
only on its LaTeX, its face, its size and the versions of the typesetter and the fonts, which make the
key. An entry is JSON, written to a temporary file and renamed, so parallel renderers never read half of
one; a cache that cannot be read or written is simply not used. `WORKSHEETS_CACHE` names the folder
(default: the user's cache folder); `WORKSHEETS_CACHE=off` turns it off."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

FORMAT = 2
"""Raised when the entry's shape or the way outlines are made changes."""
MAX_ENTRIES = 50_000
"""A full cache stops growing; entries are about 10 KB."""


@cache
def folder() -> Path | None:
    """Where entries live, or None when the cache is off."""
    named = os.environ.get("WORKSHEETS_CACHE", "")
    if named.lower() in ("off", "0", "no", "false"):
        return None
    if named:
        return Path(named) / "formulas"
    base = os.environ.get("XDG_CACHE_HOME") or (Path.home() / ".cache")
    return Path(base) / "worksheets" / "formulas"


@cache
def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{FORMAT}|{version('ziamath')}|{version('ziafont')}|{version('latex2mathml')}"
    except PackageNotFoundError:
        return f"{FORMAT}|unknown"


@cache
def _font_stamp(file: Path) -> str:
    stat = file.stat()
    return f"{file.name}:{stat.st_size}"


def key(tex: str, family: str, size: float, display: bool, fonts: tuple[Path, ...]) -> str:
    """The entry's name: everything the outlines depend on."""
    stamp = "|".join(_font_stamp(file) for file in fonts)
    return hashlib.sha256(f"{_versions()}|{stamp}|{family}|{size!r}|{display}|{tex}".encode()).hexdigest()


def load(name: str) -> dict[str, Any] | None:
    """A stored entry, or None."""
    where = folder()
    if where is None:
        return None
    try:
        data = json.loads((where / name[:2] / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def store(name: str, entry: dict[str, Any]) -> None:
    """Keep an entry (quietly nothing when the folder cannot be written or is full)."""
    where = folder()
    if where is None:
        return
    try:
        shelf = where / name[:2]
        shelf.mkdir(parents=True, exist_ok=True)
        if _full(where):
            return
        handle, temporary = tempfile.mkstemp(dir=shelf, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"format": FORMAT, **entry}, out, separators=(",", ":"))
        os.replace(temporary, shelf / f"{name}.json")
    except OSError:
        return


@cache
def _full(where: Path) -> bool:
    """Whether the cache holds its most entries (counted once per process)."""
    try:
        return sum(1 for _ in where.glob("*/*.json")) >= MAX_ENTRIES
    except OSError:
        return True
