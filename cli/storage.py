"""Where inputs come from and outputs go: local paths, fsspec URLs, standard output.

A URL (``file://``, ``memory://``, ``s3://`` with s3fs installed, …) is read and
written by this process, so workers on other machines need not see it; a
local path is read by the worker that cleans it. fsspec comes with the
``dask`` extra (``pip install "khabar[dask]"``).
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from khabar.cli.exits import EXIT_READER_LEFT  # noqa: F401 (what ReaderLeft ends with)
from khabar.core.reading import over_limit
from khabar.core.errors import InputError, KhabarError


class StorageError(KhabarError):
    """A URL that cannot be used (fsspec missing, an unknown protocol)."""


def is_url(path: object) -> bool:
    return "://" in str(path)


def _fs(url: str):
    try:
        import fsspec
    except ImportError:
        raise StorageError(f"{url}: URLs need fsspec: pip install \"khabar[dask]\"") from None
    try:
        return fsspec.core.url_to_fs(url)
    except (ValueError, ImportError) as err:
        raise StorageError(f"{url}: {err}") from None


def read_url(url: str, max_bytes: int) -> bytes:
    fs, path = _fs(url)
    try:
        size = fs.size(path)
        if size is not None and size > max_bytes:
            raise over_limit(url, max_bytes, size)
        return fs.cat_file(path)
    except FileNotFoundError:
        raise InputError(f"{url}: cannot read: No such file or directory") from None
    except OSError as err:
        raise InputError(f"{url}: cannot read: {err.strerror or err}") from None


def is_dir_url(url: str) -> bool:
    fs, path = _fs(url)
    return fs.isdir(path)


def walk_url(url: str) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    """(folder URL, [(file URL, path below the root)]) for each folder, in sorted order."""
    fs, root = _fs(url)
    root = root.rstrip("/") or "/"
    base = url.rstrip("/")
    # Paths are shown as the user wrote the URL, with the part below it appended.
    for folder, dirs, files in fs.walk(root):
        dirs[:] = sorted(dirs) if isinstance(dirs, list) else dirs
        below = str(PurePosixPath(folder).relative_to(root))
        folder_url = base if below == "." else f"{base}/{below}"
        prefix = "" if below == "." else f"{below}/"
        entries = [(f"{folder_url}/{name}", f"{prefix}{name}") for name in sorted(files)]
        yield folder_url, entries


def target(output: str | Path, relative: str) -> str:
    """Where one output goes under --output (a local folder or a URL); ``relative``
    has '/' between its parts."""
    if is_url(output):
        return f"{str(output).rstrip('/')}/{relative}"
    return os.path.join(output, relative)


# Local output paths are strings, never pathlib objects: Python 3.12's pathlib
# interns every part of every path it parses, for good (immortal strings), and a
# run over a million files grew by their names.
_made: set[str] = set()  # output folders this process has made (or found)
_serial = itertools.count()


# Temporary outputs are named for this process, not for their target: a name of
# 255 bytes (the most a folder entry takes) leaves no room to add to it.
TEMP_PREFIX = ".khabar-"
TEMP_SUFFIX = ".tmp"


def _temporary(target: str) -> tuple[int, str]:
    """A new file beside the target, opened for writing, with the usual mode (0666 less the umask)."""
    folder = os.path.dirname(target)
    if folder not in _made:
        os.makedirs(folder or ".", exist_ok=True)
        _remove_dead_temporaries(folder)
        _made.add(folder)
    while True:
        tmp = os.path.join(folder, f"{TEMP_PREFIX}{os.getpid()}-{next(_serial)}{TEMP_SUFFIX}")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666), tmp
        except FileExistsError:  # left by a killed run whose process had this number
            continue
        except FileNotFoundError:  # the folder was removed meanwhile
            _made.discard(folder)
            os.makedirs(folder or ".", exist_ok=True)
            _made.add(folder)


def _remove_dead_temporaries(folder: str) -> None:
    """Temporary outputs that a killed run left in this folder (their process is gone)."""
    try:
        entries = [e for e in os.scandir(folder or ".")
                   if e.name.startswith(TEMP_PREFIX) and e.name.endswith(TEMP_SUFFIX)]
    except OSError:
        return
    for entry in entries:
        pid = entry.name[len(TEMP_PREFIX):].split("-")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not process_alive(int(pid)):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's
    return True


def _write_all(fd: int, data: bytes) -> None:
    # Plain writes: a file object would add a tty test and a seek to every output.
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def write_atomically(target: str | Path, text: str) -> None:
    """Write to a temporary file beside the target and rename it into place."""
    target = os.fspath(target)
    fd, tmp = _temporary(target)
    try:
        try:
            _write_all(fd, text.encode("utf-8"))
        finally:
            os.close(fd)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write(target: str | Path, text: str) -> None:
    if not is_url(target):
        write_atomically(target, text)
        return
    fs, path = _fs(str(target))
    protocols = (fs.protocol,) if isinstance(fs.protocol, str) else tuple(fs.protocol or ())
    if "file" in protocols:
        write_atomically(path, text)  # a local file URL gets the same atomic rename
    else:
        fs.pipe_file(path, text.encode("utf-8"))  # object stores replace an object whole


class ReaderLeft(Exception):
    """Standard output's reader is gone (`khabar … | head`)."""


class StdoutFailed(Exception):
    """Standard output cannot be written (closed, a full disk): nothing more can go out."""


def stdout_failure(err: OSError | None) -> str:
    """The one line that says why standard output took nothing (None: it is closed)."""
    if err is None or err.errno == errno.EBADF:
        return "standard output is closed; nothing can be written to it"
    return f"standard output: cannot write: {err.strerror or err}"


def write_stdout(text: str) -> None:
    """Write it all, or raise ReaderLeft, or StdoutFailed. (A large write that the
    reader cuts short returns the bytes written so far; only the next one fails.)"""
    if sys.stdout is None:
        raise StdoutFailed(stdout_failure(None))
    out = sys.stdout.buffer
    data = memoryview(text.encode("utf-8"))
    try:
        while data:
            data = data[out.write(data):]
        out.flush()
    except BrokenPipeError:
        reader_left()
        raise ReaderLeft from None
    except OSError as err:
        discard_stdout()
        raise StdoutFailed(stdout_failure(err)) from None


def reader_left() -> None:
    """What is still buffered for standard output goes nowhere (flushing it to
    the closed pipe would fail again at exit)."""
    discard_stdout()


def discard_stdout() -> None:
    """Standard output failed: what is still buffered for it goes nowhere (else the
    flush at exit fails again)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
