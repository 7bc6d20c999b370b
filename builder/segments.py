"""A large dict kept under .cache/ as a base file plus small delta files.

The build cache holds every article's rendered body and parsed file (270 MB at 10,000
articles). Pickling all of it again after one article changed cost 0.1 s at 1,000
articles and 1.6 s at 10,000; here only the entries that changed are written, as a delta
beside the base, and the whole is rewritten once the deltas grow. A store that cannot be
read whole is not read at all: the caller starts from nothing (the cache is safe to lose).
"""

from __future__ import annotations

import contextlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_DELTAS = 32  # files beyond the base before the whole is written again
MAX_SHARE = 0.25  # ...or once the deltas hold this share of the entries


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
            with (folder / name).open("rb") as handle:
                part = pickle.load(handle)
            if n == 0:
                entries = part
                continue
            set_, deleted = part
            for key in deleted:
                entries.pop(key, None)
            entries.update(set_)
            delta_size += len(set_) + len(deleted)
    except (OSError, pickle.PickleError, EOFError, ValueError, TypeError, AttributeError,
            ImportError, IndexError):
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


def _write_new(path: Path, data: object) -> None:
    """A new file, written under a temporary name first so a reader never sees it half."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        with tmp.open("wb") as handle:
            pickle.dump(data, handle, pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
