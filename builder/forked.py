"""A function run in a forked child while this process goes on, its result fetched later.

A full build leaves the second core idle while it lays out and plans the pages (plain
Python, one core); the search index needs none of that, so it is built there meanwhile.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Forked(Generic[T]):
    """`function()` started in a forked child; `result()` waits for it.

    Where there is no fork or one core, or the child fails, `result()` calls the function
    here instead, so an error is raised where it can be reported.
    """

    def __init__(self, function: Callable[[], T]) -> None:
        self._function = function
        self._process: multiprocessing.process.BaseProcess | None = None
        if (os.cpu_count() or 1) < 2 or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        self._reader, writer = context.Pipe(duplex=False)
        try:
            self._process = context.Process(target=_run, args=(function, writer))
            self._process.start()
        except OSError:
            self._process = None
        writer.close()

    def result(self) -> T:
        if self._process is not None:
            try:
                done, value = pickle.loads(self._reader.recv_bytes())
                if done:
                    return value
            except (EOFError, OSError, pickle.PickleError):
                pass
            finally:
                self._reader.close()
                self._process.join()
                self._process = None
        return self._function()


def _run(function: Callable[[], object], writer) -> None:
    try:
        outcome = (True, function())
    except BaseException:  # reported by the parent, which runs the function itself
        outcome = (False, None)
    writer.send_bytes(pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL))
    writer.close()
