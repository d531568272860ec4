"""Compiled patterns kept between runs: a short run (one page, one date string)
spent a quarter of its time in ``re``'s compiler, which is written in Python
(parsing a pattern and emitting its code), for the same few hundred patterns
each time. The code it emits is kept in a cache file and handed to ``_sre``,
the C engine, which builds the same pattern object from it at once.

For a program that owns its process (the ``khabar`` command installs it; the
library does not): :func:`install` routes every ``re.compile`` of a str or
bytes pattern through the cache, :func:`save` writes what was new. The file's
name carries the interpreter's version and the engine's magic number, so
another Python never reads it; a file that cannot be read is ignored (and
replaced), and whatever goes wrong, a pattern is compiled as ``re`` would.
"""

from __future__ import annotations

import _sre
import marshal
import os
import sys
from array import array
from re import _compiler, _parser

# The engine's code words, stored as bytes (read back in a fraction of a
# millisecond; lists of ints took a few).
_WORD = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)

# Patterns kept at most, in the file (a run's own first) and in memory (a long
# run that makes patterns of its pages compiles the rest as re does): the file
# stays small whatever rule files come and go, and memory flat.
MAX_PATTERNS = 3000

_entries: dict[tuple[str | bytes, int], tuple] = {}
_used: set[tuple[str | bytes, int]] = set()
_state = {"new": False, "path": None, "original": None}


def _path() -> str:
    from khabar.core.caches import cache_dir

    return os.path.join(cache_dir(), f"regex-{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}"
                                     f"-{_sre.CODESIZE}.marshal")


def install() -> None:
    """Compile patterns through the cache from now on (once per process)."""
    if _state["original"] is not None:
        return
    _state["path"] = path = _path()
    try:
        with open(path, "rb") as f:
            loaded = marshal.loads(f.read())
        if isinstance(loaded, dict):
            _entries.update(loaded)
    except (OSError, ValueError, EOFError, TypeError):
        pass
    _state["original"] = _compiler.compile
    _compiler.compile = _compile


def _compile(p, flags=0):
    if type(p) not in (str, bytes) or type(flags) is not int or flags & _compiler.SRE_FLAG_DEBUG:
        return _state["original"](p, flags)
    key = (p, flags)
    entry = _entries.get(key)
    if entry is not None:
        try:
            final_flags, code, *groups = entry
            compiled = _sre.compile(p, final_flags, array(_WORD, code).tolist(), *groups)
            _used.add(key)
            return compiled
        except Exception:  # a damaged entry: compiled anew below
            pass
    # As re._compiler.compile does, keeping what it hands to _sre.
    parsed = _parser.parse(p, flags)
    code = _compiler._code(parsed, flags)
    groupindex = parsed.state.groupdict
    indexgroup = [None] * parsed.state.groups
    for name, number in groupindex.items():
        indexgroup[number] = name
    groups = (parsed.state.groups - 1, dict(groupindex), tuple(indexgroup))
    compiled = _sre.compile(p, flags | parsed.state.flags, code, *groups)
    if len(_entries) < 2 * MAX_PATTERNS:
        entry = (flags | parsed.state.flags, array(_WORD, code).tobytes(), *groups)
        _entries[key] = entry
        _used.add(key)
        _state["new"] = True
    return compiled


def save() -> None:
    """Write the cache when this process compiled a pattern it did not hold
    (atomically: a file beside it, then renamed; a failure is only slower)."""
    path = _state["path"]
    if not _state["new"] or path is None:
        return
    _state["new"] = False
    kept = _entries
    if len(kept) > MAX_PATTERNS:
        kept = {key: _entries[key] for key in list(_used)[:MAX_PATTERNS]}
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as f:
            marshal.dump(kept, f)
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
