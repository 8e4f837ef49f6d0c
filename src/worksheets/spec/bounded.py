"""Run risky parsing (a PDF from anywhere) in a child process with a time and memory limit."""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable
from typing import Any

TIME_LIMIT = 20.0  # seconds
MEMORY_LIMIT = 1 << 30  # bytes of address space for the child


class Exceeded(Exception):
    """The work took too long or too much memory."""


def _child(conn: Any, fn: Callable[..., Any], args: tuple[Any, ...], memory: int) -> None:
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
    process = context.Process(target=_child, args=(child, fn, args, memory), daemon=True)
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
