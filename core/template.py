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
from functools import lru_cache

from khabar.core.chars import FOLD_MEMO_MAX_CHARS, fold

MIN_FILES = 3
MIN_SHARE = 0.1
# Learning reads at most this many files of a folder (spread evenly over it, in
# sorted order) so that memory stays small however large the folder is.
MAX_FILES = 256


def line_key(text: str) -> bytes:
    """A short fingerprint of a line as folded (spacing and letter forms ignored)."""
    # A site's menus and footers come back on every page: a short line's key is remembered.
    return _short_line_key(text) if len(text) <= FOLD_MEMO_MAX_CHARS else _line_key(text)


def _line_key(text: str) -> bytes:
    return hashlib.blake2b(fold(text).encode("utf-8"), digest_size=8).digest()


_short_line_key = lru_cache(maxsize=1 << 12)(_line_key)


@dataclass(frozen=True)
class Template:
    keys: frozenset[bytes] = frozenset()

    def __contains__(self, text: str) -> bool:
        return bool(self.keys) and line_key(text) in self.keys


@dataclass(frozen=True)
class PageKeys:
    """What learning needs of a page: its line keys, and the key of its longest
    line, which copies of one article share (see :func:`learn_from_keys`)."""

    signature: bytes
    keys: frozenset[bytes]


def page_keys(text: str) -> PageKeys:
    """The keys of a page's lines. Folding makes the decoded text enough: the
    repairs khabar makes (spaces, half-spaces, letter forms) do not change a key."""
    lines = [line for line in text.splitlines() if line.strip()]
    longest = max(lines, key=len, default="")
    return PageKeys(line_key(longest), frozenset(map(line_key, lines)))


def learn_from_keys(pages: Iterable[PageKeys]) -> Template:
    """The template from the pages' line keys.

    The same article saved several times (in other encodings, cut short) must
    not teach its own lines as template: pages that share their longest line
    count once, with the lines all of them have.
    """
    articles: dict[bytes, frozenset[bytes]] = {}
    for page in pages:
        seen = articles.get(page.signature)
        articles[page.signature] = page.keys if seen is None else seen & page.keys
    counts: Counter[bytes] = Counter()
    for keys in articles.values():
        counts.update(keys)
    needed = max(MIN_FILES, MIN_SHARE * len(articles))
    return Template(frozenset(k for k, c in counts.items() if c >= needed))


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
