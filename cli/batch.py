"""Run the pipeline over the inputs a user named: files, folders, standard input.

Streams: one input is read, cleaned and written before the next, so memory does
not grow with the number of files. Outputs are written atomically (a
temporary file renamed into place), so a run that is killed leaves no
half-written file. Inputs are only ever opened for reading.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from khabar.core import KhabarError
from khabar.core.pipeline import Config, clean_bytes, normalized_text
from khabar.core.render import EXTENSIONS, render
from khabar.core.template import MIN_FILES, Template, learn, sample

STDIN = "-"


def inputs(paths: list[str], *, include: str, report: Callable[[str], None]) -> Iterator[tuple[str, Path | None]]:
    """(display path, output path relative to --output) for every input, folders walked in sorted order."""
    for given in paths:
        if given == STDIN:
            yield STDIN, Path("stdin")
            continue
        path = Path(given)
        if path.is_dir():
            for found in sorted(p for p in path.rglob(include) if p.is_file()):
                yield str(found), found.relative_to(path)
        else:
            # A missing file is reported when it is read, with the other failures.
            yield given, Path(path.name)


def write_atomically(target: Path, text: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8"))
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _read(path: str) -> bytes:
    if path == STDIN:
        return sys.stdin.buffer.read()
    with open(path, "rb") as f:
        return f.read()


def learn_templates(paths: list[str], config: Config) -> dict[Path, Template]:
    """First pass: the template of every folder that holds enough of the inputs.
    Unreadable files are skipped here; the cleaning pass reports them."""
    by_folder: dict[Path, list[str]] = defaultdict(list)
    for path in paths:
        if path != STDIN:
            by_folder[Path(path).parent].append(path)
    templates = {}
    for folder, files in by_folder.items():
        if len(files) < MIN_FILES:
            continue

        def texts(files=files):
            for path in sample(files):
                try:
                    yield normalized_text(_read(path), path=path, config=config)
                except (OSError, KhabarError):
                    continue

        templates[folder] = learn(texts())
    return templates


def run(paths: list[str], *, fmt: str, output: Path | None, explain: bool, config: Config,
        include: str, reference: datetime | None, learn_folders: bool, report: Callable[[str], None]) -> int:
    """Clean every input; returns how many failed (each already reported)."""
    failed = 0
    items = list(inputs(paths, include=include, report=report))
    templates = learn_templates([path for path, _ in items], config) if learn_folders else {}
    for path, relative in items:
        try:
            # Relative and year-less dates count only against a reading time the user
            # gives: a file's modification time changes whenever it is copied.
            article = clean_bytes(_read(path), path=path, config=config, reference=reference,
                                  template=templates.get(Path(path).parent))
        except OSError as err:
            report(f"{path}: cannot read: {err.strerror or err}")
            failed += 1
            continue
        except KhabarError as err:
            report(str(err))
            failed += 1
            continue
        text = render(article, fmt, explain=explain)
        if output is None:
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.buffer.flush()
        else:
            target = output / relative.with_suffix(EXTENSIONS[fmt])
            try:
                write_atomically(target, text)
            except OSError as err:
                report(f"{target}: cannot write: {err.strerror or err}")
                failed += 1
    return failed
