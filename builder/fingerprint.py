"""Digests of plain data, so a page is re-rendered only when what it shows has changed.

A page's fingerprint is the digest of exactly the data its template receives (plus the
template sources it uses), so the incremental plan is computed, never guessed.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Callable
from typing import Any


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


def _worth_remembering(value: Any) -> bool:
    """Records and big containers recur across pages (an article on many listings, one
    table of counts on every article page); small lists are one page's own, and
    remembering millions of them would cost more memory than hashing them again."""
    if type(value) in (list, tuple, dict, set, frozenset):  # named tuples are records
        return len(value) >= 16
    return not isinstance(value, str | int | float | bool | type(None))


class Fingerprinter:
    """Digests values, remembering shared objects (one article appears on many pages)."""

    def __init__(self, reducers: dict[type, Callable[[Any], Any]] | None = None) -> None:
        self._memo: dict[int, tuple[bytes, Any]] = {}
        self._used: set[int] = set()
        # type → a cheaper stand-in with the same information (e.g. one string for many
        # parts): a tuple whose items are digested in place of the object's
        self._reducers = reducers or {}

    def digest(self, value: Any) -> bytes:
        key = id(value)
        hit = self._memo.get(key)
        if hit is not None and hit[1] is value:
            self._used.add(key)
            return hit[0]
        result = self._compute(value)
        if _worth_remembering(value):
            self._memo[key] = (result, value)  # holding value keeps its id from being reused
            self._used.add(key)
        return result

    def _feed(self, h: Any, value: Any) -> None:
        """Scalars go into the parent's hash directly (length-prefixed); objects as digests."""
        kind = type(value)
        if kind is str:
            data = value.encode("utf-8", "surrogatepass")
            h.update(b"s%d:" % len(data))
            h.update(data)
        elif value is None or kind is int or kind is float or kind is bool:
            h.update(b"v" + repr(value).encode() + b";")
        else:
            h.update(self.digest(value))

    def _compute(self, value: Any) -> bytes:
        h = hashlib.blake2b(digest_size=16)
        feed = self._feed
        reducer = self._reducers.get(type(value))
        if reducer is not None:  # first: a named tuple with a stand-in is not walked as one
            h.update(b"r" + type(value).__qualname__.encode())
            for part in reducer(value):
                feed(h, part)
        elif isinstance(value, str | int | float | bool | type(None)):
            feed(h, value)
        elif isinstance(value, list | tuple):
            h.update(b"l%d:" % len(value))
            for item in value:
                feed(h, item)
        elif isinstance(value, dict):
            h.update(b"d%d:" % len(value))
            for k in sorted(value, key=str):
                feed(h, str(k))
                feed(h, value[k])
        elif isinstance(value, set | frozenset):
            h.update(b"S")
            for d in sorted(self.digest(item) for item in value):
                h.update(d)
        elif dataclasses.is_dataclass(value):
            h.update(b"c" + type(value).__qualname__.encode())
            for name in _field_names(type(value)):
                feed(h, getattr(value, name))
        else:
            raise TypeError(f"cannot fingerprint {type(value).__name__}")
        return h.digest()

    def new_round(self) -> None:
        """Start a build: from now on, remember which digests it uses."""
        self._used = set()

    def forget_unused(self) -> None:
        """Drop what the last build did not use, so a long-lived server does not grow."""
        self._memo = {k: v for k, v in self._memo.items() if k in self._used}

    def hex(self, value: Any) -> str:
        return self.digest(value).hex()
