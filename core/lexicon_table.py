"""A word table on disk, looked up in place: the half-space lexicon's big lists
(hazm's 157k weak words, 160k verb forms) memory-mapped instead of read into
sets and dicts, so that a run that repairs one page reads a few pages of the
file, not 14 MB of it (``marshal.loads`` of the whole took 0.2-0.3 s).

A table is an open-addressing hash table (``zlib.crc32`` of the UTF-8 key,
linear probing, at most half full) over records ``key`` or ``key \\xff value``
(0xff never occurs in UTF-8). Each answer is kept in a per-table memo: news
repeats its words, and a memo hit costs a dict lookup.
"""

from __future__ import annotations

import struct
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator

_SEP = b"\xff"
_ABSENT = object()  # remembered: not in the table
_UNSEEN = object()  # not looked up yet
# Answers kept per table before the memo starts afresh (memory stays flat on long runs).
MEMO_MAX = 200_000
# Keys looked up in the file (by all the tables that share a count) after which
# they are read whole: a long run looks up so many new words that probing the
# file costs more than reading it (a one-page run looks up about a thousand).
FINDS_BEFORE_WHOLE = 5_000


def build(items: Iterable[tuple[str, str | None]]) -> bytes:
    """The table of (key, value) pairs (value None: a set's member), as bytes:
    u32 slot count, u32 record count, the slots (record number + 1, 0 empty),
    the record offsets (count + 1), then the records."""
    records = [k.encode() if v is None else k.encode() + _SEP + v.encode() for k, v in items]
    keys = [r.split(_SEP, 1)[0] for r in records]
    size = 8
    while size < 2 * len(records):
        size *= 2
    slots = array("I", bytes(4 * size))
    for number, key in enumerate(keys):
        h = zlib.crc32(key) & (size - 1)
        while slots[h]:
            h = (h + 1) & (size - 1)
        slots[h] = number + 1
    offsets, at = array("I", [0]), 0
    for r in records:
        at += len(r)
        offsets.append(at)
    return struct.pack("=II", size, len(records)) + slots.tobytes() + offsets.tobytes() + b"".join(records)


class Table:
    """A read-only set or mapping over a table's bytes (a memoryview of the
    mapped file): ``in``, ``get``, ``[]``, ``len``, iteration and ``items``.
    ``decode`` turns a stored value string into the value returned."""

    def __init__(self, view: memoryview, decode: Callable[[str], object] | None = None):
        size, count = struct.unpack_from("=II", view)
        self._view = view
        self._mask = size - 1
        self._slots = view[8:8 + 4 * size].cast("I")
        at = 8 + 4 * size
        self._offsets = view[at:at + 4 * (count + 1)].cast("I")
        self._data = view[at + 4 * (count + 1):]
        self._decode = decode
        self._memo: dict[str, object] = {}
        self._whole = False  # the memo holds every key
        # Finds so far, a count that tables read whole together may share; and
        # what to do when it passes FINDS_BEFORE_WHOLE (read this table whole).
        self.finds = [0]
        self.on_whole: Callable[[], None] = self.read_whole
        # Called with the table as a dict (a frozenset for a set) once read whole:
        # its owner may hold that instead, looked up at C speed.
        self.replace: Callable[[object], None] | None = None

    def read_whole(self) -> None:
        self.take_whole(dict(self.items()) if self._decode is not None else frozenset(self))

    def take_whole(self, whole: dict | frozenset) -> None:
        """From now on, answer from ``whole``: this table as a dict (a frozenset for a set)."""
        if self._whole:
            return
        self._memo = whole if self._decode is not None else dict.fromkeys(whole, True)
        self._whole = True
        if self.replace is not None:
            self.replace(whole)

    def _find(self, key: str) -> object:
        if self._whole or not isinstance(key, str):
            return _ABSENT
        self.finds[0] += 1
        if self.finds[0] > FINDS_BEFORE_WHOLE:
            self.on_whole()
            if self._whole:
                return self._memo.get(key, _ABSENT)
        raw = key.encode()
        slots, offsets, data, mask = self._slots, self._offsets, self._data, self._mask
        h = zlib.crc32(raw) & mask
        found: object = _ABSENT
        while number := slots[h]:
            record = data[offsets[number - 1]:offsets[number]]
            if self._decode is None:
                if record == raw:
                    found = True
                    break
            elif record[:len(raw) + 1] == raw + _SEP:
                found = self._decode(bytes(record[len(raw) + 1:]).decode())
                break
            h = (h + 1) & mask
        if len(self._memo) >= MEMO_MAX:
            self._memo.clear()
        self._memo[key] = found
        return found

    def get(self, key: str, default: object = None) -> object:
        found = self._memo.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._find(key)
        return default if found is _ABSENT else found

    def __contains__(self, key: object) -> bool:
        found = self._memo.get(key, _UNSEEN)
        if found is _UNSEEN:
            found = self._find(key)
        return found is not _ABSENT

    def __getitem__(self, key: str) -> object:
        found = self.get(key, _ABSENT)
        if found is _ABSENT:
            raise KeyError(key)
        return found

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def _records(self) -> list[list[bytes]]:
        offsets, data = self._offsets.tolist(), bytes(self._data)
        return [data[a:b].split(_SEP, 1) for a, b in zip(offsets, offsets[1:])]

    def __iter__(self) -> Iterator[str]:
        return iter(b"\n".join(r[0] for r in self._records()).decode().split("\n") if len(self) else [])

    def keys(self) -> frozenset[str]:
        return frozenset(self)

    def values(self) -> Iterator[object]:
        return (value for _, value in self.items())

    def items(self) -> Iterator[tuple[str, object]]:
        decode = self._decode
        return iter([(r[0].decode(), decode(r[1].decode())) for r in self._records()])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Table):
            return self._view == other._view
        if self._decode is None:
            return set(self) == other
        return dict(self.items()) == other

    __hash__ = None  # type: ignore[assignment]
