"""Digests of plain data, so a page is re-rendered only when what it shows has changed.

A page's fingerprint is the digest of exactly the data its template receives (plus the
template sources it uses), so the incremental plan is computed, never guessed.

A value is written out as a flat list of tokens that `marshal` turns into bytes in one C
call: scalars stand as themselves, containers are written inline after a marker and their
length, records (dataclasses, named tuples) stand as their own digests, remembered because
they recur (one article on many pages). Markers are 1-byte `bytes` and digests 32-byte
`bytes`, and marshal tags every token with its type, so the tokens read back one way only:
equal digests, equal data. Runs of scalars, and runs of records already remembered, are
copied in C; Python looks at the rest an item at a time.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import marshal
import operator
from collections.abc import Callable
from typing import Any

SCALARS = frozenset({str, int, float, bool, type(None)})  # exact types: Markup is a record
_MARSHAL = 2  # equal values, equal bytes (later formats mark shared and interned objects)
_WALKED = frozenset({list, tuple, dict, set, frozenset}) | SCALARS  # never remembered
_DIGEST = operator.itemgetter(0)  # of a memo entry
_LIST, _TUPLE, _DICT, _SET, _FROZENSET = b"l", b"t", b"d", b"S", b"F"
_RECORD, _STAND_IN = b"c", b"r"


@functools.cache
def _field_getter(kind: type) -> Callable[[Any], tuple] | None:
    """A dataclass's fields as one tuple (one C call); None for other types."""
    if not dataclasses.is_dataclass(kind):
        return None
    names = tuple(f.name for f in dataclasses.fields(kind))
    if len(names) >= 2:
        return operator.attrgetter(*names)
    return lambda value: tuple(getattr(value, name) for name in names)


def record_parts(value: Any) -> tuple:
    """A record's parts: a dataclass's fields, or a subclass's value as its base type's."""
    fields_of = _field_getter(type(value))
    if fields_of is not None:
        return fields_of(value)
    if isinstance(value, tuple | list):  # a named tuple, a list subclass
        return tuple(value)
    if isinstance(value, dict):  # a defaultdict
        return tuple(itertools.chain.from_iterable(value.items()))
    for base in (str, int, float):
        if isinstance(value, base):  # Markup, an IntEnum: not what their value renders as
            return (base(value),)
    raise TypeError(f"cannot fingerprint {type(value).__name__}")


class Fingerprinter:
    """Digests values, remembering shared objects (one article appears on many pages).

    A remembered object must not change while remembered: the build's data is made anew
    each build or is frozen, and `forget_unused` lets go of what a build did not use.
    """

    def __init__(self, reducers: dict[type, Callable[[Any], tuple]] | None = None) -> None:
        # id → (digest, the object itself: holding it keeps its id from being reused)
        self._memo: dict[int, tuple[bytes, Any]] = {}  # used in this round
        self._last: dict[int, tuple[bytes, Any]] = {}  # remembered, not yet used in it
        # type → a cheaper stand-in with the same information (e.g. a view's article and
        # body, not its cached parts): a tuple whose items are digested in its place
        self._reducers = reducers or {}

    def digest(self, value: Any) -> bytes:
        """sha256 of value's tokens; a record's is looked up when it is remembered."""
        key = id(value)
        hit = self._memo.get(key)
        if hit is None and self._last:
            hit = self._last.pop(key, None)
            if hit is not None:
                self._memo[key] = hit
        if hit is not None:  # (the memo holds value: the same id, the same object)
            return hit[0]
        tokens: list = []
        self._write(value, tokens)
        result = hashlib.sha256(marshal.dumps(tokens, _MARSHAL)).digest()
        if type(value) not in _WALKED:  # records recur (an article on many pages); containers
            self._memo[key] = (result, value)  # are written inline, a page's own as a rule
        return result

    def _write(self, value: Any, out: list) -> None:
        """The tokens of value's contents (value itself is not looked up in the memo)."""
        kind = type(value)
        reducer = self._reducers.get(kind)
        if reducer is not None:  # first: a named tuple with a stand-in is not walked as one
            parts = tuple(reducer(value))
            out += (_STAND_IN, kind.__qualname__, len(parts))
            self._write_items(parts, out)
        elif kind in SCALARS:
            out.append(value)
        elif kind is list or kind is tuple:
            out += (_LIST if kind is list else _TUPLE, len(value))
            self._write_items(value, out)
        elif kind is dict:  # in order (a template may show them in order): keys, values
            out += (_DICT, len(value))
            self._write_items(list(value), out)
            self._write_items(list(value.values()), out)
        elif kind is set or kind is frozenset:  # in no order: as the sorted digests
            out += (_SET if kind is set else _FROZENSET, len(value))
            out += sorted(map(self.digest, value))
        else:  # a record: its parts under its type's name
            parts = record_parts(value)
            out += (_RECORD, kind.__qualname__, len(parts))
            self._write_items(parts, out)

    def _write_items(self, items: list | tuple, out: list) -> None:
        """Scalars as themselves, containers inline, records as their digests.

        Runs of one kind, the common case (a listing's articles, a page's entity counts),
        are written in C; the rest an item at a time.
        """
        if len(items) > 2:
            kinds = set(map(type, items))
            if kinds <= SCALARS:
                out += items
                return
            if kinds.isdisjoint(_WALKED):  # records: all remembered already?
                hits = list(map(self._memo.get, map(id, items)))
                if None not in hits:
                    out += map(_DIGEST, hits)
                    return
        append, memo = out.append, self._memo
        for item in items:
            kind = type(item)
            if kind in SCALARS:
                append(item)
            elif kind in _WALKED:
                self._write(item, out)
            else:
                hit = memo.get(id(item))  # (the memo holds item: the same id, the same object)
                append(hit[0] if hit is not None else self.digest(item))

    def new_round(self) -> None:
        """Start a build: from now on, remember which digests it uses."""
        if self._last:
            self._last.update(self._memo)
        else:
            self._last = self._memo
        self._memo = {}

    def forget_unused(self) -> None:
        """Drop what the last build did not use, so a long-lived server does not grow."""
        self._last = {}

    def hex(self, value: Any) -> str:
        """The digest as text, of 128 bits as before (the build keeps one for every page)."""
        return self.digest(value)[:16].hex()
