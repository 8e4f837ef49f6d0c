"""All-or-nothing writes: every output of a build is written to a temporary file beside it, and only
when all of them are complete are they renamed into place; any failure leaves every earlier output
as it was. A failure the teacher can act on (a full disk, a read-only folder, a file where a folder
should be) becomes one line, `FOLDER: message`."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from worksheets.errors import Loc, Problem, SpecError, display_path

TEMP_SUFFIX = ".worksheets-tmp"
"""The end of every temporary file's name: .NAME.PID.RANDOM.worksheets-tmp (so a later build knows
whose it was, and watch ignores it)."""


def write_atomic(path: Path, data: bytes, mode: int | None = None) -> None:
    """Write one file through a temporary file in the same folder, then rename: never a half-written file.
    Its permissions are `mode`, or the usual ones for a new file."""
    _make_folders([path.parent])
    temp = _write_temp(path, data, 0o666 & ~_umask() if mode is None else mode)
    try:
        os.replace(temp, path)
    except BaseException:
        _remove([temp])
        raise


def write_all(outputs: dict[Path, bytes], rewrite: bool = False) -> list[Path]:
    """Write every output, all or nothing: each to a temporary file in its folder (synced to disk),
    then, once all are complete, each renamed into place. On any failure, or Ctrl-C, the temporary
    files and the folders made for them are removed and every earlier output is left byte-identical.

    A file already holding exactly its new bytes is left alone (its date too: previews and other tools see it
    unchanged), unless `rewrite` (--force); the files written are returned.

    Raises OSError whose `filename` is the folder (or the file) it failed at: see cannot_write."""
    outputs = {path: data for path, data in outputs.items() if rewrite or not _holds(path, data)}
    folders = sorted({path.parent for path in outputs})
    made = _make_folders(folders)
    temps: dict[Path, str] = {}
    try:
        for folder in folders:
            sweep_stale(folder)
        for path in outputs:
            if path.is_dir():  # a folder where an output should be: found before anything is written
                raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        mode = 0o666 & ~_umask()  # mkstemp makes 0600; a PDF is shared like any other file
        for path, data in outputs.items():
            with _failing_at(path.parent):
                temps[path] = _write_temp(path, data, mode)
        _rename_all(temps)
    except BaseException:
        _remove(temps.values())
        for folder in reversed(made):
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise
    return list(outputs)


def _write_temp(path: Path, data: bytes, mode: int) -> str:
    """DATA in a new temporary file beside PATH, flushed to disk; its name."""
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _remove([temp])
        raise
    return temp


def _holds(path: Path, data: bytes) -> bool:
    """Whether PATH is a regular file (not a link) whose content is exactly DATA."""
    from worksheets.spec.files import BadFile, open_regular

    if path.is_symlink():  # replaced by a file of its own, as before
        return False
    try:
        with open_regular(path) as handle:
            return os.fstat(handle.fileno()).st_size == len(data) and handle.read(len(data) + 1) == data
    except (BadFile, OSError):
        return False


def _rename_all(temps: dict[Path, str]) -> None:
    """Rename each temporary file over its output. Each earlier output is first given a second name
    (a hard link), so that if a rename fails halfway, or Ctrl-C comes, the outputs already replaced
    are put back and the new ones removed. (A file system without hard links, such as FAT, still
    gets whole files, but a rename failing halfway there leaves those before it replaced.)"""
    new = {path for path in temps if not os.path.lexists(path)}
    kept = {path: name for path in temps if path not in new and (name := _keep(path))}
    done: list[Path] = []
    try:
        for path, temp in temps.items():
            with _failing_at(path.parent):
                os.replace(temp, path)
            done.append(path)
    except BaseException:
        for path in reversed(done):
            with contextlib.suppress(OSError):
                if path in kept:
                    os.replace(kept[path], path)
                elif path in new:
                    path.unlink()
        raise
    finally:
        _remove(kept.values())


def _keep(path: Path) -> str | None:
    """A second name for the file at PATH (a hard link beside it), or None if none can be made."""
    name = f"{path.parent}{os.sep}.{path.name}.{os.getpid()}.{os.urandom(6).hex()}{TEMP_SUFFIX}"
    try:
        os.link(path, name, follow_symlinks=False)
    except OSError:
        return None
    return name


@contextlib.contextmanager
def _failing_at(where: Path) -> Iterator[None]:
    """An OSError raised inside names WHERE, the folder or file the teacher can do something about."""
    try:
        yield
    except OSError as error:
        raise OSError(error.errno, error.strerror or str(error), str(where)) from error


def _make_folders(folders: list[Path]) -> list[Path]:
    """Make the folders that do not exist yet; returns those made, parents first. A file in the way
    is refused (NotADirectoryError naming it); on a failure, the folders already made are removed."""
    made: list[Path] = []
    try:
        for folder in folders:
            for step in [*reversed(folder.parents), folder]:
                with _failing_at(step):
                    if step.is_dir():
                        continue
                    with contextlib.suppress(FileExistsError):  # another build made it just now, or a file is there
                        step.mkdir()
                        made.append(step)
                if not step.is_dir():
                    raise _not_a_folder(step)
    except BaseException:
        for step in reversed(made):
            with contextlib.suppress(OSError):
                step.rmdir()
        raise
    return made


def check_folder(folder: Path) -> None:
    """Raise NotADirectoryError (naming it) if a file stands where FOLDER or one of its parents should
    be: a build checks its --out before rendering, so that `--out notes.pdf` is refused at once."""
    for step in [*reversed(folder.parents), folder]:
        if os.path.lexists(step) and not step.is_dir():
            raise _not_a_folder(step)


def _not_a_folder(path: Path) -> NotADirectoryError:
    return NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(path))


REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "you are not allowed to write in this folder",
    errno.EPERM: "you are not allowed to write in this folder",
    errno.ENOTDIR: "it is a file, not a folder",
    errno.EEXIST: "it is a file, not a folder",
    errno.EISDIR: "it is a folder, not a file",
    errno.ENAMETOOLONG: "a file name is too long",
    errno.EIO: "the disk could not be written (input/output error)",
}
"""What each error means for a teacher."""


def cannot_write(error: OSError, out: Path) -> SpecError:
    """A failed write as the one line a teacher reads, `FOLDER: cannot write here: REASON; ...`, at the
    folder (or file) the error names, else at OUT."""
    reason = REASONS.get(error.errno or 0) or (error.strerror or str(error) or type(error).__name__).lower()
    where = display_path(error.filename or out)
    return SpecError(Problem(Loc(where), f"cannot write here: {reason}; the previous PDFs are unchanged"))


def sweep_stale(folder: Path) -> None:
    """Remove temporary files left by a build that was killed outright (kill -9, power cut)."""
    with contextlib.suppress(OSError):  # a folder that cannot be read is reported when written to
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


def _remove(temps: Iterable[str]) -> None:
    """Remove temporary files, those already gone too."""
    for temp in temps:
        with contextlib.suppress(OSError):
            os.unlink(temp)
