"""Learn a site's template from a folder of its pages: lines that recur in many files.

Menus, footers and fixed link lists repeat on every page of a site, while an
article's sentences appear on one page. Counting in how many files of a folder
each line occurs finds the template without any rule naming it. The count is a
set per file, so the result does not depend on the order the files are read;
a line is template only when it occurs in at least ``MIN_FILES`` files and in
``MIN_SHARE`` of them, so a line that occurs in one file is never template.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from khabar.core.rules import fold

MIN_FILES = 3
MIN_SHARE = 0.1
# Learning reads at most this many files of a folder (spread evenly over it, in
# sorted order) so that memory stays small however large the folder is.
MAX_FILES = 2000


def line_key(text: str) -> bytes:
    """A short fingerprint of a line as folded (spacing and letter forms ignored)."""
    return hashlib.blake2b(fold(text).encode("utf-8"), digest_size=8).digest()


@dataclass(frozen=True)
class Template:
    keys: frozenset[bytes] = frozenset()
    files: int = 0  # how many files it was learnt from

    def __contains__(self, text: str) -> bool:
        return bool(self.keys) and line_key(text) in self.keys


def learn_from_keys(files: Iterable[Iterable[bytes]]) -> Template:
    """The template from each file's set of line keys (see :func:`line_key`)."""
    counts: Counter[bytes] = Counter()
    n = 0
    for keys in files:
        n += 1
        counts.update(set(keys))
    needed = max(MIN_FILES, MIN_SHARE * n)
    return Template(frozenset(k for k, c in counts.items() if c >= needed), n)


def page_keys(text: str) -> frozenset[bytes]:
    """The keys of a page's lines. Folding makes the decoded text enough: the
    repairs khabar makes (spaces, half-spaces, letter forms) do not change a key."""
    return frozenset(line_key(line) for line in text.splitlines() if line.strip())


def learn(pages: Iterable[str]) -> Template:
    """The template of a set of pages (decoded texts of one site)."""
    return learn_from_keys(page_keys(text) for text in pages)


def sample(paths: list, limit: int = MAX_FILES) -> list:
    """At most ``limit`` of the (sorted) paths, spread evenly."""
    paths = sorted(paths)
    if len(paths) <= limit:
        return paths
    step = len(paths) / limit
    return [paths[int(i * step)] for i in range(limit)]
