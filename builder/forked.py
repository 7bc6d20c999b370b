"""Work done in forked children while this process goes on: one function (Forked), or a
numbered run of tasks shared by a few workers (ForkMap).

A full build leaves the second core idle while it lays out and plans the pages (plain
Python, one core); the search index needs none of that, so it is built there meanwhile.
The article bodies and the pages are rendered by a few workers each.

A bare fork and pipes, not multiprocessing: a one-article build forks a child too, and
importing multiprocessing cost it 13 ms of the 0.5 s it may take; a first build waited
14 ms for its body workers to start, one core idle (the import, a process pool's threads
and queues), where a fork takes 2.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
import select
import signal
import struct
from collections.abc import Callable, Iterable, Iterator
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
        if (not fork or (os.cpu_count() or 1) < 2 or not hasattr(os, "fork")
                or not hasattr(select, "poll")):
            return  # (result() calls it here)
        forked = _fork_piped(lambda writer: _run(function, writer))
        if forked is not None:
            self._pid, self._reader = forked

    def running(self) -> bool:
        """Whether the child is still at work: result() would wait for it."""
        if self._pid is None:
            return False
        poll = select.poll()  # (as ForkMap waits: a live server may hold fds past 1024)
        poll.register(self._reader, select.POLLIN)
        return not poll.poll(0)  # (the pipe reads once the child has written or died)

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


def _fork_piped(child: Callable[[int], object], also_close: Iterable[int] = ()
                ) -> tuple[int, int] | None:
    """Fork a child that runs child(the write end of a new pipe), after fork_child(), and
    never returns into the caller's code; here, (its pid, the read end), or None if it
    could not be forked. The child closes `also_close` (the pipes of its brothers)."""
    reader, writer = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(reader)
        os.close(writer)
        return None
    if pid == 0:
        try:
            os.close(reader)
            for handle in also_close:
                os.close(handle)
            fork_child()
            child(writer)
        finally:
            os._exit(1)  # (child() ends the process itself; this only if it did not)
    os.close(writer)
    return pid, reader


def fork_child() -> None:
    """What a forked child does first (and the search index's pool worker): what it inherited is
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


_INDEX = struct.Struct("<I")  # a task's number, as the workers read it from the shared pipe
_LENGTH = struct.Struct("<Q")  # the length of a result's pickle, before it
_FAILED = object()  # a task whose worker could not do it: done again here
MAX_TASKS = 4096  # all numbers are written before the workers start: 16 KB, within any pipe


class ForkMap(Generic[T]):
    """function(0), ..., function(count - 1), computed in `workers` forked children and
    read here in order (iterate over it; then close it, or use it as a context manager).

    The children are forked at once and inherit whatever the tasks need; all the task
    numbers are written first into one pipe that every child reads, so each takes the next
    as it finishes the last, with no process handing them out (this one may do other work
    meanwhile). Each sends its results back through its own pipe. A task whose child
    failed or died is done again here, where its error is raised; with no fork, or one
    worker, every task is done here.
    """

    def __init__(self, function: Callable[[int], T], count: int, workers: int) -> None:
        if count > MAX_TASKS:
            raise ValueError(f"at most {MAX_TASKS} tasks, not {count}")
        self._function = function
        self._count = count
        self._children: dict[int, int] = {}  # result pipe → child's pid
        if workers < 2 or count < 2 or not hasattr(os, "fork") or not hasattr(select, "poll"):
            return
        tasks, writer = os.pipe()
        numbers = b"".join(map(_INDEX.pack, range(count)))
        while numbers:
            numbers = numbers[os.write(writer, numbers):]
        os.close(writer)  # the children read to the end of the numbers, then stop
        try:
            for _ in range(workers):
                forked = _fork_piped(lambda out: _serve(function, tasks, out),
                                     also_close=list(self._children))
                if forked is None:
                    break
                pid, reader = forked
                self._children[reader] = pid
        finally:
            os.close(tasks)

    def __iter__(self) -> Iterator[T]:
        try:
            yield from self._results()
        except BaseException:  # (the caller will read no more: the children stop now)
            self.close()
            raise

    def _results(self) -> Iterator[T]:
        got: dict[int, object] = {}
        buffers = {reader: bytearray() for reader in self._children}
        poll = select.poll()  # (not select.select: a live server may hold fds past 1024)
        for reader in buffers:
            poll.register(reader, select.POLLIN)
        for index in range(self._count):
            while index not in got and buffers:
                for reader, _ in poll.poll():
                    data = os.read(reader, 1 << 20)
                    if not data:  # the child is done (or died: what it held is done here)
                        poll.unregister(reader)
                        del buffers[reader]
                        self._reap(reader)
                        continue
                    buffer = buffers[reader]
                    buffer += data
                    while len(buffer) >= _LENGTH.size:
                        size = _LENGTH.unpack_from(buffer)[0]
                        end = _LENGTH.size + size
                        if len(buffer) < end:
                            break
                        number, done, value = pickle.loads(buffer[_LENGTH.size:end])
                        got[number] = value if done else _FAILED
                        del buffer[:end]
            value = got.pop(index, _FAILED)
            yield self._function(index) if value is _FAILED else value  # type: ignore[misc]
        for reader in list(self._children):  # all read: each child is ending
            while os.read(reader, 1 << 16):
                pass
            self._reap(reader)

    def _reap(self, reader: int) -> None:
        pid = self._children.pop(reader)
        os.close(reader)
        os.waitpid(pid, 0)

    def close(self) -> None:
        """Stop the children still at work (the caller stopped reading: an error)."""
        for reader, pid in list(self._children.items()):
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
            self._reap(reader)

    def __enter__(self) -> ForkMap[T]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve(function: Callable[[int], object], tasks: int, out: int) -> None:
    """A ForkMap child's whole life: tasks read from the shared pipe until it is empty,
    each result (or that it failed) sent back; then exit, as _run does."""
    code = 1
    try:
        with os.fdopen(out, "wb") as pipe:
            while len(raw := os.read(tasks, _INDEX.size)) == _INDEX.size:
                index = _INDEX.unpack(raw)[0]
                try:
                    message = pickle.dumps((index, True, function(index)),
                                           protocol=pickle.HIGHEST_PROTOCOL)
                except BaseException:
                    message = pickle.dumps((index, False, None))
                pipe.write(_LENGTH.pack(len(message)))
                pipe.write(message)
                pipe.flush()
        code = 0
    finally:
        os._exit(code)
