"""Atomic, all-or-nothing writes: every output through a temporary file, renamed when complete."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, then rename: never a half-written PDF."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        os.fchmod(fd, 0o666 & ~_umask())  # mkstemp makes 0600; a PDF is shared like any other file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise


TEMP_SUFFIX = ".worksheets-tmp"


def sweep_stale(folder: Path) -> None:
    """Remove temporary files left by a build that was killed outright (kill -9, power cut)."""
    if not folder.is_dir():
        return
    for temp in folder.glob(f".*{TEMP_SUFFIX}"):
        try:
            pid = int(temp.name[: -len(TEMP_SUFFIX)].rsplit(".", 2)[1])  # .NAME.PID.RANDOM.worksheets-tmp
        except (ValueError, IndexError):
            continue
        if pid != os.getpid() and not _alive(pid):
            temp.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_all(outputs: dict[Path, bytes]) -> list[Path]:
    """Write every output only after all were made, so a failed build changes nothing."""
    written = []
    for folder in sorted({path.parent for path in outputs}):
        sweep_stale(folder)
    for path, data in outputs.items():
        write_atomic(path, data)
        written.append(path)
    return written
