"""khabar as a library: one page, or many files with their folders' templates
learnt and their duplicates marked, as ``khabar clean`` does them.

    >>> import khabar
    >>> article = khabar.clean(open("page.txt", "rb").read())
    >>> article.title, article.published, article.to_json()
    >>> for article in khabar.clean_many("pages/", dedupe=True, jobs=4):
    ...     print(article.path, article.news_id)
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from khabar.core.config import Config
from khabar.core.errors import InputError, KhabarError
from khabar.core.folder import Duplicates, clean_file, duplicate_keys, learn_folder
from khabar.core.inputs import groups
from khabar.core.model import Article
from khabar.core.reading import over_limit
from khabar.core.render import record
from khabar.core.template import Template

# Files sent to a worker process at once, and batches in flight per process.
BATCH_SIZE = 16
WINDOW_PER_JOB = 4


def clean(page: bytes | str, *, path: str | os.PathLike | None = None, config: Config | None = None) -> Article:
    """Clean one page: its bytes (any encoding khabar reads) or its text.

    The same article as ``khabar clean FILE`` gives for that file: ``path`` is
    the name the article carries (default ``-``; with ``config.reference`` set to
    mtime, the file's modification time is read there). Raises
    :class:`khabar.InputError` for bytes that are no text page, or more than
    ``config.max_bytes``.
    """
    from khabar.core.pipeline import clean_bytes

    config = config or Config()
    name = os.fspath(path) if path is not None else "-"
    if not isinstance(page, str) and len(page) > config.max_bytes:
        raise over_limit(name, config.max_bytes, len(page))
    reference = None
    if config.reference.mtime and path is not None:
        try:
            reference = config.reference.at(os.stat(name).st_mtime_ns)
        except OSError:
            pass  # no such file: no reference, as for standard input
    return clean_bytes(page, path=name, config=config, reference=reference)


def clean_many(paths_or_folder: str | os.PathLike | Iterable[str | os.PathLike], *, config: Config | None = None,
               learn: bool = True, dedupe: bool = False, jobs: int = 1,
               errors: Callable[[str], None] | None = None) -> Iterator[Article]:
    """Clean files and folders (walked as ``khabar clean`` walks them: ``*.txt``,
    sorted, khabar's outputs left out), yielding the articles in input order.

    ``learn``: first learn each folder's template (lines that recur in many of
    its pages are removed). A duplicate (the same site and news code, or the
    same text) carries ``duplicate_of``; with ``dedupe`` it is left out.
    ``jobs`` > 1 cleans in that many worker processes (learning stays here).
    A file that cannot be cleaned raises :class:`khabar.InputError`, or, with
    ``errors``, is reported to it in one line and skipped.
    """
    config = config or Config()
    if isinstance(paths_or_folder, (str, os.PathLike)):
        paths_or_folder = [paths_or_folder]
    given = [os.fspath(p) for p in paths_or_folder]
    seen = Duplicates()
    with _Workers(jobs) as workers:
        for group in groups(given):
            paths = [job.path for job in group.jobs]
            template = learn_folder(paths, max_bytes=config.max_bytes, input=config.input) if learn else None
            for path, article, error in workers.clean(paths, config, template):
                if error is not None:
                    if errors is None:
                        raise InputError(error)
                    errors(error)
                    continue
                keys = duplicate_keys(group.folder, record(article))
                article.duplicate_of = seen.first_of(keys, path)
                if article.duplicate_of is not None and dedupe:
                    continue
                seen.remember(keys, path)
                yield article


def clean_paths(paths: list[str], config: Config, template: Template | None) -> list[tuple[str, Article | None, str | None]]:
    """Clean files of one folder: (path, article, None), or (path, None, why not)."""
    out = []
    for path in paths:
        try:
            out.append((path, clean_file(path, config=config, template=template).article, None))
        except OSError as err:
            out.append((path, None, f"{path}: cannot read: {err.strerror or err}"))
        except KhabarError as err:
            out.append((path, None, str(err)))
    return out


class _Workers:
    """Files cleaned here (one job) or in a process pool, results in order."""

    def __init__(self, jobs: int):
        self.jobs, self.pool = jobs, None

    def __enter__(self) -> _Workers:
        if self.jobs > 1:
            import multiprocessing
            import threading
            from concurrent.futures import ProcessPoolExecutor

            # Forked workers start at once with what this process has loaded; a
            # process with threads (or not on Linux) starts them afresh.
            fork = sys.platform.startswith("linux") and threading.active_count() == 1
            context = multiprocessing.get_context("fork" if fork else "spawn")
            self.pool = ProcessPoolExecutor(self.jobs, mp_context=context)
        return self

    def __exit__(self, *exc) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def clean(self, paths: list[str], config: Config, template: Template | None) -> Iterator[tuple]:
        if self.pool is None:
            for path in paths:
                yield from clean_paths([path], config, template)
            return
        batches = (paths[i:i + BATCH_SIZE] for i in range(0, len(paths), BATCH_SIZE))
        pending: deque = deque()
        for batch in batches:
            pending.append(self.pool.submit(clean_paths, batch, config, template))
            if len(pending) >= self.jobs * WINDOW_PER_JOB:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
