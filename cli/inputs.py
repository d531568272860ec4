"""Which inputs a run takes: files, folders walked, a list of paths, standard input.

Inputs come in groups: the files of one folder (learnt and cleaned together
with that folder's template), in sorted order, one folder listing in memory at
a time, so a run over millions of files keeps its memory flat.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from khabar.cli import storage
from khabar.cli.state import STATE_DIR
from khabar.core.render import EXTENSIONS

STDIN = "-"
# Listed files (--files-from) come in runs of one folder of at most this many,
# so that a list of millions never sits in memory; each run learns its template.
GROUP_MAX = 5000


@dataclass(frozen=True)
class Job:
    path: str  # as given or found; "-" for standard input
    # Where its output goes under --output (before the extension changes), with
    # '/' between the parts: a string, not a PurePath (see storage: pathlib keeps
    # every part it parses for good).
    relative: str


@dataclass
class Group:
    folder: str | None  # the folder whose template applies; None for standard input
    jobs: list[Job] = field(default_factory=list)


# Files taken from folders by default: text dumps and saved HTML pages (read by content).
DEFAULT_INCLUDE = ("*.txt", "*.html", "*.htm")


@dataclass(frozen=True)
class Selection:
    include: tuple[str, ...] = DEFAULT_INCLUDE  # glob on the file name, for files found in folders
    exclude: tuple[str, ...] = ()  # glob on the name or on the path below the folder
    skip: Path | None = None  # never walk into this folder (the output folder)
    report: Callable[[str], None] | None = field(default=None, compare=False)  # a folder that cannot be read

    def wants(self, name: str, relative: str) -> bool:
        return any(fnmatch(name, g) for g in self.include) and \
            not any(fnmatch(name, g) or fnmatch(relative, g) for g in self.exclude)


# The files khabar writes into an output folder.
OUTPUTS = tuple(EXTENSIONS.values())


def _walk(root: str, selection: Selection) -> Iterator[Group]:
    """khabar's own files are never inputs, whatever the globs: no .khabar folder
    (a run's lock and state) is walked, nor the output folder; and in an output
    folder (one that holds .khabar, or the run's own, when it holds the inputs)
    and below it, files with an output's extension are the outputs they look like."""
    skip = os.path.realpath(selection.skip) if selection.skip else None
    real_root = os.path.realpath(root)
    marks = [root] if skip and (real_root == skip or real_root.startswith(skip.rstrip(os.sep) + os.sep)) else []
    # Symbolic links to folders are not followed: a link that loops cannot trap the walk.
    def unreadable(err: OSError) -> None:
        if selection.report is not None:
            selection.report(f"{err.filename}: cannot read this folder: {err.strerror}")

    for folder, dirs, files in os.walk(root, followlinks=False, onerror=unreadable):
        if STATE_DIR in dirs:
            marks.append(folder)
        dirs[:] = sorted(d for d in dirs if d != STATE_DIR and
                         (skip is None or os.path.realpath(os.path.join(folder, d)) != skip))
        outputs = any(folder == m or folder.startswith(m.rstrip(os.sep) + os.sep) for m in marks)
        jobs = []
        for name in sorted(files):
            if outputs and name.endswith(OUTPUTS):
                continue
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            if selection.wants(name, relative):
                jobs.append(Job(path, relative))
        if jobs:
            # One group a folder, however large: its template is learnt from all of it.
            yield Group(folder, jobs)


def _walk_url(url: str, selection: Selection) -> Iterator[Group]:
    """A folder URL walked like a folder; a file URL as one input."""
    if not storage.is_dir_url(url):
        yield Group(url.rsplit("/", 1)[0], [Job(url, url.rsplit("/", 1)[-1])])
        return
    for folder, entries in storage.walk_url(url):
        jobs = [Job(full, relative) for full, relative in entries
                if selection.wants(relative.rsplit("/", 1)[-1], relative)]
        if jobs:
            yield Group(folder, jobs)


def _relative_to_anchor(path: str) -> str:
    """Where a listed file's output goes: its path as given, less any root or '..'."""
    rest = os.path.splitdrive(path)[1].replace(os.sep, "/")
    parts = [p for p in rest.split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or "stdin"


def _files(paths: Iterable[str], *, mirror: bool) -> Iterator[Group]:
    """Listed files, in runs that share a folder."""
    group: Group | None = None
    for path in paths:
        folder = os.path.dirname(path) or "."
        relative = _relative_to_anchor(path) if mirror else os.path.basename(path)
        if group is None or group.folder != folder or len(group.jobs) >= GROUP_MAX:
            if group is not None:
                yield group
            group = Group(folder)
        group.jobs.append(Job(path, relative))
    if group is not None:
        yield group


def read_list(stream, *, null: bool) -> Iterator[str]:
    """Paths from --files-from: one a line, or NUL-separated (find -print0) with -0."""
    if null:
        pending = b""
        while chunk := stream.read(1 << 16):
            *names, pending = (pending + chunk).split(b"\0")
            yield from (os.fsdecode(n) for n in names if n)
        if pending:
            yield os.fsdecode(pending)
    else:
        for raw in stream:
            name = os.fsdecode(raw.rstrip(b"\r\n"))
            if name:
                yield name


def groups(paths: Iterable[str], selection: Selection, *, listed: Iterable[str] = ()) -> Iterator[Group]:
    """Every input in order: the arguments, then the --files-from list."""
    loose: list[str] = []

    def flush():
        yield from _files(loose, mirror=False)
        loose.clear()

    for given in paths:
        if given == STDIN:
            yield from flush()
            yield Group(None, [Job(STDIN, "stdin")])
        elif storage.is_url(given):
            yield from flush()
            yield from _walk_url(given, selection)
        elif os.path.isdir(given):
            yield from flush()
            yield from _walk(given, selection)
        else:
            # A missing or unreadable file is reported when it is read, with the other failures.
            loose.append(given)
    yield from flush()
    yield from _files(listed, mirror=True)
