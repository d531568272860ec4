"""A run's spool folder: where workers leave answers too long for the pipe.

A worker's answer goes back through one pipe that all workers share. A worker
killed while writing a long answer would leave half a message there, and the
pool would wait for the rest for ever; a write of at most PIPE_BUF bytes
(4096 on Linux) is whole or not at all. So a longer answer is written to a file
in the run's spool folder, and only its name is sent.

The folder lives in memory (/dev/shm) where there is one. A run holds a lock on
its folder while it lives; a run killed outright cannot remove its folder, so
the next run removes the folders whose run is gone.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import os
import pickle
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from khabar.cli.storage import process_alive

INLINE_MAX = 3000
SPOOL_PREFIX = "khabar-spool-"

_serial = itertools.count()


def spooled(spool: str, fn: Callable, *args) -> tuple[str, bytes | str]:
    """fn(*args), pickled: inline when short, else in a file of the spool."""
    data = pickle.dumps(fn(*args), protocol=pickle.HIGHEST_PROTOCOL)
    if len(data) <= INLINE_MAX:
        return "inline", data
    path = os.path.join(spool, f"{os.getpid()}-{next(_serial)}.pickle")
    try:
        with open(path, "wb") as f:
            f.write(data)
    except OSError:  # the spool is full (a small /dev/shm): send it whole after all
        with contextlib.suppress(OSError):
            os.unlink(path)
        return "inline", data
    return "file", path


def unspooled(answer: tuple[str, bytes | str]):
    kind, value = answer
    if kind == "inline":
        return pickle.loads(value)
    try:
        with open(value, "rb") as f:
            return pickle.loads(f.read())
    finally:
        os.unlink(value)


def spool_base() -> str:
    return "/dev/shm" if os.access("/dev/shm", os.W_OK) else tempfile.gettempdir()


def make_spool() -> tuple[str, int]:
    """A new spool folder for this run, and the descriptor that holds its lock
    (close it, or end, to let it go). Folders left by killed runs are removed first."""
    base = spool_base()
    remove_dead_spools(base)
    folder = tempfile.mkdtemp(prefix=f"{SPOOL_PREFIX}{os.getpid()}-", dir=base)
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    return folder, fd


def remove_dead_spools(base: str | None = None) -> None:
    """Remove this user's spool folders whose run is gone, however old: their
    process no longer exists and nothing holds their lock (a process of the same
    number in another PID namespace, or a worker still running, keeps its lock)."""
    for old in Path(base or spool_base()).glob(f"{SPOOL_PREFIX}*"):
        pid = old.name[len(SPOOL_PREFIX):].split("-")[0]
        try:
            if not pid.isdigit() or old.stat().st_uid != os.getuid() or process_alive(int(pid)):
                continue
            fd = os.open(old, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # held: its run lives on
        finally:
            os.close(fd)
        shutil.rmtree(old, ignore_errors=True)

