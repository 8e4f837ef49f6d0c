"""Unchanged rebuilds are nearly free: a content-hash manifest at the root of the output folder
records, per spec and options, the hash of every input and output of the last build.

Checking it needs no YAML, no models and no reportlab, so it is only file hashing.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from worksheets import __version__

MANIFEST = ".worksheets-manifest.json"


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _key(spec: Path, options: Any) -> str:
    fields = {k: str(v) for k, v in sorted(vars(options).items()) if k != "out"}
    return json.dumps([str(spec.resolve()), fields], sort_keys=True)


def _read(out: Path) -> dict[str, Any]:
    try:
        data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) and data.get("version") == __version__ else {}
    except (OSError, ValueError):
        return {}


def up_to_date(spec: Path, options: Any) -> list[Path] | None:
    """The outputs of `spec`, if neither its inputs nor its outputs changed since they were built."""
    entry = _read(options.out).get("builds", {}).get(_key(spec, options))
    if not entry:
        return None
    for name, digest in {**entry["inputs"], **entry["outputs"]}.items():
        if _digest(Path(name)) != digest:
            return None
    return [Path(name) for name in entry["outputs"]]


def digests(inputs: list[Path]) -> dict[str, str | None]:
    """The inputs' hashes, taken when they were planned from."""
    return {str(p.resolve()): _digest(p) for p in inputs}


def record(out: Path, builds: list[tuple[Path, Any, dict[str, str | None], dict[Path, bytes]]]) -> None:
    """Remember each spec's inputs (as they were when planned) and the outputs just written.

    A spec whose inputs changed while it was being built is not recorded, so its next build runs."""
    from worksheets.app.write import write_atomic

    data = _read(out) or {"version": __version__, "builds": {}}
    for spec, options, inputs, outputs in builds:
        key = _key(spec, options)
        if any(_digest(Path(name)) != digest for name, digest in inputs.items()):
            data["builds"].pop(key, None)
            continue
        data["builds"][key] = {
            "inputs": inputs,
            "outputs": {str(p.resolve()): hashlib.sha256(b).hexdigest() for p, b in outputs.items()},
        }
    write_atomic(out / MANIFEST, json.dumps(data, indent=1).encode("utf-8"))
