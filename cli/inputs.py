"""Which inputs a run takes: files, folders walked, folder URLs, a list of paths,
standard input. Local folders are walked by :mod:`khabar.core.inputs` (as the
library walks them); this adds URLs and the --files-from list.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from khabar.cli import storage
from khabar.core.inputs import DEFAULT_INCLUDE, STDIN, Group, Job, Selection
from khabar.core.inputs import groups as walk_groups

__all__ = ["DEFAULT_INCLUDE", "STDIN", "Group", "Job", "Selection", "groups", "read_list"]


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
    return walk_groups(paths, selection, listed=listed, other=lambda given: _other(given, selection))


def _other(given: str, selection: Selection) -> Iterator[Group] | None:
    """Standard input and URLs: what the library's walk leaves to the CLI."""
    if given == STDIN:
        return iter([Group(None, [Job(STDIN, "stdin")])])
    if storage.is_url(given):
        return _walk_url(given, selection)
    return None
