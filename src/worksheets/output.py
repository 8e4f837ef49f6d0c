"""Output file names (the contract's section 8) and atomic, all-or-nothing writes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def output_name(stem: str, role: str, tier: str = "core", style: str = "standard", variant: str | None = None) -> str:
    """`terror-support-dyslexia-A-student.pdf`: tier, then style, then variant letter, then the role."""
    parts = [stem]
    if tier != "core":
        parts.append(tier)
    if style != "standard":
        parts.append(style)
    if variant:
        parts.append(variant)
    parts.append(role)
    return "-".join(parts) + ".pdf"


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename: never a half-written PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; a PDF is shared like any other file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_all(outputs: dict[Path, bytes]) -> list[Path]:
    """Write every output only after all were made, so a failed build changes nothing."""
    written = []
    for path, data in outputs.items():
        write_atomic(path, data)
        written.append(path)
    return written
