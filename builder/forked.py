"""A function run in a forked child while this process goes on, its result fetched later.

A full build leaves the second core idle while it lays out and plans the pages (plain
Python, one core); the search index needs none of that, so it is built there meanwhile.

A bare fork and a pipe, not multiprocessing: a one-article build forks this child too,
and importing multiprocessing cost it 13 ms of the 0.5 s it may take.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import signal
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Forked(Generic[T]):
    """`function()` started in a forked child; `result()` waits for it.

    Where there is no fork or one core, or the child fails, `result()` calls the function
    here instead, so an error is raised where it can be reported.
    """

    def __init__(self, function: Callable[[], T], fork: bool = True) -> None:
        self._function = function
        self._pid: int | None = None
        if not fork or (os.cpu_count() or 1) < 2 or not hasattr(os, "fork"):
            return  # (result() calls it here)
        reader, writer = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(reader)
            os.close(writer)
            return
        if pid == 0:  # the child: never returns into the caller's code
            os.close(reader)
            fork_child()
            _run(function, writer)
        os.close(writer)
        self._pid, self._reader = pid, reader

    def running(self) -> bool:
        """Whether the child is still at work: result() would wait for it."""
        if self._pid is None:
            return False
        readable, _, _ = select.select([self._reader], [], [], 0)
        return not readable  # (the pipe reads once the child has written or died)

    def cancel(self) -> None:
        """Stop the child, its result unwanted."""
        if self._pid is not None:
            with contextlib.suppress(OSError):
                os.kill(self._pid, signal.SIGKILL)
            os.close(self._reader)
            os.waitpid(self._pid, 0)
            self._pid = None

    def result(self) -> T:
        if self._pid is not None:
            try:
                with os.fdopen(self._reader, "rb") as pipe:
                    done, value = pickle.loads(pipe.read())
                if done:
                    return value
            except (EOFError, OSError, pickle.PickleError):
                pass
            finally:
                os.waitpid(self._pid, 0)
                self._pid = None
        return self._function()


def fork_child() -> None:
    """What a forked child does first (a process pool's initializer): what it inherited is
    frozen out of its garbage collections, so they neither walk the parent's objects nor
    write to the memory pages it shares with the parent. A render worker's first young
    collection walked the whole site's data: 20-26 ms, twice a first build at 1,000
    articles. (A list splice: the objects are not touched; the parent is not changed.)"""
    gc.freeze()


def _run(function: Callable[[], object], writer: int) -> None:
    """The child's whole life: the outcome into the pipe, then exit without running the
    parent's cleanup (atexit handlers, buffered output it inherited)."""
    code = 1
    try:
        try:
            outcome = (True, function())
        except BaseException:  # reported by the parent, which runs the function itself
            outcome = (False, None)
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
        code = 0
    finally:
        os._exit(code)
