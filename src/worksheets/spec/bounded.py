"""Run risky parsing (a PDF from anywhere) in a child process with a time and memory limit.

Also the rule every child that `worksheets` forks follows (this reader, the warm child and the
renderers of app/workers.py): it dies with its parent, so no process outlives the command.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

TIME_LIMIT = 20.0  # seconds
MEMORY_LIMIT = 1 << 30  # bytes of address space for the child
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


class Exceeded(Exception):
    """The work took too long or too much memory."""


def die_with_parent(parent: int) -> None:
    """Called first in a child forked from PARENT (its pid): have the kernel kill this process
    (SIGKILL) when the parent dies. A kill -9 of the command, or of its process group (a CI
    time-out, a supervisor), then ends every process it started, at once, however deep: each
    child of a child does the same. If the parent died before this was set, exit now. (The kernel
    watches the thread that forked: fork from one that outlives the child, as the main thread does.)

    Linux only (prctl); elsewhere nothing is forked. It never raises: a pool's initializer that
    raised would break the pool."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ulong = ctypes.c_ulong
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, ulong(signal.SIGKILL), ulong(0), ulong(0), ulong(0))
    except (ImportError, OSError, AttributeError):  # no prctl: a child waiting on its pipe still ends at EOF
        pass
    if os.getppid() != parent:  # already reparented: the parent died before prctl took effect
        os._exit(1)


def _child(conn: Any, fn: Callable[..., Any], args: tuple[Any, ...], memory: int, parent: int) -> None:
    die_with_parent(parent)
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    except (ImportError, ValueError, OSError):
        pass
    try:
        conn.send(("ok", fn(*args)))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as error:  # noqa: BLE001 - reported to the parent
        conn.send(("error", repr(error)))
    finally:
        conn.close()


def run_bounded(fn: Callable[..., Any], *args: Any, seconds: float = TIME_LIMIT, memory: int = MEMORY_LIMIT) -> Any:
    """fn(*args) in a forked child; raises Exceeded on time-out, memory exhaustion or a crash."""
    if not sys.platform.startswith("linux"):
        return fn(*args)
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(child, fn, args, memory, os.getpid()), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(seconds):
            raise Exceeded(f"took longer than {seconds:g} seconds")
        try:
            status, value = parent.recv()
        except EOFError:
            raise Exceeded("crashed the reader") from None
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        parent.close()
    if status == "memory":
        raise Exceeded("needed too much memory")
    if status == "error":
        raise Exceeded(value)
    return value
