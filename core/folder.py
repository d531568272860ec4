"""What khabar does for a folder rather than a page: learn the folder's template
from its files, clean a file read within limits (its modification time as the
reference, when asked), and find the duplicates among the articles.

The library's :func:`khabar.clean_many` and the CLI's runner (which spreads the
same calls over processes or a cluster) are both built on these functions.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from khabar.core.config import Config
from khabar.core.decode import Decoded, decode
from khabar.core.model import Article
from khabar.core.pipeline import clean_bytes
from khabar.core.reading import STDIN, MAX_BYTES, read_file
from khabar.core.chars import fold
from khabar.core.template import MIN_FILES, PageKeys, Template, learn_from_keys, page_keys, sample


# --- the folder's template ---------------------------------------------------

def learning_sample(paths: Iterable[str]) -> list[str]:
    """The files of one folder its template is learnt from ([] when too few to learn):
    at most template.MAX_FILES, spread evenly over the sorted names."""
    files = [path for path in paths if path != STDIN]
    return sample(files) if len(files) >= MIN_FILES else []


# What file_keys may keep of a file it read: (path, bytes, status, decoded text).
Keeper = Callable[[str, bytes, os.stat_result, Decoded], None]


def file_keys(path: str, data: bytes | None = None, *, max_bytes: int = MAX_BYTES,
              keep: Keeper | None = None, input: str = "auto") -> PageKeys | None:
    """The keys of a file's lines, for learning its folder's template; None when it
    cannot be read or decoded (cleaning it reports why). ``data``: its bytes,
    when the caller has read them; ``keep``: given what was read, for a caller
    that cleans the file next in this process; ``input``: auto, text or html (--input).
    An HTML page's keys are those of its visible lines, as cleaning reads them."""
    try:
        if data is None:
            data, st = read_file(path, max_bytes)
            decoded = decode(data, path=path)
            if keep is not None:
                keep(path, data, st, decoded)
        else:
            decoded = decode(data, path=path)
        if input != "text":
            from khabar.core.html_input import looks_like_html

            if input == "html" or looks_like_html(data):
                from khabar.core.html_page import html_lines  # selectolax only for HTML pages

                return page_keys("\n".join(html_lines(data, path=path)))
        return page_keys(decoded.text)
    except Exception:  # unreadable or broken: the cleaning pass reports it
        return None


def template_from(keys: Iterable[PageKeys | None]) -> Template:
    """The template from the line keys of a folder's sample (unreadable files: None, left out)."""
    return learn_from_keys(page for page in keys if page is not None)


def learn_folder(paths: Sequence[str], *, max_bytes: int = MAX_BYTES, input: str = "auto") -> Template | None:
    """The template of one folder's files, learnt here (None: too few files to learn)."""
    chosen = learning_sample(paths)
    if not chosen:
        return None
    return template_from(file_keys(path, max_bytes=max_bytes, input=input) for path in chosen)


# --- one file ----------------------------------------------------------------

@dataclass
class Cleaned:
    """A file cleaned: its article, and what a run records of the file."""

    article: Article
    data: bytes  # as read
    size: int
    mtime_ns: int  # 0: not a file (standard input, a URL read elsewhere)


def clean_file(path: str, data: bytes | None = None, *, config: Config = Config(), template: Template | None = None,
               stat: os.stat_result | None = None, decoded: Decoded | None = None) -> Cleaned:
    """Read ``path`` within ``config.max_bytes`` (unless its ``data`` is given) and clean
    it; with ``config.reference`` set to mtime, its dates are read against its
    modification time. Raises InputError or OSError when it cannot be read."""
    if data is None:
        data, stat = read_file(path, config.max_bytes)
    size, mtime_ns = (stat.st_size, stat.st_mtime_ns) if stat is not None else (len(data), 0)
    article = clean_bytes(data, path=path, config=config, reference=config.reference.at(mtime_ns),
                          template=template, decoded=decoded)
    return Cleaned(article, data, size, mtime_ns)


# --- duplicates --------------------------------------------------------------

def duplicate_keys(folder: str | None, fields: dict) -> list[bytes]:
    """The same article twice: the same site (folder) and news code, or the same
    text (folded: spacing and letter forms do not count). ``fields``: the record."""
    keys = []
    if fields["news_id"]:
        keys.append(b"id:" + hashlib.blake2b(os.fsencode(f"{folder}\0{fields['news_id']}"), digest_size=12).digest())
    if fields["text"]:
        keys.append(b"tx:" + hashlib.blake2b(fold(fields["text"], remember=False).encode(), digest_size=12).digest())
    return keys


class Duplicates:
    """Which input gave each duplicate key first, for one pass over the inputs
    (the CLI keeps the same in its state, across runs)."""

    def __init__(self):
        self._first: dict[bytes, str] = {}

    def first_of(self, keys: list[bytes], path: str) -> str | None:
        """Another input that gave one of these keys first, or None."""
        for key in keys:
            first = self._first.get(key)
            if first is not None and first != path:
                return first
        return None

    def remember(self, keys: list[bytes], path: str) -> None:
        for key in keys:
            self._first.setdefault(key, path)
