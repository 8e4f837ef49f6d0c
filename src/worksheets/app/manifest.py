"""Unchanged rebuilds are nearly free: a content-hash manifest at the root of the output folder
records, per spec and options, the hash of every input and output of the last build.

Checking it needs no YAML, no models and no reportlab, so it is only file hashing. The manifest may
have been edited by hand: a path in it that is not a regular file (a named pipe, /dev/zero, a link
that loops), a file too large to hash, or an entry of the wrong shape only means "changed: rebuild".
Nothing is opened unless os.stat says it is a regular file, so checking never waits or reads forever.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import Any

from worksheets import __version__

MANIFEST = ".worksheets-manifest.json"
MAX_DIGEST_BYTES = 1 << 30  # a larger file is not hashed: it counts as changed
MAX_MANIFEST_BYTES = 50_000_000  # a larger manifest is ignored (every spec rebuilds, and it is rewritten)
_CHUNK = 1 << 20


def file_digest(path: Path) -> str | None:
    """The SHA-256 of a regular file of at most MAX_DIGEST_BYTES, read in chunks; None for anything else."""
    from worksheets.spec.files import BadFile, open_regular

    try:
        with open_regular(path) as handle:
            if os.fstat(handle.fileno()).st_size > MAX_DIGEST_BYTES:
                return None
            digest = hashlib.sha256()
            left = MAX_DIGEST_BYTES + 1
            while left > 0 and (chunk := handle.read(min(left, _CHUNK))):
                digest.update(chunk)
                left -= len(chunk)
            return digest.hexdigest() if left > 0 else None
    except (BadFile, OSError, ValueError):
        return None


def _resolved(path: Path) -> str | None:
    """The path resolved, as text; None for one that loops or is too long."""
    from worksheets.spec.files import BadFile, resolve

    try:
        return str(resolve(path))
    except BadFile:
        return None


UNKEYED = ("out", "force", "check_only")
"""Options that change nothing a build makes: the folder holds the manifest, --force only rebuilds, and `check`
asks after the build that the same options would make."""


def _key(spec: Path, options: Any) -> str | None:
    resolved = _resolved(spec)
    if resolved is None:
        return None
    fields = {k: str(v) for k, v in sorted(vars(options).items()) if k not in UNKEYED}
    fields["root"] = _resolved(options.root or Path.cwd()) or ""  # by default the working folder
    return json.dumps([resolved, fields], sort_keys=True)


def _read(out: Path) -> dict[str, Any]:
    """The manifest, or {} if it is missing, not a regular file, too large, of another version or not ours."""
    from worksheets.spec.files import BadFile, open_regular

    try:
        with open_regular(out / MANIFEST) as handle:
            raw = handle.read(MAX_MANIFEST_BYTES + 1)
        data = json.loads(raw) if len(raw) <= MAX_MANIFEST_BYTES else None
    except (BadFile, OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != __version__ or not isinstance(data.get("builds"), dict):
        return {}
    return data


def _entry(spec: Path, options: Any) -> dict[str, Any] | None:
    """The record of the last build of `spec` with these options, if there is one of the right shape."""
    key = _key(spec, options)
    entry = _read(options.out).get("builds", {}).get(key) if key is not None else None
    return entry if isinstance(entry, dict) and _files(entry) is not None else None


def _files(entry: Any) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """An entry's inputs and outputs (name: digest), or None when a hand-edited entry has the wrong shape."""
    if not isinstance(entry, dict):
        return None
    inputs, outputs = entry.get("inputs"), entry.get("outputs")
    if not isinstance(inputs, dict) or not isinstance(outputs, dict):
        return None
    return inputs, outputs


def up_to_date(spec: Path, options: Any) -> list[Path] | None:
    """The outputs of `spec`, if neither its inputs nor its outputs changed since they were built."""
    return _unchanged(_entry(spec, options))


def _unchanged(entry: dict[str, Any] | None) -> list[Path] | None:
    """A record's outputs, if every file it names still holds what it held."""
    files = _files(entry)
    if files is None:
        return None
    for name, digest in {**files[0], **files[1]}.items():
        if not name or "\x00" in name or file_digest(Path(name)) != digest:
            return None
    return [Path(name) for name in files[1]]


def checked(spec: Path, options: Any) -> tuple[list[Path], list[str]] | None:
    """What `check` would find, if `spec` was built with these options from these very files (neither its inputs
    nor its outputs changed since, and problems name files from the same folder): the PDFs it makes, and its
    warnings as that build found them. None: it must be checked afresh."""
    entry = _entry(spec, options)
    if entry is None or entry.get("cwd") != str(Path.cwd()):
        return None
    notes = entry.get("notes")
    if not isinstance(notes, list) or not all(isinstance(note, str) for note in notes):
        return None
    outputs = _unchanged(entry)
    return (outputs, notes) if outputs is not None else None


def recorded_inputs(spec: Path, options: Any) -> list[Path]:
    """The files the last recorded build of `spec` with these options read (the editor lists them)."""
    files = _files(_entry(spec, options))
    return [Path(name) for name in files[0] if isinstance(name, str) and name and "\x00" not in name] if files else []


def stale(spec: Path, options: Any, outputs: list[Path]) -> list[Path]:
    """The files the last build of `spec` with these options wrote and this one does not, still exactly as it
    wrote them (a file since edited or replaced is somebody's, and is kept), inside the output folder."""
    files = _files(_entry(spec, options))
    if files is None:
        return []
    now = {_resolved(p) for p in outputs}
    folder = _resolved(options.out)
    old = [Path(name) for name, digest in files[1].items()
           if isinstance(name, str) and name and "\x00" not in name and name not in now
           and folder is not None and Path(name).is_relative_to(folder) and file_digest(Path(name)) == digest]
    return sorted(old)


def digests(inputs: list[Path]) -> dict[str, str | None]:
    """The inputs' hashes, taken when they were planned from, by absolute path with its links and '..' left in (so a
    link among the inputs is read as it points then)."""
    return {str(p.absolute()): file_digest(p) for p in inputs}


Built = tuple[Path, Any, dict[str, str | None], dict[Path, bytes], list[str]]
"""A spec built: its options, its inputs' hashes as planned, the outputs written, and its warnings."""


def record(out: Path, builds: list[Built]) -> None:
    """Remember each spec's inputs (as they were when planned), the outputs just written and the warnings found
    (with the folder the build ran in, which the warnings' file names are relative to).

    A spec whose inputs changed while it was being built is not recorded, so its next build runs."""
    from worksheets.app.write import write_atomic

    data = _read(out) or {"version": __version__, "builds": {}}
    for spec, options, inputs, outputs, notes in builds:
        key = _key(spec, options)
        if key is None:
            continue
        if any(file_digest(Path(name)) != digest for name, digest in inputs.items()):
            data["builds"].pop(key, None)
            continue
        data["builds"][key] = {
            "inputs": inputs,
            "outputs": {str(p.resolve()): hashlib.sha256(b).hexdigest() for p, b in outputs.items()},
            "notes": notes,
            "cwd": str(Path.cwd()),
        }
    write_atomic(out / MANIFEST, json.dumps(data, indent=1).encode("utf-8"))
