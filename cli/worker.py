"""The worker's side of a run: what a worker process (or this one, as one of the
jobs) does with a batch of files. The cleaning itself is :mod:`khabar.core.folder`'s,
as the library does it; here it is rendered in the run's format and its
duplicate keys and content hash are added for the writer."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from dataclasses import dataclass, field

from khabar.cli.options import RunOptions
from khabar.cli.state import content_hash
from khabar.core import KhabarError
from khabar.core.decode import Decoded
from khabar.core.folder import clean_file, duplicate_keys, file_keys
from khabar.core.render import record, render
from khabar.core.template import PageKeys, Template


@dataclass
class Outcome:
    path: str
    data: dict | None = None  # the article's record
    text: str = ""  # the record rendered in the run's format
    error: str | None = None
    size: int = 0
    mtime_ns: int = 0
    digest: bytes = b""
    keys: list[bytes] = field(default_factory=list)  # duplicate keys (see core.folder.duplicate_keys)


_options: RunOptions | None = None


def init_worker(options: RunOptions, worker: bool = False) -> None:
    """Give this process the run's options; a worker of the pool also leaves
    signals to the main process and loads the word lists now."""
    global _options
    _options = options
    if worker:
        forget_learnt()  # the main process's, copied by fork: this worker cleans other pages
        # Ctrl-C and a hang-up go to the whole process group; the main process decides what
        # stops, and ends the workers with SIGTERM (their default, whatever the parent had set).
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _end_with_parent()
        from khabar.core.pipeline import warm as load_word_lists

        load_word_lists(options.config)


def _end_with_parent() -> None:
    """A worker ends when the process that started it does (killed, out of memory):
    no orphan goes on waiting for work that will never come."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # the parent was already gone
        os._exit(1)


def clean_one(path: str, data: bytes | None, template: Template | None, error: str | None = None,
              folder: str | None = None) -> Outcome:
    options = _options
    if error is not None:  # this process could not read it (a URL)
        return Outcome(path, error=error)
    try:
        learnt = _learnt.pop(path, None) if data is None else None
        if learnt is not None:
            data, st, decoded = learnt
            done = clean_file(path, data, config=options.config, template=template, stat=st, decoded=decoded)
        else:
            done = clean_file(path, data, config=options.config, template=template)
        fields = record(done.article)
        text = render(fields, options.fmt, explain=options.explain)
        keys = duplicate_keys(folder, fields)
        if options.fmt != "md":
            # JSON reads back into its fields (to render a duplicate again): the writer
            # gets the warnings alone, and the answer stays small.
            fields = {"warnings": fields["warnings"]}
    except OSError as err:
        return Outcome(path, error=f"{path}: cannot read: {err.strerror or err}")
    except KhabarError as err:
        return Outcome(path, error=str(err))
    except Exception as err:  # a bug must cost one page, never the run
        return Outcome(path, error=f"{path}: khabar failed on this page ({type(err).__name__}: {err}); "
                                   "please report it with the page")
    return Outcome(path, fields, text, size=done.size, mtime_ns=done.mtime_ns, digest=content_hash(done.data),
                   keys=keys)


def clean_batch(jobs: list[tuple[str, bytes | None, str | None]], template: Template | None,
                folder: str | None = None) -> list[Outcome]:
    """Clean a batch of one folder: (path, bytes already read or None, error reading it or None) each."""
    return [clean_one(path, data, template, error, folder) for path, data, error in jobs]


# The files this process read and decoded to learn a folder, kept for its cleaning
# pass (when this process cleans them too): path -> (bytes, stat, decoded text).
# Learning reads at most template.MAX_FILES of a folder; what is left is dropped at
# the next, and no more than LEARNT_MAX_BYTES are kept.
_learnt: dict[str, tuple[bytes, os.stat_result, Decoded]] = {}
_learnt_bytes = 0
LEARNT_MAX_BYTES = 32 << 20


def _keep_learnt(path: str, data: bytes, st: os.stat_result, decoded: Decoded) -> None:
    global _learnt_bytes
    size = len(data) + sys.getsizeof(decoded.text)
    if _learnt_bytes + size <= LEARNT_MAX_BYTES:
        _learnt[path] = (data, st, decoded)
        _learnt_bytes += size


def forget_learnt() -> None:
    global _learnt_bytes
    _learnt.clear()
    _learnt_bytes = 0


def line_keys_batch(entries: list[tuple[str, bytes | None]], keep: bool = False) -> list[PageKeys | None]:
    """The line keys of files of one folder, for learning its template (see
    core.folder.file_keys); ``keep``: keep what was read for this process's cleaning."""
    config = _options.config
    return [file_keys(path, data, max_bytes=config.max_bytes, keep=_keep_learnt if keep else None, input=config.input)
            for path, data in entries]


def call_with(options: RunOptions, fn: Callable, *args):
    """fn(*args) on a worker that was not started by this run (a Dask worker)."""
    init_worker(options)
    return fn(*args)
