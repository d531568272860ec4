"""Which files a folder gives: walked in sorted order, one group a folder.

Inputs come in groups: the files of one folder (learnt and cleaned together
with that folder's template), in sorted order, one folder listing in memory at
a time, so a run over millions of files keeps its memory flat. khabar's own
outputs and its state folder are never inputs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from khabar.core.reading import STDIN  # noqa: F401 (the name inputs are given as)
from khabar.core.render import EXTENSIONS

# Where a run keeps its lock and state, in its output folder; never walked.
STATE_DIR = ".khabar"
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


def walk(root: str, selection: Selection) -> Iterator[Group]:
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


def relative_to_anchor(path: str) -> str:
    """Where a listed file's output goes: its path as given, less any root or '..'."""
    rest = os.path.splitdrive(path)[1].replace(os.sep, "/")
    parts = [p for p in rest.split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or "stdin"


def listed_files(paths: Iterable[str], *, mirror: bool) -> Iterator[Group]:
    """Listed files, in runs that share a folder."""
    group: Group | None = None
    for path in paths:
        folder = os.path.dirname(path) or "."
        relative = relative_to_anchor(path) if mirror else os.path.basename(path)
        if group is None or group.folder != folder or len(group.jobs) >= GROUP_MAX:
            if group is not None:
                yield group
            group = Group(folder)
        group.jobs.append(Job(path, relative))
    if group is not None:
        yield group




def groups(paths: Iterable[str], selection: Selection = Selection(), *, listed: Iterable[str] = (),
           other: Callable[[str], Iterable[Group] | None] | None = None) -> Iterator[Group]:
    """Every input in order: the paths given (a folder walked, files given one after
    another grouped by folder), then the ``listed`` ones. ``other(path)``: the
    groups of a path that is no local file or folder (standard input, a URL), or
    None; the CLI's hook."""
    loose: list[str] = []

    def flush():
        yield from listed_files(loose, mirror=False)
        loose.clear()

    for given in paths:
        found = other(given) if other is not None else None
        if found is not None:
            yield from flush()
            yield from found
        elif os.path.isdir(given):
            yield from flush()
            yield from walk(given, selection)
        else:
            # A missing or unreadable file is reported when it is read, with the other failures.
            loose.append(given)
    yield from flush()
    yield from listed_files(listed, mirror=True)
