"""What Python compiles at each start, kept between runs. A short run (one
page, one date string) compiled the same things every time, in Python:

- regular expressions: ``re``'s compiler parses a pattern and emits its code
  (a quarter of a one-page run); the code is kept and handed to ``_sre``, the
  C engine, which builds the same pattern object from it at once;
- the methods ``dataclasses`` writes for each class (``__init__``,
  ``__eq__`` ...) as source, compiled one by one (a sixth of a one-page run,
  on Python 3.12; 3.13 compiles them together and is left alone): their code
  objects are kept and run as the source would be;
- khabar's data files (TOML), parsed by ``tomllib`` in Python, and imported
  for it (a tenth of ``khabar date``): what they parse to is kept, by their
  text (see :func:`toml_loads`).

For a program that owns its process (the ``khabar`` command installs it; the
library does not): :func:`install` routes the two through the cache, :func:`save`
writes what was new. The file's name carries the interpreter's exact version
and the engine's magic number, so another Python never reads it; a file that
cannot be read is ignored (and replaced); whatever goes wrong, the thing is
compiled as Python would.
"""

from __future__ import annotations

import _sre
import dataclasses
import marshal
import os
import sys
from array import array
from re import _compiler, _parser

# The engine's code words, stored as bytes (read back in a fraction of a
# millisecond; lists of ints took a few).
_WORD = next(t for t in "IL" if array(t).itemsize == _sre.CODESIZE)

# Entries kept at most in each section, in the file (a run's own first) and in
# memory (a long run that makes patterns of its pages compiles the rest as re
# does): the file stays small whatever rule files come and go, and memory flat.
MAX_ENTRIES = 3000

_patterns: dict[tuple[str | bytes, int], tuple] = {}  # (pattern, flags) -> what _sre.compile takes
_methods: dict[str, bytes] = {}  # a dataclass method's source -> its code, marshalled
_tomls: dict[str, bytes] = {}  # a TOML text -> what it parses to, marshalled
_used: dict[str, set] = {"re": set(), "fn": set(), "toml": set()}
_state = {"new": False, "path": None, "compile": None, "create_fn": None}


def _path() -> str:
    from khabar.core.caches import cache_dir

    return os.path.join(cache_dir(), f"compiled-{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}"
                                     f"-{_sre.CODESIZE}.marshal")


def install() -> None:
    """Compile patterns and dataclass methods through the cache from now on (once per process)."""
    if _state["compile"] is not None:
        return
    _state["path"] = path = _path()
    try:
        with open(path, "rb") as f:
            loaded = marshal.loads(f.read())
        _patterns.update(loaded["re"])
        _methods.update(loaded["fn"])
        _tomls.update(loaded["toml"])
    except (OSError, ValueError, EOFError, TypeError, KeyError):
        pass
    _state["compile"] = _compiler.compile
    _compiler.compile = _compile
    create_fn = getattr(dataclasses, "_create_fn", None)
    if sys.version_info[:2] == (3, 12) and create_fn is not None \
            and create_fn.__code__.co_varnames[:6] == ("name", "args", "body", "globals", "locals", "return_type"):
        _state["create_fn"] = create_fn
        dataclasses._create_fn = _create_fn


def _compile(p, flags=0):
    if type(p) not in (str, bytes) or type(flags) is not int or flags & _compiler.SRE_FLAG_DEBUG:
        return _state["compile"](p, flags)
    key = (p, flags)
    entry = _patterns.get(key)
    if entry is not None:
        try:
            final_flags, code, *groups = entry
            compiled = _sre.compile(p, final_flags, array(_WORD, code).tolist(), *groups)
            _used["re"].add(key)
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
    if len(_patterns) < 2 * MAX_ENTRIES:
        _patterns[key] = (flags | parsed.state.flags, array(_WORD, code).tobytes(), *groups)
        _used["re"].add(key)
        _state["new"] = True
    return compiled


def _create_fn(name, args, body, *, globals=None, locals=None, return_type=dataclasses.MISSING):
    """dataclasses._create_fn of Python 3.12, its source compiled once and kept."""
    # As dataclasses._create_fn (3.12) writes the source.
    if locals is None:
        locals = {}
    return_annotation = ""
    if return_type is not dataclasses.MISSING:
        locals["__dataclass_return_type__"] = return_type
        return_annotation = "->__dataclass_return_type__"
    args = ",".join(args)
    body = "\n".join(f"  {b}" for b in body)
    txt = f" def {name}({args}){return_annotation}:\n{body}"
    local_vars = ", ".join(locals.keys())
    txt = f"def __create_fn__({local_vars}):\n{txt}\n return {name}"
    kept = _methods.get(txt)
    code = None
    if kept is not None:
        try:
            code = marshal.loads(kept)
            _used["fn"].add(txt)
        except (ValueError, EOFError, TypeError):
            code = None
    if code is None:
        # dont_inherit: compiled as dataclasses' exec compiles it, without this module's __future__ flags
        code = compile(txt, "<string>", "exec", dont_inherit=True)
        if len(_methods) < 2 * MAX_ENTRIES:
            _methods[txt] = marshal.dumps(code)
            _used["fn"].add(txt)
            _state["new"] = True
    ns = {}
    exec(code, globals, ns)
    return ns["__create_fn__"](**locals)


def toml_loads(text: str) -> dict:
    """``tomllib.loads(text)``: from the cache once installed (a new copy each
    time, as a parse makes), else parsed (and then kept, unless it holds what
    marshal cannot keep: dates and times)."""
    kept = _tomls.get(text) if _state["compile"] is not None else None
    if kept is not None:
        try:
            parsed = marshal.loads(kept)
            _used["toml"].add(text)
            return parsed
        except (ValueError, EOFError, TypeError):
            pass
    import tomllib

    parsed = tomllib.loads(text)
    if _state["compile"] is not None and len(_tomls) < 2 * MAX_ENTRIES:
        try:
            _tomls[text] = marshal.dumps(parsed)
        except ValueError:
            return parsed
        _used["toml"].add(text)
        _state["new"] = True
    return parsed


def save() -> None:
    """Write the cache when this process compiled something it did not hold
    (atomically: a file beside it, then renamed; a failure is only slower)."""
    path = _state["path"]
    if not _state["new"] or path is None:
        return
    _state["new"] = False
    sections = {}
    for name, entries in (("re", _patterns), ("fn", _methods), ("toml", _tomls)):
        if len(entries) > MAX_ENTRIES:
            entries = {key: entries[key] for key in list(_used[name])[:MAX_ENTRIES]}
        sections[name] = entries
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as f:
            marshal.dump(sections, f)
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass
