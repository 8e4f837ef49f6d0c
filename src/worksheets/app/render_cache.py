"""Renders kept on disk, under the output folder, by what they were made from: a document whose content, role
and format have not changed is not rendered again, in a cold command as in watch, and whichever spec asks for
it (two worksheets, or a booklet and a worksheet, that resolve to the same document share one render).

The key is a hash of everything the bytes depend on: the resolved document (its text, its pictures' content
hashes, its style, tier, paper and language), the role, the format, and this program itself (its version, the
content of its own code and data files, its fonts, and the versions of the libraries that lay out the pages).
Change any of them and the key changes, so a stale render is never found.

An entry is its bytes (`KEY.bin`) and a small JSON file (`KEY.json`: the page map, the notes and the hash of
both) written after them; each is written to a temporary file and renamed into place, so two builds at once
never see half an entry, and an entry that does not match its hash (cut short, edited) is ignored. Nothing in
the cache is executed or unpickled: it is bytes and JSON; a cache folder that is a link, or holds one, is not
used. `build --force` renders everything afresh (and keeps the new renders). The least recently used entries
are removed once the cache is over MAX_BYTES. `WORKSHEETS_RENDER_CACHE=off` turns it off (the benchmarks time
real renders).
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import pickle
import re
import sys
import tempfile
import time
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from worksheets.writers.contract import Rendered, RenderUnit

FOLDER = ".worksheets-cache"
"""The cache's folder, at the root of the output folder."""
MAX_BYTES = 256 * 1024 * 1024
"""The cache's size, at most (least recently used entries go first)."""
MAX_ENTRY = 256 * 1024 * 1024
"""An entry larger than this is not read (it counts as missing)."""
MAX_META = 16 * 1024 * 1024
"""A JSON file larger than this is not read."""
LIBRARIES = ("reportlab", "rl_accel", "pypdf", "ziamath", "ziafont", "latex2mathml", "python-docx", "mathml2omml",
             "segno", "pillow", "babel", "pyuca", "lxml")
"""The libraries whose version changes what a writer puts in a file."""
NAME = re.compile(r"[0-9a-f]{64}\.(?:bin|json)")
"""An entry's file name: nothing else in the cache folder is read or removed."""
STALE_TEMPORARY = 3600.0
"""A temporary file older than this (seconds) is left from a build that was killed: trim removes it."""


def enabled() -> bool:
    """Whether renders are looked up and kept (`WORKSHEETS_RENDER_CACHE=off`: never; nor when the program's own
    files cannot all be read, so its fingerprint cannot be taken)."""
    return os.environ.get("WORKSHEETS_RENDER_CACHE", "").lower() != "off" and fingerprint() != ""


@cache
def fingerprint() -> str:
    """This program, as far as its output depends on it: its code and data files by content, its fonts by name,
    size and time, Python's, zlib's and the layout libraries' versions ('' if a file cannot be read)."""
    import zlib
    from importlib import metadata

    from worksheets import __version__
    from worksheets.style.fonts import font_dir

    digest = hashlib.sha256(f"{__version__}|{sys.version_info[:3]}|{zlib.ZLIB_RUNTIME_VERSION}".encode())
    for name in LIBRARIES:
        with contextlib.suppress(metadata.PackageNotFoundError):
            digest.update(f"|{name}={metadata.version(name)}".encode())
    try:
        package = Path(__file__).resolve().parents[1]
        for path in sorted(package.rglob("*")):
            if path.suffix in (".py", ".yaml", ".json", ".png", ".css", ".js", ".html") and \
                    "__pycache__" not in path.parts and path.is_file():  # not an editor's lock file (a dead link)
                digest.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes())
        fonts = Path(font_dir())
        for path in sorted(fonts.rglob("*")) if fonts.is_dir() else []:
            if path.is_file():
                stat = path.stat()
                digest.update(f"|{path.relative_to(fonts)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    except (OSError, FileNotFoundError):
        return ""
    return digest.hexdigest()


def key(unit: RenderUnit) -> str:
    """The unit's key: its document (for a PDF less the spec file's name and stem, which it does not show: Word
    names the spec in its notes), role and format, and the program's fingerprint."""
    document = dataclasses.replace(unit.document, source="", stem="") if unit.format == "pdf" else unit.document
    made = pickle.dumps((document, unit.role, unit.numbered, unit.format), protocol=5)
    return hashlib.sha256(fingerprint().encode() + made).hexdigest()


def _paths(folder: Path, name: str) -> tuple[Path, Path]:
    place = folder / FOLDER / name[:2]
    return place / f"{name}.bin", place / f"{name}.json"


Fresh = list[tuple[str, "Rendered"]]
"""Renders made now, by key: kept once the build's outputs are written (a failed build leaves the cache as it was)."""


def usable(folder: Path) -> bool:
    """The cache folder in `folder` is a real folder (not a link to elsewhere, nor holding one), or not there."""
    cache_folder = folder / FOLDER
    try:
        if cache_folder.is_symlink():
            return False
        return not cache_folder.exists() or (cache_folder.is_dir()
                                             and not any(p.is_symlink() for p in cache_folder.iterdir()))
    except OSError:
        return False


def _hash(data: bytes, described: dict[str, Any]) -> str:
    """The hash an entry's JSON records: of its bytes and of its page map and notes."""
    return hashlib.sha256(data + json.dumps(described, sort_keys=True).encode("utf-8")).hexdigest()


def load(folder: Path, name: str) -> Rendered | None:
    """The render of key `name` from the cache in `folder` (see `usable`), or None (not there, unreadable, or not
    what it says)."""
    data_path, meta_path = _paths(folder, name)
    try:
        if any(p.is_symlink() or not p.is_file() for p in (data_path, meta_path)):
            return None
        if data_path.stat().st_size > MAX_ENTRY or meta_path.stat().st_size > MAX_META:
            return None
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        data = data_path.read_bytes()
        if not isinstance(meta, dict):
            return None
        recorded = meta.pop("sha256", None)
        if recorded != _hash(data, meta):
            return None
        rendered = _rendered(data, meta)
    except (OSError, ValueError, TypeError, KeyError, OverflowError, RecursionError):
        return None
    with contextlib.suppress(OSError):  # another teacher's entry on a shared folder: used, but not touched
        os.utime(meta_path)  # used now: the last to go
    return rendered


def store(folder: Path, fresh: Fresh) -> None:
    """Keep renders in the cache in `folder` (best effort: a cache that cannot be written only means work
    next time), then trim it to MAX_BYTES."""
    if not fresh:
        return
    with contextlib.suppress(OSError):
        if not usable(folder):
            return
        for name, rendered in fresh:
            data_path, meta_path = _paths(folder, name)
            data_path.parent.mkdir(parents=True, exist_ok=True)
            if data_path.parent.is_symlink():
                return
            described = _described(rendered)
            _write(data_path, rendered.data)
            _write(meta_path, json.dumps({"sha256": _hash(rendered.data, described), **described},
                                         sort_keys=True).encode("utf-8"))
        trim(folder / FOLDER)


def _write(path: Path, data: bytes) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def trim(cache_folder: Path, limit: int = MAX_BYTES) -> None:
    """Remove the least recently used entries until the cache holds at most `limit` bytes, and what killed
    builds left (a temporary file, bytes without their JSON). Only entries' own files are touched, and no link
    is followed."""
    if cache_folder.is_symlink() or not cache_folder.is_dir():
        return
    entries: dict[str, list[Any]] = {}  # key -> [time used, size, files]
    now = time.time()
    for shard in cache_folder.iterdir():
        if shard.is_symlink() or not shard.is_dir():
            continue
        for path in shard.iterdir():
            with contextlib.suppress(OSError):
                stat = path.lstat()
                if path.name.startswith(".tmp-") and now - stat.st_mtime > STALE_TEMPORARY:
                    path.unlink()
                elif NAME.fullmatch(path.name) and not path.is_symlink():
                    entry = entries.setdefault(path.stem, [0, 0, []])
                    entry[0] = max(entry[0], stat.st_mtime_ns if path.suffix == ".json" else 0)
                    entry[1] += stat.st_size
                    entry[2].append(path)
    total = sum(size for _, size, _ in entries.values())
    for _, size, files in sorted(entries.values(), key=lambda e: (e[0], str(e[2][0]))):
        if total <= limit:
            break
        for path in files:
            with contextlib.suppress(OSError):
                path.unlink()
        total -= size


def _described(rendered: Rendered) -> dict[str, Any]:
    """The page map and notes as JSON."""
    pages = rendered.pages
    return {"fields": [[name, dataclasses.asdict(spot)] for name, spot in pages.fields],
            "sections": [list(pair) for pair in pages.sections],
            "boxes": [[name, dataclasses.asdict(box)] for name, box in pages.boxes],
            "notes": list(rendered.notes)}


def _rendered(data: bytes, meta: dict[str, Any]) -> Rendered:
    """A render from its bytes and JSON (TypeError or KeyError if the JSON is not of that shape)."""
    from worksheets.document.layout import Box, PageMap, Spot
    from worksheets.writers.contract import Rendered

    def spot(d: dict[str, Any]) -> Spot:
        return Spot(int(d["page"]), float(d["x"]), float(d["baseline"]), float(d["width"]), str(d["font"]),
                    float(d["size"]))

    def box(d: dict[str, Any]) -> Box:
        return Box(int(d["page"]), float(d["x"]), float(d["y"]), float(d["size"]))

    pages = PageMap(tuple((str(name), spot(found)) for name, found in meta["fields"]),
                    tuple((int(a), int(b)) for a, b in meta["sections"]),
                    tuple((str(name), box(found)) for name, found in meta["boxes"]))
    return Rendered(data, pages, tuple(str(note) for note in meta["notes"]))
