"""A large dict kept under .cache/ as a base file plus small delta files.

The build cache holds every article's rendered body and parsed file (270 MB at 10,000
articles). Pickling all of it again after one article changed cost 0.1 s at 1,000
articles and 1.6 s at 10,000; here only the entries that changed are written, as a delta
beside the base, and the whole is rewritten once the deltas grow. A store that cannot be
read whole is not read at all: the caller starts from nothing (the cache is safe to lose).

A file is a pickle followed by the long bytes values it holds (the rendered bodies' HTML,
text and mentions: 19 of the 20 MB at 1,000 articles), which a load hands out as
memoryviews of the file mapped in memory, not copied: a fresh build reads few of them
(loading the store of 1,000 articles took 36 ms).
"""

from __future__ import annotations

import contextlib
import io
import mmap
import os
import pickle
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

MAX_DELTAS = 32  # files beyond the base before the whole is written again
MAX_SHARE = 0.25  # ...or once the deltas hold this share of the entries
LONG = 1024  # bytes values this long are kept after the pickle and read in place
_HEAD = struct.Struct("<Q")  # the pickle's length


@dataclass
class Stored:
    """Which files hold a dict, and the keys they hold."""

    files: list[str] = field(default_factory=list)  # base first, then deltas in order
    keys: set[Any] = field(default_factory=set)
    delta_size: int = 0  # entries set or deleted by the deltas, in total


def load(folder: Path, files: list[str]) -> tuple[dict[Any, Any], Stored]:
    """The dict the files hold, base then deltas; empty if any of them cannot be read."""
    entries: dict[Any, Any] = {}
    delta_size = 0
    try:
        for n, name in enumerate(files):
            part = _read(folder / name)
            if n == 0:
                entries = part
                continue
            set_, deleted = part
            for key in deleted:
                entries.pop(key, None)
            entries.update(set_)
            delta_size += len(set_) + len(deleted)
    except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError,
            ImportError, IndexError, struct.error):
        return {}, Stored()
    if not isinstance(entries, dict):
        return {}, Stored()
    return entries, Stored(list(files), set(entries), delta_size)


def save(folder: Path, prefix: str, entries: dict[Any, Any], changed: set[Any],
         last: Stored) -> Stored:
    """Write `entries` as a delta over `last` (what is on disk), or whole when that is
    cheaper to read back; `changed` names the keys set since `last` was read or written
    (the owner of the dict knows: comparing every entry would cost what this saves).
    Returns what is on disk now; the caller records its files, then removes the files no
    store lists any more (`remove_unlisted`).
    """
    set_ = {k: v for k, v in entries.items() if k in changed or k not in last.keys}
    deleted = [k for k in last.keys if k not in entries]
    size = last.delta_size + len(set_) + len(deleted)
    if not last.files or len(last.files) > MAX_DELTAS or size > MAX_SHARE * len(entries):
        data: object = entries
        files, size = [], 0
    elif set_ or deleted:
        data, files = (set_, deleted), last.files
    else:
        return last
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{prefix}-{os.getpid()}-{os.urandom(6).hex()}.pickle"
    _write_new(folder / name, data)
    return Stored([*files, name], set(entries), size)


def remove_unlisted(folder: Path, listed: set[str]) -> None:
    """Delete every file no longer listed: older bases and deltas, and the
    temporary file of a write that a crash cut short."""
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if path.name not in listed and path.is_file():
                with contextlib.suppress(OSError):
                    path.unlink()


class _Pickler(pickle.Pickler):
    """Pickles long bytes values by their place in `self.long`, written after the pickle."""

    def __init__(self, file: io.BytesIO) -> None:
        super().__init__(file, pickle.HIGHEST_PROTOCOL)
        self.long = io.BytesIO()

    def persistent_id(self, obj: Any) -> tuple[int, int] | None:
        kind = type(obj)
        if (kind is bytes or kind is memoryview) and len(obj) >= LONG:
            return self.long.tell(), self.long.write(obj)
        return None


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: BinaryIO, long: memoryview) -> None:
        super().__init__(file)
        self.long = long

    def persistent_load(self, pid: Any) -> memoryview:
        start, size = pid
        if start + size > len(self.long):  # a file cut short: not read at all
            raise pickle.UnpicklingError("a long value past the end of the file")
        return self.long[start : start + size]


def _read(path: Path) -> Any:
    """What a store file holds; its long bytes values as read-only memoryviews of the file
    mapped in memory (the map lives as long as they do; a file replaced or deleted stays
    readable through it)."""
    with path.open("rb") as handle:
        (size,) = _HEAD.unpack(handle.read(_HEAD.size))
        start = _HEAD.size + size
        long = memoryview(b"")
        if os.fstat(handle.fileno()).st_size > start:
            long = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))[start:]
        return _Unpickler(handle, long).load()


def _write_new(path: Path, data: object) -> None:
    """A new file, written under a temporary name first so a reader never sees it half."""
    tmp = path.with_name(f".{path.name}.tmp")
    pickled = io.BytesIO()
    pickler = _Pickler(pickled)
    pickler.dump(data)
    try:
        with tmp.open("wb") as handle:
            handle.writelines((_HEAD.pack(len(pickled.getbuffer())), pickled.getbuffer(),
                               pickler.long.getbuffer()))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
