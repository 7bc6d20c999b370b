"""A large dict kept under .cache/ as a base file plus small delta files.

The build cache holds every article's rendered body and parsed file (270 MB at 10,000
articles). Pickling all of it again after one article changed cost 0.1 s at 1,000
articles and 1.6 s at 10,000; here only the entries that changed are written, as a delta
beside the base, and the whole is rewritten once the deltas grow. A store that cannot be
read whole is not read at all: the caller starts from nothing (the cache is safe to lose).

A file is a pickle (protocol 5) followed by its out-of-band buffers: the long values
that chose to be kept apart by pickling as `pickle.PickleBuffer` (model.Body does, for the
rendered bodies' HTML, text and mentions: 19 of the 20 MB at 1,000 articles). A load hands
them out as read-only memoryviews of the file mapped in memory, not copied: a fresh build
reads few of them (loading the store of 1,000 articles took 36 ms). Until 2026-12-07 a
`persistent_id` hook picked the long bytes out instead; Python was then called for every
object pickled, and saving the stores was 0.09 s of the end of a first build, when the
second core idles.
"""

from __future__ import annotations

import contextlib
import copyreg
import io
import mmap
import os
import pickle
import struct
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_DELTAS = 32  # files beyond the base before the whole is written again
MAX_SHARE = 0.25  # ...or once the deltas hold this share of the entries
_MAGIC = 0x53544f5247534c47  # the file format's mark ("GLSGROTS"): another is not read
_HEAD = struct.Struct("<QQQ")  # the mark, the pickle's length, how many buffers follow


@dataclass
class Stored:
    """Which files hold a dict, and the keys they hold."""

    files: list[str] = field(default_factory=list)  # bases first, then deltas in order
    keys: set[Any] = field(default_factory=set)
    delta_size: int = 0  # entries set or deleted by the deltas, in total
    # files that are bases: one, or the parts a first build's workers wrote (write_part)
    bases: int = 1


def load(folder: Path, files: list[str]) -> tuple[dict[Any, Any], Stored]:
    """The dict the files hold, bases then deltas; empty if any of them cannot be read."""
    entries: dict[Any, Any] = {}
    delta_size = bases = 0
    try:
        for name in files:
            part = read(folder / name)
            if isinstance(part, dict):  # a base, or one part of it
                if delta_size:
                    raise ValueError(f"{name}: a base after a delta")
                entries.update(part)
                bases += 1
                continue
            set_, deleted = part
            for key in deleted:
                entries.pop(key, None)
            entries.update(set_)
            delta_size += len(set_) + len(deleted)
    except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError,
            ImportError, IndexError, struct.error):
        return {}, Stored()
    return entries, Stored(list(files), set(entries), delta_size, bases)


def write_part(folder: Path, prefix: str, entries: dict[Any, Any]) -> str:
    """A part of a store's base, written apart (by each of a first build's workers, of
    what it made): the name of its file, for `parts`."""
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{prefix}-{os.getpid()}-{os.urandom(6).hex()}.pickle"
    _write_new(folder / name, entries)
    return name


def parts(files: list[str], keys: set[Any]) -> Stored:
    """What a base written in parts holds."""
    return Stored(list(files), set(keys), 0, len(files))


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
    if (not last.files or len(last.files) - last.bases >= MAX_DELTAS
            or size > MAX_SHARE * len(entries)):
        data: object = entries
        files, size = [], 0
    elif set_ or deleted:
        data, files = (set_, deleted), last.files
    else:
        return last
    folder.mkdir(parents=True, exist_ok=True)
    name = f"{prefix}-{os.getpid()}-{os.urandom(6).hex()}.pickle"
    _write_new(folder / name, data)
    return Stored([*files, name], set(entries), size, last.bases if files else 1)


def remove_unlisted(folder: Path, listed: set[str]) -> None:
    """Delete every file no longer listed: older bases and deltas, and the
    temporary file of a write that a crash cut short."""
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if path.name not in listed and path.is_file():
                with contextlib.suppress(OSError):
                    path.unlink()


def _view_reduce(view: memoryview) -> tuple:
    """A memoryview (a long value read in place) is saved apart again, as it was read."""
    return _same, (pickle.PickleBuffer(view),)


def _same(value: Any) -> Any:
    return value


# What the stores' pickler does beyond pickle's own: copyreg's table, and memoryviews
_DISPATCH = {**copyreg.dispatch_table, memoryview: _view_reduce}


def read(path: Path) -> Any:
    """What a store file holds (a base, a part of one, a delta); its out-of-band values as
    read-only memoryviews of the file mapped in memory (the map lives as long as they do;
    a file replaced or deleted stays readable through it)."""
    with path.open("rb") as handle:
        magic, size, count = _HEAD.unpack(handle.read(_HEAD.size))
        if magic != _MAGIC:
            raise ValueError(f"{path.name}: not a store file of this version")
        sizes = struct.unpack(f"<{count}Q", handle.read(8 * count))
        start = _HEAD.size + 8 * count + size
        buffers = []
        if count:
            mapped = memoryview(mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ))
            if start + sum(sizes) > len(mapped):  # a file cut short: not read at all
                raise ValueError(f"{path.name}: its long values end early")
            for length in sizes:
                buffers.append(mapped[start : start + length])
                start += length
        return pickle.Unpickler(handle, buffers=buffers).load()


def _write_new(path: Path, data: object) -> None:
    """A new file, written under a temporary name first so a reader never sees it half."""
    tmp = path.with_name(f".{path.name}.tmp")
    pickled = io.BytesIO()
    buffers: list[pickle.PickleBuffer] = []
    pickler = pickle.Pickler(pickled, 5, buffer_callback=buffers.append)
    pickler.dispatch_table = _DISPATCH
    pickler.dump(data)
    views = [buffer.raw() for buffer in buffers]
    try:
        with tmp.open("wb") as handle:
            handle.writelines((_HEAD.pack(_MAGIC, len(pickled.getbuffer()), len(views)),
                               struct.pack(f"<{len(views)}Q", *map(len, views)),
                               pickled.getbuffer(), *views))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
